package org.nocturne.cdshooks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A service joined to its discovery entry, with its templates parsed once at start-up. */
public record RegisteredService(
    CdsServiceDescriptor descriptor,
    CdsService service,
    Map<String, PrefetchTemplate> templates,
    Map<String, PrefetchFailureMode> failureModes) {

  public static RegisteredService of(CdsServiceDescriptor descriptor, CdsService service) {
    if (!HookContextRules.knows(descriptor.hook())) {
      throw new IllegalStateException(
          "service " + descriptor.id() + ": unsupported hook " + descriptor.hook());
    }
    Map<String, PrefetchTemplate> templates = new LinkedHashMap<>();
    descriptor.prefetch().forEach((key, text) -> templates.put(key, PrefetchTemplate.parse(text)));
    service
        .failureModes()
        .keySet()
        .forEach(
            key -> {
              if (!templates.containsKey(key)) {
                throw new IllegalStateException(
                    "service "
                        + descriptor.id()
                        + ": failure mode for undeclared prefetch key "
                        + key);
              }
            });
    return new RegisteredService(
        descriptor,
        service,
        Collections.unmodifiableMap(templates),
        Map.copyOf(service.failureModes()));
  }
}
