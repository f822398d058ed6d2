package org.nocturne.cdshooks.endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.nocturne.cdshooks.CallAudit;
import org.nocturne.cdshooks.Card;
import org.nocturne.cdshooks.CardDisposition;
import org.nocturne.cdshooks.CdsResponse;

/**
 * The one place where it is decided which of the cards a service produced reach the clinician
 * (docs/go-live.md): a card about a disabled topic is suppressed; otherwise, in shadow mode or for
 * a caller outside the pilot group, it is kept back (shadow); otherwise it is shown. Every hook's
 * answer passes through here in {@link CdsHooksInvoker}, so a new hook cannot bypass it.
 */
final class CardGate {
  /**
   * @param answer what the EHR receives
   * @param cards every card produced, with its disposition, for the audit
   */
  record Gated(CdsResponse answer, List<CallAudit.ShownCard> cards) {
    Gated {
      cards = List.copyOf(cards);
    }
  }

  private final CardMode mode;
  private final Set<String> pilotUsers;
  private final DisabledTopics disabledTopics;

  CardGate(CardGateProperties properties, DisabledTopics disabledTopics) {
    this.mode = properties.mode();
    this.pilotUsers = Set.copyOf(properties.pilotUsers());
    this.disabledTopics = disabledTopics;
  }

  Gated apply(CdsResponse response, String userId) {
    boolean live = live(userId);
    List<Card> answered = new ArrayList<>();
    List<CallAudit.ShownCard> audited = new ArrayList<>();
    for (Card card : response.cards()) {
      CardDisposition disposition;
      if (disabledTopics.disabled(card.source().topic())) {
        disposition = CardDisposition.SUPPRESSED;
      } else if (live) {
        disposition = CardDisposition.SHOWN;
        answered.add(card);
      } else {
        disposition = CardDisposition.SHADOW;
      }
      audited.add(CallAudit.ShownCard.of(card, disposition));
    }
    // a caller in shadow gets nothing at all: no card and no system action
    CdsResponse answer =
        live ? new CdsResponse(answered, response.systemActions()) : CdsResponse.of(List.of());
    return new Gated(answer, audited);
  }

  /**
   * Whether this caller sees cards: not in shadow mode, and in the pilot group when one is set. The
   * request validator has already required {@code userId} to be a relative reference ({@code
   * Practitioner/123}), the form the pilot list is given in.
   */
  boolean live(String userId) {
    if (mode == CardMode.SHADOW) {
      return false;
    }
    return pilotUsers.isEmpty() || (userId != null && pilotUsers.contains(userId.trim()));
  }
}
