package org.nocturne.cdshooks.security;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code nocturne.http.*}: what one request body may cost the server, on every path (README,
 * Security).
 *
 * @param maxConcurrentBodies requests with a body served at once; more answer 503 with {@code
 *     Retry-After} at once, and their connection is closed unread. Below Tomcat's worker threads
 *     (200), so slow senders can never hold them all (default 64)
 * @param bodyReadTimeout the longest a body may take to arrive, from the request's start; later
 *     reads fail and the call answers 408 (default 10 s)
 */
@Validated
@ConfigurationProperties("nocturne.http")
public record HttpLimitsProperties(
    @DefaultValue("64") @Min(1) int maxConcurrentBodies,
    @DefaultValue("10s") Duration bodyReadTimeout) {
  public HttpLimitsProperties {
    if (bodyReadTimeout == null || bodyReadTimeout.isNegative() || bodyReadTimeout.isZero()) {
      throw new IllegalArgumentException("nocturne.http.body-read-timeout must be positive");
    }
  }
}
