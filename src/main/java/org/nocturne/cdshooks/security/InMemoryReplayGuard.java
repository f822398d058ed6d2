package org.nocturne.cdshooks.security;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.nocturne.cdshooks.StateUnavailable;

/**
 * The replay guard of a single JVM ({@code nocturne.state=memory}): correct for one replica only.
 * When full it fails closed instead of evicting, since an evicted {@code jti} could be replayed.
 */
public final class InMemoryReplayGuard implements ReplayGuard {
  private final Map<String, Instant> claimed = new HashMap<>();
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
  public synchronized boolean claim(String issuer, String jti, Instant expiresAt) {
    Instant now = clock.instant();
    String key = issuer + "|" + jti;
    Instant until = claimed.get(key);
    if (until != null && until.isAfter(now)) {
      return false;
    }
    if (until == null && claimed.size() >= capacity) {
      purgeExpired(now);
      if (claimed.size() >= capacity) {
        throw new StateUnavailable("replay guard is full", null);
      }
    }
    claimed.put(key, expiresAt);
    return true;
  }

  private void purgeExpired(Instant now) {
    for (Iterator<Instant> it = claimed.values().iterator(); it.hasNext(); ) {
      if (!it.next().isAfter(now)) {
        it.remove();
      }
    }
  }
}
