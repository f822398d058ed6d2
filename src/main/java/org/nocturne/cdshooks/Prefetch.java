package org.nocturne.cdshooks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Every prefetch key of a service, resolved, in template order. */
public record Prefetch(Map<String, PrefetchValue> values) {
  public Prefetch {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
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
        .filter(
            entry ->
                entry.getValue() instanceof PrefetchValue.ClientError
                    || entry.getValue() instanceof PrefetchValue.Unavailable)
        .map(Map.Entry::getKey)
        .toList();
  }
}
