package org.nocturne.cdshooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One item of the 2.0 feedback body: what the user did with a card. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Feedback(
    String card,
    String outcome,
    List<AcceptedSuggestion> acceptedSuggestions,
    OverrideReason overrideReason,
    String outcomeTimestamp) {

  /** The {@code uuid} of an accepted suggestion. */
  public record AcceptedSuggestion(String id) {}

  /** The reason the user chose, and or their comment. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record OverrideReason(Coding reason, String userComment) {}
}
