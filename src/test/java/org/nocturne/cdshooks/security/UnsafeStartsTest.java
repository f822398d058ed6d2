package org.nocturne.cdshooks.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

/**
 * Every unsafe combination refuses the start, all of them named in one report: a network client
 * must never be one setting away from calls without a JWT, the admin CSV or the demo's FHIR server
 * (issue 26, findings 4 and 5).
 */
class UnsafeStartsTest {
  private static final String ISSUER =
      "nocturne.security.trusted-issuers[0].issuer=https://ehr.example.org,"
          + "nocturne.security.trusted-issuers[0].jwks-uri=https://ehr.example.org/jwks,"
          + "nocturne.security.public-base-url=https://cds.example.org";

  private static List<String> problems(String profile, String... settings) {
    MockEnvironment environment = new MockEnvironment();
    if (profile != null) {
      environment.setActiveProfiles(profile);
    }
    // name=value pairs separated by commas; a piece without '=' continues the previous value
    String name = null;
    for (String setting : settings) {
      for (String piece : setting.split(",")) {
        int equals = piece.indexOf('=');
        if (equals < 0) {
          environment.setProperty(name, environment.getProperty(name) + "," + piece);
        } else {
          name = piece.substring(0, equals);
          environment.setProperty(name, piece.substring(equals + 1));
        }
      }
    }
    SecurityProperties properties =
        Binder.get(environment).bindOrCreate("nocturne.security", SecurityProperties.class);
    return new SecurityStartupCheck(properties, environment).problems();
  }

  @Test
  void aSafeProductionAndASafeLocalStartPass() {
    assertThat(problems(null, ISSUER, "nocturne.admin.token=" + "k".repeat(40))).isEmpty();
    assertThat(
            problems(
                "local",
                "nocturne.security.jwt-required=false,server.address=127.0.0.1,"
                    + "nocturne.demo.enabled=true,nocturne.admin.open=true"))
        .isEmpty();
    assertThat(problems("local", "nocturne.security.jwt-required=false,server.address=::1"))
        .isEmpty();
  }

  @Test
  void localDemoOrOpenAdminOnANetworkAddressAreRefused() {
    List<String> problems =
        problems(
            "local",
            "nocturne.security.jwt-required=false,server.address=0.0.0.0,"
                + "nocturne.demo.enabled=true,nocturne.admin.open=true");

    assertThat(problems).hasSize(3);
    assertThat(problems.get(0)).contains("local profile").contains("0.0.0.0");
    assertThat(problems).anySatisfy(p -> assertThat(p).contains("nocturne.demo.enabled=true on"));
    assertThat(problems).anySatisfy(p -> assertThat(p).contains("nocturne.admin.open=true on"));
    assertThat(problems("local", "nocturne.security.jwt-required=false"))
        .singleElement()
        .satisfies(p -> assertThat(p).contains("all interfaces"));
  }

  @Test
  void demoOrOpenAdminOutsideLocalAreRefusedEvenOnLoopback() {
    List<String> problems =
        problems(
            null,
            ISSUER,
            "server.address=127.0.0.1,nocturne.demo.enabled=true,nocturne.admin.open=true");

    assertThat(problems).hasSize(2);
    assertThat(problems).allSatisfy(p -> assertThat(p).contains("outside the local profile"));
  }

  @Test
  void noJwtOutsideLocalNeedsTheExplicitTrustedNetworkMode() {
    String open =
        "nocturne.security.jwt-required=false,nocturne.security.public-base-url=https://cds.example.org";

    assertThat(problems(null, open))
        .singleElement()
        .satisfies(p -> assertThat(p).contains("nocturne.security.trusted-networks"));
    assertThat(problems(null, open, "nocturne.security.trusted-networks[0]=10.0.0.0/8")).isEmpty();
    assertThat(problems(null, open, "nocturne.security.trusted-networks=10.0.0.0/8,192.168.0.0/16"))
        .isEmpty();
  }

  @Test
  void anAdminTokenThatIsShortOrAnExampleIsRefused() {
    assertThat(problems(null, ISSUER, "nocturne.admin.token=x"))
        .singleElement()
        .satisfies(p -> assertThat(p).contains("fewer than 32 characters"));
    for (String example : SecurityStartupCheck.EXAMPLE_TOKENS) {
      assertThat(problems(null, ISSUER, "nocturne.admin.token=" + example))
          .singleElement()
          .satisfies(p -> assertThat(p).contains("an example"));
    }
  }

  @Test
  void anH2DatabaseThatListensOnTheNetworkIsRefused() {
    String local = "nocturne.security.jwt-required=false,server.address=127.0.0.1";

    assertThat(
            problems(
                "local",
                local,
                "spring.datasource.url=jdbc:h2:file:./target/x;MODE=PostgreSQL;AUTO_SERVER=TRUE"))
        .singleElement()
        .satisfies(p -> assertThat(p).contains("H2 network server"));
    assertThat(problems("local", local, "spring.datasource.url=jdbc:h2:tcp://localhost/x"))
        .hasSize(1);
    assertThat(problems("local", local, "spring.datasource.url=jdbc:h2:file:./target/x")).isEmpty();
  }

  @Test
  void everyProblemIsNamedAtOnceInTheRefusal() {
    MockEnvironment environment = new MockEnvironment();
    environment.setProperty("nocturne.security.jwt-required", "false");
    environment.setProperty("nocturne.demo.enabled", "true");
    environment.setProperty("nocturne.admin.token", "change-me-too");
    SecurityProperties properties =
        Binder.get(environment).bindOrCreate("nocturne.security", SecurityProperties.class);
    SecurityStartupCheck check = new SecurityStartupCheck(properties, environment);

    assertThatThrownBy(check::afterPropertiesSet)
        .isInstanceOfSatisfying(
            MissingSettings.class,
            refused -> {
              assertThat(refused.problems()).hasSize(4);
              var analysis =
                  new MissingSettingsFailureAnalyzer()
                      .analyze(new BeanCreationException("securityStartupCheck", refused));
              assertThat(analysis.getDescription().split("\n  - ")).hasSize(5);
            });
  }
}
