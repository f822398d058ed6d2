package org.nocturne.cards;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Coding;
import org.nocturne.cdshooks.Card;
import org.nocturne.cdshooks.Indicator;
import org.nocturne.cdshooks.Link;
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

  /**
   * One card for every drug effect found: Epic ties an override to the card's topic, so two cards
   * of one topic would be dismissed together. The most specific effect leads; the others follow as
   * "Also" lines with their action, and every check of every effect is offered.
   */
  List<Card> render(Assessment assessment, CardContext context) {
    List<MedicationEffect> effects = assessment.medicationEffects();
    if (effects.isEmpty()) {
      return List.of();
    }
    MedicationEffect lead = effects.get(0);
    Knowledge.Guidance guidance = knowledge.effect(lead.kind());
    String key =
        CODE + "|" + effects.stream().map(e -> e.kind().key()).collect(Collectors.joining("+"));
    Coding reason = new Coding(Vocabulary.CARD_KINDS, TOPIC, guidance.display());
    List<Suggestion> orders = new ArrayList<>();
    for (MedicationEffect effect : effects) {
      for (NextStep step : effect.checks()) {
        orders.addAll(suggestions.order(step, context, reason, "routine", true, key));
      }
    }
    CardText text =
        new CardText()
            .line("Found", CardText.sentence(lead.findings().stream().map(f -> f.text()).toList()))
            .essential("Do", guidance.action());
    for (MedicationEffect other : effects.subList(1, effects.size())) {
      Knowledge.Guidance also = knowledge.effect(other.kind());
      text.line("Also", also.display() + ": " + names(other) + ". " + also.action());
      text.source(also.source());
    }
    List<Medication> byName =
        effects.stream()
            .flatMap(e -> e.drugs().stream())
            .filter(Medication::byNameOnly)
            .distinct()
            .toList();
    text.line(
            "Note",
            byName.isEmpty()
                ? ""
                : "the list names "
                    + byName.stream()
                        .map(Medication::name)
                        .distinct()
                        .collect(Collectors.joining(", "))
                    + " only by name (no drug code could be read).")
        .optional("Why", guidance.text())
        .source(guidance.source());
    effects.forEach(effect -> effect.findings().forEach(f -> text.source(f.basis())));
    List<Link> links = GuidelineLinks.of(knowledge, text.sources());
    String summary =
        guidance.display()
            + ": "
            + names(lead)
            + (effects.size() > 1
                ? "; also "
                    + effects.subList(1, effects.size()).stream()
                        .map(e -> names(e))
                        .collect(Collectors.joining(", "))
                : "");
    return List.of(
        new Card(
            context.uuid(key),
            Markdown.summary(summary),
            text.render(),
            Indicator.WARNING,
            Vocabulary.source(Vocabulary.CARD_KINDS, TOPIC, "Medication effect", context),
            orders.isEmpty() ? null : orders,
            orders.isEmpty() ? null : SelectionBehavior.ANY,
            Vocabulary.OVERRIDE_REASONS,
            links.isEmpty() ? null : links,
            null));
  }

  private static String names(MedicationEffect effect) {
    return effect.drugs().stream()
        .map(Medication::name)
        .distinct()
        .collect(Collectors.joining(", "));
  }
}
