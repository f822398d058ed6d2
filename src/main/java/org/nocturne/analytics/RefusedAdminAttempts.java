package org.nocturne.analytics;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Refused admin requests counted per client address over a window: past {@code limit}, the client
 * is refused with 429 before its token is even compared, so guessing tokens costs a window per few
 * tries. Bounded (10,000 addresses), forgotten after the window.
 */
final class RefusedAdminAttempts {
  private final int limit;
  private final Duration window;
  private final Cache<String, AtomicInteger> counts;

  RefusedAdminAttempts(int limit, Duration window, Ticker ticker) {
    this.limit = limit;
    this.window = window;
    this.counts =
        Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(window).ticker(ticker).build();
  }

  /** Whether this client has used up its refusals for the window. */
  boolean exhausted(String client) {
    AtomicInteger count = counts.getIfPresent(client);
    return count != null && count.get() >= limit;
  }

  /** Counts one refusal; the window starts at the first. */
  void refused(String client) {
    counts.asMap().computeIfAbsent(client, any -> new AtomicInteger()).incrementAndGet();
  }

  long retryAfterSeconds() {
    return Math.max(1, window.toSeconds());
  }
}
