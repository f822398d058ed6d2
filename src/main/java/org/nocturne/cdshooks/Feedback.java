package org.nocturne.cdshooks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** One item of the 2.0 feedback body: what the user did with a card. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Feedback(
    String card,
    String outcome,
    List<AcceptedSuggestion> acceptedSuggestions,
    OverrideReason overrideReason,
    String outcomeTimestamp) {

  /**
   * Read from the wire: the reason may come as 2.0's {@code overrideReason} or as Epic's {@code
   * overrideReasons}, in any of their forms ({@link OverrideReasons}); it is recorded either way.
   */
  @JsonCreator
  static Feedback fromJson(
      @JsonProperty("card") String card,
      @JsonProperty("outcome") String outcome,
      @JsonProperty("acceptedSuggestions") List<AcceptedSuggestion> acceptedSuggestions,
      @JsonProperty("overrideReason") JsonNode overrideReason,
      @JsonProperty("overrideReasons") JsonNode overrideReasons,
      @JsonProperty("outcomeTimestamp") String outcomeTimestamp) {
    return new Feedback(
        card,
        outcome,
        acceptedSuggestions,
        OverrideReasons.read(overrideReason, overrideReasons),
        outcomeTimestamp);
  }

  /** The {@code uuid} of an accepted suggestion. */
  public record AcceptedSuggestion(String id) {}

  /** The reason the user chose, and or their comment. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record OverrideReason(Coding reason, String userComment) {}
}
