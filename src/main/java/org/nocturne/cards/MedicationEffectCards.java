package org.nocturne.cards;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Coding;
import org.nocturne.cdshooks.Card;
import org.nocturne.cdshooks.Indicator;
import org.nocturne.cdshooks.SelectionBehavior;
import org.nocturne.cdshooks.Suggestion;
import org.nocturne.clinical.Assessment;
import org.nocturne.clinical.conclusions.MedicationEffect;
import org.nocturne.clinical.conclusions.NextStep;
import org.nocturne.clinical.facts.Medication;
import org.nocturne.clinical.knowledge.Knowledge;

/**
 * A drug on the list that may cause the symptoms ({@code leg-pain-card} {@code medication-effect}):
 * what points to it, what to do, and the test that checks it.
 */
final class MedicationEffectCards {
  static final String CODE = "medication-effect";
  static final String TOPIC = "medicationEffect";

  private final Knowledge knowledge;
  private final Suggestions suggestions;

  MedicationEffectCards(Knowledge knowledge, Suggestions suggestions) {
    this.knowledge = knowledge;
    this.suggestions = suggestions;
  }

  List<Card> render(Assessment assessment, CardContext context) {
    List<Card> cards = new ArrayList<>();
    for (MedicationEffect effect : assessment.medicationEffects()) {
      cards.add(card(effect, context));
    }
    return cards;
  }

  private Card card(MedicationEffect effect, CardContext context) {
    Knowledge.Guidance guidance = knowledge.effect(effect.kind());
    String key = CODE + "|" + effect.kind().key();
    String drugs =
        effect.drugs().stream().map(d -> d.name()).distinct().collect(Collectors.joining(", "));
    Coding reason = new Coding(Vocabulary.CARD_KINDS, TOPIC, guidance.display());
    List<Suggestion> orders = new ArrayList<>();
    for (NextStep step : effect.checks()) {
      orders.addAll(suggestions.order(step, context, reason, "routine", true, key));
    }
    CardText text =
        new CardText()
            .line(
                "Found", CardText.sentence(effect.findings().stream().map(f -> f.text()).toList()))
            .essential("Do", guidance.action())
            .line(
                "Note",
                effect.drugs().stream().anyMatch(Medication::byNameOnly)
                    ? "the list names "
                        + effect.drugs().stream()
                            .filter(Medication::byNameOnly)
                            .map(d -> d.name())
                            .distinct()
                            .collect(Collectors.joining(", "))
                        + " only by name (no drug code could be read)."
                    : "")
            .optional("Why", guidance.text())
            .source(guidance.source());
    effect.findings().forEach(f -> text.source(f.basis()));
    List<org.nocturne.cdshooks.Link> links = GuidelineLinks.of(knowledge, text.sources());
    return new Card(
        context.uuid(key),
        Markdown.summary(guidance.display() + ": " + drugs),
        text.render(),
        Indicator.WARNING,
        Vocabulary.source(Vocabulary.CARD_KINDS, TOPIC, "Medication effect", context),
        orders.isEmpty() ? null : orders,
        orders.isEmpty() ? null : SelectionBehavior.ANY,
        Vocabulary.OVERRIDE_REASONS,
        links.isEmpty() ? null : links,
        null);
  }
}
