package org.nocturne.state;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.nocturne.cdshooks.StateUnavailable;
import org.nocturne.cdshooks.security.ReplayGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The replay claims of concurrent calls in one PostgreSQL statement and one commit (issue 30): a
 * call's claim joins a queue and its request thread waits for the answer, as it waited for its own
 * statement before; one thread takes every claim queued and inserts them together, {@code ON
 * CONFLICT DO NOTHING RETURNING} telling which were new. The guarantee is {@link
 * JdbcReplayGuard}'s, exactly: the primary key (issuer, jti) lets one claim through across
 * replicas, each answer waits for a committed row, and an unreachable database is a refusal. A
 * claim the insert did not take (a replay, or a row that expired but is not purged yet) is settled
 * by {@link JdbcReplayGuard#reclaimExpired}; a token claimed twice in one group passes once.
 *
 * <p>Only PostgreSQL has the statement ({@code unnest} of arrays, {@code RETURNING}); other
 * databases (the local profile's H2) keep one statement per claim.
 */
final class GroupedReplayGuard implements ReplayGuard, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GroupedReplayGuard.class);

  /** Claims in one statement at most. */
  static final int MAX_GROUP = 256;

  /** Claims waiting at most; beyond it (a database far slower than the calls) each claims alone. */
  static final int CAPACITY = 4_096;

  /**
   * How long a call waits for its answer before it is refused: room for the group ahead and its own
   * group each to wait the pool's connection timeout (2 s), and a bound on a database that accepts
   * the statement and never answers. Never a hang, and never a pass.
   */
  static final Duration ANSWER_WAIT = Duration.ofSeconds(5);

  private static final String INSERT_GROUP =
      "INSERT INTO jti (issuer, jti, expires_at)"
          + " SELECT i, j, e::timestamptz FROM unnest(?::text[], ?::text[], ?::text[]) AS c(i, j, e)"
          + " ON CONFLICT DO NOTHING RETURNING issuer, jti";

  private final JdbcTemplate jdbc;
  private final JdbcReplayGuard single;
  private final StateMeters meters;
  private final BlockingQueue<Claim> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final Thread claimer;
  private final long answerWaitNanos;
  private volatile boolean closed;

  GroupedReplayGuard(JdbcTemplate jdbc, JdbcReplayGuard single, StateMeters meters) {
    this(jdbc, single, meters, ANSWER_WAIT);
  }

  GroupedReplayGuard(
      JdbcTemplate jdbc, JdbcReplayGuard single, StateMeters meters, Duration answerWait) {
    this.answerWaitNanos = answerWait.toNanos();
    this.jdbc = jdbc;
    this.single = single;
    this.meters = meters;
    this.claimer = new Thread(this::claimLoop, "jti-claimer");
    claimer.setDaemon(true);
    claimer.start();
  }

  /** One call's claim and the answer its request thread waits for. */
  private record Claim(
      String issuer, String jti, Instant expiresAt, CompletableFuture<Boolean> won) {
    Claim(String issuer, String jti, Instant expiresAt) {
      this(issuer, jti, expiresAt, new CompletableFuture<>());
    }

    Token token() {
      return new Token(issuer, jti);
    }
  }

  /** What the primary key holds once. */
  private record Token(String issuer, String jti) {}

  @Override
  public boolean claim(String issuer, String jti, Instant expiresAt) {
    Claim claim = new Claim(issuer, jti, expiresAt);
    if (closed || !claimer.isAlive() || !queue.offer(claim)) {
      return single.claim(issuer, jti, expiresAt);
    }
    try {
      return claim.won().get(answerWaitNanos, TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException cause
          ? cause
          : new StateUnavailable("replay guard unavailable", e.getCause());
    } catch (TimeoutException e) {
      meters.failure("replay-guard");
      throw new StateUnavailable("replay guard did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StateUnavailable("replay guard unavailable", e);
    }
  }

  /** Claims waiting for the claimer to take them (tests). */
  int queued() {
    return queue.size();
  }

  /** Settles what is queued and stops the claimer (the bean's destroy method). */
  @Override
  public void close() {
    closed = true;
    claimer.interrupt();
    try {
      claimer.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void claimLoop() {
    List<Claim> group = new ArrayList<>(MAX_GROUP);
    while (!closed || !queue.isEmpty()) {
      try {
        Claim first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        group.add(first);
      } catch (InterruptedException e) {
        // stopping: what is still queued is settled before the loop ends
      }
      queue.drainTo(group, MAX_GROUP - group.size());
      if (!group.isEmpty()) {
        settleAnswering(group);
        group.clear();
      }
    }
  }

  /** Settles a group; whatever happens, every claim in it is answered. */
  private void settleAnswering(List<Claim> group) {
    try {
      settle(group);
    } catch (RuntimeException | Error e) {
      log.warn("jti claims: {}", e.toString());
      StateUnavailable unavailable = new StateUnavailable("replay guard unavailable", e);
      group.forEach(c -> c.won().completeExceptionally(unavailable));
    }
  }

  private void settle(List<Claim> group) {
    // a token presented twice in one group: the first presentation claims, the others are replays
    Map<Token, Claim> firsts = new LinkedHashMap<>();
    for (Claim claim : group) {
      if (firsts.putIfAbsent(claim.token(), claim) != null) {
        claim.won().complete(false);
      }
    }
    Set<Token> inserted;
    try {
      inserted = insert(List.copyOf(firsts.values()));
    } catch (DataIntegrityViolationException e) {
      // a value the database refuses (a NUL in a jti) costs its own claim, not the group's
      firsts.values().forEach(this::settleAlone);
      return;
    } catch (DataAccessException e) {
      StateUnavailable unavailable = new StateUnavailable("replay guard unavailable", e);
      for (Claim claim : firsts.values()) {
        meters.failure("replay-guard"); // counted per call refused, as one statement each was
        claim.won().completeExceptionally(unavailable);
      }
      return;
    }
    for (Claim claim : firsts.values()) {
      if (inserted.contains(claim.token())) {
        claim.won().complete(true);
      } else {
        settleReclaim(claim);
      }
    }
  }

  /** Not inserted: a replay, or a row that expired before the purge reached it. */
  private void settleReclaim(Claim claim) {
    try {
      claim.won().complete(single.reclaimExpired(claim.issuer(), claim.jti(), claim.expiresAt()));
    } catch (RuntimeException e) {
      claim.won().completeExceptionally(e);
    }
  }

  private void settleAlone(Claim claim) {
    try {
      claim.won().complete(single.claim(claim.issuer(), claim.jti(), claim.expiresAt()));
    } catch (RuntimeException e) {
      claim.won().completeExceptionally(e);
    }
  }

  /** Inserts the claims in one statement and returns the tokens of those that were new. */
  private Set<Token> insert(List<Claim> claims) {
    String[] issuers = new String[claims.size()];
    String[] jtis = new String[claims.size()];
    String[] expiries = new String[claims.size()];
    for (int i = 0; i < claims.size(); i++) {
      issuers[i] = claims.get(i).issuer();
      jtis[i] = claims.get(i).jti();
      expiries[i] = claims.get(i).expiresAt().toString();
    }
    return ArrayStatement.returning(
        jdbc,
        INSERT_GROUP,
        List.of(
            ArrayStatement.Column.text(issuers),
            ArrayStatement.Column.text(jtis),
            ArrayStatement.Column.text(expiries)),
        (row, n) -> new Token(row.getString(1), row.getString(2)));
  }
}
