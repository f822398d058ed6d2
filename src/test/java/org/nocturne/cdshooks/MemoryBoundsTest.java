package org.nocturne.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/** Memory a caller can grow is bounded in bytes, and exhaustion shows in health (issue 19.4). */
class MemoryBoundsTest {

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
        new PrefetchProperties(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            10,
            10_485_760L,
            Duration.ofSeconds(60),
            10_000L,
            List.of(),
            1_000_000L);
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
