package org.nocturne.cdshooks.prefetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nocturne.cdshooks.CdsJson;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The cache of fetched FHIR data is bounded in bytes, not only in entries (issue 19.4). */
class PrefetchCacheBoundsTest {

  @Test
  void thePrefetchCacheIsBoundedInBytes() {
    var config = new PrefetchConfiguration();
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
            new StaticListableBeanFactory().getBeanProvider(Ticker.class),
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
