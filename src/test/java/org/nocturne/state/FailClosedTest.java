package org.nocturne.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nocturne.cdshooks.CdsJson;
import tools.jackson.databind.JsonNode;

/**
 * The database stopped mid-run: calls that need the replay guard and feedback writes answer 503
 * with Retry-After, never a pass and never a silent loss. Guidance without JWTs still answers (the
 * audit is best effort, counted as a failure). Two replicas on a PostgreSQL server of their own,
 * one verifying JWTs and one not.
 */
class FailClosedTest {
  private static final String PATH = "/cds-services/nocturnal-leg-pain";
  private static final String FEEDBACK =
      """
      {"feedback":[{"card":"9368d37b-283f-44a0-93ea-547cebab93ed","outcome":"overridden",
        "overrideReason":{"reason":{"system":"http://nocturne-cds.org/fhir/CodeSystem/override-reason",
        "code":"already-assessed","display":"Already assessed"}},
        "outcomeTimestamp":"2026-11-26T10:05:31Z"}]}""";

  private static Postgres postgres;
  private static TestIssuer issuer;
  private static ServiceInstance withJwt;
  private static ServiceInstance withoutJwt;
  private static String body;

  @BeforeAll
  static void start() {
    postgres = Postgres.start();
    issuer = new TestIssuer();
    String url = postgres.newDatabase();
    List<String> database = new ArrayList<>();
    Postgres.springProperties(url).forEach((key, value) -> database.add("--" + key + "=" + value));
    // The database is stopped on purpose: the pool's broken-connection traces are expected noise.
    database.add("--logging.level.com.zaxxer.hikari=off");
    // ... and so is the health check's report of it: the test reads the db component instead
    database.add(
        "--logging.level.org.springframework.boot.jdbc.health.DataSourceHealthIndicator=off");
    // the service's own WARNs of the outage (replay guard, feedback, audit) are what this test
    // provokes; it asserts the 503s and the failure counters they stand for
    database.add("--logging.level.org.nocturne.state=error");
    database.add("--logging.level.org.nocturne.cdshooks.endpoint.CdsHooksErrors=error");
    database.add("--logging.level.org.nocturne.cdshooks.security.JwtAuthenticationFilter=error");
    List<String> jwt = new ArrayList<>(database);
    jwt.addAll(issuer.trustArguments());
    withJwt = ServiceInstance.start(jwt);
    List<String> open = new ArrayList<>(database);
    open.add("--nocturne.security.jwt-required=false");
    open.add("--nocturne.security.trusted-networks=127.0.0.0/8"); // the explicit mode
    open.add("--nocturne.security.public-base-url=http://localhost:8080");
    withoutJwt = ServiceInstance.start(open);
    body = ServiceInstance.example("nocturnal-leg-pain", "full-prefetch");
  }

  @AfterAll
  static void stop() {
    withJwt.close();
    withoutJwt.close();
    issuer.close();
  }

  @Test
  void withTheDatabaseStoppedMidRunGuardedCallsAndFeedbackAre503WithRetryAfter() {
    // before any failure: the failure counters exist at zero, described, and health names the db
    String scrape = withJwt.actuator("/actuator/prometheus").body();
    assertThat(scrape)
        .contains("nocturne_state_failures_total{operation=\"replay-guard\"} 0.0")
        .contains("nocturne_jwks_fetch_failures_total 0.0")
        .containsPattern("# HELP nocturne_state_failures_total \\S+");
    JsonNode db = database(withJwt.actuator("/actuator/health"));
    assertThat(db.path("status").asText()).isEqualTo("UP");
    assertThat(db.path("details").path("database").asText()).isEqualTo("PostgreSQL");
    assertThat(withJwt.post(PATH, body, issuer.token(PATH)).statusCode()).isEqualTo(200);
    assertThat(withoutJwt.post(PATH + "/feedback", FEEDBACK, null).statusCode()).isEqualTo(200);
    // the calls so far are written before the stop, not while the database goes away
    withJwt.context.getBean(BatchedCallAudit.class).flush();
    withoutJwt.context.getBean(BatchedCallAudit.class).flush();

    postgres.close();

    long started = System.nanoTime();
    HttpResponse<String> call = withJwt.post(PATH, body, issuer.token(PATH));
    long callMillis = (System.nanoTime() - started) / 1_000_000;
    HttpResponse<String> guardedFeedback =
        withJwt.post(PATH + "/feedback", FEEDBACK, issuer.token(PATH + "/feedback"));
    started = System.nanoTime();
    HttpResponse<String> feedback = withoutJwt.post(PATH + "/feedback", FEEDBACK, null);
    long feedbackMillis = (System.nanoTime() - started) / 1_000_000;
    HttpResponse<String> unguardedCall = withoutJwt.post(PATH, body, null);

    System.out.printf(
        "database stopped: guarded call %d in %d ms, feedback %d in %d ms, call without JWT %d%n",
        call.statusCode(),
        callMillis,
        feedback.statusCode(),
        feedbackMillis,
        unguardedCall.statusCode());
    for (HttpResponse<String> refused : List.of(call, guardedFeedback, feedback)) {
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
      assertThat(refused.body()).contains("\"resourceType\":\"OperationOutcome\"");
    }
    assertThat(unguardedCall.statusCode()).isEqualTo(200);
    assertThat(unguardedCall.body()).contains("\"cards\"");
    MeterRegistry meters = withoutJwt.context.getBean(MeterRegistry.class);
    // the audit is written off the request thread (issue 30): its failure is counted when the
    // writer gives up on the database, after at most the connection timeout
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (meters.counter("nocturne.state.failures", "operation", "audit").count() < 1
        && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    assertThat(meters.counter("nocturne.state.failures", "operation", "audit").count())
        .isGreaterThanOrEqualTo(1);
    assertThat(meters.counter("nocturne.state.failures", "operation", "feedback").count())
        .isEqualTo(1);
    // the on-call engineer sees why on the management port; readiness stays up (EHRs retry)
    HttpResponse<String> health = withJwt.actuator("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(database(health).path("status").asText()).isEqualTo("DOWN");
    assertThat(database(health).path("details").path("error").asText()).isNotBlank();
    assertThat(withJwt.actuator("/actuator/health/readiness").statusCode()).isEqualTo(200);
  }

  /** The state database's component of {@code /actuator/health}. */
  private static JsonNode database(HttpResponse<String> health) {
    return CdsJson.mapper().readTree(health.body()).path("components").path("db");
  }
}
