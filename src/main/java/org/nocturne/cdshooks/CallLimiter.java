package org.nocturne.cdshooks;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Caps the calls served at once to what the heap holds: 200 Tomcat threads each reading a 5 MiB
 * body do not fit a 256 MB heap. A call over the cap is refused at once with 503 and {@code
 * Retry-After}, before its body is read.
 */
final class CallLimiter {
  private final Semaphore permits;
  private final int limit;

  CallLimiter(int limit) {
    this.limit = limit;
    this.permits = new Semaphore(limit);
  }

  int limit() {
    return limit;
  }

  <T> T run(Supplier<T> call) {
    if (!permits.tryAcquire()) {
      throw CdsHooksException.busy();
    }
    try {
      return call.get();
    } finally {
      permits.release();
    }
  }
}
