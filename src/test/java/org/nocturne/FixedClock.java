package org.nocturne;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Pins the evaluation date, so recency windows in the example responses never go stale. A test that
 * evaluates at other instants (the physician panels) moves it with {@link #moveTo} and puts it back
 * with {@link #reset}, so it can share the cached context of {@link ContractAppTest}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClock {
  public static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static volatile Instant now = NOW;

  /** Every clock of this configuration reads {@code instant} until {@link #reset}. */
  public static void moveTo(Instant instant) {
    now = instant;
  }

  /** Back to {@link #NOW}. */
  public static void reset() {
    now = NOW;
  }

  @Bean
  @Primary
  Clock fixedClock() {
    return new Pinned(ZoneOffset.UTC);
  }

  private static final class Pinned extends Clock {
    private final ZoneId zone;

    Pinned(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return new Pinned(zone);
    }
  }
}
