package org.nocturne.analytics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code nocturne.admin.*}.
 *
 * @param token the bearer token the admin endpoints require; without one they answer 403
 * @param open admin endpoints without a token: the {@code local} profile only (loopback)
 */
@Validated
@ConfigurationProperties("nocturne.admin")
public record AdminProperties(String token, @DefaultValue("false") Boolean open) {
  public AdminProperties {
    token = token == null || token.isBlank() ? null : token;
    open = open != null && open;
  }
}
