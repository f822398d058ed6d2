package org.nocturne.cdshooks.endpoint;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.nocturne.cdshooks.CdsHooksException;
import org.nocturne.cdshooks.Feedback;
import org.nocturne.cdshooks.FeedbackBatch;

/** Checks a feedback body against CDS Hooks 2.0 §Feedback. */
final class FeedbackValidator {
  private FeedbackValidator() {}

  static List<Feedback> check(FeedbackBatch batch) {
    if (batch == null || batch.feedback() == null || batch.feedback().isEmpty()) {
      throw CdsHooksException.badRequest("feedback must be a non-empty array");
    }
    for (int i = 0; i < batch.feedback().size(); i++) {
      check(batch.feedback().get(i), "feedback[" + i + "]");
    }
    return List.copyOf(batch.feedback());
  }

  private static void check(Feedback item, String where) {
    if (item == null) {
      throw CdsHooksException.badRequest(where + " must be an object");
    }
    if (item.card() == null || item.card().isBlank()) {
      throw CdsHooksException.badRequest(where + ".card is required");
    }
    if ("accepted".equals(item.outcome())) {
      if (item.acceptedSuggestions() == null || item.acceptedSuggestions().isEmpty()) {
        throw CdsHooksException.badRequest(
            where + ".acceptedSuggestions is required when accepted");
      }
      for (Feedback.AcceptedSuggestion accepted : item.acceptedSuggestions()) {
        if (accepted == null || accepted.id() == null || accepted.id().isBlank()) {
          throw CdsHooksException.badRequest(where + ".acceptedSuggestions[].id is required");
        }
      }
    } else if (!"overridden".equals(item.outcome())) {
      throw CdsHooksException.badRequest(where + ".outcome must be accepted or overridden");
    }
    if (item.overrideReason() != null
        && item.overrideReason().reason() == null
        && (item.overrideReason().userComment() == null
            || item.overrideReason().userComment().isBlank())) {
      throw CdsHooksException.badRequest(where + ".overrideReason needs a reason or a userComment");
    }
    if (item.outcomeTimestamp() == null) {
      throw CdsHooksException.badRequest(where + ".outcomeTimestamp is required");
    }
    try {
      OffsetDateTime.parse(item.outcomeTimestamp());
    } catch (DateTimeParseException e) {
      throw CdsHooksException.badRequest(where + ".outcomeTimestamp must be an RFC 3339 date-time");
    }
  }
}
