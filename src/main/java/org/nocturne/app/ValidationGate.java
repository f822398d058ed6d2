package org.nocturne.app;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Bounds what HAPI's validator may cost: at most {@code limit} validations run at once (one of 256
 * KiB takes seconds of CPU and hundreds of MB of heap), each on a thread of its own pool; a caller
 * waits at most {@code timeout} for the answer. A validation past its deadline keeps its permit
 * until it really ends (HAPI does not stop when interrupted), so the CPU and heap in use never
 * exceed {@code limit} validations, however many callers time out.
 */
final class ValidationGate implements AutoCloseable {
  /** No permit free, or the answer not ready in time: the caller retries later. */
  static final class Busy extends Exception {
    Busy() {
      super("validator busy", null, false, false);
    }
  }

  private final Semaphore permits;
  private final Duration timeout;
  private final ExecutorService threads;

  ValidationGate(int limit, Duration timeout) {
    if (limit < 1 || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("a positive limit and timeout");
    }
    this.permits = new Semaphore(limit);
    this.timeout = timeout;
    AtomicInteger count = new AtomicInteger();
    this.threads =
        Executors.newFixedThreadPool(
            limit,
            task -> {
              Thread thread = new Thread(task, "validator-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * @return the work's result
   * @throws Busy when {@code limit} validations are running, or this one missed its deadline
   */
  <T> T run(Supplier<T> work) throws Busy {
    if (!permits.tryAcquire()) {
      throw new Busy();
    }
    Future<T> result;
    try {
      result =
          threads.submit(
              () -> {
                try {
                  return work.get();
                } finally {
                  permits.release();
                }
              });
    } catch (RejectedExecutionException e) {
      permits.release();
      throw new Busy();
    }
    try {
      return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      result.cancel(true);
      throw new Busy();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result.cancel(true);
      throw new Busy();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(Optional.ofNullable(e.getCause()).orElse(e));
    }
  }

  /** Seconds a refused caller should wait: one deadline. */
  long retryAfterSeconds() {
    return Math.max(1, timeout.toSeconds());
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
