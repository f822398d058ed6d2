package org.nocturne.state;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nocturne.cdshooks.CallAudit;
import org.nocturne.cdshooks.Feedback;
import org.nocturne.cdshooks.FeedbackStore;
import org.nocturne.cdshooks.security.Caller;

/**
 * Feedback, card topics and the audit of one JVM ({@code nocturne.state=memory}): bounded, lost on
 * restart, right for a single replica only. The oldest entries go first when full.
 */
final class MemoryState implements FeedbackStore, CallAudit {
  private record Shown(KnownCard card, Instant at) {}

  private final int capacity;
  private final Clock clock;
  private final StateMeters meters;
  private final Map<String, Shown> cards;
  private final Deque<StoredFeedback> feedback = new ArrayDeque<>();
  private final Deque<CallRecord> audit = new ArrayDeque<>();

  MemoryState(int capacity, Clock clock, StateMeters meters) {
    this.capacity = capacity;
    this.clock = clock;
    this.meters = meters;
    this.cards =
        new LinkedHashMap<>() {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Shown> eldest) {
            return size() > MemoryState.this.capacity;
          }
        };
  }

  @Override
  public synchronized void record(CallRecord call) {
    Instant now = clock.instant();
    for (ShownCard card : call.cards()) {
      // counted as the summary counts: once per card uuid (a resent hookInstance is not new)
      if (card.uuid() != null
          && cards.putIfAbsent(
                  card.uuid(),
                  new Shown(
                      new KnownCard(card.topic(), card.indicator(), card.overrideReasonCodes()),
                      now))
              == null) {
        meters.shown(call.serviceId(), card);
      }
    }
    bounded(audit, call);
  }

  @Override
  public synchronized void append(String serviceId, Caller caller, List<Feedback> items) {
    for (Feedback item : items) {
      Shown shown = cards.get(FeedbackFields.lookup(item));
      KnownCard card = shown == null ? KnownCard.UNKNOWN : shown.card();
      String reason = FeedbackFields.reasonCode(item);
      bounded(
          feedback,
          new StoredFeedback(
              serviceId,
              FeedbackFields.card(item, shown != null),
              card.topic(),
              card.indicator(),
              item.outcome(),
              reason,
              OffsetDateTime.parse(item.outcomeTimestamp()).toInstant()));
      meters.feedback(serviceId, card.topic(), item.outcome(), reason, card.overrideReasons());
    }
  }

  @Override
  public synchronized List<StoredFeedback> recent(int limit) {
    List<StoredFeedback> newest = new ArrayList<>();
    feedback.descendingIterator().forEachRemaining(newest::add);
    return List.copyOf(newest.subList(0, Math.min(limit, newest.size())));
  }

  @Override
  public synchronized List<TopicTally> tally(Instant from, Instant to) {
    Tallies tallies = new Tallies();
    for (Shown shown : cards.values()) {
      if (!shown.at().isBefore(from) && shown.at().isBefore(to)) {
        tallies.shown(shown.card().topic(), 1);
      }
    }
    for (StoredFeedback item : feedback) {
      if (!item.outcomeAt().isBefore(from) && item.outcomeAt().isBefore(to)) {
        tallies.outcome(item.topic(), item.outcome(), 1);
        if ("overridden".equals(item.outcome()) && item.overrideReasonCode() != null) {
          tallies.reason(item.topic(), item.overrideReasonCode(), 1);
        }
      }
    }
    return tallies.result();
  }

  /** The calls recorded, oldest first. */
  synchronized List<CallRecord> audit() {
    return List.copyOf(audit);
  }

  private <T> void bounded(Deque<T> deque, T item) {
    if (deque.size() == capacity) {
      deque.removeFirst();
    }
    deque.addLast(item);
  }
}
