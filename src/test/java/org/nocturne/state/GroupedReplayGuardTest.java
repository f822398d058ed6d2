package org.nocturne.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nocturne.cdshooks.StateUnavailable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The replay claims of concurrent calls in one statement (issue 30), on real PostgreSQL: the same
 * guarantee as one statement per claim (once per token, across replicas, a refusal when the
 * database cannot tell), with fewer statements.
 */
class GroupedReplayGuardTest {
  private static final Instant NOW = Instant.parse("2026-12-07T04:00:00Z");
  private static final String EHR = "https://ehr.example.org";

  private final MutableClock clock = new MutableClock(NOW);
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final List<GroupedReplayGuard> guards = new ArrayList<>();
  private final ExecutorService pool = Executors.newFixedThreadPool(64);

  private GatedDatabase database;

  @BeforeEach
  void database() {
    database = new GatedDatabase(Postgres.shared().migratedDatabase());
  }

  @AfterEach
  void stop() {
    database.open();
    pool.shutdownNow();
    guards.forEach(GroupedReplayGuard::close);
  }

  private GroupedReplayGuard guard() {
    return guard(GroupedReplayGuard.ANSWER_WAIT);
  }

  private GroupedReplayGuard guard(Duration answerWait) {
    StateMeters stateMeters = new StateMeters(meters);
    GroupedReplayGuard guard =
        new GroupedReplayGuard(
            new JdbcTemplate(database),
            new JdbcReplayGuard(JdbcClient.create(database), clock, stateMeters),
            stateMeters,
            answerWait);
    guards.add(guard);
    return guard;
  }

  private Future<Boolean> claimLater(GroupedReplayGuard guard, String jti) {
    return pool.submit(() -> guard.claim(EHR, jti, NOW.plusSeconds(300)));
  }

  /**
   * Closes the database and has the claimer take a first claim and hang on it, so that the claims
   * sent next wait together in the queue.
   */
  private Future<Boolean> holdTheClaimer(GroupedReplayGuard guard) throws InterruptedException {
    database.hold();
    Future<Boolean> first = claimLater(guard, "first-" + System.nanoTime());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (database.waiting() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(database.waiting()).as("the claimer waits for the held database").isEqualTo(1);
    awaitQueued(guard, 0);
    return first;
  }

  /** Sends the claims of {@code jtis} and returns once all of them wait in the queue together. */
  private List<Future<Boolean>> queuedTogether(GroupedReplayGuard guard, List<String> jtis)
      throws InterruptedException {
    List<Future<Boolean>> claims = new ArrayList<>();
    jtis.forEach(jti -> claims.add(claimLater(guard, jti)));
    awaitQueued(guard, jtis.size());
    return claims;
  }

  private static List<String> numbered(String prefix, int count) {
    return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
  }

  private static void awaitQueued(GroupedReplayGuard guard, int claims)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (guard.queued() != claims && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(guard.queued()).as("claims waiting in the queue").isEqualTo(claims);
  }

  @Test
  void aTokenIsClaimedOnceAndRefusedAfter() {
    GroupedReplayGuard guard = guard();

    assertThat(guard.claim(EHR, "jti-once", NOW.plusSeconds(300))).isTrue();
    assertThat(guard.claim(EHR, "jti-once", NOW.plusSeconds(300))).isFalse();
    assertThat(guard.claim("https://other.example.org", "jti-once", NOW.plusSeconds(300)))
        .as("the same jti from another issuer is another token")
        .isTrue();
  }

  @Test
  void concurrentClaimsShareStatementsAndEachIsAnsweredForItself() throws Exception {
    GroupedReplayGuard guard = guard();
    Future<Boolean> first = holdTheClaimer(guard);
    List<String> jtis = new ArrayList<>(numbered("group-", 60));
    jtis.add("group-7"); // a replay inside the group
    List<Future<Boolean>> claims = queuedTogether(guard, jtis);

    database.open();
    int passed = 0;
    for (Future<Boolean> claim : claims) {
      passed += claim.get(10, TimeUnit.SECONDS) ? 1 : 0;
    }

    assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(passed).as("sixty tokens, one of them presented twice").isEqualTo(60);
    assertThat(database.connections())
        .as("statements: the first claim's, then one for the 61")
        .isEqualTo(2);
  }

  @Test
  void oneTokenRacedThroughTwoReplicasPassesExactlyOnce() throws Exception {
    GroupedReplayGuard a = guard();
    GroupedReplayGuard b = guard();
    for (int round = 0; round < 20; round++) {
      String jti = "race-" + round;
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> claims = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        GroupedReplayGuard replica = i % 2 == 0 ? a : b;
        claims.add(
            pool.submit(
                () -> {
                  go.await();
                  return replica.claim(EHR, jti, NOW.plusSeconds(300));
                }));
      }
      go.countDown();
      int passed = 0;
      for (Future<Boolean> claim : claims) {
        passed += claim.get(10, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(passed).as("round %d", round).isEqualTo(1);
    }
  }

  @Test
  void anExpiredClaimNotYetPurgedCanBeClaimedAgainOnce() {
    GroupedReplayGuard guard = guard();
    guard.claim(EHR, "jti-expired", NOW.plusSeconds(60));
    clock.advance(Duration.ofSeconds(61));

    assertThat(guard.claim(EHR, "jti-expired", NOW.plusSeconds(400))).isTrue();
    assertThat(guard.claim(EHR, "jti-expired", NOW.plusSeconds(400))).isFalse();
  }

  @Test
  void aDatabaseThatIsDownRefusesEveryWaitingClaimAndTheGuardRecovers() throws Exception {
    GroupedReplayGuard guard = guard();
    database.down(true);
    List<Future<Boolean>> claims = new ArrayList<>();
    claims.add(holdTheClaimer(guard));
    claims.addAll(queuedTogether(guard, numbered("down-", 10)));
    database.open();

    for (Future<Boolean> claim : claims) {
      assertThatThrownBy(() -> claim.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(StateUnavailable.class);
    }
    assertThat(
            meters
                .get("nocturne.state.failures")
                .tag("operation", "replay-guard")
                .counter()
                .count())
        .as("one failure per call refused")
        .isEqualTo(11);

    database.down(false);
    assertThat(guard.claim(EHR, "down-0", NOW.plusSeconds(300)))
        .as("never written while down, so claimable now")
        .isTrue();
  }

  @Test
  void aCallWhoseAnswerDoesNotComeIsRefusedNotHeld() throws Exception {
    GroupedReplayGuard guard = guard(Duration.ofMillis(300));
    Future<Boolean> first = holdTheClaimer(guard);

    assertThatThrownBy(() -> guard.claim(EHR, "held", NOW.plusSeconds(300)))
        .isInstanceOf(StateUnavailable.class)
        .hasMessageContaining("did not answer");
    assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(StateUnavailable.class);
  }

  @Test
  void aValueTheDatabaseRefusesCostsOnlyItsOwnClaim() throws Exception {
    GroupedReplayGuard guard = guard();
    Future<Boolean> first = holdTheClaimer(guard);
    List<String> jtis = new ArrayList<>(numbered("good-", 5));
    jtis.add("nul\u0000byte");
    // one group: the refused value is in the same statement as the others
    List<Future<Boolean>> good = new ArrayList<>(queuedTogether(guard, jtis));
    Future<Boolean> bad = good.remove(5);
    database.open();
    assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();

    for (Future<Boolean> claim : good) {
      assertThat(claim.get(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(StateUnavailable.class);
  }

  @Test
  void aClaimAfterCloseIsStillExact() {
    GroupedReplayGuard guard = guard();
    assertThat(guard.claim(EHR, "closing", NOW.plusSeconds(300))).isTrue();

    guard.close();

    assertThat(guard.claim(EHR, "closing", NOW.plusSeconds(300))).isFalse();
    assertThat(guard.claim(EHR, "after-close", NOW.plusSeconds(300))).isTrue();
  }
}
