package org.nocturne;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Pins the evaluation date, so recency windows in the example responses never go stale. */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClock {
  public static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  @Bean
  @Primary
  Clock fixedClock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }
}
