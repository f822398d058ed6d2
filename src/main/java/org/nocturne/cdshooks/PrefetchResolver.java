package org.nocturne.cdshooks;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Turns the request's prefetch into a {@link Prefetch}, following 2.0 §Prefetch Template to the
 * letter: a present key is used as sent, {@code null} is "no data" and never re-queried, an
 * OperationOutcome is the EHR's failed fetch, and an absent key is fetched from {@code fhirServer}.
 * Then each key's {@link PrefetchFailureMode} decides whether missing data is a 412.
 */
final class PrefetchResolver {
  private final FhirFetcher fetcher;

  PrefetchResolver(FhirFetcher fetcher) {
    this.fetcher = fetcher;
  }

  Prefetch resolve(CdsRequest request, RegisteredService service) {
    Map<String, PrefetchValue> values = new LinkedHashMap<>();
    service
        .templates()
        .forEach((key, template) -> values.put(key, valueFor(key, template, request)));
    service
        .failureModes()
        .forEach(
            (key, mode) -> {
              if (mode == PrefetchFailureMode.FAIL && !values.get(key).isData()) {
                throw CdsHooksException.preconditionFailed(
                    "required prefetch '" + key + "' is " + describe(values.get(key)));
              }
            });
    return new Prefetch(values);
  }

  private PrefetchValue valueFor(String key, PrefetchTemplate template, CdsRequest request) {
    JsonNode prefetch = request.prefetch();
    if (prefetch == null || !prefetch.has(key)) {
      return fetch(template, request);
    }
    JsonNode value = prefetch.get(key);
    if (value.isNull()) {
      return new PrefetchValue.NoData();
    }
    String type = value.isObject() ? value.path("resourceType").asString("") : "";
    if (type.isEmpty()) {
      throw CdsHooksException.badRequest("prefetch '" + key + "' is not a FHIR resource");
    }
    if (type.equals("OperationOutcome") || isOnlyOperationOutcomes(value)) {
      return new PrefetchValue.ClientError(value);
    }
    if (!type.equals(template.expectedResourceType())) {
      throw CdsHooksException.badRequest(
          "prefetch '"
              + key
              + "' holds a "
              + CdsHooksException.safe(type)
              + ", expected a "
              + template.expectedResourceType());
    }
    return new PrefetchValue.Data(value, PrefetchValue.Origin.PREFETCHED);
  }

  private PrefetchValue fetch(PrefetchTemplate template, CdsRequest request) {
    if (request.fhirServer() == null) {
      return new PrefetchValue.Unavailable("not prefetched and no fhirServer was given");
    }
    return template
        .resolve(request.context())
        .map(
            url ->
                fetcher.fetch(
                    request.fhirServer(),
                    request.fhirAuthorization(),
                    url,
                    template.expectedResourceType()))
        .orElseGet(
            () -> new PrefetchValue.Unavailable("its template has no value in this context"));
  }

  /** A searchset whose only entries are OperationOutcomes carries an error, not data. */
  private static boolean isOnlyOperationOutcomes(JsonNode resource) {
    if (!"Bundle".equals(resource.path("resourceType").asString(""))) {
      return false;
    }
    JsonNode entries = resource.path("entry");
    if (!entries.isArray() || entries.isEmpty()) {
      return false;
    }
    for (JsonNode entry : entries) {
      if (!"OperationOutcome".equals(entry.path("resource").path("resourceType").asString(""))) {
        return false;
      }
    }
    return true;
  }

  private static String describe(PrefetchValue value) {
    if (value instanceof PrefetchValue.NoData) {
      return "null (the EHR has no data)";
    }
    if (value instanceof PrefetchValue.ClientError) {
      return "an OperationOutcome (the EHR could not fetch it)";
    }
    if (value instanceof PrefetchValue.Unavailable unavailable) {
      return "unavailable: " + unavailable.reason();
    }
    return "present";
  }
}
