package org.nocturne.cdshooks.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.nocturne.cdshooks.CdsHooksException;

/**
 * The concurrency cap bounds the calls in the heap, not the connections served (issue 30): calls
 * over it wait their turn, and only one that waits longer than the limit is refused with 503.
 */
class CallLimiterTest {

  @Test
  void sixteenConnectionsToACapOfFourAreAllServed() throws Exception {
    CallLimiter limiter = new CallLimiter(4, Duration.ofSeconds(2));
    ExecutorService connections = Executors.newFixedThreadPool(16);
    try {
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < 16 * 10; i++) {
        answers.add(
            connections.submit(
                () ->
                    limiter.run(
                        () -> {
                          sleep(5);
                          return "ok";
                        })));
      }
      for (Future<String> answer : answers) {
        assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo("ok");
      }
    } finally {
      connections.shutdownNow();
    }
  }

  @Test
  void aCallThatWaitsLongerThanTheLimitIsRefusedAsBusy() throws Exception {
    CallLimiter limiter = new CallLimiter(1, Duration.ofMillis(100));
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService first = Executors.newSingleThreadExecutor();
    try {
      first.submit(
          () ->
              limiter.run(
                  () -> {
                    holding.countDown();
                    await(release);
                    return "first";
                  }));
      assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

      assertThatThrownBy(() -> limiter.run(() -> "second"))
          .isInstanceOfSatisfying(
              CdsHooksException.class, e -> assertThat(e.status()).isEqualTo(503));
    } finally {
      release.countDown();
      first.shutdown();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
