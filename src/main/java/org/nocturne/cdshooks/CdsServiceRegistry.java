package org.nocturne.cdshooks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Joins the discovery document to the service beans. Fails at start-up when either lacks the other,
 * so discovery can never announce a service that does not answer.
 */
public final class CdsServiceRegistry {
  private final DiscoveryDocument document;
  private final Map<String, RegisteredService> byId = new HashMap<>();

  public CdsServiceRegistry(DiscoveryDocument document, List<CdsService> services) {
    this.document = document;
    Map<String, CdsService> beans =
        services.stream().collect(Collectors.toMap(CdsService::id, service -> service));
    for (CdsServiceDescriptor descriptor : document.discovery().services()) {
      CdsService service = beans.get(descriptor.id());
      if (service == null) {
        throw new IllegalStateException(
            "discovery lists " + descriptor.id() + " but no service implements it");
      }
      if (byId.put(descriptor.id(), RegisteredService.of(descriptor, service)) != null) {
        throw new IllegalStateException("discovery lists " + descriptor.id() + " twice");
      }
    }
    Set<String> undiscovered = new TreeSet<>(beans.keySet());
    undiscovered.removeAll(byId.keySet());
    if (!undiscovered.isEmpty()) {
      throw new IllegalStateException("services missing from discovery: " + undiscovered);
    }
  }

  public DiscoveryDocument discovery() {
    return document;
  }

  /** The ids of the registered services, sorted. */
  public Set<String> ids() {
    return new TreeSet<>(byId.keySet());
  }

  public Optional<RegisteredService> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }
}
