package org.nocturne.cdshooks;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where card outcomes go (2.0 §Feedback), durable and shared by every replica. Each item is stored
 * with the topic and indicator of the card it is about, as remembered from our answer; free-text
 * comments are never kept, since they may name the patient.
 */
public interface FeedbackStore {

  /**
   * Stores a validated batch, all items or none; a batch sent again is stored once.
   *
   * @throws StateUnavailable when it cannot be stored (the EHR gets 503 and retries)
   */
  void append(String serviceId, Caller caller, List<Feedback> feedback);

  /** The newest stored items, newest first. */
  List<StoredFeedback> recent(int limit);

  /** Hook calls answered (200) in {@code [from, to)}, per service id. */
  Map<String, Long> calls(Instant from, Instant to);

  /**
   * Per service, card topic and indicator: calls, cards by disposition and outcomes reported in
   * {@code [from, to)}.
   */
  List<TopicTally> tally(Instant from, Instant to);

  /**
   * A stored item.
   *
   * @param topic the topic of the card, or {@code null} when the card is not (or no longer) known
   * @param indicator the card's indicator, or {@code null} when unknown
   * @param overrideReasonCode the reason's code, or {@code null}
   */
  record StoredFeedback(
      String serviceId,
      String card,
      Coding topic,
      Indicator indicator,
      String outcome,
      String overrideReasonCode,
      Instant outcomeAt) {}

  /**
   * The governance view of one topic of one service at one indicator (the alert-burden report).
   *
   * @param topic {@code null} for feedback on cards that are not (or no longer) known
   * @param indicator {@code null} for feedback on cards that are not (or no longer) known
   * @param calls hook calls of the service answered in the window (200), the denominator
   * @param shown cards answered to the EHR
   * @param shadow cards kept back: shadow mode, or a caller outside the pilot group
   * @param suppressed cards withheld because their topic is switched off
   * @param accepted cards accepted (each card counted once, however often it is reported)
   * @param overridden cards overridden (each card counted once)
   * @param overrideReasons count of cards per override reason code
   */
  record TopicTally(
      String serviceId,
      Coding topic,
      Indicator indicator,
      long calls,
      long shown,
      long shadow,
      long suppressed,
      long accepted,
      long overridden,
      Map<String, Long> overrideReasons) {
    public TopicTally {
      overrideReasons = Map.copyOf(overrideReasons);
    }
  }
}
