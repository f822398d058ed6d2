package org.nocturne.cdshooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The answer to a hook call: {@code cards} always present (empty means no guidance). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CdsResponse(
    @JsonInclude(JsonInclude.Include.ALWAYS) List<Card> cards, List<Action> systemActions) {
  public CdsResponse {
    cards = cards == null ? List.of() : List.copyOf(cards);
    systemActions = systemActions == null ? null : List.copyOf(systemActions);
  }

  public static CdsResponse of(List<Card> cards) {
    return new CdsResponse(cards, null);
  }
}
