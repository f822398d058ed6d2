package org.nocturne.state;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.nocturne.cdshooks.Feedback;

/**
 * What of a feedback item may be stored. Everything in it comes from the EHR, so only values that
 * cannot carry patient data are kept: a card id that is a card we answered or a UUID, suggestion
 * ids that are UUIDs, and a reason's code, system and display only when the card offered that
 * reason ({@code other} otherwise). Never {@code userComment}, never the caller's {@code sub}.
 */
final class FeedbackFields {
  private static final Pattern UUID =
      Pattern.compile(
          "(?i)^(urn:uuid:)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

  /** The stored reason for one the card did not offer. */
  static final String OTHER_REASON = "other";

  private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

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

  /**
   * The reason as stored: its code when the card offered it, else {@code other}, so one EHR's own
   * codes (or text in a code) neither reach the table nor split the governance counts.
   */
  static String storedReasonCode(Feedback item, KnownCard card) {
    String code = reasonCode(item);
    return code == null ? null : card.overrideReasons().contains(code) ? code : OTHER_REASON;
  }

  /** The reason's system, only when the card offered the reason (so it is our own). */
  static String reasonSystem(Feedback item, KnownCard card) {
    String code = reasonCode(item);
    return code != null && card.overrideReasons().contains(code)
        ? Bounded.text(item.overrideReason().reason().system(), 255)
        : null;
  }

  /**
   * When the clinician answered, in UTC; an EHR clock that says before {@link #EARLIEST} or more
   * than a day after we received it is not believed (and a year PostgreSQL cannot store would make
   * the batch fail on every retry), so the time received stands in.
   */
  static Instant outcomeAt(Feedback item, Instant received) {
    Instant at = OffsetDateTime.parse(item.outcomeTimestamp()).toInstant();
    return at.isBefore(EARLIEST) || at.isAfter(received.plus(Duration.ofDays(1))) ? received : at;
  }

  /** The reason's display, when it is one the card offered (so it is our own text). */
  static String reasonDisplay(Feedback item, KnownCard card) {
    String code = reasonCode(item);
    return code != null && card.overrideReasons().contains(code)
        ? Bounded.text(item.overrideReason().reason().display(), 255)
        : null;
  }
}
