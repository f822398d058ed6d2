package org.nocturne.cdshooks.prefetch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.nocturne.cdshooks.CallBudget;
import org.nocturne.cdshooks.Caller;
import org.nocturne.cdshooks.CdsHooksException;
import org.nocturne.cdshooks.CdsRequest;
import org.nocturne.cdshooks.FhirAuthorization;
import org.nocturne.cdshooks.Prefetch;
import org.nocturne.cdshooks.PrefetchFailureMode;
import org.nocturne.cdshooks.PrefetchTemplate;
import org.nocturne.cdshooks.PrefetchValue;
import org.nocturne.cdshooks.RegisteredService;
import tools.jackson.databind.JsonNode;

/**
 * Turns the request's prefetch into a {@link Prefetch}, following 2.0 §Prefetch Template to the
 * letter: a present key is used as sent, {@code null} is "no data" and never re-queried, an
 * OperationOutcome is the EHR's failed fetch, and an absent key is fetched from {@code fhirServer}
 * (all absent keys at once, within one time budget, and only from a server the caller may send us
 * to). Then each key's {@link PrefetchFailureMode} decides whether missing data is a 412.
 */
public final class PrefetchResolver {
  private final FhirFetcher fetcher;
  private final Duration budget;

  PrefetchResolver(FhirFetcher fetcher, Duration budget) {
    this.fetcher = fetcher;
    this.budget = budget;
  }

  public Prefetch resolve(CdsRequest request, RegisteredService service, Caller caller) {
    return resolve(request, service, caller, CallBudget.unlimited());
  }

  /** Resolves every key; when it returns, every fetch of the call has ended or been cancelled. */
  public Prefetch resolve(
      CdsRequest request, RegisteredService service, Caller caller, CallBudget callBudget) {
    Map<String, CompletableFuture<PrefetchValue>> pending = new LinkedHashMap<>();
    Map<String, PrefetchValue> values;
    List<JsonNode> medications;
    long deadline = System.nanoTime() + budget.toNanos();
    try {
      service
          .templates()
          .forEach(
              (key, template) ->
                  pending.put(key, valueFor(key, template, request, caller, callBudget)));
      values = await(pending, deadline);
      medications = referencedMedications(request, values, caller, callBudget, deadline);
    } finally {
      callBudget.close();
    }
    service
        .failureModes()
        .forEach(
            (key, mode) -> {
              if (mode == PrefetchFailureMode.FAIL && !values.get(key).isData()) {
                throw CdsHooksException.preconditionFailed(
                    "required prefetch '" + key + "' is " + describe(values.get(key)));
              }
            });
    return new Prefetch(values, medications);
  }

  /**
   * The Medications the record's orders and the draft orders name by a reference nobody sent,
   * fetched by id within what is left of the call's time and bytes. What cannot be had is left to
   * the reader, which then reads the reference's display.
   */
  private List<JsonNode> referencedMedications(
      CdsRequest request,
      Map<String, PrefetchValue> values,
      Caller caller,
      CallBudget callBudget,
      long deadline) {
    if (request.fhirServer() == null || !caller.mayContact(request.fhirServer())) {
      return List.of();
    }
    List<JsonNode> bundles = new ArrayList<>();
    values.values().stream()
        .filter(PrefetchValue.Data.class::isInstance)
        .map(value -> ((PrefetchValue.Data) value).resource())
        .forEach(bundles::add);
    JsonNode drafts = request.context() == null ? null : request.context().get("draftOrders");
    if (drafts != null && drafts.isObject()) {
      bundles.add(drafts);
    }
    List<String> queries = ReferencedMedications.queries(bundles, request.fhirServer());
    Map<String, CompletableFuture<PrefetchValue>> pending = new LinkedHashMap<>();
    for (String query : queries) {
      pending.put(
          query,
          fetcher.fetch(
              request.fhirServer(), request.fhirAuthorization(), query, "Medication", callBudget));
    }
    List<JsonNode> fetched = new ArrayList<>();
    await(pending, deadline)
        .values()
        .forEach(
            value -> {
              if (value instanceof PrefetchValue.Data data) {
                fetched.add(data.resource());
              }
            });
    return fetched;
  }

  /**
   * Fetches every template for one context from one FHIR server, outside a hook call (the
   * questionnaire app): the same fetcher, time budget and byte budget as a call's fallback.
   */
  Prefetch fetchAll(
      Map<String, PrefetchTemplate> templates,
      JsonNode context,
      String fhirServer,
      FhirAuthorization authorization,
      CallBudget callBudget) {
    Map<String, CompletableFuture<PrefetchValue>> pending = new LinkedHashMap<>();
    try {
      templates.forEach(
          (key, template) ->
              pending.put(
                  key,
                  template
                      .resolve(context)
                      .map(
                          url ->
                              fetcher.fetch(
                                  fhirServer,
                                  authorization,
                                  url,
                                  template.expectedResourceType(),
                                  callBudget))
                      .orElseGet(() -> unavailable("its template has no value in this context"))));
      return new Prefetch(await(pending, System.nanoTime() + budget.toNanos()));
    } finally {
      callBudget.close();
    }
  }

  /** Waits for every fetch until the budget runs out; what is not back by then is unavailable. */
  private Map<String, PrefetchValue> await(
      Map<String, CompletableFuture<PrefetchValue>> pending, long deadline) {
    Map<String, PrefetchValue> values = new LinkedHashMap<>();
    for (Map.Entry<String, CompletableFuture<PrefetchValue>> entry : pending.entrySet()) {
      CompletableFuture<PrefetchValue> future = entry.getValue();
      try {
        values.put(
            entry.getKey(),
            future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
      } catch (TimeoutException e) {
        future.cancel(true);
        values.put(
            entry.getKey(),
            new PrefetchValue.Unavailable(
                "timeout: the FHIR server did not answer within the "
                    + budget.toMillis()
                    + " ms budget",
                PrefetchValue.Failure.TIMEOUT));
      } catch (ExecutionException e) {
        values.put(entry.getKey(), new PrefetchValue.Unavailable("the fetch failed"));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        values.put(entry.getKey(), new PrefetchValue.Unavailable("interrupted"));
      }
    }
    return values;
  }

  private CompletableFuture<PrefetchValue> valueFor(
      String key,
      PrefetchTemplate template,
      CdsRequest request,
      Caller caller,
      CallBudget callBudget) {
    JsonNode prefetch = request.prefetch();
    if (prefetch == null || !prefetch.has(key)) {
      return fetch(template, request, caller, callBudget);
    }
    return CompletableFuture.completedFuture(sent(key, template, prefetch));
  }

  private static PrefetchValue sent(String key, PrefetchTemplate template, JsonNode prefetch) {
    JsonNode value = prefetch.get(key);
    if (value.isNull()) {
      return new PrefetchValue.NoData();
    }
    // a key that is not the FHIR data asked for is unavailable, not a malformed request: the
    // service's failure mode decides (412 for the patient), and the rest of the record is read
    String type = value.isObject() ? value.path("resourceType").asString("") : "";
    if (type.isEmpty()) {
      return new PrefetchValue.Unavailable("the EHR sent something that is not a FHIR resource");
    }
    if (isOnlyOperationOutcomes(value) && reportsNoResults(value)) {
      // Epic's empty search: the same as an empty Bundle, never "could not be read"
      return new PrefetchValue.Data(value, PrefetchValue.Origin.PREFETCHED);
    }
    if (type.equals("OperationOutcome") || isOnlyOperationOutcomes(value)) {
      return new PrefetchValue.ClientError(value);
    }
    if (!type.equals(template.expectedResourceType())) {
      return new PrefetchValue.Unavailable(
          "the EHR sent another resource type than " + template.expectedResourceType());
    }
    return new PrefetchValue.Data(value, PrefetchValue.Origin.PREFETCHED);
  }

  private CompletableFuture<PrefetchValue> fetch(
      PrefetchTemplate template, CdsRequest request, Caller caller, CallBudget callBudget) {
    if (request.fhirServer() == null) {
      return unavailable("not prefetched and no fhirServer was given");
    }
    if (!caller.mayContact(request.fhirServer())) {
      return unavailable("not allowed: fhirServer is not on the allowlist for this caller");
    }
    return template
        .resolve(request.context())
        .map(
            url ->
                fetcher.fetch(
                    request.fhirServer(),
                    request.fhirAuthorization(),
                    url,
                    template.expectedResourceType(),
                    callBudget))
        .orElseGet(() -> unavailable("its template has no value in this context"));
  }

  private static CompletableFuture<PrefetchValue> unavailable(String reason) {
    return CompletableFuture.completedFuture(new PrefetchValue.Unavailable(reason));
  }

  /**
   * A searchset whose OperationOutcomes only describe the search ({@code search.mode: outcome},
   * FHIR R4 §3.1.1.4.1; Epic's "Resource request returns no results", code 4101) or that says
   * {@code total: 0} found nothing: "no results", not a failure. An outcome that reports an error
   * without saying nothing was found is still the EHR's failed fetch.
   */
  static boolean reportsNoResults(JsonNode bundle) {
    JsonNode total = bundle.path("total");
    if (total.isIntegralNumber() && total.asLong() == 0) {
      return true;
    }
    for (JsonNode entry : bundle.path("entry")) {
      if (!"outcome".equals(entry.path("search").path("mode").asString(""))) {
        return false;
      }
      for (JsonNode issue : entry.path("resource").path("issue")) {
        String severity = issue.path("severity").asString("");
        if (severity.equals("error") || severity.equals("fatal")) {
          return false;
        }
      }
    }
    return true;
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
