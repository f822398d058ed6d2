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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the audit row of a call and remembers its cards' topics, in one transaction. Best effort
 * by design (ADR 0002): a failed write is logged and counted, the guidance is still answered. The
 * service writes through {@link BatchedCallAudit}, off the request thread, many calls per
 * transaction (ADR 0005); {@link #record} writes at once (tests, shutdown).
 */
final class JdbcCallAudit implements CallAudit {
  private static final Logger log = LoggerFactory.getLogger(JdbcCallAudit.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final StateMeters meters;

  JdbcCallAudit(JdbcClient jdbc, TransactionTemplate transaction, Clock clock, StateMeters meters) {
    this.jdbc = jdbc;
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
      recorded =
          transaction.execute(
              status -> {
                List<List<ShownCard>> each = new ArrayList<>(calls.size());
                calls.forEach(c -> each.add(write(c.call(), c.at())));
                return each;
              });
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
   * Writes the audit row and the cards not yet known; returns those cards, whatever became of them.
   */
  private List<ShownCard> write(CallRecord call, Instant now) {
    List<ShownCard> recorded = new ArrayList<>();
    jdbc.sql(
            "INSERT INTO audit (called_at, service_id, hook_instance, issuer, status, cards,"
                + " missing_keys, duration_ms) VALUES (:at, :service, :hookInstance, :issuer,"
                + " :status, :cards, :missing, :duration)")
        .param("at", utc(now))
        .param("service", Bounded.id(call.serviceId(), 64))
        .param("hookInstance", call.hookInstance())
        .param("issuer", Bounded.text(call.issuer(), 1024))
        .param("status", call.status())
        .param("cards", Bounded.text(cards(call), 2000))
        .param("missing", Bounded.text(String.join(",", call.missingKeys()), 1000))
        .param("duration", (int) Math.min(Integer.MAX_VALUE, call.duration().toMillis()))
        .update();
    for (ShownCard card : call.cards()) {
      String uuid = Bounded.id(card.uuid(), 64);
      if (uuid == null) {
        continue;
      }
      int inserted =
          jdbc.sql(
                  "INSERT INTO card (uuid, service_id, topic_system, topic_code, indicator,"
                      + " override_reasons, shown_at, disposition, suggestion) VALUES (:uuid,"
                      + " :service, :system, :code, :indicator, :reasons, :at, :disposition,"
                      + " :suggestion) ON CONFLICT DO NOTHING")
              .param("uuid", uuid)
              .param("service", Bounded.id(call.serviceId(), 64))
              .param(
                  "system", card.topic() == null ? null : Bounded.text(card.topic().system(), 255))
              .param("code", card.topic() == null ? null : Bounded.text(card.topic().code(), 128))
              .param("indicator", card.indicator().wire())
              .param("reasons", Bounded.text(String.join(",", card.overrideReasonCodes()), 1000))
              .param("at", utc(now))
              .param("disposition", card.disposition().wire())
              .param("suggestion", card.suggestion())
              .update();
      if (inserted == 1) {
        recorded.add(card);
      }
    }
    return recorded;
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
