package org.nocturne.cards;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.nocturne.cdshooks.Card;
import org.nocturne.cdshooks.Indicator;
import org.nocturne.clinical.Assessment;
import org.nocturne.clinical.knowledge.Knowledge;
import org.nocturne.clinical.rules.ordersafety.SafetyFinding;

/**
 * The cards of each service. For patient-view: nothing without a current complaint (contract, "When
 * patient-view speaks"); one adults-only card under 18; otherwise the critical red flags, the
 * differential, medication effects and warnings, the questionnaire prompt. Every answer says what
 * could not be read and lists its cards most urgent first (critical, warning, info: many EHRs show
 * them in the order received), so the card that needs action today is read first.
 */
public final class CardRenderer {
  /**
   * Cards besides the critical red flags in one patient-view answer (contract, "Card budget"); the
   * rest are named in the differential.
   */
  static final int OTHER_CARDS = 3;

  /** Most urgent first; the sort is stable, so cards of one indicator keep their order. */
  private static final Comparator<Indicator> URGENCY =
      Comparator.comparingInt(
          List.of(Indicator.CRITICAL, Indicator.WARNING, Indicator.INFO)::indexOf);

  private final RedFlagCards redFlags;
  private final DifferentialCard differential;
  private final QuestionnaireCard questionnaire = new QuestionnaireCard();
  private final AdultsOnlyCard adultsOnly = new AdultsOnlyCard();
  private final MedicationEffectCards medicationEffects;
  private final SafetyCards safety;

  public CardRenderer(Knowledge knowledge, FhirContext fhir) {
    Suggestions suggestions = new Suggestions(new OrderTemplates(fhir), knowledge);
    this.redFlags = new RedFlagCards(knowledge, suggestions);
    this.differential =
        new DifferentialCard(knowledge, suggestions, new ProblemListTemplates(fhir));
    this.medicationEffects = new MedicationEffectCards(knowledge, suggestions);
    this.safety = new SafetyCards(knowledge, suggestions);
  }

  /**
   * @param notRead what of the record could not be read
   */
  public List<Card> patientView(Assessment assessment, CardContext context, NotRead notRead) {
    return answer(patientView(assessment, context), notRead, context);
  }

  /**
   * @param notRead what of the record could not be read
   */
  public List<Card> orderSafety(
      List<SafetyFinding> findings, CardContext context, NotRead notRead) {
    return answer(safety.render(findings, context), notRead, context);
  }

  private static List<Card> answer(List<Card> cards, NotRead notRead, CardContext context) {
    List<Card> answer = new ArrayList<>(MissingDataNotice.apply(cards, notRead, context));
    answer.sort(Comparator.comparing(Card::indicator, URGENCY));
    return answer;
  }

  private List<Card> patientView(Assessment assessment, CardContext context) {
    if (!assessment.complaint().current()) {
      return List.of();
    }
    if (!assessment.complaint().adult()) {
      return List.of(adultsOnly.render(context));
    }
    List<Card> flags = redFlags.render(assessment, context);
    List<Card> cards =
        new ArrayList<>(flags.stream().filter(c -> c.indicator() == Indicator.CRITICAL).toList());
    List<Card> others = new ArrayList<>();
    others.addAll(flags.stream().filter(c -> c.indicator() != Indicator.CRITICAL).toList());
    others.addAll(medicationEffects.render(assessment, context));
    questionnaire.render(assessment, context).ifPresent(others::add);
    // rendered once, below, with the cards the budget leaves out
    boolean hasDifferential = differential.shows(assessment);
    int room = OTHER_CARDS - (hasDifferential ? 1 : 0);
    List<Card> kept = others.subList(0, Math.min(room, others.size()));
    List<String> dropped =
        others.subList(kept.size(), others.size()).stream().map(Card::summary).toList();
    differential.render(assessment, context, dropped).ifPresent(cards::add);
    cards.addAll(kept);
    return cards;
  }
}
