package org.nocturne.cdshooks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a service that requires JWTs but trusts no issuer (it could answer nobody), and
 * says loudly at every start when JWT verification is off.
 */
@Component
class SecurityStartupCheck implements InitializingBean {
  private static final Logger log = LoggerFactory.getLogger(SecurityStartupCheck.class);
  private final SecurityProperties properties;
  private final String address;

  SecurityStartupCheck(
      SecurityProperties properties, @Value("${server.address:all interfaces}") String address) {
    this.properties = properties;
    this.address = address;
  }

  @Override
  public void afterPropertiesSet() {
    if (properties.jwtRequired() && properties.trustedIssuers().isEmpty()) {
      throw new IllegalStateException(
          "nocturne.security.jwt-required is true but no issuer is trusted: set "
              + "nocturne.security.trusted-issuers[0].issuer and nocturne.security.trusted-issuers[0].jwks-uri "
              + "(README, Security), or run on a workstation with the local profile (./mvnw spring-boot:run).");
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
