package org.nocturne;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** The running modes of the contract: only the local profile runs without JWT verification. */
class RunningModesTest {

  private static SpringApplication app() {
    var app = new SpringApplication(NocturneApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    return app;
  }

  @Test
  void aStartOutsideTheLocalProfileRefusesToRunWithoutJwtVerification() {
    assertThatThrownBy(() -> app().run().close())
        .hasRootCauseInstanceOf(IllegalStateException.class)
        .rootCause()
        .hasMessageContaining("nocturne.security.jwt-required");
  }

  @Test
  void theLocalProfileTurnsJwtOffAndListensOnLoopback() {
    try (ConfigurableApplicationContext context = app().run("--spring.profiles.active=local")) {
      assertThat(context.getEnvironment().getProperty("nocturne.security.jwt-required"))
          .isEqualTo("false");
      assertThat(context.getEnvironment().getProperty("server.address")).isEqualTo("127.0.0.1");
    }
  }
}
