package org.nocturne.cards;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Coding;
import org.nocturne.cdshooks.Card;
import org.nocturne.cdshooks.FhirId;
import org.nocturne.cdshooks.Indicator;
import org.nocturne.cdshooks.SelectionBehavior;
import org.nocturne.cdshooks.Suggestion;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.knowledge.Knowledge;
import org.nocturne.clinical.rules.ordersafety.Remedy;
import org.nocturne.clinical.rules.ordersafety.SafetyFinding;

/**
 * One card per order-safety finding, within the card budget: what was found, why it matters, what
 * to do, and one line of sources. Record references stay out of the text (the order is the card's
 * subject; the suggestions name it).
 */
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
        new Coding(Vocabulary.ORDER_SAFETY, finding.concern().topicCode(), guidance.display());
    List<Suggestion> offered = new ArrayList<>();
    Remedy remedy = finding.remedy();
    if (remedy instanceof Remedy.Withdraw
        && FhirId.validOrderReference(finding.order().reference())) {
      offered.add(
          Suggestions.withdraw(finding.order().reference(), finding.order().name(), context, key));
    } else if (remedy instanceof Remedy.TestFirst first) {
      offered.addAll(suggestions.order(first.step(), context, reason, "routine", true, key));
    }
    return new Card(
        context.uuid(key),
        Markdown.summary(finding.headline()),
        detail(finding, guidance),
        switch (finding.severity()) {
          case CRITICAL -> Indicator.CRITICAL;
          case WARNING -> Indicator.WARNING;
          case INFO -> Indicator.INFO;
        },
        Vocabulary.source(
            Vocabulary.ORDER_SAFETY, finding.concern().topicCode(), guidance.display(), context),
        offered.isEmpty() ? null : offered,
        offered.isEmpty() ? null : SelectionBehavior.ANY,
        Vocabulary.OVERRIDE_REASONS,
        null,
        null);
  }

  /**
   * A drug the order named only by an unresolved reference's display: said, so the clinician checks
   * what the service could not (Epic's references carry a display but no code).
   */
  static String byNameOnly(String name) {
    return "The order names "
        + Markdown.text(name)
        + " only by name (no drug code could be read): check it is the drug meant.";
  }

  /** Found, why, do, sources: the budget's shape, each source once. */
  static String detail(SafetyFinding finding, Knowledge.Guidance guidance) {
    List<String> sources = new ArrayList<>();
    sources.add(guidance.source());
    finding.findings().stream().map(Finding::basis).forEach(sources::add);
    String action = guidance.action();
    if (finding.remedy() instanceof Remedy.ConsiderAlternative alternative) {
      action = alternative.alternative().text();
      sources.add(alternative.alternative().source());
    }
    return "**Found:** "
        + finding.findings().stream()
            .map(f -> Markdown.text(f.text()))
            .collect(Collectors.joining("; "))
        + "."
        + (finding.order().byNameOnly() ? " " + byNameOnly(finding.order().name()) : "")
        + "\n\n**Why:** "
        + Markdown.text(guidance.text())
        + "\n\n**Do:** "
        + Markdown.text(action)
        + "\n\n"
        + Markdown.text(Citations.line(sources));
  }
}
