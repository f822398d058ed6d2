package org.nocturne.state;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.nocturne.cdshooks.CallAudit;
import org.nocturne.cdshooks.Caller;
import org.nocturne.cdshooks.CardDisposition;
import org.nocturne.cdshooks.Feedback;
import org.nocturne.cdshooks.FeedbackStore;

/**
 * Feedback, card topics and the audit of one JVM ({@code nocturne.state=memory}): bounded, lost on
 * restart, right for a single replica only. The oldest entries go first when full.
 */
final class MemoryState implements FeedbackStore, CallAudit {
  private record Shown(String serviceId, KnownCard card, CardDisposition disposition, Instant at) {}

  private record Called(CallRecord call, Instant at) {}

  private final int capacity;
  private final Clock clock;
  private final StateMeters meters;
  private final Map<String, Shown> cards;
  private final Deque<StoredFeedback> feedback = new ArrayDeque<>();
  private final Deque<Called> audit = new ArrayDeque<>();

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

  /**
   * Holds the lock only for the two collections (every call of the pod passes here, on its request
   * thread); the rows are built before it and the counters, which have their own, counted after.
   */
  @Override
  public void record(CallRecord call) {
    Instant now = clock.instant();
    List<ShownCard> cardsOfCall = call.cards();
    List<Shown> rows = new ArrayList<>(cardsOfCall.size());
    for (ShownCard card : cardsOfCall) {
      rows.add(
          card.uuid() == null
              ? null
              : new Shown(
                  call.serviceId(),
                  new KnownCard(card.topic(), card.indicator(), card.overrideReasonCodes()),
                  card.disposition(),
                  now));
    }
    boolean[] recorded = new boolean[rows.size()];
    synchronized (this) {
      for (int i = 0; i < rows.size(); i++) {
        // counted as the summary counts: cards shown, once per card uuid (a resent hookInstance
        // answers the same uuids and is not new)
        recorded[i] =
            rows.get(i) != null
                && cards.putIfAbsent(cardsOfCall.get(i).uuid(), rows.get(i)) == null;
      }
      bounded(audit, new Called(call, now));
    }
    for (int i = 0; i < recorded.length; i++) {
      if (recorded[i] && cardsOfCall.get(i).shown()) {
        meters.shown(call.serviceId(), cardsOfCall.get(i));
      }
    }
  }

  @Override
  public synchronized void append(String serviceId, Caller caller, List<Feedback> items) {
    Instant now = clock.instant();
    for (Feedback item : items) {
      Shown shown = cards.get(FeedbackFields.lookup(item));
      if (shown != null && shown.disposition() != CardDisposition.SHOWN) {
        shown = null; // only a card the clinician saw can be answered
      }
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
              FeedbackFields.storedReasonCode(item, card),
              FeedbackFields.outcomeAt(item, now)));
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
  public synchronized Map<String, Long> calls(Instant from, Instant to) {
    Map<String, Long> calls = new TreeMap<>();
    for (Called called : audit) {
      if (within(called.at(), from, to) && called.call().status() == 200) {
        calls.merge(called.call().serviceId(), 1L, Long::sum);
      }
    }
    return calls;
  }

  @Override
  public synchronized List<TopicTally> tally(Instant from, Instant to) {
    Tallies tallies = new Tallies();
    calls(from, to).forEach(tallies::calls);
    for (Shown shown : cards.values()) {
      if (within(shown.at(), from, to)) {
        tallies.card(
            shown.serviceId(),
            shown.card().topic(),
            shown.card().indicator(),
            shown.disposition(),
            1);
      }
    }
    // a known card counts once per outcome and reason, as in the database
    Set<String> counted = new HashSet<>();
    for (StoredFeedback item : feedback) {
      if (!within(item.outcomeAt(), from, to)) {
        continue;
      }
      boolean known = item.topic() != null;
      if (!known || counted.add(item.card() + "|" + item.outcome())) {
        tallies.outcome(item.serviceId(), item.topic(), item.indicator(), item.outcome(), 1);
      }
      String reason = item.overrideReasonCode();
      if ("overridden".equals(item.outcome())
          && reason != null
          && (!known || counted.add(item.card() + "|reason|" + reason))) {
        tallies.reason(item.serviceId(), item.topic(), item.indicator(), reason, 1);
      }
    }
    return tallies.result();
  }

  private static boolean within(Instant at, Instant from, Instant to) {
    return !at.isBefore(from) && at.isBefore(to);
  }

  /** The calls recorded, oldest first. */
  synchronized List<CallRecord> audit() {
    return audit.stream().map(Called::call).toList();
  }

  private <T> void bounded(Deque<T> deque, T item) {
    if (deque.size() == capacity) {
      deque.removeFirst();
    }
    deque.addLast(item);
  }
}
