package org.nocturne.cdshooks;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes every answer say what it could not read (issue: a card ranked causes "from the record
 * alone" while the FHIR server was down). One line naming each missing prefetch key and why goes
 * into the first card, the one read first; when no card is due, one {@code info} card carries it.
 * The reasons are the SDK's own fixed phrases, never request content.
 */
final class UnavailableDataNotice {
  private UnavailableDataNotice() {}

  static CdsResponse apply(CdsResponse response, Prefetch prefetch, RegisteredService service) {
    List<String> missing = prefetch.missing();
    if (missing.isEmpty()) {
      return response;
    }
    String line = "Not read from the record: " + String.join("; ", missing) + ".";
    List<Card> cards = new ArrayList<>(response.cards());
    if (cards.isEmpty()) {
      cards.add(infoCard(line, service));
    } else {
      Card first = cards.get(0);
      String detail = first.detail() == null ? line : first.detail() + "\n\n" + line;
      cards.set(
          0,
          new Card(
              first.uuid(),
              first.summary(),
              detail,
              first.indicator(),
              first.source(),
              first.suggestions(),
              first.selectionBehavior(),
              first.overrideReasons(),
              first.links(),
              first.extension()));
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
