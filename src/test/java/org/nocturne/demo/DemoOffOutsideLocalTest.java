package org.nocturne.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nocturne.NocturneApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** The demo holds a FHIR server and a chart: it must never start outside the local profile. */
class DemoOffOutsideLocalTest {

  private static ConfigurableApplicationContext start(String... args) {
    var app = new SpringApplication(NocturneApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    return app.run(args);
  }

  @Test
  void aProductionStartHasNoDemo() {
    try (var context =
        start(
            "--nocturne.security.trusted-issuers[0].issuer=https://ehr.example.org",
            "--nocturne.security.trusted-issuers[0].jwks-uri=https://ehr.example.org/jwks.json",
            "--nocturne.security.public-base-url=https://cds.example.org")) {
      assertThat(context.getBeansOfType(DemoFhirServer.class)).isEmpty();
      assertThat(context.getBeansOfType(DemoController.class)).isEmpty();
    }
  }

  @Test
  void theLocalProfileHasTheDemo() {
    try (var context = start("--spring.profiles.active=local")) {
      assertThat(context.getBeansOfType(DemoFhirServer.class)).hasSize(1);
      assertThat(context.getBeansOfType(DemoController.class)).hasSize(1);
    }
  }
}
