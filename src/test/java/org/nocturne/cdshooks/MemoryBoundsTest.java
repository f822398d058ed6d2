package org.nocturne.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/** Memory a caller can grow is bounded in bytes, and exhaustion shows in health (issue 19.4). */
class MemoryBoundsTest {

  private static Feedback withComment(int i, int size) {
    return new Feedback(
        "card-" + i,
        "overridden",
        null,
        new Feedback.OverrideReason(null, "c".repeat(size)),
        "2026-11-27T10:00:00Z");
  }

  @Test
  void theFeedbackLogIsBoundedInBytesAndKeepsTheNewest() {
    InMemoryFeedbackLog log = new InMemoryFeedbackLog(10_000, 64 * 1024);
    List<Feedback> large = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      large.add(withComment(i, 10_000));
    }

    log.record("svc", large);

    assertThat(log.bytes()).isLessThanOrEqualTo(64 * 1024);
    assertThat(log.recent()).hasSizeBetween(1, 7);
    assertThat(log.recent().get(log.recent().size() - 1).feedback().card()).isEqualTo("card-99");
  }

  @Test
  void anItemLargerThanTheWholeLogIsNotKept() {
    InMemoryFeedbackLog log = new InMemoryFeedbackLog(10, 4_096);
    log.record("svc", List.of(withComment(1, 100)));

    log.record("svc", List.of(withComment(2, 10_000)));

    assertThat(log.recent()).extracting(e -> e.feedback().card()).containsExactly("card-1");
  }

  @Test
  void healthIsDownWhenTheHeapIsStillFullAfterACollection() {
    long max = 256L * 1024 * 1024;

    assertThat(new MemoryHealth(() -> new MemoryUsage(0, max - 1, max, max)).health().getStatus())
        .isEqualTo(Status.DOWN);
    assertThat(new MemoryHealth(() -> new MemoryUsage(0, max / 2, max, max)).health().getStatus())
        .isEqualTo(Status.UP);
    assertThat(new MemoryHealth().health().getStatus()).isEqualTo(Status.UP);
  }

  @Test
  void thePrefetchCacheIsBoundedInBytes() {
    var config = new CdsHooksConfiguration();
    var properties =
        new PrefetchProperties(null, null, null, null, null, null, 10_000L, List.of(), 1_000_000L);
    var cache =
        config.prefetchCache(
            properties,
            new org.springframework.beans.factory.support.StaticListableBeanFactory()
                .getBeanProvider(com.github.benmanes.caffeine.cache.Ticker.class),
            new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    var big =
        CdsJson.mapper()
            .readTree("{\"resourceType\":\"Bundle\",\"note\":\"" + "x".repeat(100_000) + "\"}");

    for (int i = 0; i < 50; i++) {
      cache.put("key-" + i, big);
    }
    cache.cleanUp();

    assertThat(cache.estimatedSize()).isLessThanOrEqualTo(10);
    assertThat(JsonWeight.bytes(big)).isGreaterThan(100_000);
  }
}
