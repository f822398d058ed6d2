package org.nocturne.state;

import static org.nocturne.state.JdbcReplayGuard.utc;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.nocturne.cdshooks.CallAudit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the audit row of a call and remembers its cards' topics, in one transaction. Best effort
 * by design (ADR 0002): a failed write is logged and counted, the guidance is still answered. The
 * service writes through {@link BatchedCallAudit}, off the request thread, many calls per
 * transaction (ADR 0005); {@link #record} writes at once (tests, shutdown).
 */
final class JdbcCallAudit implements CallAudit {
  private static final Logger log = LoggerFactory.getLogger(JdbcCallAudit.class);

  private final NamedParameterJdbcTemplate jdbc;
  private final CardRows cardRows;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final StateMeters meters;

  JdbcCallAudit(
      NamedParameterJdbcTemplate jdbc,
      boolean postgresql,
      TransactionTemplate transaction,
      Clock clock,
      StateMeters meters) {
    this.jdbc = jdbc;
    this.cardRows = new CardRows(jdbc, postgresql);
    this.transaction = transaction;
    this.clock = clock;
    this.meters = meters;
  }

  /** A call and when it was answered. */
  record Timed(CallRecord call, Instant at) {}

  @Override
  public void record(CallRecord call) {
    writeAll(List.of(new Timed(call, clock.instant())));
  }

  Clock clock() {
    return clock;
  }

  /** A record the queue had no room for: counted like a failed write. */
  void dropped() {
    meters.failure("audit");
  }

  /**
   * Writes the calls' rows in one transaction, each with the time of its call; a failure is logged
   * and counted, not thrown.
   */
  void writeAll(List<Timed> calls) {
    List<List<ShownCard>> recorded;
    try {
      recorded = transaction.execute(status -> write(calls));
    } catch (RuntimeException e) {
      // the contract: an audit never fails the call it records
      calls.forEach(c -> meters.failure("audit"));
      CallRecord first = calls.get(0).call();
      log.warn(
          "{} audit row(s) not written (the first for service={} status={}): {}",
          calls.size(),
          first.serviceId(),
          first.status(),
          e.getMessage());
      return;
    }
    // counted as the admin summary counts: cards shown (not shadow or suppressed), once per card
    // uuid, so an EHR that resends a hookInstance (the same card uuids) does not count them twice
    for (int i = 0; i < calls.size(); i++) {
      String serviceId = calls.get(i).call().serviceId();
      recorded.get(i).stream()
          .filter(ShownCard::shown)
          .forEach(card -> meters.shown(serviceId, card));
    }
  }

  /**
   * The audit rows of all the calls in one JDBC batch and their cards in one statement on
   * PostgreSQL ({@link CardRows}); returns, per call, the cards whose rows were new.
   */
  private List<List<ShownCard>> write(List<Timed> calls) {
    SqlParameterSource[] audits = new SqlParameterSource[calls.size()];
    List<CardRows.Row> rows = new ArrayList<>();
    List<ShownCard> cards = new ArrayList<>();
    List<Integer> callOfCard = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      CallRecord call = calls.get(i).call();
      Instant at = calls.get(i).at();
      audits[i] = auditRow(call, at);
      for (ShownCard card : call.cards()) {
        String uuid = Bounded.id(card.uuid(), 64);
        if (uuid != null) {
          rows.add(cardRow(uuid, call.serviceId(), card, at));
          cards.add(card);
          callOfCard.add(i);
        }
      }
    }
    jdbc.batchUpdate(INSERT_AUDIT, audits);
    boolean[] inserted = cardRows.insert(rows);
    List<List<ShownCard>> recorded = new ArrayList<>(calls.size());
    calls.forEach(c -> recorded.add(new ArrayList<>()));
    for (int k = 0; k < inserted.length; k++) {
      if (inserted[k]) {
        recorded.get(callOfCard.get(k)).add(cards.get(k));
      }
    }
    return recorded;
  }

  private static final String INSERT_AUDIT =
      "INSERT INTO audit (called_at, service_id, hook_instance, issuer, status, cards,"
          + " missing_keys, duration_ms) VALUES (:at, :service, :hookInstance, :issuer, :status,"
          + " :cards, :missing, :duration)";

  private static SqlParameterSource auditRow(CallRecord call, Instant at) {
    return new MapSqlParameterSource()
        .addValue("at", utc(at))
        .addValue("service", Bounded.id(call.serviceId(), 64))
        .addValue("hookInstance", call.hookInstance())
        .addValue("issuer", Bounded.text(call.issuer(), 1024))
        .addValue("status", call.status())
        .addValue("cards", Bounded.text(cards(call), 2000))
        .addValue("missing", Bounded.text(String.join(",", call.missingKeys()), 1000))
        .addValue("duration", (int) Math.min(Integer.MAX_VALUE, call.duration().toMillis()));
  }

  private static CardRows.Row cardRow(String uuid, String serviceId, ShownCard card, Instant at) {
    return new CardRows.Row(
        uuid,
        Bounded.id(serviceId, 64),
        card.topic() == null ? null : Bounded.text(card.topic().system(), 255),
        card.topic() == null ? null : Bounded.text(card.topic().code(), 128),
        card.indicator().wire(),
        Bounded.text(String.join(",", card.overrideReasonCodes()), 1000),
        at,
        card.disposition().wire(),
        card.suggestion());
  }

  /**
   * {@code topic:indicator} per card shown, e.g. {@code deepVeinThrombosis:critical}, and {@code
   * topic:indicator:shadow} or {@code :suppressed} per card kept back.
   */
  private static String cards(CallRecord call) {
    return call.cards().stream()
        .map(
            card ->
                (card.topic() == null ? "none" : card.topic().code())
                    + ":"
                    + card.indicator().wire()
                    + (card.shown() ? "" : ":" + card.disposition().wire()))
        .collect(Collectors.joining(","));
  }
}
