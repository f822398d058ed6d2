package org.nocturne.cdshooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A CDS Hooks card. The compact constructor enforces the 2.0 rules a client relies on: a summary
 * under 140 characters, {@code selectionBehavior} whenever there are suggestions, a display on
 * every override reason, and no empty arrays.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Card(
    String uuid,
    String summary,
    String detail,
    Indicator indicator,
    Source source,
    List<Suggestion> suggestions,
    SelectionBehavior selectionBehavior,
    List<Coding> overrideReasons,
    List<Link> links,
    Map<String, Object> extension) {

  /** 2.0 §Card Attributes: "a summary message ... less than a 140-character limit". */
  public static final int MAX_SUMMARY_LENGTH = 139;

  public Card {
    Require.text(summary, "Card.summary");
    if (summary.length() > MAX_SUMMARY_LENGTH) {
      throw new IllegalArgumentException("Card.summary must be under 140 characters: " + summary);
    }
    Require.present(indicator, "Card.indicator");
    Require.present(source, "Card.source");
    Require.notEmptyIfPresent(suggestions, "Card.suggestions");
    Require.notEmptyIfPresent(overrideReasons, "Card.overrideReasons");
    Require.notEmptyIfPresent(links, "Card.links");
    if (suggestions != null && selectionBehavior == null) {
      throw new IllegalArgumentException("Card.selectionBehavior is required with suggestions");
    }
    if (overrideReasons != null) {
      overrideReasons.forEach(reason -> Require.text(reason.display(), "overrideReason.display"));
    }
    suggestions = suggestions == null ? null : List.copyOf(suggestions);
    overrideReasons = overrideReasons == null ? null : List.copyOf(overrideReasons);
    links = links == null ? null : List.copyOf(links);
    extension = extension == null || extension.isEmpty() ? null : Map.copyOf(extension);
  }
}
