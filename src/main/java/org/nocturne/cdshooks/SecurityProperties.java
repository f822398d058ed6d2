package org.nocturne.cdshooks;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code nocturne.security.*}.
 *
 * @param jwtRequired whether every call must carry a valid JWT from a trusted issuer (2.0 §Trusting
 *     CDS Clients); {@code true} unless the {@code local} profile turns it off
 */
@ConfigurationProperties("nocturne.security")
public record SecurityProperties(Boolean jwtRequired) {
  public SecurityProperties {
    jwtRequired = jwtRequired == null || jwtRequired;
  }
}
