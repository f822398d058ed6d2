package org.nocturne.state;

import static org.nocturne.state.JdbcReplayGuard.utc;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nocturne.cdshooks.Caller;
import org.nocturne.cdshooks.CardDisposition;
import org.nocturne.cdshooks.Feedback;
import org.nocturne.cdshooks.FeedbackStore;
import org.nocturne.cdshooks.StateUnavailable;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feedback in the {@code feedback} table, each item joined to the topic and indicator remembered
 * for its card. A batch is written in one transaction; a failure is a 503, never a silent loss.
 */
final class JdbcFeedbackStore implements FeedbackStore {
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final StateMeters meters;
  private Runnable pendingWrites = () -> {};

  JdbcFeedbackStore(
      JdbcClient jdbc, TransactionTemplate transaction, Clock clock, StateMeters meters) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.clock = clock;
    this.meters = meters;
  }

  /**
   * Waits for the audit and card rows still queued by this replica before feedback or the summary
   * reads them.
   */
  JdbcFeedbackStore afterPendingWrites(Runnable flush) {
    this.pendingWrites = flush;
    return this;
  }

  @Override
  public void append(String serviceId, Caller caller, List<Feedback> feedback) {
    pendingWrites.run();
    Instant now = clock.instant();
    Written written;
    try {
      written = transaction.execute(status -> write(serviceId, caller, feedback, now));
    } catch (DataAccessException | TransactionException e) {
      meters.failure("feedback");
      throw new StateUnavailable("feedback could not be stored; retry", e);
    }
    // counted as the admin summary counts: a batch sent again is stored, and counted, once
    for (Feedback item : written.stored()) {
      KnownCard card = written.cards().getOrDefault(FeedbackFields.lookup(item), KnownCard.UNKNOWN);
      meters.feedback(
          serviceId,
          card.topic(),
          item.outcome(),
          FeedbackFields.reasonCode(item),
          card.overrideReasons());
    }
  }

  /** The cards the feedback is about, and the items stored (not already there). */
  private record Written(Map<String, KnownCard> cards, List<Feedback> stored) {}

  private Written write(String serviceId, Caller caller, List<Feedback> feedback, Instant now) {
    Map<String, KnownCard> cards = known(feedback.stream().map(FeedbackFields::lookup).toList());
    List<Feedback> stored = new ArrayList<>();
    for (Feedback item : feedback) {
      KnownCard card = cards.getOrDefault(FeedbackFields.lookup(item), KnownCard.UNKNOWN);
      int inserted =
          jdbc.sql(
                  "INSERT INTO feedback (service_id, card_uuid, topic_system, topic_code, indicator,"
                      + " outcome, accepted_suggestions, override_system, override_code,"
                      + " override_display, outcome_at, received_at, issuer, subject) VALUES"
                      + " (:service, :card, :system, :code, :indicator, :outcome, :accepted,"
                      + " :reasonSystem, :reasonCode, :reasonDisplay, :outcomeAt, :receivedAt,"
                      + " :issuer, :subject) ON CONFLICT DO NOTHING")
              .param("service", Bounded.id(serviceId, 64))
              .param(
                  "card", FeedbackFields.card(item, cards.containsKey(FeedbackFields.lookup(item))))
              .param("system", card.topic() == null ? null : card.topic().system())
              .param("code", card.topic() == null ? null : card.topic().code())
              .param("indicator", card.indicator() == null ? null : card.indicator().wire())
              .param("outcome", item.outcome())
              .param("accepted", FeedbackFields.acceptedSuggestions(item))
              .param("reasonSystem", FeedbackFields.reasonSystem(item, card))
              .param("reasonCode", FeedbackFields.storedReasonCode(item, card))
              .param("reasonDisplay", FeedbackFields.reasonDisplay(item, card))
              .param("outcomeAt", utc(FeedbackFields.outcomeAt(item, now)))
              .param("receivedAt", utc(now))
              .param("issuer", caller == null ? null : Bounded.text(caller.issuer(), 1024))
              .param("subject", null) // the JWT sub is the EHR's free text: never stored
              .update();
      if (inserted == 1) {
        stored.add(item);
      }
    }
    return new Written(cards, stored);
  }

  private Map<String, KnownCard> known(List<String> uuids) {
    Map<String, KnownCard> cards = new HashMap<>();
    jdbc.sql(
            // only a card the clinician saw can be answered: feedback naming a shadow or
            // suppressed card's uuid is counted as about an unknown card
            "SELECT uuid, topic_system, topic_code, indicator, override_reasons FROM card"
                + " WHERE uuid IN (:uuids) AND disposition = 'shown'")
        .param("uuids", uuids.stream().distinct().toList())
        .query(
            (rs, row) ->
                cards.put(
                    rs.getString("uuid"),
                    KnownCard.of(
                        rs.getString("topic_system"),
                        rs.getString("topic_code"),
                        rs.getString("indicator"),
                        rs.getString("override_reasons"))))
        .list();
    return cards;
  }

  @Override
  public List<StoredFeedback> recent(int limit) {
    try {
      return jdbc.sql(
              "SELECT service_id, card_uuid, topic_system, topic_code, indicator, outcome,"
                  + " override_code, outcome_at FROM feedback ORDER BY id DESC LIMIT :limit")
          .param("limit", limit)
          .query(
              (rs, row) ->
                  new StoredFeedback(
                      rs.getString("service_id"),
                      rs.getString("card_uuid"),
                      KnownCard.coding(rs.getString("topic_system"), rs.getString("topic_code")),
                      KnownCard.indicator(rs.getString("indicator")),
                      rs.getString("outcome"),
                      rs.getString("override_code"),
                      rs.getObject("outcome_at", OffsetDateTime.class).toInstant()))
          .list();
    } catch (DataAccessException e) {
      throw new StateUnavailable("feedback could not be read; retry", e);
    }
  }

  @Override
  public Map<String, Long> calls(Instant from, Instant to) {
    pendingWrites.run();
    Map<String, Long> calls = new TreeMap<>();
    try {
      jdbc.sql(
              "SELECT service_id, COUNT(*) AS n FROM audit WHERE called_at >= :from"
                  + " AND called_at < :to AND status = 200 GROUP BY service_id")
          .param("from", utc(from))
          .param("to", utc(to))
          .query(
              (rs, row) -> {
                calls.put(rs.getString("service_id"), rs.getLong("n"));
                return row;
              })
          .list();
    } catch (DataAccessException e) {
      throw new StateUnavailable("the audit could not be read; retry", e);
    }
    return calls;
  }

  @Override
  public List<TopicTally> tally(Instant from, Instant to) {
    Tallies tallies = new Tallies();
    try {
      calls(from, to).forEach(tallies::calls);
      jdbc.sql(
              "SELECT service_id, topic_system, topic_code, indicator, disposition, COUNT(*) AS n"
                  + " FROM card WHERE shown_at >= :from AND shown_at < :to"
                  + " GROUP BY service_id, topic_system, topic_code, indicator, disposition")
          .param("from", utc(from))
          .param("to", utc(to))
          .query(
              (rs, row) -> {
                tallies.card(
                    rs.getString("service_id"),
                    KnownCard.coding(rs.getString("topic_system"), rs.getString("topic_code")),
                    KnownCard.indicator(rs.getString("indicator")),
                    CardDisposition.ofWire(rs.getString("disposition")),
                    rs.getLong("n"));
                return row;
              })
          .list();
      // a known card counts once per outcome and reason however often an EHR reports it, so one
      // EHR cannot inflate the override rate; feedback on unknown cards counts per item
      String perCard =
          "COUNT(DISTINCT CASE WHEN topic_code IS NULL THEN CAST(id AS VARCHAR(20))"
              + " ELSE card_uuid END) AS n";
      jdbc.sql(
              "SELECT service_id, topic_system, topic_code, indicator, outcome, "
                  + perCard
                  + " FROM feedback WHERE outcome_at >= :from AND outcome_at < :to"
                  + " GROUP BY service_id, topic_system, topic_code, indicator, outcome")
          .param("from", utc(from))
          .param("to", utc(to))
          .query(
              (rs, row) -> {
                tallies.outcome(
                    rs.getString("service_id"),
                    KnownCard.coding(rs.getString("topic_system"), rs.getString("topic_code")),
                    KnownCard.indicator(rs.getString("indicator")),
                    rs.getString("outcome"),
                    rs.getLong("n"));
                return row;
              })
          .list();
      jdbc.sql(
              "SELECT service_id, topic_system, topic_code, indicator, override_code, "
                  + perCard
                  + " FROM feedback WHERE outcome_at >= :from AND outcome_at < :to"
                  + " AND outcome = 'overridden' AND override_code IS NOT NULL"
                  + " GROUP BY service_id, topic_system, topic_code, indicator, override_code")
          .param("from", utc(from))
          .param("to", utc(to))
          .query(
              (rs, row) -> {
                tallies.reason(
                    rs.getString("service_id"),
                    KnownCard.coding(rs.getString("topic_system"), rs.getString("topic_code")),
                    KnownCard.indicator(rs.getString("indicator")),
                    rs.getString("override_code"),
                    rs.getLong("n"));
                return row;
              })
          .list();
    } catch (DataAccessException e) {
      throw new StateUnavailable("feedback could not be read; retry", e);
    }
    return tallies.result();
  }
}
