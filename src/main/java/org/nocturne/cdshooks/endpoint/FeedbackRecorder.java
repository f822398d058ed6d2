package org.nocturne.cdshooks.endpoint;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.nocturne.cdshooks.Caller;
import org.nocturne.cdshooks.CdsHooksException;
import org.nocturne.cdshooks.CdsServiceRegistry;
import org.nocturne.cdshooks.Feedback;
import org.nocturne.cdshooks.FeedbackBatch;
import org.nocturne.cdshooks.FeedbackStore;
import org.nocturne.cdshooks.Meters;

/** Validates a feedback body for a known service and records it. */
final class FeedbackRecorder {
  private final CdsServiceRegistry registry;
  private final FeedbackStore feedbackStore;
  private final MeterRegistry meters;

  FeedbackRecorder(CdsServiceRegistry registry, FeedbackStore feedbackStore, MeterRegistry meters) {
    this.registry = registry;
    this.feedbackStore = feedbackStore;
    this.meters = meters;
  }

  void record(String serviceId, byte[] body, Caller caller) {
    registry.find(serviceId).orElseThrow(() -> CdsHooksException.unknownService(serviceId));
    List<Feedback> feedback = FeedbackValidator.check(RequestBody.bind(body, FeedbackBatch.class));
    feedbackStore.append(serviceId, caller, feedback);
    feedback.forEach(
        item ->
            Meters.counter(
                    meters,
                    "nocturne.cds.feedback",
                    "service",
                    serviceId,
                    "outcome",
                    item.outcome())
                .increment());
  }
}
