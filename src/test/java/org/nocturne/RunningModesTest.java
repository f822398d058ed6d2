package org.nocturne;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nocturne.cdshooks.security.PublicBaseUrl;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The running modes of the contract: only the local profile runs without JWT verification. */
class RunningModesTest {
  // the start failures below are expected: keep their stack traces out of the build log
  private static final String QUIET = "--logging.level.org.springframework.boot=off";
  private static final String QUIET_CONTEXT = "--logging.level.org.springframework.context=error";
  private static final String QUIET_REPORT =
      "--logging.level.org.springframework.boot.autoconfigure.logging=off";
  private static final String ISSUER = "--nocturne.security.trusted-issuers[0].issuer=https://ehr";
  private static final String JWKS =
      "--nocturne.security.trusted-issuers[0].jwks-uri=https://ehr/jwks";

  private static SpringApplication app() {
    var app = new SpringApplication(NocturneApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    return app;
  }

  @Test
  void aStartOutsideTheLocalProfileRefusesToRunWithoutJwtVerification() {
    assertThatThrownBy(() -> app().run(QUIET, QUIET_CONTEXT, QUIET_REPORT).close())
        .hasRootCauseInstanceOf(IllegalStateException.class)
        .rootCause()
        .hasMessageContaining("nocturne.security.jwt-required")
        .hasMessageContaining("nocturne.security.public-base-url");
  }

  @Test
  void aStartOutsideTheLocalProfileRefusesToRunWithoutPublicBaseUrlAndNamesIt() {
    assertThatThrownBy(() -> app().run(QUIET, QUIET_CONTEXT, QUIET_REPORT, ISSUER, JWKS).close())
        .hasRootCauseInstanceOf(IllegalStateException.class)
        .rootCause()
        .hasMessageStartingWith("nocturne.security.public-base-url is not set")
        .hasMessageNotContaining("jwt-required");
  }

  @Test
  void aProductionStartWithIssuerAndPublicBaseUrlRuns() {
    try (ConfigurableApplicationContext context =
        app().run(ISSUER, JWKS, "--nocturne.security.public-base-url=https://cds.example.org/")) {
      assertThat(context.getBean(PublicBaseUrl.class).get()).isEqualTo("https://cds.example.org");
    }
  }

  @Test
  void theLocalProfileTurnsJwtOffAndListensOnLoopback() {
    try (ConfigurableApplicationContext context = app().run("--spring.profiles.active=local")) {
      assertThat(context.getEnvironment().getProperty("nocturne.security.jwt-required"))
          .isEqualTo("false");
      assertThat(context.getEnvironment().getProperty("server.address")).isEqualTo("127.0.0.1");
    }
  }

  @Test
  void inLocalCardLinksFollowThePortActuallyBound() {
    var app = new SpringApplication(NocturneApplication.class);
    try (ConfigurableApplicationContext context =
        app.run("--spring.profiles.active=local", "--server.port=0")) {
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      String request =
          LocalServer.read(Path.of("hooks/nocturnal-leg-pain/cause-sciatica.request.json"));

      HttpResponse<String> response =
          new LocalServer(port).postJson("/cds-services/nocturnal-leg-pain", request);

      assertThat(context.getBean(PublicBaseUrl.class).get()).isEqualTo("http://localhost:" + port);
      assertThat(response.body())
          .contains("http://localhost:" + port + "/education/")
          .doesNotContain("localhost:8080");
    }
  }
}
