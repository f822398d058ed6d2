package org.nocturne.state;

import static org.nocturne.state.JdbcReplayGuard.utc;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nocturne.cdshooks.Feedback;
import org.nocturne.cdshooks.FeedbackStore;
import org.nocturne.cdshooks.StateUnavailable;
import org.nocturne.cdshooks.security.Caller;
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

  /** Waits for the card rows still queued by this replica before feedback reads them. */
  JdbcFeedbackStore afterPendingWrites(Runnable flush) {
    this.pendingWrites = flush;
    return this;
  }

  @Override
  public void append(String serviceId, Caller caller, List<Feedback> feedback) {
    pendingWrites.run();
    Instant now = clock.instant();
    Map<String, KnownCard> cards;
    try {
      cards = transaction.execute(status -> write(serviceId, caller, feedback, now));
    } catch (DataAccessException | TransactionException e) {
      meters.failure("feedback");
      throw new StateUnavailable("feedback could not be stored; retry", e);
    }
    for (Feedback item : feedback) {
      KnownCard card = cards.getOrDefault(FeedbackFields.lookup(item), KnownCard.UNKNOWN);
      meters.feedback(
          serviceId,
          card.topic(),
          item.outcome(),
          FeedbackFields.reasonCode(item),
          card.overrideReasons());
    }
  }

  private Map<String, KnownCard> write(
      String serviceId, Caller caller, List<Feedback> feedback, Instant now) {
    Map<String, KnownCard> cards = known(feedback.stream().map(FeedbackFields::lookup).toList());
    for (Feedback item : feedback) {
      KnownCard card = cards.getOrDefault(FeedbackFields.lookup(item), KnownCard.UNKNOWN);
      jdbc.sql(
              "INSERT INTO feedback (service_id, card_uuid, topic_system, topic_code, indicator,"
                  + " outcome, accepted_suggestions, override_system, override_code,"
                  + " override_display, outcome_at, received_at, issuer, subject) VALUES"
                  + " (:service, :card, :system, :code, :indicator, :outcome, :accepted,"
                  + " :reasonSystem, :reasonCode, :reasonDisplay, :outcomeAt, :receivedAt,"
                  + " :issuer, :subject) ON CONFLICT DO NOTHING")
          .param("service", Bounded.id(serviceId, 64))
          .param("card", FeedbackFields.card(item, cards.containsKey(FeedbackFields.lookup(item))))
          .param("system", card.topic() == null ? null : card.topic().system())
          .param("code", card.topic() == null ? null : card.topic().code())
          .param("indicator", card.indicator() == null ? null : card.indicator().wire())
          .param("outcome", item.outcome())
          .param("accepted", FeedbackFields.acceptedSuggestions(item))
          .param("reasonSystem", FeedbackFields.reasonSystem(item))
          .param("reasonCode", FeedbackFields.reasonCode(item))
          .param("reasonDisplay", FeedbackFields.reasonDisplay(item, card))
          .param("outcomeAt", OffsetDateTime.parse(item.outcomeTimestamp()))
          .param("receivedAt", utc(now))
          .param("issuer", caller == null ? null : Bounded.text(caller.issuer(), 1024))
          .param("subject", caller == null ? null : Bounded.text(caller.subject(), 255))
          .update();
    }
    return cards;
  }

  private Map<String, KnownCard> known(List<String> uuids) {
    Map<String, KnownCard> cards = new HashMap<>();
    jdbc.sql(
            "SELECT uuid, topic_system, topic_code, indicator, override_reasons FROM card"
                + " WHERE uuid IN (:uuids)")
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
  public List<TopicTally> tally(Instant from, Instant to) {
    Tallies tallies = new Tallies();
    try {
      jdbc.sql(
              "SELECT topic_system, topic_code, COUNT(*) AS n FROM card"
                  + " WHERE shown_at >= :from AND shown_at < :to GROUP BY topic_system, topic_code")
          .param("from", utc(from))
          .param("to", utc(to))
          .query(
              (rs, row) -> {
                tallies.shown(
                    KnownCard.coding(rs.getString("topic_system"), rs.getString("topic_code")),
                    rs.getLong("n"));
                return row;
              })
          .list();
      jdbc.sql(
              "SELECT topic_system, topic_code, outcome, override_code, COUNT(*) AS n"
                  + " FROM feedback WHERE outcome_at >= :from AND outcome_at < :to"
                  + " GROUP BY topic_system, topic_code, outcome, override_code")
          .param("from", utc(from))
          .param("to", utc(to))
          .query(
              (rs, row) -> {
                var topic =
                    KnownCard.coding(rs.getString("topic_system"), rs.getString("topic_code"));
                long n = rs.getLong("n");
                String outcome = rs.getString("outcome");
                tallies.outcome(topic, outcome, n);
                String reason = rs.getString("override_code");
                if ("overridden".equals(outcome) && reason != null) {
                  tallies.reason(topic, reason, n);
                }
                return row;
              })
          .list();
    } catch (DataAccessException e) {
      throw new StateUnavailable("feedback could not be read; retry", e);
    }
    return tallies.result();
  }
}
