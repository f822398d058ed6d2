package org.nocturne.cards;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.List;
import org.nocturne.cdshooks.Card;
import org.nocturne.cdshooks.Indicator;
import org.nocturne.clinical.Assessment;
import org.nocturne.clinical.Knowledge;
import org.nocturne.clinical.SafetyFinding;

/**
 * The cards of each service. For patient-view: nothing without a current complaint (contract, "When
 * patient-view speaks"); one adults-only card under 18; otherwise critical red flags, then the
 * differential, then medication effects and warnings, then the questionnaire prompt, so the card
 * that needs action today is read first.
 */
public final class CardRenderer {
  private final RedFlagCards redFlags;
  private final DifferentialCard differential;
  private final QuestionnaireCard questionnaire = new QuestionnaireCard();
  private final AdultsOnlyCard adultsOnly = new AdultsOnlyCard();
  private final MedicationEffectCards medicationEffects;
  private final SafetyCards safety;

  public CardRenderer(Knowledge knowledge, FhirContext fhir) {
    Suggestions suggestions = new Suggestions(new OrderTemplates(fhir), knowledge);
    this.redFlags = new RedFlagCards(knowledge, suggestions);
    this.differential = new DifferentialCard(knowledge, suggestions);
    this.medicationEffects = new MedicationEffectCards(knowledge, suggestions);
    this.safety = new SafetyCards(knowledge, suggestions);
  }

  public List<Card> patientView(Assessment assessment, CardContext context) {
    if (!assessment.complaint().current()) {
      return List.of();
    }
    if (!assessment.complaint().adult()) {
      return List.of(adultsOnly.render(context));
    }
    List<Card> flags = redFlags.render(assessment, context);
    List<Card> cards =
        new ArrayList<>(flags.stream().filter(c -> c.indicator() == Indicator.CRITICAL).toList());
    differential.render(assessment, context).ifPresent(cards::add);
    cards.addAll(medicationEffects.render(assessment, context));
    cards.addAll(flags.stream().filter(c -> c.indicator() != Indicator.CRITICAL).toList());
    questionnaire.render(assessment, context).ifPresent(cards::add);
    return cards;
  }

  public List<Card> orderSafety(List<SafetyFinding> findings, CardContext context) {
    return safety.render(findings, context);
  }
}
