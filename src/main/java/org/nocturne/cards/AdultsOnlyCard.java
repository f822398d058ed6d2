package org.nocturne.cards;

import org.nocturne.cdshooks.Card;
import org.nocturne.cdshooks.Indicator;

/**
 * The one card a patient under 18 with a current complaint gets: the thresholds, causes and
 * pathways are adult ones, so no differential, advice or red flag is offered.
 */
final class AdultsOnlyCard {
  static final String CODE = "adults-only";

  Card render(CardContext context) {
    return new Card(
        context.uuid(CODE),
        "Night leg pain: Nocturne covers adults only",
        "This patient is under 18. Nocturne's causes, thresholds and red flags are those of adult "
            + "guidelines, so it offers no differential, advice or red-flag card here. Assess "
            + "night-time leg pain in children with paediatric guidance (growing pains are a "
            + "diagnosis of exclusion).",
        Indicator.INFO,
        Vocabulary.source(Vocabulary.CARD_KINDS, "adultsOnly", "Adults only", context),
        null,
        null,
        null,
        null,
        null);
  }
}
