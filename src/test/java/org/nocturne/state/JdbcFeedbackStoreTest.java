package org.nocturne.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nocturne.cdshooks.CallAudit;
import org.nocturne.cdshooks.Caller;
import org.nocturne.cdshooks.CardDisposition;
import org.nocturne.cdshooks.Coding;
import org.nocturne.cdshooks.Feedback;
import org.nocturne.cdshooks.FeedbackStore.TopicTally;
import org.nocturne.cdshooks.Indicator;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The feedback store and the audit on real PostgreSQL, a fresh database per test. */
class JdbcFeedbackStoreTest {
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  private static final String SYSTEM = "http://nocturne-cds.org/fhir/CodeSystem/leg-pain-red-flag";
  private static final Coding DVT = Coding.of(SYSTEM, "deepVeinThrombosis");
  private static final Coding CRAMPS =
      Coding.of("http://nocturne-cds.org/fhir/CodeSystem/leg-pain-cause", "legCramps");
  private static final Coding QUININE =
      Coding.of("http://nocturne-cds.org/fhir/CodeSystem/order-safety", "quinineForLegCramps");
  private static final Caller EHR =
      new Caller("https://ehr.example.org", List.of(), "ehr-client-7");

  private final MutableClock clock = new MutableClock(NOW);
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private DataSource database;
  private JdbcClient jdbc;
  private JdbcFeedbackStore store;
  private JdbcCallAudit audit;

  @BeforeEach
  void database() {
    database = Postgres.shared().migratedDatabase();
    jdbc = JdbcClient.create(database);
    var transactions = new TransactionTemplate(new DataSourceTransactionManager(database));
    store = new JdbcFeedbackStore(jdbc, transactions, clock, new StateMeters(meters));
    audit =
        new JdbcCallAudit(
            new NamedParameterJdbcTemplate(database),
            true,
            transactions,
            clock,
            new StateMeters(meters));
  }

  private void shown(String uuid, Coding topic, Indicator indicator) {
    audit.record(
        new CallAudit.CallRecord(
            "nocturnal-leg-pain",
            "aa335a32-0722-5460-aaef-33332fcd96c6",
            "https://ehr.example.org",
            200,
            List.of(
                new CallAudit.ShownCard(
                    uuid, topic, indicator, List.of("already-assessed", "patient-declined"))),
            List.of("observations"),
            Duration.ofMillis(12)));
  }

  private static Feedback overridden(String card, String reason, String at) {
    return new Feedback(
        card,
        "overridden",
        null,
        new Feedback.OverrideReason(
            new Coding("http://nocturne-cds.org/fhir/CodeSystem/override-reason", reason, reason),
            "Mrs Smith (MRN 123456) refused"),
        at);
  }

  private static Feedback accepted(String card, String at) {
    return new Feedback(
        card, "accepted", List.of(new Feedback.AcceptedSuggestion("s-1")), null, at);
  }

  @Test
  void feedbackIsStoredWithTheTopicAndIndicatorOfItsCard() {
    shown("card-1", DVT, Indicator.CRITICAL);

    store.append(
        "nocturnal-leg-pain",
        EHR,
        List.of(overridden("card-1", "already-assessed", "2026-11-27T10:01:00Z")));

    assertThat(store.recent(10))
        .singleElement()
        .satisfies(
            stored -> {
              assertThat(stored.topic()).isEqualTo(DVT);
              assertThat(stored.indicator()).isEqualTo(Indicator.CRITICAL);
              assertThat(stored.outcome()).isEqualTo("overridden");
              assertThat(stored.overrideReasonCode()).isEqualTo("already-assessed");
            });
    Map<String, Object> row = jdbc.sql("SELECT * FROM feedback").query().singleRow();
    assertThat(row)
        .containsEntry("issuer", "https://ehr.example.org")
        .containsEntry("subject", null);
    assertThat(row.values().toString()).doesNotContain("Smith").doesNotContain("123456");
  }

  @Test
  void idsAndTextsThatAreNeitherOursNorUuidsAreNotKept() {
    store.append(
        "nocturnal-leg-pain",
        EHR,
        List.of(
            new Feedback(
                "pat-dvt",
                "accepted",
                List.of(new Feedback.AcceptedSuggestion("Patient/pat-dvt")),
                null,
                "2026-11-27T10:01:00Z"),
            new Feedback(
                "9368d37b-283f-44a0-93ea-547cebab93ed",
                "overridden",
                null,
                new Feedback.OverrideReason(
                    new Coding("http://ehr.example.org/reasons", "x1", "Mrs Smith said no"), null),
                "2026-11-27T10:02:00Z")));

    List<Map<String, Object>> rows =
        jdbc.sql(
                "SELECT card_uuid, accepted_suggestions, override_system, override_code,"
                    + " override_display, subject FROM feedback ORDER BY id")
            .query()
            .listOfRows();
    assertThat(rows.get(0))
        .containsEntry("card_uuid", "-")
        .containsEntry("accepted_suggestions", null)
        .containsEntry("subject", null);
    // a reason the card did not offer is "other": the EHR's own code and system are not kept
    assertThat(rows.get(1))
        .containsEntry("card_uuid", "9368d37b-283f-44a0-93ea-547cebab93ed")
        .containsEntry("override_system", null)
        .containsEntry("override_code", "other")
        .containsEntry("override_display", null);
  }

  @Test
  void anOutcomeTimeNoClockCouldMeanIsStoredAsTheTimeReceivedNotRetriedForever() {
    shown("t-1", DVT, Indicator.CRITICAL);
    shown("t-2", DVT, Indicator.CRITICAL);
    shown("t-3", DVT, Indicator.CRITICAL);
    store.append(
        "nocturnal-leg-pain",
        EHR,
        List.of(
            accepted("t-1", "+99999-01-01T00:00:00Z"),
            overridden("t-2", "already-assessed", "1900-01-01T00:00:00-05:00"),
            accepted("t-3", "2026-11-27T04:30:00-05:00")));

    List<Object> times =
        jdbc.sql("SELECT outcome_at FROM feedback ORDER BY id")
            .query((rs, row) -> (Object) rs.getObject(1, OffsetDateTime.class).toInstant())
            .list();
    assertThat(times).containsExactly(NOW, NOW, Instant.parse("2026-11-27T09:30:00Z"));
  }

  @Test
  void aBatchSentTwiceIsStoredOnce() {
    shown("card-2", DVT, Indicator.CRITICAL);
    List<Feedback> batch =
        List.of(
            accepted("card-2", "2026-11-27T10:02:00Z"),
            overridden("card-2", "patient-declined", "2026-11-27T10:03:00Z"));

    store.append("nocturnal-leg-pain", EHR, batch);
    store.append("nocturnal-leg-pain", EHR, batch);

    assertThat(store.recent(10)).hasSize(2);
  }

  @Test
  void feedbackOnACardNeverShownIsKeptWithoutATopic() {
    store.append(
        "nocturnal-leg-pain", EHR, List.of(accepted("unknown-card", "2026-11-27T10:04:00Z")));

    assertThat(store.recent(10)).singleElement().satisfies(s -> assertThat(s.topic()).isNull());
    assertThat(
            meters
                .counter(
                    "nocturne.feedback.outcomes",
                    "service",
                    "nocturnal-leg-pain",
                    "topic",
                    "unknown",
                    "outcome",
                    "accepted")
                .count())
        .isEqualTo(1);
  }

  @Test
  void theTallyCountsShownAcceptedOverriddenAndReasonsPerTopicWithinTheWindow() {
    shown("t-1", DVT, Indicator.CRITICAL);
    shown("t-2", DVT, Indicator.CRITICAL);
    shown("t-3", DVT, Indicator.CRITICAL);
    shown("t-4", CRAMPS, Indicator.INFO);
    store.append(
        "nocturnal-leg-pain",
        EHR,
        List.of(
            accepted("t-1", "2026-11-27T10:05:00Z"),
            overridden("t-2", "already-assessed", "2026-11-27T10:06:00Z"),
            overridden("t-3", "already-assessed", "2026-11-27T10:07:00Z"),
            overridden("t-4", "patient-declined", "2026-11-27T10:08:00Z"),
            // outside the window
            accepted("t-4", "2026-11-26T23:00:00Z")));

    List<TopicTally> tally =
        store.tally(Instant.parse("2026-11-27T00:00:00Z"), Instant.parse("2026-11-28T00:00:00Z"));

    assertThat(tally)
        .containsExactly(
            new TopicTally(
                "nocturnal-leg-pain",
                DVT,
                Indicator.CRITICAL,
                4,
                3,
                0,
                0,
                1,
                2,
                Map.of("already-assessed", 2L)),
            new TopicTally(
                "nocturnal-leg-pain",
                CRAMPS,
                Indicator.INFO,
                4,
                1,
                0,
                0,
                0,
                1,
                Map.of("patient-declined", 1L)));
    assertThat(
            meters
                .counter("nocturne.feedback.override.reasons", "reason", "already-assessed")
                .count())
        .isEqualTo(2);
    assertThat(
            meters
                .counter(
                    "nocturne.cards.shown",
                    "service",
                    "nocturnal-leg-pain",
                    "topic",
                    "deepVeinThrombosis",
                    "indicator",
                    "critical")
                .count())
        .isEqualTo(3);
  }

  @Test
  void anOverrideReasonTheCardDidNotOfferIsCountedAsUnlisted() {
    shown("r-1", DVT, Indicator.CRITICAL);

    store.append(
        "nocturnal-leg-pain",
        EHR,
        List.of(overridden("r-1", "made-up-123", "2026-11-27T10:09:00Z")));

    assertThat(meters.counter("nocturne.feedback.override.reasons", "reason", "unlisted").count())
        .isEqualTo(1);
    assertThat(
            meters
                .find("nocturne.feedback.override.reasons")
                .tag("reason", "made-up-123")
                .counter())
        .isNull();
  }

  private void produced(String uuid, CardDisposition disposition) {
    audit.record(
        new CallAudit.CallRecord(
            "nocturnal-leg-pain-order-sign",
            null,
            "https://ehr.example.org",
            200,
            List.of(
                new CallAudit.ShownCard(
                    uuid, QUININE, Indicator.CRITICAL, List.of("other"), true, disposition)),
            List.of(),
            Duration.ofMillis(3)));
  }

  @Test
  void cardsKeptBackAreStoredWithTheirDispositionAndFeedbackNamingThemCountsAsUnknown() {
    produced("k-shown", CardDisposition.SHOWN);
    produced("k-shadow", CardDisposition.SHADOW);
    produced("k-suppressed", CardDisposition.SUPPRESSED);
    store.append(
        "nocturnal-leg-pain-order-sign",
        EHR,
        List.of(
            accepted("k-shown", "2026-11-27T10:05:00Z"),
            accepted("k-shadow", "2026-11-27T10:06:00Z")));

    assertThat(
            jdbc.sql("SELECT uuid, disposition, suggestion FROM card ORDER BY uuid")
                .query()
                .listOfRows())
        .extracting(
            row -> row.get("uuid") + ":" + row.get("disposition") + ":" + row.get("suggestion"))
        .containsExactly(
            "k-shadow:shadow:true", "k-shown:shown:true", "k-suppressed:suppressed:true");
    assertThat(
            store.tally(
                Instant.parse("2026-11-27T00:00:00Z"), Instant.parse("2026-11-28T00:00:00Z")))
        .containsExactly(
            new TopicTally(
                "nocturnal-leg-pain-order-sign",
                QUININE,
                Indicator.CRITICAL,
                3,
                1,
                1,
                1,
                1,
                0,
                Map.of()),
            new TopicTally(
                "nocturnal-leg-pain-order-sign", null, null, 3, 0, 0, 0, 1, 0, Map.of()));
    assertThat(
            meters
                .find("nocturne.cards.shown")
                .tag("service", "nocturnal-leg-pain-order-sign")
                .counter()
                .count())
        .as("the governance counter counts shown cards only")
        .isEqualTo(1);
  }

  @Test
  void oneCardOverriddenThreeHundredTimesCountsOnce() {
    shown("once", DVT, Indicator.CRITICAL);
    List<Feedback> repeats = new ArrayList<>();
    for (int second = 0; second < 300; second++) {
      repeats.add(
          overridden(
              "once",
              "already-assessed",
              Instant.parse("2026-11-27T10:00:00Z").plusSeconds(second).toString()));
    }
    store.append("nocturnal-leg-pain", EHR, repeats);

    assertThat(
            store.tally(
                Instant.parse("2026-11-27T00:00:00Z"), Instant.parse("2026-11-28T00:00:00Z")))
        .singleElement()
        .satisfies(
            tally -> {
              assertThat(tally.shown()).isEqualTo(1);
              assertThat(tally.overridden()).isEqualTo(1);
              assertThat(tally.overrideReasons()).containsEntry("already-assessed", 1L);
            });
  }

  @Test
  void cardsStoredWithTheRelease1TopicSpellingCountAsTheSameTopic() {
    shown("t-1", DVT, Indicator.CRITICAL);
    shown("t-2", new Coding(DVT.system(), "deep-vein-thrombosis", null), Indicator.CRITICAL);
    store.append(
        "nocturnal-leg-pain",
        EHR,
        List.of(
            overridden("t-2", "already-assessed", "2026-11-27T10:06:00Z"),
            accepted("t-1", "2026-11-27T10:07:00Z")));

    List<TopicTally> tally =
        store.tally(Instant.parse("2026-11-27T00:00:00Z"), Instant.parse("2026-11-28T00:00:00Z"));

    assertThat(tally)
        .containsExactly(
            new TopicTally(
                "nocturnal-leg-pain",
                DVT,
                Indicator.CRITICAL,
                2,
                2,
                0,
                0,
                1,
                1,
                Map.of("already-assessed", 1L)));
  }

  @Test
  void theAuditKeepsOneRowPerCallWithCardsByTopicAndIndicator() {
    shown("a-1", DVT, Indicator.CRITICAL);

    Map<String, Object> row = jdbc.sql("SELECT * FROM audit").query().singleRow();

    assertThat(row)
        .containsEntry("service_id", "nocturnal-leg-pain")
        .containsEntry("hook_instance", "aa335a32-0722-5460-aaef-33332fcd96c6")
        .containsEntry("status", 200)
        .containsEntry("cards", "deepVeinThrombosis:critical")
        .containsEntry("missing_keys", "observations")
        .containsEntry("duration_ms", 12);
  }

  @Test
  void aHookInstanceThatIsNotAUuidIsNotKept() {
    audit.record(
        new CallAudit.CallRecord(
            "nocturnal-leg-pain",
            "patient-123-visit",
            null,
            400,
            List.of(),
            List.of(),
            Duration.ZERO));

    assertThat(jdbc.sql("SELECT hook_instance FROM audit").query().singleRow())
        .containsEntry("hook_instance", null);
  }

  @Test
  void retentionPurgesFeedbackCardsAndAuditPastTheirAge() {
    shown("old", DVT, Indicator.CRITICAL);
    store.append("nocturnal-leg-pain", EHR, List.of(accepted("old", "2026-11-27T10:10:00Z")));
    clock.advance(Duration.ofDays(100));
    shown("newer", DVT, Indicator.CRITICAL);
    var purge =
        new StatePurge(
            jdbc,
            new StateProperties.Retention(Duration.ofDays(400), Duration.ofDays(90), null),
            clock,
            new StateMeters(meters));

    StatePurge.Purged afterHundredDays = purge.purge();
    clock.advance(Duration.ofDays(301));
    StatePurge.Purged afterFourHundredAndOne = purge.purge();

    assertThat(afterHundredDays).isEqualTo(new StatePurge.Purged(0, 0, 0, 1));
    assertThat(afterFourHundredAndOne).isEqualTo(new StatePurge.Purged(0, 1, 1, 1));
    assertThat(jdbc.sql("SELECT uuid FROM card").query(String.class).list())
        .containsExactly("newer");
  }
}
