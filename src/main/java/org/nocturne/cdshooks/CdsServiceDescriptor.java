package org.nocturne.cdshooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;

/** One entry of the discovery response (2.0 §Discovery). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CdsServiceDescriptor(
    String hook,
    String title,
    String description,
    String id,
    Map<String, String> prefetch,
    String usageRequirements) {
  public CdsServiceDescriptor {
    Require.text(hook, "service.hook");
    Require.text(description, "service.description");
    Require.text(id, "service.id");
    prefetch = prefetch == null ? Map.of() : new LinkedHashMap<>(prefetch);
    prefetch.values().forEach(PrefetchTemplate::parse);
  }
}
