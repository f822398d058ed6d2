package org.nocturne.analytics;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.nocturne.cdshooks.FeedbackStore.TopicTally;

/**
 * One row of the governance report.
 *
 * @param system the topic's code system, {@code null} for cards no longer known
 * @param code the topic's code, {@code null} for cards no longer known
 * @param overrideRate overridden / (accepted + overridden), {@code null} without feedback
 * @param topReasons the three most frequent override reasons, most frequent first
 */
record TopicSummary(
    String system,
    String code,
    long shown,
    long accepted,
    long overridden,
    Double overrideRate,
    List<Reason> topReasons) {
  static final int TOP_REASONS = 3;

  record Reason(String code, long count) {}

  static TopicSummary of(TopicTally tally) {
    long answered = tally.accepted() + tally.overridden();
    return new TopicSummary(
        tally.topic() == null ? null : tally.topic().system(),
        tally.topic() == null ? null : tally.topic().code(),
        tally.shown(),
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
}
