package org.nocturne.cdshooks;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The replay guard of a single JVM ({@code nocturne.state=memory}): correct for one replica only.
 * When full it fails closed instead of evicting, since an evicted {@code jti} could be replayed.
 */
public final class InMemoryReplayGuard implements ReplayGuard {
  private final Map<String, Instant> claimed = new ConcurrentHashMap<>();
  private final int capacity;
  private final Clock clock;

  public InMemoryReplayGuard(int capacity, Clock clock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.capacity = capacity;
    this.clock = clock;
  }

  @Override
  public boolean claim(String issuer, String jti, Instant expiresAt) {
    Instant now = clock.instant();
    if (claimed.size() >= capacity) {
      purgeExpired(now);
      if (claimed.size() >= capacity) {
        throw new StateUnavailable("replay guard is full", null);
      }
    }
    String key = issuer + "|" + jti;
    Instant[] previous = new Instant[1];
    claimed.compute(
        key,
        (k, until) -> {
          previous[0] = until;
          return until != null && until.isAfter(now) ? until : expiresAt;
        });
    return previous[0] == null || !previous[0].isAfter(now);
  }

  private void purgeExpired(Instant now) {
    for (Iterator<Instant> it = claimed.values().iterator(); it.hasNext(); ) {
      if (!it.next().isAfter(now)) {
        it.remove();
      }
    }
  }
}
