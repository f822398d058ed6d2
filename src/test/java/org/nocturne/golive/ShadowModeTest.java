package org.nocturne.golive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nocturne.golive.GoLiveCalls.DVT;
import static org.nocturne.golive.GoLiveCalls.LOW_ABI;
import static org.nocturne.golive.GoLiveCalls.ORDER_SELECT;
import static org.nocturne.golive.GoLiveCalls.ORDER_SIGN;
import static org.nocturne.golive.GoLiveCalls.PATIENT_VIEW;
import static org.nocturne.golive.GoLiveCalls.QUININE;
import static org.nocturne.golive.GoLiveCalls.WINDOW;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nocturne.FixedClock;
import org.nocturne.LocalServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code nocturne.cards.mode=shadow} over real HTTP: every hook answers {@code {"cards": []}}, and
 * what it would have shown is recorded without patient data and reported as "would have been
 * shown".
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "nocturne.cards.mode=shadow")
@ActiveProfiles("local")
@Import(FixedClock.class)
class ShadowModeTest {
  private static JsonNode patientView;
  private static JsonNode orderSelect;
  private static JsonNode orderSign;

  @LocalServerPort int port;
  @Autowired DataSource database;
  @Autowired MeterRegistry meters;
  LocalServer server;

  @DynamicPropertySource
  static void state(DynamicPropertyRegistry registry) {
    GoLiveCalls.ownState(registry, "golive-shadow");
  }

  @BeforeEach
  void callEveryHookOnce() {
    server = new LocalServer(port);
    if (patientView == null) {
      patientView = GoLiveCalls.call(server, PATIENT_VIEW, DVT, "Practitioner/dr-lee");
      orderSelect = GoLiveCalls.call(server, ORDER_SELECT, LOW_ABI, "Practitioner/dr-lee");
      orderSign = GoLiveCalls.call(server, ORDER_SIGN, QUININE, "Practitioner/dr-lee");
    }
    // the calls' rows are written off the request thread, each batch gathering for 20 ms: the
    // tests that read the tables wait for them
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> count("card") >= 5 && count("audit") >= 3);
  }

  @Test
  void everyHookAnswersNoCardsInShadowMode() {
    for (JsonNode answer : List.of(patientView, orderSelect, orderSign)) {
      assertThat(answer.toString()).isEqualTo("{\"cards\":[]}");
    }
  }

  @Test
  void whatWouldHaveBeenShownIsRecordedWithoutPatientData() {
    List<Map<String, Object>> cards =
        JdbcClient.create(database)
            .sql("SELECT service_id, topic_code, indicator, disposition, suggestion FROM card")
            .query()
            .listOfRows();

    assertThat(cards)
        .hasSizeGreaterThanOrEqualTo(5)
        .allMatch(c -> "shadow".equals(c.get("disposition")));
    assertThat(cards)
        .anySatisfy(
            card -> {
              assertThat(GoLiveCalls.camel((String) card.get("topic_code")))
                  .isEqualTo("deepVeinThrombosis");
              assertThat(card)
                  .containsEntry("indicator", "critical")
                  .containsEntry("suggestion", true);
            });
    assertThat(cards.stream().map(c -> GoLiveCalls.camel((String) c.get("topic_code"))))
        .contains("quinineForLegCramps", "compressionWithLowAbi");
    String audit =
        JdbcClient.create(database)
            .sql("SELECT cards FROM audit")
            .query(String.class)
            .list()
            .toString();
    assertThat(audit).contains(":critical:shadow").doesNotContain("dr-lee");
  }

  @Test
  void theReportCountsShadowCardsAsWouldHaveBeenShown() {
    JsonNode summary = GoLiveCalls.summary(server);
    JsonNode dvt = GoLiveCalls.row(summary, PATIENT_VIEW, "deepVeinThrombosis");
    JsonNode quinine = GoLiveCalls.row(summary, ORDER_SIGN, "quinineForLegCramps");

    assertThat(dvt.path("shadow").asLong()).isEqualTo(1);
    assertThat(dvt.path("shown").asLong()).isZero();
    assertThat(dvt.path("calls").asLong()).isEqualTo(1);
    assertThat(dvt.path("firedPer1000Calls").asDouble()).isEqualTo(1000.0);
    assertThat(quinine.path("shadow").asLong()).isEqualTo(1);
    assertThat(
            summary.path("weeks").findValues("shadow").stream().mapToLong(JsonNode::asLong).sum())
        .isGreaterThanOrEqualTo(5);
    assertThat(server.get("/admin/feedback/export.csv" + WINDOW).body())
        .contains("nocturnal-leg-pain-order-sign,")
        .contains(",critical,1,0,1,0,0.0,1000.0,");
  }

  @Test
  void theCardCounterCarriesTheShadowDisposition() {
    assertThat(
            meters
                .counter(
                    "nocturne.cds.cards",
                    "service",
                    ORDER_SIGN,
                    "indicator",
                    "critical",
                    "disposition",
                    "shadow")
                .count())
        .isEqualTo(1);
    assertThat(
            meters
                .counter(
                    "nocturne.cds.cards",
                    "service",
                    ORDER_SIGN,
                    "indicator",
                    "critical",
                    "disposition",
                    "shown")
                .count())
        .isZero();
  }

  @Test
  void feedbackNamingAShadowCardIsNotCountedAgainstItsTopic() {
    String uuid =
        JdbcClient.create(database)
            .sql("SELECT uuid FROM card WHERE service_id = :s")
            .param("s", ORDER_SIGN)
            .query(String.class)
            .list()
            .get(0);
    var stored =
        server.postJson(
            "/cds-services/" + ORDER_SIGN + "/feedback",
            """
            {"feedback":[{"card":"%s","outcome":"overridden","outcomeTimestamp":"2026-11-26T10:00:00Z"}]}"""
                .formatted(uuid));

    assertThat(stored.statusCode()).isEqualTo(200);
    JsonNode quinine =
        GoLiveCalls.row(GoLiveCalls.summary(server), ORDER_SIGN, "quinineForLegCramps");
    assertThat(quinine.path("overridden").asLong()).isZero();
  }

  private long count(String table) {
    return JdbcClient.create(database)
        .sql("SELECT count(*) FROM " + table)
        .query(Long.class)
        .single();
  }
}
