package org.nocturne.cdshooks;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one hook call may read, all sources together: the request body and every page of every
 * prefetch key fetched for it count against one byte budget, and every fetch still running when the
 * call's time budget or the call itself ends is cancelled. Without it, one call could read 10 pages
 * of 10 MiB for each of five keys and go on fetching after its answer was sent.
 */
public final class CallBudget {
  private final long limit;
  private final AtomicLong remaining;
  private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  public CallBudget(long bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("the call budget must be positive");
    }
    this.limit = bytes;
    this.remaining = new AtomicLong(bytes);
  }

  /** For callers outside a hook call (tests, tools): only the per-response limits apply. */
  public static CallBudget unlimited() {
    return new CallBudget(Long.MAX_VALUE);
  }

  public long limit() {
    return limit;
  }

  /** Counts bytes read; {@code false} once the call has read more than its budget. */
  public boolean take(long bytes) {
    return remaining.addAndGet(-bytes) >= 0;
  }

  public boolean exhausted() {
    return remaining.get() < 0;
  }

  /** Once closed, nothing more is fetched for the call: its answer no longer waits for data. */
  public boolean closed() {
    return closed;
  }

  /** Registers a running fetch so {@link #close()} can cancel it. */
  public <T> CompletableFuture<T> track(CompletableFuture<T> fetch) {
    inFlight.add(fetch);
    fetch.whenComplete((value, error) -> inFlight.remove(fetch));
    if (closed) {
      fetch.cancel(true);
    }
    return fetch;
  }

  /** Cancels every fetch still running (the JDK client then aborts the exchange). */
  public void close() {
    closed = true;
    for (CompletableFuture<?> fetch : inFlight) {
      fetch.cancel(true);
    }
  }
}
