package org.nocturne.cdshooks;

import java.net.URI;
import java.net.URISyntaxException;
import tools.jackson.databind.JsonNode;

/** Checks a bound request against CDS Hooks 2.0 §HTTP Request and the hook's context rules. */
public final class RequestValidator {
  private RequestValidator() {}

  public static void check(CdsRequest request, CdsServiceDescriptor service) {
    if (request.hook() == null || request.hook().isBlank()) {
      throw CdsHooksException.badRequest("hook is required");
    }
    if (!request.hook().equals(service.hook())) {
      throw CdsHooksException.badRequest(
          "service '" + service.id() + "' answers the " + service.hook() + " hook only");
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
    checkIds(request);
    JsonNode prefetch = request.prefetch();
    if (prefetch != null && !prefetch.isObject()) {
      throw CdsHooksException.badRequest("prefetch must be an object of prefetch keys");
    }
  }

  private static void checkFhirAccess(CdsRequest request) {
    if (request.fhirServer() != null && !isAbsoluteHttpUrl(request.fhirServer())) {
      throw CdsHooksException.badRequest(
          "fhirServer must be an absolute http(s) URL without a query");
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

  /**
   * Every id the request carries may end up in a FHIR query or a card: each must be a FHIR id. The
   * error names the field, never the value.
   */
  private static void checkIds(CdsRequest request) {
    JsonNode context = request.context();
    for (String field : new String[] {"patientId", "encounterId"}) {
      JsonNode value = context.get(field);
      if (value != null
          && !value.isNull()
          && !(value.isString() && FhirId.valid(value.asString()))) {
        throw CdsHooksException.badRequest(
            "context." + field + " must be a FHIR id ([A-Za-z0-9-.], at most 64)");
      }
    }
    JsonNode userId = context.get("userId");
    if (userId != null && !(userId.isString() && FhirId.validReference(userId.asString()))) {
      throw CdsHooksException.badRequest("context.userId must be ResourceType/id with a FHIR id");
    }
    JsonNode selections = context.get("selections");
    if (selections != null && selections.isArray()) {
      for (JsonNode selection : selections) {
        // an EHR's own order id (Epic's run to ~190 characters): bounded, safe, never in a URL
        if (!FhirId.validOrderReference(selection.asString(""))) {
          throw CdsHooksException.badRequest(
              "context.selections must hold ResourceType/id references (ids of at most 256"
                  + " characters [A-Za-z0-9-._])");
        }
      }
    }
    FhirAuthorization auth = request.fhirAuthorization();
    if (auth != null && auth.patient() != null && !FhirId.valid(auth.patient())) {
      throw CdsHooksException.badRequest("fhirAuthorization.patient must be a FHIR id");
    }
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
      // a query would ride along on every request made below this base
      return uri.getHost() != null
          && uri.getRawQuery() == null
          && !url.contains("?")
          && ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme));
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
