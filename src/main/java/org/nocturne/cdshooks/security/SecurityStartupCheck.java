package org.nocturne.cdshooks.security;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a service that could answer nobody correctly, naming every missing setting: JWTs
 * required but no issuer trusted, or no {@code public-base-url} outside the {@code local} profile
 * (every {@code aud} would mismatch and card links would point to localhost). Says loudly at every
 * start when JWT verification is off.
 */
@Component
class SecurityStartupCheck implements InitializingBean {
  private static final Logger log = LoggerFactory.getLogger(SecurityStartupCheck.class);
  private final SecurityProperties properties;
  private final boolean local;
  private final String address;

  SecurityStartupCheck(
      SecurityProperties properties,
      Environment environment,
      @Value("${server.address:all interfaces}") String address) {
    this.properties = properties;
    this.local = environment.matchesProfiles("local");
    this.address = address;
  }

  @Override
  public void afterPropertiesSet() {
    List<String> missing = new ArrayList<>();
    if (properties.jwtRequired() && properties.trustedIssuers().isEmpty()) {
      missing.add(
          "nocturne.security.jwt-required is true but no issuer is trusted: set "
              + "nocturne.security.trusted-issuers[0].issuer and nocturne.security.trusted-issuers[0].jwks-uri "
              + "(docs/security.md)");
    }
    if (properties.publicBaseUrl() == null && (properties.jwtRequired() || !local)) {
      missing.add(
          "nocturne.security.public-base-url is not set: set it to the URL the EHR calls, "
              + "e.g. https://nocturne.hospital.example (JWT aud and card links are built from it)");
    }
    if (!missing.isEmpty()) {
      throw new MissingSettings(missing);
    }
    if (properties.jwtRequired()) {
      log.info("JWT verification is on; {} trusted issuer(s)", properties.trustedIssuers().size());
    } else {
      log.warn(
          "JWT verification is OFF (nocturne.security.jwt-required=false, local profile); listening on {}",
          address);
    }
  }
}
