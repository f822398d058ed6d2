package org.nocturne.state;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nocturne.cdshooks.Coding;
import org.nocturne.cdshooks.FeedbackStore.TopicTally;

/** Adds up shown cards, outcomes and override reasons per topic, in a stable order. */
final class Tallies {
  private final Map<String, Counts> byTopic = new LinkedHashMap<>();

  private static final class Counts {
    final Coding topic;
    long shown;
    long accepted;
    long overridden;
    final Map<String, Long> reasons = new LinkedHashMap<>();

    Counts(Coding topic) {
      this.topic = topic;
    }
  }

  private Counts of(Coding topic) {
    String key = topic == null ? "" : topic.system() + "|" + topic.code();
    return byTopic.computeIfAbsent(key, k -> new Counts(topic));
  }

  void shown(Coding topic, long count) {
    of(topic).shown += count;
  }

  void outcome(Coding topic, String outcome, long count) {
    if ("accepted".equals(outcome)) {
      of(topic).accepted += count;
    } else if ("overridden".equals(outcome)) {
      of(topic).overridden += count;
    }
  }

  void reason(Coding topic, String code, long count) {
    of(topic).reasons.merge(code, count, Long::sum);
  }

  /** Topics by how often they were shown, then by code; cards no longer known last. */
  List<TopicTally> result() {
    List<TopicTally> result = new ArrayList<>();
    for (Counts counts : byTopic.values()) {
      result.add(
          new TopicTally(
              counts.topic, counts.shown, counts.accepted, counts.overridden, counts.reasons));
    }
    result.sort(
        Comparator.comparing((TopicTally t) -> t.topic() == null)
            .thenComparing(TopicTally::shown, Comparator.reverseOrder())
            .thenComparing(t -> t.topic() == null ? "" : t.topic().code()));
    return result;
  }
}
