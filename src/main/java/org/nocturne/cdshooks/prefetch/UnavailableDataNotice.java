package org.nocturne.cdshooks.prefetch;

import java.util.ArrayList;
import java.util.List;
import org.nocturne.cdshooks.Card;
import org.nocturne.cdshooks.CdsResponse;
import org.nocturne.cdshooks.Indicator;
import org.nocturne.cdshooks.RegisteredService;
import org.nocturne.cdshooks.Source;

/**
 * Makes every answer say what it could not read (issue: a card ranked causes "from the record
 * alone" while the FHIR server was down). One line naming each missing prefetch key and why goes
 * into the first card (the one read first) whose detail stays within the card budget; when no card
 * is due or none has room, one {@code info} card carries it. The reasons are the SDK's own fixed
 * phrases, never request content.
 */
public final class UnavailableDataNotice {
  /** The card budget of the contract: no detail grows past it for this line. */
  static final int MAX_DETAIL_LENGTH = 700;

  private UnavailableDataNotice() {}

  public static CdsResponse apply(
      CdsResponse response, Prefetch prefetch, RegisteredService service) {
    List<String> missing = prefetch.missing();
    if (missing.isEmpty()) {
      return response;
    }
    String line = "Not read from the record: " + String.join("; ", missing) + ".";
    List<Card> cards = new ArrayList<>(response.cards());
    int room = -1;
    for (int i = 0; i < cards.size() && room < 0; i++) {
      String detail = cards.get(i).detail();
      if ((detail == null ? 0 : detail.length() + 2) + line.length() <= MAX_DETAIL_LENGTH) {
        room = i;
      }
    }
    if (room < 0) {
      cards.add(infoCard(line, service));
    } else {
      Card card = cards.get(room);
      String detail = card.detail() == null ? line : card.detail() + "\n\n" + line;
      cards.set(
          room,
          new Card(
              card.uuid(),
              card.summary(),
              detail,
              card.indicator(),
              card.source(),
              card.suggestions(),
              card.selectionBehavior(),
              card.overrideReasons(),
              card.links(),
              card.extension()));
    }
    return new CdsResponse(cards, response.systemActions());
  }

  private static Card infoCard(String line, RegisteredService service) {
    String title = service.descriptor().title();
    return new Card(
        null,
        "Part of the record could not be read; no guidance is due on the rest",
        line,
        Indicator.INFO,
        new Source(
            title == null || title.isBlank() ? service.descriptor().id() : title, null, null, null),
        null,
        null,
        null,
        null,
        null);
  }
}
