package org.nocturne.cdshooks;

import java.util.List;

/** The discovery response: {@code {"services": [...]}}. */
public record Discovery(List<CdsServiceDescriptor> services) {
  public Discovery {
    services = List.copyOf(Require.present(services, "services"));
  }
}
