package org.nocturne.cdshooks;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Receives one PHI-free record per hook call: who called which service, the status, and the cards
 * by topic and indicator. Implementations never throw: an audit that cannot be written is logged
 * and counted, and the clinician still gets the guidance.
 */
public interface CallAudit {

  void record(CallRecord call);

  /**
   * One hook call, without patient data by construction: no context, no prefetch, no card text.
   *
   * @param hookInstance the caller's hookInstance, kept only when it is a UUID (anything else could
   *     carry text an EHR put there)
   * @param issuer the verified {@code iss}, or {@code null} without JWT verification
   * @param status the HTTP status answered
   * @param cards what each card was about
   * @param missingKeys prefetch keys whose data could not be had (our own key names)
   * @param duration time spent answering
   */
  record CallRecord(
      String serviceId,
      String hookInstance,
      String issuer,
      int status,
      List<ShownCard> cards,
      List<String> missingKeys,
      Duration duration) {
    private static final Pattern UUID =
        Pattern.compile(
            "(?i)^(urn:uuid:)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    public CallRecord {
      hookInstance =
          hookInstance != null && UUID.matcher(hookInstance).matches() ? hookInstance : null;
      cards = List.copyOf(cards);
      missingKeys = List.copyOf(missingKeys);
    }
  }

  /**
   * A card as the audit and the feedback analytics see it.
   *
   * @param uuid the card's uuid (derived by the service, never patient data)
   * @param topic {@code source.topic}, or {@code null}
   * @param overrideReasonCodes the codes of the override reasons the card offered
   * @param suggestion whether the card offered a suggestion
   * @param disposition whether it was answered, kept back (shadow) or withheld (suppressed)
   */
  record ShownCard(
      String uuid,
      Coding topic,
      Indicator indicator,
      List<String> overrideReasonCodes,
      boolean suggestion,
      CardDisposition disposition) {
    public ShownCard {
      overrideReasonCodes = List.copyOf(overrideReasonCodes);
      Require.present(indicator, "ShownCard.indicator");
      Require.present(disposition, "ShownCard.disposition");
    }

    /** A card answered to the EHR, without a suggestion. */
    public ShownCard(
        String uuid, Coding topic, Indicator indicator, List<String> overrideReasonCodes) {
      this(uuid, topic, indicator, overrideReasonCodes, false, CardDisposition.SHOWN);
    }

    public static ShownCard of(Card card, CardDisposition disposition) {
      return new ShownCard(
          card.uuid(),
          card.source().topic(),
          card.indicator(),
          card.overrideReasons() == null
              ? List.of()
              : card.overrideReasons().stream().map(Coding::code).toList(),
          card.suggestions() != null && !card.suggestions().isEmpty(),
          disposition);
    }

    public boolean shown() {
      return disposition == CardDisposition.SHOWN;
    }
  }
}
