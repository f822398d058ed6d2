package org.nocturne.cdshooks.security;

import java.time.Duration;
import java.util.List;

/** Security settings with JWTs required and one trusted issuer, as the defaults set the rest. */
public final class OneIssuer {
  private OneIssuer() {}

  public static SecurityProperties properties(String publicBaseUrl, String issuer, String jwksUri) {
    return new SecurityProperties(
        true,
        publicBaseUrl,
        List.of(
            new SecurityProperties.TrustedIssuer(
                issuer, jwksUri, List.of(), List.of(), List.of(), List.of())),
        List.of(),
        Duration.ofSeconds(60),
        Duration.ofHours(1),
        Duration.ofHours(1),
        List.of());
  }
}
