package org.nocturne.cards;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.nocturne.cdshooks.Action;
import org.nocturne.cdshooks.Suggestion;
import org.nocturne.clinical.Knowledge;
import org.nocturne.clinical.NextStep;

/** Turns next steps into suggestions that create their draft orders. */
final class Suggestions {
  private final OrderTemplates orders;
  private final Knowledge knowledge;

  Suggestions(OrderTemplates orders, Knowledge knowledge) {
    this.orders = orders;
    this.knowledge = knowledge;
  }

  /**
   * @param reason the cause or red flag the order is for, with its display
   * @param priority {@code routine}, {@code urgent} or {@code stat}
   */
  Optional<Suggestion> order(
      NextStep step,
      CardContext context,
      Coding reason,
      String priority,
      boolean recommended,
      String key) {
    if (!orders.canOrder(step)) {
      return Optional.empty();
    }
    List<Action> actions = orders.create(step, context.patientId(), reason, priority);
    return Optional.of(
        new Suggestion(
            "Order: " + knowledge.step(step).label(),
            context.uuid(key + "|" + step.key()),
            recommended ? true : null,
            actions));
  }

  static Suggestion withdraw(String orderReference, String what, CardContext context, String key) {
    return new Suggestion(
        "Remove the draft order for " + what,
        context.uuid(key + "|withdraw"),
        true,
        List.of(Action.delete("Delete the draft order " + orderReference, orderReference)));
  }
}
