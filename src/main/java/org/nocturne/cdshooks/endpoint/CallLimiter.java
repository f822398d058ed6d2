package org.nocturne.cdshooks.endpoint;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.nocturne.cdshooks.CdsHooksException;

/**
 * Caps the calls served at once to what the heap holds: 200 Tomcat threads each reading a 5 MiB
 * body do not fit a 256 MB heap. A call over the cap waits its turn, in order of arrival and with
 * its body not yet read, for at most {@code wait}; only then is it refused with 503 and {@code
 * Retry-After}. So a burst of connections (16 to one pod, issue 30) is served, not refused, while
 * the heap still holds only {@code limit} calls.
 */
final class CallLimiter {
  private final Semaphore permits;
  private final int limit;
  private final long waitNanos;

  CallLimiter(int limit) {
    this(limit, Duration.ZERO);
  }

  CallLimiter(int limit, Duration wait) {
    this.limit = limit;
    this.permits = new Semaphore(limit, true);
    this.waitNanos = wait.toNanos();
  }

  int limit() {
    return limit;
  }

  <T> T run(Supplier<T> call) {
    if (!acquire()) {
      throw CdsHooksException.busy();
    }
    try {
      return call.get();
    } finally {
      permits.release();
    }
  }

  private boolean acquire() {
    // the free path first: no timed wait when a permit is there
    if (permits.tryAcquire()) {
      return true;
    }
    if (waitNanos <= 0) {
      return false;
    }
    try {
      return permits.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
