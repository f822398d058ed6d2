package org.nocturne.cards;

import java.util.List;
import org.nocturne.cdshooks.Card;
import org.nocturne.clinical.Assessment;

/** Renders an assessment as cards: none while it holds no conclusion. */
public final class CardRenderer {

  public List<Card> render(Assessment assessment) {
    return List.of();
  }
}
