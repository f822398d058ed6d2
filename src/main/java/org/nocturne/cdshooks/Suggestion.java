package org.nocturne.cdshooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A set of actions the user accepts together (2.0 §Suggestion: actions are AND-ed). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Suggestion(String label, String uuid, Boolean isRecommended, List<Action> actions) {
  public Suggestion {
    Require.text(label, "Suggestion.label");
    Require.notEmptyIfPresent(actions, "Suggestion.actions");
    actions = actions == null ? null : List.copyOf(actions);
  }
}
