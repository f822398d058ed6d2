package org.nocturne.state;

import static org.nocturne.state.JdbcReplayGuard.utc;

import java.time.Clock;
import java.time.Instant;
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
 * transaction; {@link #record} writes at once (tests, shutdown).
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
    count(call);
    writeAll(List.of(new Timed(call, clock.instant())));
  }

  /** The governance counters of a call's cards (at once, on the request thread). */
  void count(CallRecord call) {
    call.cards().forEach(card -> meters.shown(call.serviceId(), card));
  }

  Clock clock() {
    return clock;
  }

  /** A record the queue had no room for: counted like a failed write. */
  void dropped() {
    meters.failure("audit");
  }

  /** Writes the calls' rows in one transaction; a failure is logged and counted, not thrown. */
  void writeAll(List<Timed> calls) {
    try {
      transaction.executeWithoutResult(status -> calls.forEach(c -> write(c.call(), c.at())));
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
    }
  }

  private void write(CallRecord call, Instant now) {
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
      jdbc.sql(
              "INSERT INTO card (uuid, service_id, topic_system, topic_code, indicator,"
                  + " override_reasons, shown_at) VALUES (:uuid, :service, :system, :code,"
                  + " :indicator, :reasons, :at) ON CONFLICT DO NOTHING")
          .param("uuid", uuid)
          .param("service", Bounded.id(call.serviceId(), 64))
          .param("system", card.topic() == null ? null : Bounded.text(card.topic().system(), 255))
          .param("code", card.topic() == null ? null : Bounded.text(card.topic().code(), 128))
          .param("indicator", card.indicator().wire())
          .param("reasons", Bounded.text(String.join(",", card.overrideReasonCodes()), 1000))
          .param("at", utc(now))
          .update();
    }
  }

  /** {@code topic:indicator} per card, e.g. {@code deep-vein-thrombosis:critical}. */
  private static String cards(CallRecord call) {
    return call.cards().stream()
        .map(
            card ->
                (card.topic() == null ? "none" : card.topic().code())
                    + ":"
                    + card.indicator().wire())
        .collect(Collectors.joining(","));
  }
}
