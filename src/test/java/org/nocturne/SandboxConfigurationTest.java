package org.nocturne;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nocturne.cdshooks.security.SecurityProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code src/docs/sandbox.yml}, given as the README says ({@code
 * --spring.config.additional-location}), starts the production mode trusting exactly the public CDS
 * Hooks sandbox: its issuer, its JWKS and that JWKS as the one allowed {@code jku}, its origin for
 * CORS. (The sandbox itself is out of reach here: no network.)
 */
class SandboxConfigurationTest {
  private static final String SANDBOX = "https://sandbox.cds-hooks.org";

  @Test
  void theSandboxFileTrustsTheSandboxAndNothingElse() {
    var app = new SpringApplication(NocturneApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);

    try (ConfigurableApplicationContext context =
        app.run("--spring.config.additional-location=file:src/docs/sandbox.yml")) {
      SecurityProperties security = context.getBean(SecurityProperties.class);

      assertThat(security.jwtRequired()).isTrue();
      assertThat(security.publicBaseUrl()).isEqualTo("http://localhost:8080");
      assertThat(security.allowedOrigins()).containsExactly(SANDBOX);
      assertThat(security.trustedIssuers()).hasSize(1);
      var issuer = security.trustedIssuers().get(0);
      assertThat(issuer.issuer()).isEqualTo(SANDBOX);
      assertThat(issuer.jwksUri()).isEqualTo(SANDBOX + "/.well-known/jwks.json");
      assertThat(issuer.allowedJku()).containsExactly(SANDBOX + "/.well-known/jwks.json");
      assertThat(issuer.fhirServers()).isEmpty();
      // a trial without a database: the file says so itself, the tests' own memory default aside
      assertThat(context.getEnvironment().getProperty("nocturne.state")).isEqualTo("memory");
    }
  }
}
