package org.nocturne.state;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.regex.Pattern;
import org.nocturne.cdshooks.CallAudit;
import org.nocturne.cdshooks.Coding;
import org.nocturne.cdshooks.Meters;

/**
 * The governance counters (Prometheus: {@code nocturne_cards_shown_total}, {@code
 * nocturne_feedback_outcomes_total}, {@code nocturne_feedback_override_reasons_total}). Labels are
 * our own codes only, so their number stays small: a topic comes from our answer, and an override
 * reason is named only when the card offered it ({@code unlisted} otherwise).
 */
final class StateMeters {
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private final MeterRegistry meters;

  /** The operations whose failures are counted, each registered at zero at start. */
  static final List<String> OPERATIONS = List.of("replay-guard", "feedback", "audit", "purge");

  StateMeters(MeterRegistry meters) {
    this.meters = meters;
    // at zero from the start: an alert on increase() needs the series before the first failure
    OPERATIONS.forEach(operation -> failures(operation));
  }

  void shown(String serviceId, CallAudit.ShownCard card) {
    Meters.counter(
            meters,
            "nocturne.cards.shown",
            "service",
            serviceId,
            "topic",
            topic(card.topic(), "none"),
            "indicator",
            card.indicator().wire())
        .increment();
  }

  /**
   * @param offeredReasons the override reason codes the card offered, empty when it is unknown
   */
  void feedback(
      String serviceId,
      Coding topic,
      String outcome,
      String reasonCode,
      List<String> offeredReasons) {
    Meters.counter(
            meters,
            "nocturne.feedback.outcomes",
            "service",
            serviceId,
            "topic",
            topic(topic, "unknown"),
            "outcome",
            outcome)
        .increment();
    if ("overridden".equals(outcome)) {
      String reason =
          reasonCode == null
              ? "none"
              : offeredReasons.contains(reasonCode) && CODE.matcher(reasonCode).matches()
                  ? reasonCode
                  : "unlisted";
      Meters.counter(meters, "nocturne.feedback.override.reasons", "reason", reason).increment();
    }
  }

  void failure(String operation) {
    failures(operation).increment();
  }

  private io.micrometer.core.instrument.Counter failures(String operation) {
    return Meters.counter(meters, "nocturne.state.failures", "operation", operation);
  }

  private static String topic(Coding topic, String otherwise) {
    return topic != null && CODE.matcher(topic.code()).matches() ? topic.code() : otherwise;
  }
}
