package org.nocturne.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The replay guard on real PostgreSQL: once per (issuer, jti), under contention too. */
class JdbcReplayGuardTest {
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  private static DataSource database;
  private final MutableClock clock = new MutableClock(NOW);

  @BeforeAll
  static void database() {
    database = Postgres.shared().migratedDatabase();
  }

  private JdbcReplayGuard guard() {
    return new JdbcReplayGuard(
        JdbcClient.create(database), clock, new StateMeters(new SimpleMeterRegistry()));
  }

  @Test
  void aJtiIsClaimedOnceAndRefusedAfter() {
    JdbcReplayGuard guard = guard();

    assertThat(guard.claim("https://ehr.example.org", "jti-once", NOW.plusSeconds(300))).isTrue();
    assertThat(guard.claim("https://ehr.example.org", "jti-once", NOW.plusSeconds(300))).isFalse();
  }

  @Test
  void theSameJtiFromAnotherIssuerIsAnotherToken() {
    JdbcReplayGuard guard = guard();

    assertThat(guard.claim("https://a.example.org", "jti-shared", NOW.plusSeconds(300))).isTrue();
    assertThat(guard.claim("https://b.example.org", "jti-shared", NOW.plusSeconds(300))).isTrue();
  }

  @Test
  void anExpiredClaimNotYetPurgedCanBeClaimedAgainOnce() {
    JdbcReplayGuard guard = guard();
    guard.claim("https://ehr.example.org", "jti-expired", NOW.plusSeconds(60));
    clock.advance(Duration.ofSeconds(61));

    assertThat(guard.claim("https://ehr.example.org", "jti-expired", NOW.plusSeconds(400)))
        .isTrue();
    assertThat(guard.claim("https://ehr.example.org", "jti-expired", NOW.plusSeconds(400)))
        .isFalse();
  }

  @Test
  void sixteenConcurrentClaimsOfOneJtiLetExactlyOneThrough() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      for (int round = 0; round < 20; round++) {
        String jti = "race-" + round;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> claims = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
          JdbcReplayGuard guard = guard();
          Callable<Boolean> claim =
              () -> {
                start.await();
                return guard.claim("https://ehr.example.org", jti, NOW.plusSeconds(300));
              };
          claims.add(pool.submit(claim));
        }
        start.countDown();
        int passed = 0;
        for (Future<Boolean> claim : claims) {
          passed += claim.get() ? 1 : 0;
        }
        assertThat(passed).as("round %d", round).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void thePurgeRemovesExpiredJtisOnly() {
    JdbcReplayGuard guard = guard();
    guard.claim("https://ehr.example.org", "purge-old", NOW.plusSeconds(10));
    guard.claim("https://ehr.example.org", "purge-live", NOW.plusSeconds(3600));
    clock.advance(Duration.ofMinutes(1));
    var purge =
        new StatePurge(
            JdbcClient.create(database),
            new StateProperties.Retention(null, null, null),
            clock,
            new StateMeters(new SimpleMeterRegistry()));

    purge.purge();

    List<String> left =
        JdbcClient.create(database)
            .sql("SELECT jti FROM jti WHERE jti LIKE 'purge-%'")
            .query(String.class)
            .list();
    assertThat(left).containsExactly("purge-live");
  }
}
