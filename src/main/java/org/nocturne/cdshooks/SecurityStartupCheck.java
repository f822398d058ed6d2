package org.nocturne.cdshooks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a service that requires JWTs but trusts no issuer (it could answer nobody), and
 * says loudly when JWT verification is off.
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
    if (properties.jwtRequired()) {
      throw new IllegalStateException(
          "nocturne.security.jwt-required is true, but this build cannot verify JWTs yet. "
              + "Run with the local profile (./mvnw spring-boot:run, or --spring.profiles.active=local), "
              + "which listens on loopback only.");
    }
    log.warn(
        "JWT verification is OFF (nocturne.security.jwt-required=false): any caller that reaches this port is trusted");
  }
}
