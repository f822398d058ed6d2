package org.nocturne.state;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nocturne.cdshooks.CardDisposition;
import org.nocturne.cdshooks.Coding;
import org.nocturne.cdshooks.FeedbackStore.TopicTally;
import org.nocturne.cdshooks.Indicator;

/**
 * Adds up calls, cards by disposition, outcomes and override reasons per service, topic and
 * indicator, in a stable order.
 */
final class Tallies {
  private final Map<String, Counts> rows = new LinkedHashMap<>();
  private final Map<String, Long> calls = new LinkedHashMap<>();

  private static final class Counts {
    final String service;
    final Coding topic;
    final Indicator indicator;
    long shown;
    long shadow;
    long suppressed;
    long accepted;
    long overridden;
    final Map<String, Long> reasons = new LinkedHashMap<>();

    Counts(String service, Coding topic, Indicator indicator) {
      this.service = service;
      this.topic = topic;
      this.indicator = indicator;
    }
  }

  private Counts of(String service, Coding topic, Indicator indicator) {
    String key =
        service
            + "|"
            + (topic == null ? "" : topic.system() + "|" + topic.code())
            + "|"
            + (indicator == null ? "" : indicator.wire());
    return rows.computeIfAbsent(key, k -> new Counts(service, topic, indicator));
  }

  void calls(String service, long count) {
    calls.merge(service, count, Long::sum);
  }

  void card(
      String service, Coding topic, Indicator indicator, CardDisposition disposition, long count) {
    Counts counts = of(service, topic, indicator);
    switch (disposition) {
      case SHOWN -> counts.shown += count;
      case SHADOW -> counts.shadow += count;
      case SUPPRESSED -> counts.suppressed += count;
    }
  }

  void outcome(String service, Coding topic, Indicator indicator, String outcome, long count) {
    if ("accepted".equals(outcome)) {
      of(service, topic, indicator).accepted += count;
    } else if ("overridden".equals(outcome)) {
      of(service, topic, indicator).overridden += count;
    }
  }

  void reason(String service, Coding topic, Indicator indicator, String code, long count) {
    of(service, topic, indicator).reasons.merge(code, count, Long::sum);
  }

  /**
   * By how often a topic fired (shown, shadow and suppressed together), then by service, code and
   * indicator; cards no longer known last.
   */
  List<TopicTally> result() {
    List<TopicTally> result = new ArrayList<>();
    for (Counts c : rows.values()) {
      result.add(
          new TopicTally(
              c.service,
              c.topic,
              c.indicator,
              calls.getOrDefault(c.service, 0L),
              c.shown,
              c.shadow,
              c.suppressed,
              c.accepted,
              c.overridden,
              c.reasons));
    }
    result.sort(
        Comparator.comparing((TopicTally t) -> t.topic() == null)
            .thenComparing(t -> t.shown() + t.shadow() + t.suppressed(), Comparator.reverseOrder())
            .thenComparing(t -> t.serviceId() == null ? "" : t.serviceId())
            .thenComparing(t -> t.topic() == null ? "" : t.topic().code())
            .thenComparing(t -> t.indicator() == null ? "" : t.indicator().wire()));
    return result;
  }
}
