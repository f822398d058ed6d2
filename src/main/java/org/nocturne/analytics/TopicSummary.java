package org.nocturne.analytics;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.nocturne.cdshooks.FeedbackStore.TopicTally;

/**
 * One row of the alert-burden report: one card topic of one service at one indicator.
 *
 * @param service the CDS service id
 * @param system the topic's code system, {@code null} for cards no longer known
 * @param code the topic's code, {@code null} for cards no longer known
 * @param indicator {@code critical}, {@code warning} or {@code info}; {@code null} when unknown
 * @param calls calls of the service answered in the window (the denominator)
 * @param shown cards the clinicians saw
 * @param shadow cards that would have been shown (shadow mode, or a user outside the pilot group)
 * @param suppressed cards withheld because their topic is switched off
 * @param shownPer1000Calls shown per 1,000 calls, {@code null} without calls
 * @param firedPer1000Calls shown, shadow and suppressed per 1,000 calls: how often the rule fires
 * @param overrideRate overridden / (accepted + overridden), {@code null} without feedback
 * @param topReasons the three most frequent override reasons, most frequent first
 */
record TopicSummary(
    String service,
    String system,
    String code,
    String indicator,
    long calls,
    long shown,
    long shadow,
    long suppressed,
    Double shownPer1000Calls,
    Double firedPer1000Calls,
    long accepted,
    long overridden,
    Double overrideRate,
    List<Reason> topReasons) {
  static final int TOP_REASONS = 3;

  record Reason(String code, long count) {}

  static TopicSummary of(TopicTally tally) {
    long answered = tally.accepted() + tally.overridden();
    long fired = tally.shown() + tally.shadow() + tally.suppressed();
    return new TopicSummary(
        tally.serviceId(),
        tally.topic() == null ? null : tally.topic().system(),
        tally.topic() == null ? null : tally.topic().code(),
        tally.indicator() == null ? null : tally.indicator().wire(),
        tally.calls(),
        tally.shown(),
        tally.shadow(),
        tally.suppressed(),
        perThousand(tally.shown(), tally.calls()),
        perThousand(fired, tally.calls()),
        tally.accepted(),
        tally.overridden(),
        answered == 0 ? null : Math.round(1000.0 * tally.overridden() / answered) / 1000.0,
        tally.overrideReasons().entrySet().stream()
            .sorted(
                Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(TOP_REASONS)
            .map(entry -> new Reason(entry.getKey(), entry.getValue()))
            .toList());
  }

  private static Double perThousand(long count, long calls) {
    return calls == 0 ? null : Math.round(10_000.0 * count / calls) / 10.0;
  }
}
