package org.nocturne.cdshooks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Every prefetch key of a service, resolved, in template order.
 *
 * @param referencedMedications Medications the orders named by reference, fetched from {@code
 *     fhirServer} because neither the prefetch nor {@code draftOrders} held them
 */
public record Prefetch(Map<String, PrefetchValue> values, List<JsonNode> referencedMedications) {
  public Prefetch {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    referencedMedications = List.copyOf(referencedMedications);
  }

  public Prefetch(Map<String, PrefetchValue> values) {
    this(values, List.of());
  }

  /** The resource or Bundle under a key, when there is data. */
  public Optional<JsonNode> data(String key) {
    return values.get(key) instanceof PrefetchValue.Data data
        ? Optional.of(data.resource())
        : Optional.empty();
  }

  /** Keys whose data could not be had (OperationOutcome or unavailable), for the guidance. */
  public List<String> missingKeys() {
    return values.entrySet().stream()
        .filter(entry -> reasonMissing(entry.getValue()) != null)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** Each key whose data could not be had, with why: "conditions (the FHIR server ...)". */
  public List<String> missing() {
    return values.entrySet().stream()
        .filter(entry -> reasonMissing(entry.getValue()) != null)
        .map(entry -> entry.getKey() + " (" + reasonMissing(entry.getValue()) + ")")
        .toList();
  }

  /**
   * Whether a key could not be had because something failed (the EHR's own fetch, an error, a
   * timeout, a limit), not only because the EHR neither sent it nor let us fetch it.
   */
  public boolean anyFailed() {
    return values.values().stream()
        .anyMatch(
            value ->
                value instanceof PrefetchValue.ClientError
                    || (value instanceof PrefetchValue.Unavailable unavailable
                        && unavailable.failure() != PrefetchValue.Failure.OTHER));
  }

  /** Keys this service fetched from the FHIR server itself (or had cached), not prefetched. */
  public Set<String> fetchedKeys() {
    return values.entrySet().stream()
        .filter(
            entry ->
                entry.getValue() instanceof PrefetchValue.Data data
                    && data.origin() != PrefetchValue.Origin.PREFETCHED)
        .map(Map.Entry::getKey)
        .collect(Collectors.toUnmodifiableSet());
  }

  private static String reasonMissing(PrefetchValue value) {
    if (value instanceof PrefetchValue.ClientError) {
      return "the EHR could not fetch it";
    }
    return value instanceof PrefetchValue.Unavailable unavailable ? unavailable.reason() : null;
  }
}
