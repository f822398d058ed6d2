package org.nocturne.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The authorization server's rules, on a clock the tests move. */
class DemoAuthorizationServerTest {
  private static final String VERIFIER = "a".repeat(43) + "-verifier-of-the-app";
  private static final String REDIRECT = "http://localhost:8080/app/";
  private static final Set<String> TYPES = Set.of("Patient", "QuestionnaireResponse");

  private final MovableClock clock = new MovableClock();
  private final DemoAuthorizationServer server =
      new DemoAuthorizationServer(clock, Duration.ofMinutes(5));

  private String code(String scope) {
    return server.code(
        server.grant(
            REDIRECT,
            DemoAuthorizationServer.s256(VERIFIER),
            "demo-rls",
            SmartScopes.grant(scope, TYPES),
            "{\"view\":\"questionnaire\"}",
            "http://localhost:8080/demo/fhir"));
  }

  private DemoAuthorizationServer.TokenAnswer exchange(String code, String verifier) {
    return server.exchange(
        "authorization_code", code, REDIRECT, DemoAuthorizationServer.CLIENT_ID, verifier);
  }

  @Test
  void theRightVerifierGetsATokenForTheLaunchPatientWithTheAppContext() {
    var answer = exchange(code("launch openid fhirUser patient/Patient.rs"), VERIFIER);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body())
        .containsEntry("patient", "demo-rls")
        .containsEntry("token_type", "Bearer")
        .containsEntry("expires_in", 300L)
        .containsEntry("scope", "launch openid fhirUser patient/Patient.rs")
        .containsEntry("appContext", "{\"view\":\"questionnaire\"}")
        .containsKey("id_token");
    assertThat(server.token((String) answer.body().get("access_token"))).isPresent();
  }

  @Test
  void noIdTokenWithoutOpenidAndFhirUser() {
    assertThat(exchange(code("launch patient/Patient.rs"), VERIFIER).body())
        .doesNotContainKey("id_token");
  }

  @Test
  void aWrongOrMissingVerifierIsRefused() {
    assertThat(exchange(code("launch"), "b".repeat(50)).body())
        .containsEntry("error", "invalid_grant");
    assertThat(exchange(code("launch"), null).body()).containsEntry("error", "invalid_grant");
  }

  @Test
  void aCodeWorksOnceOnly() {
    String code = code("launch");
    assertThat(exchange(code, VERIFIER).status()).isEqualTo(200);
    assertThat(exchange(code, VERIFIER).body()).containsEntry("error", "invalid_grant");
  }

  @Test
  void aCodeExpiresAfterAMinute() {
    String code = code("launch");
    clock.move(DemoAuthorizationServer.CODE_LIFETIME);
    assertThat(exchange(code, VERIFIER).body()).containsEntry("error", "invalid_grant");
  }

  @Test
  void theRedirectUriMustBeTheOneOfTheAuthorizationRequest() {
    var answer =
        server.exchange(
            "authorization_code",
            code("launch"),
            "http://localhost:8080/elsewhere/",
            DemoAuthorizationServer.CLIENT_ID,
            VERIFIER);
    assertThat(answer.body()).containsEntry("error", "invalid_grant");
  }

  @Test
  void anotherClientOrGrantTypeIsRefused() {
    assertThat(
            server
                .exchange("authorization_code", code("launch"), REDIRECT, "other", VERIFIER)
                .status())
        .isEqualTo(401);
    assertThat(
            server
                .exchange(
                    "password",
                    code("launch"),
                    REDIRECT,
                    DemoAuthorizationServer.CLIENT_ID,
                    VERIFIER)
                .body())
        .containsEntry("error", "unsupported_grant_type");
  }

  @Test
  void aTokenExpiresAfterItsLifetimeAndARevokedOneAtOnce() {
    String token = (String) exchange(code("launch"), VERIFIER).body().get("access_token");
    String other = (String) exchange(code("launch"), VERIFIER).body().get("access_token");

    server.revoke(other);
    assertThat(server.token(other)).isEmpty();
    assertThat(server.token(token)).isPresent();
    clock.move(Duration.ofMinutes(5));
    assertThat(server.token(token)).isEmpty();
  }

  @Test
  void onlyKnownScopesAreGranted() {
    SmartScopes scopes =
        SmartScopes.grant(
            "launch patient/Patient.rs patient/Secret.rs system/*.rs user/Patient.rs patient/QuestionnaireResponse.cru",
            TYPES);
    assertThat(scopes.toString())
        .isEqualTo("launch patient/Patient.rs patient/QuestionnaireResponse.cru");
  }

  @Test
  void aLaunchContextExpires() {
    String launch = server.launch("demo-rls", null);
    assertThat(server.launchContext(launch)).isPresent();
    clock.move(DemoAuthorizationServer.LAUNCH_LIFETIME);
    assertThat(server.launchContext(launch)).isEmpty();
    assertThat(server.launchContext("unknown")).isEmpty();
  }

  /** A clock the test moves forward. */
  static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-11-27T10:00:00Z");

    void move(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
