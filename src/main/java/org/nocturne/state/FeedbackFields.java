package org.nocturne.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.nocturne.cdshooks.Feedback;

/**
 * What of a feedback item may be stored. Everything in it comes from the EHR, so only values that
 * cannot carry patient data are kept: a card id that is a card we answered or a UUID, suggestion
 * ids that are UUIDs, a reason's code and system, and its display only when the card offered that
 * reason. Never {@code userComment}.
 */
final class FeedbackFields {
  private static final Pattern UUID =
      Pattern.compile(
          "(?i)^(urn:uuid:)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

  /** Stands for a card id that was neither ours nor a UUID. */
  static final String NOT_A_CARD = "-";

  private FeedbackFields() {}

  /** The id to look the card up by. */
  static String lookup(Feedback item) {
    return Objects.requireNonNullElse(Bounded.id(item.card(), 64), NOT_A_CARD);
  }

  /** The card id to store: ours, or at least a UUID. */
  static String card(Feedback item, boolean known) {
    String id = lookup(item);
    return known || UUID.matcher(id).matches() ? id : NOT_A_CARD;
  }

  static String acceptedSuggestions(Feedback item) {
    if (item.acceptedSuggestions() == null) {
      return null;
    }
    List<String> ids = new ArrayList<>();
    for (Feedback.AcceptedSuggestion suggestion : item.acceptedSuggestions()) {
      if (suggestion.id() != null && UUID.matcher(suggestion.id()).matches()) {
        ids.add(suggestion.id());
      }
    }
    return ids.isEmpty() ? null : Bounded.text(String.join(",", ids), 1000);
  }

  static String reasonCode(Feedback item) {
    return item.overrideReason() == null || item.overrideReason().reason() == null
        ? null
        : Bounded.id(item.overrideReason().reason().code(), 128);
  }

  static String reasonSystem(Feedback item) {
    return item.overrideReason() == null || item.overrideReason().reason() == null
        ? null
        : Bounded.text(item.overrideReason().reason().system(), 255);
  }

  /** The reason's display, when it is one the card offered (so it is our own text). */
  static String reasonDisplay(Feedback item, KnownCard card) {
    String code = reasonCode(item);
    return code != null && card.overrideReasons().contains(code)
        ? Bounded.text(item.overrideReason().reason().display(), 255)
        : null;
  }
}
