package org.nocturne.cdshooks;

import java.net.URI;
import tools.jackson.databind.JsonNode;

/** Checks a bound request against CDS Hooks 2.0 §HTTP Request and the hook's context rules. */
final class RequestValidator {
  private RequestValidator() {}

  static void check(CdsRequest request, CdsServiceDescriptor service) {
    if (request.hook() == null || request.hook().isBlank()) {
      throw CdsHooksException.badRequest("hook is required");
    }
    if (!request.hook().equals(service.hook())) {
      throw CdsHooksException.badRequest(
          "service '"
              + service.id()
              + "' answers the "
              + service.hook()
              + " hook, not "
              + CdsHooksException.safe(request.hook()));
    }
    if (request.hookInstance() == null || request.hookInstance().isBlank()) {
      throw CdsHooksException.badRequest("hookInstance is required");
    }
    checkFhirAccess(request);
    JsonNode context = request.context();
    if (context == null || !context.isObject()) {
      throw CdsHooksException.badRequest("context is required and must be an object");
    }
    HookContextRules.check(request.hook(), context);
    JsonNode prefetch = request.prefetch();
    if (prefetch != null && !prefetch.isObject()) {
      throw CdsHooksException.badRequest("prefetch must be an object of prefetch keys");
    }
  }

  private static void checkFhirAccess(CdsRequest request) {
    if (request.fhirServer() != null && !isAbsoluteHttpUrl(request.fhirServer())) {
      throw CdsHooksException.badRequest("fhirServer must be an absolute http(s) URL");
    }
    FhirAuthorization auth = request.fhirAuthorization();
    if (auth == null) {
      return;
    }
    if (request.fhirServer() == null) {
      throw CdsHooksException.badRequest("fhirServer is required when fhirAuthorization is given");
    }
    requireField(auth.accessToken(), "access_token");
    if (!"Bearer".equalsIgnoreCase(auth.tokenType())) {
      throw CdsHooksException.badRequest("fhirAuthorization.token_type must be Bearer");
    }
    if (auth.expiresIn() == null) {
      throw CdsHooksException.badRequest("fhirAuthorization.expires_in is required");
    }
    requireField(auth.scope(), "scope");
    requireField(auth.subject(), "subject");
  }

  private static void requireField(String value, String name) {
    if (value == null || value.isBlank()) {
      throw CdsHooksException.badRequest("fhirAuthorization." + name + " is required");
    }
  }

  private static boolean isAbsoluteHttpUrl(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      return uri.getHost() != null
          && ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme));
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }
}
