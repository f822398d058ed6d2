package org.nocturne.cards;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.nocturne.cdshooks.Card;
import org.nocturne.cdshooks.FhirId;
import org.nocturne.cdshooks.Indicator;
import org.nocturne.cdshooks.SelectionBehavior;
import org.nocturne.cdshooks.Suggestion;
import org.nocturne.clinical.Knowledge;
import org.nocturne.clinical.SafetyFinding;

/** One card per order-safety finding: the order, the risk, and what to do instead. */
final class SafetyCards {
  private final Knowledge knowledge;
  private final Suggestions suggestions;

  SafetyCards(Knowledge knowledge, Suggestions suggestions) {
    this.knowledge = knowledge;
    this.suggestions = suggestions;
  }

  List<Card> render(List<SafetyFinding> findings, CardContext context) {
    List<Card> cards = new ArrayList<>();
    for (SafetyFinding finding : findings) {
      cards.add(card(finding, context));
    }
    return cards;
  }

  private Card card(SafetyFinding finding, CardContext context) {
    Knowledge.Guidance guidance = knowledge.safety(finding.concern());
    String key = "safety|" + finding.concern().code() + "|" + finding.order().reference();
    Coding reason =
        new Coding(Vocabulary.ORDER_SAFETY, finding.concern().code(), guidance.display());
    List<Suggestion> offered = new ArrayList<>();
    if (finding.withdraw() && FhirId.validReference(finding.order().reference())) {
      offered.add(
          Suggestions.withdraw(finding.order().reference(), finding.order().name(), context, key));
    }
    finding
        .instead()
        .flatMap(
            step -> suggestions.order(step, context, reason, "routine", offered.isEmpty(), key))
        .ifPresent(offered::add);
    return new Card(
        context.uuid(key),
        Markdown.summary(finding.headline()),
        Markdown.guidance(finding.findings(), guidance, "Instead"),
        switch (finding.severity()) {
          case CRITICAL -> Indicator.CRITICAL;
          case WARNING -> Indicator.WARNING;
          case INFO -> Indicator.INFO;
        },
        Vocabulary.source(Vocabulary.ORDER_SAFETY, finding.concern().code(), guidance.display()),
        offered.isEmpty() ? null : offered,
        offered.isEmpty() ? null : SelectionBehavior.ANY,
        Vocabulary.OVERRIDE_REASONS,
        null,
        null);
  }
}
