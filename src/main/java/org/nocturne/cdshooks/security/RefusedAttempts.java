package org.nocturne.cdshooks.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Refused requests counted per client address over a window: past {@code limit}, the client is
 * refused with 429 before its credentials are even tried, so guessing tokens (the admin token, or
 * bearer tokens and patient ids through the app's assessment) costs a window per few tries. Bounded
 * (10,000 addresses), forgotten after the window.
 */
public final class RefusedAttempts {
  private final int limit;
  private final Duration window;
  private final Cache<String, AtomicInteger> counts;

  public RefusedAttempts(int limit, Duration window, Ticker ticker) {
    this.limit = limit;
    this.window = window;
    this.counts =
        Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(window).ticker(ticker).build();
  }

  /** Whether this client has used up its refusals for the window. */
  public boolean exhausted(String client) {
    AtomicInteger count = counts.getIfPresent(client);
    return count != null && count.get() >= limit;
  }

  /** Counts one refusal; the window starts at the first. */
  public void refused(String client) {
    counts.asMap().computeIfAbsent(client, any -> new AtomicInteger()).incrementAndGet();
  }

  public long retryAfterSeconds() {
    return Math.max(1, window.toSeconds());
  }
}
