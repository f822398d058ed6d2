package org.nocturne.cards;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.nocturne.cdshooks.Action;
import org.nocturne.cdshooks.Suggestion;
import org.nocturne.clinical.conclusions.NextStep;
import org.nocturne.clinical.knowledge.Knowledge;

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
  List<Suggestion> order(
      NextStep step,
      CardContext context,
      Coding reason,
      String priority,
      boolean recommended,
      String key) {
    if (!orders.canOrder(step)) {
      return List.of();
    }
    // one action per suggestion: Epic shows an action's description as the suggestion's text and
    // applies a suggestion whole, so a step of several orders (iron studies) is several choices
    List<Action> actions = orders.create(step, context.patientId(), reason, priority);
    List<Suggestion> out = new ArrayList<>();
    for (int i = 0; i < actions.size(); i++) {
      out.add(
          new Suggestion(
              actions.size() == 1
                  ? "Order: " + knowledge.step(step).label()
                  : actions.get(i).description(),
              context.uuid(key + "|" + step.key() + (i == 0 ? "" : "|" + (i + 1))),
              recommended ? true : null,
              List.of(actions.get(i))));
    }
    return out;
  }

  static Suggestion withdraw(String orderReference, String what, CardContext context, String key) {
    return new Suggestion(
        "Remove the draft order for " + what,
        context.uuid(key + "|withdraw"),
        true,
        // the drug by name: Epic shows this description as the suggestion's text
        List.of(Action.delete("Remove the draft order for " + what, orderReference)));
  }
}
