package org.nocturne.cdshooks;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/** Validates a feedback body for a known service and records it. */
final class FeedbackRecorder {
  private final CdsServiceRegistry registry;
  private final FeedbackLog feedbackLog;
  private final MeterRegistry meters;

  FeedbackRecorder(CdsServiceRegistry registry, FeedbackLog feedbackLog, MeterRegistry meters) {
    this.registry = registry;
    this.feedbackLog = feedbackLog;
    this.meters = meters;
  }

  void record(String serviceId, byte[] body) {
    registry.find(serviceId).orElseThrow(() -> CdsHooksException.unknownService(serviceId));
    List<Feedback> feedback = FeedbackValidator.check(RequestBody.bind(body, FeedbackBatch.class));
    feedbackLog.record(serviceId, feedback);
    feedback.forEach(
        item ->
            meters
                .counter("nocturne.cds.feedback", "service", serviceId, "outcome", item.outcome())
                .increment());
  }
}
