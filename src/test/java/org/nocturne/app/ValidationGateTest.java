package org.nocturne.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** At most the limit of validations run at once, each answered within its deadline or refused. */
class ValidationGateTest {
  @Test
  void aValidationOverTheLimitIsRefusedAtOnce() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    try (ValidationGate gate = new ValidationGate(1, Duration.ofSeconds(10))) {
      CompletableFuture<String> first =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return gate.run(
                      () -> {
                        started.countDown();
                        await(release);
                        return "first";
                      });
                } catch (ValidationGate.Busy e) {
                  return "busy";
                }
              });
      assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

      long before = System.nanoTime();
      assertThatThrownBy(() -> gate.run(() -> "second")).isInstanceOf(ValidationGate.Busy.class);
      assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(1));

      release.countDown();
      assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
      assertThat(gate.run(() -> "third")).isEqualTo("third");
    }
  }

  @Test
  void aValidationPastItsDeadlineIsRefusedAndKeepsItsSlotUntilItEnds() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (ValidationGate gate = new ValidationGate(1, Duration.ofMillis(200))) {
      assertThatThrownBy(
              () ->
                  gate.run(
                      () -> {
                        awaitUninterruptibly(release); // as HAPI: deaf to interrupts
                        return "late";
                      }))
          .isInstanceOf(ValidationGate.Busy.class);
      // the late validation still runs: no second one starts beside it
      assertThatThrownBy(() -> gate.run(() -> "second")).isInstanceOf(ValidationGate.Busy.class);
      assertThat(gate.retryAfterSeconds()).isPositive();

      release.countDown();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      String after = null;
      while (after == null && System.nanoTime() < deadline) {
        try {
          after = gate.run(() -> "after");
        } catch (ValidationGate.Busy e) {
          Thread.sleep(20);
        }
      }
      assertThat(after).isEqualTo("after");
    }
  }

  @Test
  void aFailureInsideTheValidationReachesTheCaller() {
    try (ValidationGate gate = new ValidationGate(1, Duration.ofSeconds(5))) {
      assertThatThrownBy(
              () ->
                  gate.run(
                      () -> {
                        throw new IllegalArgumentException("bad");
                      }))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (latch.getCount() > 0 && System.nanoTime() < end) {
      try {
        latch.await(10, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        // ignored on purpose
      }
    }
  }
}
