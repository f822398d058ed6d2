package org.nocturne.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nocturne.cdshooks.CdsJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A full run as an integration team would make it, on PostgreSQL with JWTs: every example request
 * of {@code hooks/}, feedback on every card answered (comments naming the patient included), then
 * the service restarted. The feedback is still there, the governance summary counts it, and no
 * table holds any patient or resource id of the run.
 */
class FullRunTest {
  static final String ADMIN_TOKEN = "full-run-test-admin-token-of-40-characters";

  private static TestIssuer issuer;
  private static DataSource database;
  private static ServiceInstance restarted;
  private static final Set<String> ids = new TreeSet<>();
  private static int calls;
  private static int cardsShown;
  private static int feedbackSent;
  private static int accepted;
  private static double shownCounted;
  private static long cardsRecorded;
  private static double outcomesCounted;

  @BeforeAll
  static void runThenRestart() throws IOException {
    issuer = new TestIssuer();
    String url = Postgres.shared().newDatabase();
    database = Postgres.dataSource(url);
    List<String> args = new ArrayList<>(issuer.trustArguments());
    Postgres.springProperties(url).forEach((key, value) -> args.add("--" + key + "=" + value));
    args.add("--nocturne.admin.token=" + ADMIN_TOKEN);

    try (ServiceInstance first = ServiceInstance.start(args)) {
      for (Path request : examples()) {
        run(first, request);
      }
      MeterRegistry meters = first.context.getBean(MeterRegistry.class);
      shownCounted =
          meters.find("nocturne.cards.shown").counters().stream().mapToDouble(Counter::count).sum();
      outcomesCounted =
          meters.find("nocturne.feedback.outcomes").counters().stream()
              .mapToDouble(Counter::count)
              .sum();
      cardsRecorded = distinctCards();
    }
    restarted = ServiceInstance.start(args);
  }

  @AfterAll
  static void stop() {
    restarted.close();
    issuer.close();
  }

  private static List<Path> examples() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("hooks"))) {
      return files.filter(p -> p.toString().endsWith(".request.json")).sorted().toList();
    }
  }

  private static void run(ServiceInstance service, Path request) throws IOException {
    String serviceId = request.getParent().getFileName().toString();
    String path = "/cds-services/" + serviceId;
    JsonNode body = CdsJson.mapper().readTree(Files.readString(request));
    collectIds(body.path("context"));
    collectIds(body.path("prefetch"));
    var response = service.post(path, body.toString(), issuer.token(path));
    calls++;
    if (response.statusCode() != 200) {
      return;
    }
    JsonNode cards = CdsJson.mapper().readTree(response.body()).path("cards");
    String patient = body.path("context").path("patientId").asString("");
    StringBuilder feedback = new StringBuilder("{\"feedback\":[");
    int i = 0;
    for (JsonNode card : cards) {
      cardsShown++;
      if (i > 0) {
        feedback.append(',');
      }
      JsonNode suggestions = card.path("suggestions");
      if (suggestions.size() > 0 && i % 2 == 0) {
        accepted++;
        feedback.append(
            "{\"card\":\"%s\",\"outcome\":\"accepted\",\"acceptedSuggestions\":[{\"id\":\"%s\"}],\"outcomeTimestamp\":\"%s\"}"
                .formatted(
                    card.path("uuid").asString(),
                    suggestions.get(0).path("uuid").asString(),
                    now()));
      } else {
        JsonNode reason = card.path("overrideReasons").path(0);
        String code = reason.isMissingNode() ? "other" : reason.path("code").asString();
        feedback.append(
            ("{\"card\":\"%s\",\"outcome\":\"overridden\",\"overrideReason\":{\"reason\":{\"system\":"
                    + "\"http://nocturne-cds.org/fhir/CodeSystem/override-reason\",\"code\":\"%s\","
                    + "\"display\":\"%s\"},\"userComment\":\"Patient/%s declined, see %s\"},"
                    + "\"outcomeTimestamp\":\"%s\"}")
                .formatted(
                    card.path("uuid").asString(),
                    code,
                    code,
                    patient,
                    String.join(" ", ids),
                    now()));
      }
      feedbackSent++;
      i++;
    }
    if (i == 0) {
      return;
    }
    String feedbackPath = path + "/feedback";
    var stored =
        service.post(feedbackPath, feedback.append("]}").toString(), issuer.token(feedbackPath));
    assertThat(stored.statusCode()).as("feedback for %s", request).isEqualTo(200);
  }

  private static String now() {
    return Instant.now().toString();
  }

  /** Every patient, encounter, user and resource id of the request, and every reference. */
  private static void collectIds(JsonNode node) {
    if (node.isObject()) {
      if (node.has("resourceType") && node.path("id").isString()) {
        ids.add(node.path("id").asString());
      }
      for (String field : List.of("patientId", "encounterId", "userId", "reference")) {
        if (node.path(field).isString()) {
          String value = node.path(field).asString();
          ids.add(value);
          ids.add(value.substring(value.lastIndexOf('/') + 1));
        }
      }
      node.values().forEach(FullRunTest::collectIds);
    } else if (node.isArray()) {
      node.forEach(FullRunTest::collectIds);
    }
  }

  @Test
  void feedbackWrittenBeforeARestartIsStillThereAfterIt() {
    long stored =
        JdbcClient.create(database).sql("SELECT COUNT(*) FROM feedback").query(Long.class).single();
    System.out.printf(
        "full run: %d calls, %d cards shown, %d feedback items sent before the restart, %d read after it%n",
        calls, cardsShown, feedbackSent, stored);
    assertThat(feedbackSent).isGreaterThan(20);
    assertThat(stored).isEqualTo(feedbackSent);
  }

  @Test
  void theSummaryAfterTheRestartCountsEveryCardAndOutcome() throws IOException {
    // dates are inclusive: yesterday to today holds the run even when it crosses midnight
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    var response =
        restarted.get(
            "/admin/feedback/summary?from=" + today.minusDays(1) + "&to=" + today, ADMIN_TOKEN);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode topics = CdsJson.mapper().readTree(response.body()).path("topics");
    long shown = 0;
    long acceptedCounted = 0;
    long overridden = 0;
    for (JsonNode topic : topics) {
      shown += topic.path("shown").asLong();
      acceptedCounted += topic.path("accepted").asLong();
      overridden += topic.path("overridden").asLong();
      assertThat(topic.path("code").isNull()).as("every card's topic was remembered").isFalse();
    }
    assertThat(shown).isEqualTo(distinctCards());
    // a card is counted once per outcome (and service) however often it is reported (examples that
    // share a
    // hookInstance answer cards with the same uuid, and the run reports each answer)
    assertThat(acceptedCounted).isEqualTo(cardsWith("accepted")).isPositive();
    assertThat(overridden).isEqualTo(cardsWith("overridden")).isPositive();
    assertThat(acceptedCounted + overridden).isLessThanOrEqualTo(feedbackSent);
  }

  private static long cardsWith(String outcome) {
    return JdbcClient.create(database)
        .sql(
            "SELECT COUNT(*) FROM (SELECT DISTINCT service_id, card_uuid FROM feedback"
                + " WHERE outcome = :outcome) cards")
        .param("outcome", outcome)
        .query(Long.class)
        .single();
  }

  private static long distinctCards() {
    return JdbcClient.create(database).sql("SELECT COUNT(*) FROM card").query(Long.class).single();
  }

  @Test
  void theAdminPageDrawsTheReportForAClinicianAndNeedsTheToken() {
    var page = restarted.get("/admin", ADMIN_TOKEN);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'"));
    assertThat(page.body())
        .contains("<svg")
        .contains("Alert burden")
        .contains("would have been shown")
        .doesNotContain("<script");
    assertThat(restarted.get("/admin", null).statusCode()).isEqualTo(401);
    assertThat(restarted.get("/admin/", "wrong-token").statusCode()).isEqualTo(401);
  }

  @Test
  void theCsvExportHasOneRowPerTopicAndNeedsTheAdminToken() {
    var csv = restarted.get("/admin/feedback/export.csv", ADMIN_TOKEN);
    var json = restarted.get("/admin/feedback/summary", ADMIN_TOKEN);

    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo(
            "service,topic_system,topic_code,indicator,calls,shown,shadow,suppressed,"
                + "shown_per_1000_calls,fired_per_1000_calls,accepted,overridden,override_rate,"
                + "top_reasons");
    assertThat(lines).hasSize(1 + CdsJson.mapper().readTree(json.body()).path("topics").size());
    assertThat(restarted.get("/admin/feedback/export.csv", null).statusCode()).isEqualTo(401);
    assertThat(restarted.get("/admin/feedback/summary", "wrong-token").statusCode()).isEqualTo(401);
  }

  @Test
  void noTableHoldsAnyPatientOrResourceIdOfTheRun() {
    JdbcClient jdbc = JdbcClient.create(database);
    StringBuilder dump = new StringBuilder();
    for (String table : List.of("audit", "card", "feedback", "jti")) {
      jdbc.sql("SELECT * FROM " + table)
          .query()
          .listOfRows()
          .forEach(row -> dump.append(row.values()).append('\n'));
    }
    assertThat(dump).as("the tables hold the run").contains("deepVeinThrombosis");
    assertThat(ids).as("ids of the run").hasSizeGreaterThan(30).contains("pat-dvt");

    // a resource id that happens to equal one of our own codes (a Condition "sciatica") is not
    // patient data when our topic code says it
    Set<String> ours = ourCodes();
    List<String> found = new ArrayList<>();
    for (String id : ids) {
      if (ours.contains(id)) {
        continue;
      }
      if (Pattern.compile("(?<![A-Za-z0-9-])" + Pattern.quote(id) + "(?![A-Za-z0-9-])")
          .matcher(dump)
          .find()) {
        found.add(id);
      }
    }
    System.out.printf(
        "PHI check: %d ids of the run (%d of them equal to our own codes) searched in %d"
            + " characters of tables, %d found%n",
        ids.size(), ids.stream().filter(ours::contains).count(), dump.length(), found.size());
    assertThat(found).isEmpty();
    assertThat(dump).doesNotContain("declined, see");
  }

  /** Every code of our CodeSystems in {@code fhir-profiles/}. */
  private static Set<String> ourCodes() {
    Set<String> codes = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("fhir-profiles"))) {
      for (Path file :
          files.filter(p -> p.getFileName().toString().startsWith("CodeSystem-")).toList()) {
        CdsJson.mapper()
            .readTree(Files.readString(file))
            .path("concept")
            .forEach(concept -> codes.add(concept.path("code").asString()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return codes;
  }

  @Test
  void theGovernanceCountersAreScrapedInPrometheusFormat() {
    String path = "/cds-services/nocturnal-leg-pain";
    // a new hookInstance: the run's own cards are already counted, by the first instance
    restarted.post(
        path,
        ServiceInstance.example("nocturnal-leg-pain", "red-flag-deep-vein-thrombosis")
            .replaceFirst(
                "\"hookInstance\"\\s*:\\s*\"[^\"]*\"",
                "\"hookInstance\": \"" + UUID.randomUUID() + "\""),
        issuer.token(path));
    // counted when the call's rows are written, off the request thread
    restarted.context.getBean(BatchedCallAudit.class).flush();

    var scrape = restarted.actuator("/actuator/prometheus");

    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.body())
        .contains(
            "nocturne_cards_shown_total{indicator=\"critical\",service=\"nocturnal-leg-pain\","
                + "topic=\"deepVeinThrombosis\"}");
  }

  @Test
  void cardsShownAndFeedbackOutcomesWereCounted() {
    // examples that share a hookInstance answer the same card uuids: counted once, as the summary
    // counts them (CountersAgreeWithSummaryTest)
    assertThat(cardsRecorded).isLessThanOrEqualTo(cardsShown);
    assertThat(shownCounted).isEqualTo(cardsRecorded);
    assertThat(outcomesCounted).isEqualTo(feedbackSent);
  }
}
