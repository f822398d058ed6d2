package org.nocturne.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nocturne.cdshooks.CallAudit;
import org.nocturne.cdshooks.Caller;
import org.nocturne.cdshooks.Coding;
import org.nocturne.cdshooks.Feedback;
import org.nocturne.cdshooks.Indicator;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audit and card rows written off the request thread (issue 30), on real PostgreSQL: a call never
 * waits for the database, a graceful stop writes everything queued, what a crash can lose is what
 * is queued (never more than the queue holds), and feedback still finds the topic of a card whose
 * row was queued a moment before.
 */
class BatchedCallAuditTest {
  private static final Instant NOW = Instant.parse("2026-12-06T18:00:00Z");
  private static final Coding DVT =
      Coding.of("http://nocturne-cds.org/fhir/CodeSystem/leg-pain-red-flag", "deepVeinThrombosis");

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final MutableClock clock = new MutableClock(NOW);

  private GatedDatabase database;
  private JdbcClient jdbc;
  private NamedParameterJdbcTemplate batches;
  private TransactionTemplate transactions;
  private JdbcClient direct;
  private BatchedCallAudit audit;

  @BeforeEach
  void database() {
    DataSource real = Postgres.shared().migratedDatabase();
    database = new GatedDatabase(real);
    jdbc = JdbcClient.create(database);
    batches = new NamedParameterJdbcTemplate(database);
    direct = JdbcClient.create(real);
    transactions = new TransactionTemplate(new DataSourceTransactionManager(database));
  }

  @AfterEach
  void stop() {
    database.open();
    if (audit != null) {
      audit.close();
    }
  }

  private BatchedCallAudit audit(int capacity) {
    return audit(capacity, BatchedCallAudit.LINGER);
  }

  private BatchedCallAudit audit(int capacity, Duration linger) {
    return audit(capacity, linger, true);
  }

  /**
   * @param postgresql the card rows of a batch in one PostgreSQL statement; {@code false}: one JDBC
   *     batch of inserts, as on H2
   */
  private BatchedCallAudit audit(int capacity, Duration linger, boolean postgresql) {
    audit =
        new BatchedCallAudit(
            new JdbcCallAudit(batches, postgresql, transactions, clock, new StateMeters(meters)),
            capacity,
            linger);
    return audit;
  }

  private static CallAudit.CallRecord call(String cardUuid) {
    return new CallAudit.CallRecord(
        "nocturnal-leg-pain",
        UUID.randomUUID().toString(),
        "https://ehr.example.org",
        200,
        List.of(new CallAudit.ShownCard(cardUuid, DVT, Indicator.CRITICAL, List.of())),
        List.of(),
        Duration.ofMillis(3));
  }

  private long rows(String table) {
    return direct.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }

  private double cardsShown() {
    return meters.find("nocturne.cards.shown").counters().stream()
        .mapToDouble(c -> c.count())
        .sum();
  }

  private double failures() {
    var counter = meters.find("nocturne.state.failures").tag("operation", "audit").counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void aCallIsAnsweredWhileTheDatabaseHangsAndItsRowsAreWrittenOnceItAnswers() {
    database.hold();
    BatchedCallAudit audit = audit(100);

    long start = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      audit.record(call("card-" + i));
    }
    long tookMs = (System.nanoTime() - start) / 1_000_000;

    assertThat(tookMs).as("twenty calls never waited for the database").isLessThan(1000);
    assertThat(rows("audit")).isZero();

    database.open();
    audit.flush();

    assertThat(rows("audit")).isEqualTo(20);
    assertThat(rows("card")).isEqualTo(20);
    assertThat(cardsShown()).as("cards shown, counted once written").isEqualTo(20);
    assertThat(
            direct
                .sql("SELECT MIN(called_at) FROM audit")
                .query(OffsetDateTime.class)
                .single()
                .toInstant())
        .as("a row keeps the time of its call, not of its write")
        .isEqualTo(NOW);
  }

  @Test
  void aDriverErrorMidWriteCostsItsBatchAndTheWriterGoesOn() {
    // pgjdbc asserts on a connection lost mid-write when assertions are on (as in tests)
    AtomicBoolean broken = new AtomicBoolean(true);
    DataSource failing =
        new DelegatingDataSource(Postgres.shared().migratedDatabase()) {
          @Override
          public Connection getConnection() throws SQLException {
            Connection real = super.getConnection();
            return (Connection)
                Proxy.newProxyInstance(
                    Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                      if (method.getName().equals("prepareStatement") && broken.getAndSet(false)) {
                        throw new AssertionError("connection lost mid-write");
                      }
                      try {
                        return method.invoke(real, args);
                      } catch (InvocationTargetException e) {
                        throw e.getCause();
                      }
                    });
          }
        };
    audit =
        new BatchedCallAudit(
            new JdbcCallAudit(
                new NamedParameterJdbcTemplate(failing),
                true,
                new TransactionTemplate(new DataSourceTransactionManager(failing)),
                clock,
                new StateMeters(meters)),
            100,
            Duration.ZERO);

    audit.record(call("card-lost"));
    audit.flush();
    audit.record(call("card-kept"));
    audit.flush();

    assertThat(failures()).as("the lost batch, counted").isEqualTo(1);
    assertThat(
            JdbcClient.create(failing).sql("SELECT COUNT(*) FROM card").query(Long.class).single())
        .as("the writer wrote the next call")
        .isEqualTo(1);
  }

  @Test
  void callsArrivingWithinTheLingerShareOneTransaction() throws InterruptedException {
    BatchedCallAudit audit = audit(100, Duration.ofSeconds(2));

    for (int i = 0; i < 5; i++) {
      audit.record(call("card-" + i));
      Thread.sleep(50); // without the linger, each call's rows would be a transaction of its own
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (rows("audit") < 5 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }

    assertThat(rows("audit")).isEqualTo(5);
    assertThat(database.connections()).as("one transaction for the five calls").isEqualTo(1);
  }

  @Test
  void aFlushDoesNotWaitForTheLinger() {
    BatchedCallAudit audit = audit(100, Duration.ofMinutes(10));
    audit.record(call("card-1"));
    audit.record(call("card-2"));

    long start = System.nanoTime();
    audit.flush();

    assertThat(rows("audit")).as("written when the flush returned").isEqualTo(2);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .as("well before the flush's own five-second limit")
        .isLessThan(Duration.ofSeconds(4));
  }

  @ParameterizedTest(name = "one statement for the batch''s cards: {0}")
  @ValueSource(booleans = {true, false})
  void aCardResentIsOneRowAndCountedOnce(boolean postgresql) {
    // an EHR that retries a call (same hookInstance, the same card uuids) before the first was
    // written: both calls land in one batch
    database.hold();
    BatchedCallAudit audit = audit(100, BatchedCallAudit.LINGER, postgresql);
    audit.record(call("card-resent"));
    audit.record(call("card-resent"));
    audit.record(call("card-other"));

    database.open();
    audit.flush();

    assertThat(rows("audit")).isEqualTo(3);
    assertThat(rows("card")).isEqualTo(2);
    assertThat(cardsShown()).isEqualTo(2);

    // and again later, when its row is already there
    audit.record(call("card-resent"));
    audit.record(call("card-new"));
    audit.flush();

    assertThat(rows("audit")).isEqualTo(5);
    assertThat(rows("card")).isEqualTo(3);
    assertThat(cardsShown()).isEqualTo(3);
  }

  @Test
  void aGracefulStopWritesEverythingQueued() {
    BatchedCallAudit audit = audit(BatchedCallAudit.DEFAULT_CAPACITY);
    for (int i = 0; i < 1000; i++) {
      audit.record(call("card-" + i));
    }

    audit.close();

    assertThat(rows("audit")).isEqualTo(1000);
    assertThat(rows("card")).isEqualTo(1000);
    assertThat(failures()).isZero();
  }

  @Test
  void aCrashLosesAtMostWhatIsQueuedAndAFullQueueDropsAndCountsTheNewest() {
    database.hold();
    BatchedCallAudit audit = audit(10);

    for (int i = 0; i < 25; i++) {
      audit.record(call("card-" + i));
    }

    // a crash now loses every record accepted so far: none is in the database yet, and the queue
    // (plus the batch the writer holds) bounds them
    assertThat(rows("audit")).isZero();
    double dropped = failures();
    assertThat(dropped).isBetween(25.0 - 10 - BatchedCallAudit.MAX_BATCH, 15.0);
    // the writer holds at most one batch while the database waits: the record it took first and
    // what it drained after it (at most the queue's 10), so at most 11 beside the 10 queued
    assertThat(dropped).isGreaterThanOrEqualTo(25.0 - 10 - 11);

    database.open();
    audit.flush();

    assertThat(rows("audit") + (long) dropped).as("written or counted, never silent").isEqualTo(25);
  }

  @Test
  void theSummaryCountsACallWhoseRowsWereStillGathering() {
    BatchedCallAudit audit = audit(100, Duration.ofMinutes(10));
    JdbcFeedbackStore store =
        new JdbcFeedbackStore(jdbc, transactions, clock, new StateMeters(meters))
            .afterPendingWrites(audit::flush);
    audit.record(call("card-1"));

    assertThat(store.calls(NOW.minusSeconds(60), NOW.plusSeconds(60)))
        .containsEntry("nocturnal-leg-pain", 1L);
    assertThat(store.tally(NOW.minusSeconds(60), NOW.plusSeconds(60))).isNotEmpty();
  }

  @Test
  void feedbackFindsTheTopicOfACardWhoseRowWasStillQueued() {
    database.hold();
    BatchedCallAudit audit = audit(100);
    JdbcFeedbackStore store =
        new JdbcFeedbackStore(jdbc, transactions, clock, new StateMeters(meters))
            .afterPendingWrites(audit::flush);
    audit.record(call("card-1"));
    database.open();

    store.append(
        "nocturnal-leg-pain",
        new Caller("https://ehr.example.org", List.of(), "ehr"),
        List.of(
            new Feedback(
                "card-1",
                "accepted",
                List.of(new Feedback.AcceptedSuggestion("s-1")),
                null,
                "2026-12-06T18:01:00Z")));

    assertThat(store.recent(10))
        .singleElement()
        .satisfies(stored -> assertThat(stored.topic()).isEqualTo(DVT));
  }
}
