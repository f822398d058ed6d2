package org.nocturne.cdshooks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a service that would answer unauthenticated calls by accident. JWT verification
 * is not part of this build yet, so only a start with {@code jwt-required=false} (the {@code local}
 * profile, on loopback) may run; the warning says so on every start.
 */
@Component
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityStartupCheck implements InitializingBean {
  private static final Logger log = LoggerFactory.getLogger(SecurityStartupCheck.class);
  private final SecurityProperties properties;

  SecurityStartupCheck(SecurityProperties properties) {
    this.properties = properties;
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
