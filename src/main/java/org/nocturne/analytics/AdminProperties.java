package org.nocturne.analytics;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code nocturne.admin.*}.
 *
 * @param token the bearer token the admin endpoints require; without one they answer 403
 * @param open admin endpoints without a token: the {@code local} profile only (loopback)
 */
@ConfigurationProperties("nocturne.admin")
public record AdminProperties(String token, Boolean open) {
  public AdminProperties {
    token = token == null || token.isBlank() ? null : token;
    open = open != null && open;
  }
}
