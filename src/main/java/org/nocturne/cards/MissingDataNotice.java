package org.nocturne.cards;

import java.util.ArrayList;
import java.util.List;
import org.nocturne.cdshooks.Card;
import org.nocturne.cdshooks.Indicator;

/**
 * Makes every answer say what it could not read (issue: a card ranked causes "from the record
 * alone" while the FHIR server was down). One line naming each missing prefetch key and why goes
 * into the first card (the one read first) whose detail stays within the card budget; when no card
 * is due or none has room, one {@code info} card of its own carries it, with a uuid and a topic as
 * every card has (contract, "Cards"). A silent answer stays silent when nothing failed: a key the
 * EHR neither sent nor let us fetch is how it is set up, the same on every chart, and a card saying
 * so on every chart opened would be noise (a physician's case: the questionnaire, which most EHRs
 * cannot store). The reasons are the SDK's own fixed phrases, never request content.
 */
final class MissingDataNotice {
  static final String TOPIC = "dataUnavailable";

  private MissingDataNotice() {}

  static List<Card> apply(List<Card> answer, NotRead notRead, CardContext context) {
    if (notRead.lines().isEmpty() || (answer.isEmpty() && !notRead.failed())) {
      return answer;
    }
    String line = "Not read from the record: " + String.join("; ", notRead.lines()) + ".";
    List<Card> cards = new ArrayList<>(answer);
    for (int i = 0; i < cards.size(); i++) {
      Card card = cards.get(i);
      String detail = card.detail();
      if ((detail == null ? 0 : detail.length() + 2) + line.length() <= CardText.MAX) {
        cards.set(i, withDetail(card, detail == null ? line : detail + "\n\n" + line));
        return cards;
      }
    }
    cards.add(card(line, !answer.isEmpty(), context));
    return cards;
  }

  private static Card card(String line, boolean besideOthers, CardContext context) {
    return new Card(
        context.uuid(TOPIC),
        besideOthers
            ? "Part of the record could not be read: the other cards may be incomplete"
            : "Part of the record could not be read; no guidance is due on what was read",
        line,
        Indicator.INFO,
        Vocabulary.source(Vocabulary.CARD_KINDS, TOPIC, "Data unavailable", context),
        null,
        null,
        null,
        null,
        null);
  }

  private static Card withDetail(Card card, String detail) {
    return new Card(
        card.uuid(),
        card.summary(),
        detail,
        card.indicator(),
        card.source(),
        card.suggestions(),
        card.selectionBehavior(),
        card.overrideReasons(),
        card.links(),
        card.extension());
  }
}
