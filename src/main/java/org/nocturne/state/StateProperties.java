package org.nocturne.state;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code nocturne.state} and {@code nocturne.retention.*}.
 *
 * @param state {@code jdbc} (default: needs {@code spring.datasource.url}) or {@code memory}
 * @param retention how long rows are kept
 */
@Validated
@ConfigurationProperties("nocturne")
public record StateProperties(
    @DefaultValue("jdbc") StateMode state, @DefaultValue Retention retention) {

  public StateProperties {
    state = state == null ? StateMode.JDBC : state;
    retention = retention == null ? new Retention(null, null, null) : retention;
  }

  /**
   * @param feedback feedback and the card topics it is counted by (default 400 days)
   * @param audit the call audit (default 90 days)
   * @param purgeInterval how often old rows and expired {@code jti}s are purged (default 1 day)
   */
  public record Retention(
      @DefaultValue("400d") Duration feedback,
      @DefaultValue("90d") Duration audit,
      @DefaultValue("1d") Duration purgeInterval) {
    public Retention {
      feedback = positive(feedback, Duration.ofDays(400), "feedback");
      audit = positive(audit, Duration.ofDays(90), "audit");
      purgeInterval = positive(purgeInterval, Duration.ofDays(1), "purge-interval");
    }

    private static Duration positive(Duration value, Duration otherwise, String name) {
      if (value == null) {
        return otherwise;
      }
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("nocturne.retention." + name + " must be positive");
      }
      return value;
    }
  }
}
