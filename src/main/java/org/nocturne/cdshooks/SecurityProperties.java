package org.nocturne.cdshooks;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code nocturne.security.*}.
 *
 * @param jwtRequired whether every call must carry a valid JWT from a trusted issuer (2.0 §Trusting
 *     CDS Clients); {@code true} unless the {@code local} profile turns it off
 * @param publicBaseUrl the absolute URL at which EHRs reach this service (card links point here);
 *     default {@code http://localhost:8080}
 */
@ConfigurationProperties("nocturne.security")
public record SecurityProperties(Boolean jwtRequired, String publicBaseUrl) {
  public SecurityProperties {
    jwtRequired = jwtRequired == null || jwtRequired;
    publicBaseUrl =
        publicBaseUrl == null || publicBaseUrl.isBlank() ? "http://localhost:8080" : publicBaseUrl;
    java.net.URI uri = java.net.URI.create(publicBaseUrl);
    if (!uri.isAbsolute() || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "nocturne.security.public-base-url must be an absolute URL");
    }
  }
}
