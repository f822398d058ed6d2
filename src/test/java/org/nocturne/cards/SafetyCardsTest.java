package org.nocturne.cards;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nocturne.cdshooks.Card;
import org.nocturne.clinical.CauseModel;
import org.nocturne.clinical.conclusions.SafetyConcern;
import org.nocturne.clinical.facts.Answers;
import org.nocturne.clinical.facts.ComplaintWindow;
import org.nocturne.clinical.facts.Diagnosis;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.DrugClass;
import org.nocturne.clinical.facts.Interpretation;
import org.nocturne.clinical.facts.Measure;
import org.nocturne.clinical.facts.Measurement;
import org.nocturne.clinical.facts.PatientFacts;
import org.nocturne.clinical.facts.ProposedOrder;
import org.nocturne.clinical.facts.Sex;
import org.nocturne.clinical.facts.Side;
import org.nocturne.clinical.facts.SymptomReport;
import org.nocturne.clinical.knowledge.Knowledge;
import org.nocturne.clinical.knowledge.Threshold;
import org.nocturne.clinical.rules.ordersafety.OrderSafety;

/**
 * Order-safety cards keep the card budget (detail ≤700 characters, no record references, no
 * evidence grades, each source once), and every threshold a rule compares against reaches a card
 * with its source.
 */
class SafetyCardsTest {
  private static final Knowledge KNOWLEDGE = Knowledge.load();
  private static final CardRenderer RENDERER =
      new CardRenderer(KNOWLEDGE, FhirContext.forR4Cached());
  private static final OrderSafety SAFETY = new OrderSafety(KNOWLEDGE, ComplaintWindow.DEFAULT);
  private static final CauseModel MODEL = new CauseModel(KNOWLEDGE, ComplaintWindow.DEFAULT);
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
  private static final CardContext CONTEXT =
      new CardContext("h-1", "p1", "https://cds.example.org/", null);
  private static final Pattern REFERENCE =
      Pattern.compile(
          "\\b(Patient|Condition|Observation|Medication\\w*|QuestionnaireResponse|ServiceRequest|DeviceRequest)/");
  private static final Pattern GRADE = Pattern.compile("\\[(V|M|V-weak)]");

  private static final ProposedOrder STOCKINGS =
      new ProposedOrder(
          "ServiceRequest/s", "Compression stockings 20-30 mmHg", Set.of(), true, Set.of());

  private record Scenario(PatientFacts facts, ProposedOrder order) {}

  private static PatientFacts facts(
      int age, List<Disorder> disorders, List<Measurement> measurements, SymptomReport report) {
    return new PatientFacts(
        "Patient/p1",
        age,
        Sex.FEMALE,
        disorders.stream().map(d -> Diagnosis.current(d, "Condition/" + d.name())).toList(),
        measurements,
        List.of(),
        report,
        List.of(),
        List.of());
  }

  private static Measurement m(Measure measure, double value) {
    return new Measurement(
        measure,
        value,
        Side.LEFT,
        TODAY.minusDays(20),
        "Observation/" + measure.name(),
        Interpretation.UNKNOWN);
  }

  private static ProposedOrder drug(DrugClass drugClass, String name) {
    return new ProposedOrder("MedicationRequest/d", name, Set.of(drugClass), false, Set.of());
  }

  /** One scenario per branch of every rule. */
  private static List<Scenario> scenarios() {
    SymptomReport swollenBlue =
        SymptomReport.builder("QuestionnaireResponse/q")
            .swelling(Answers.Swelling.ONE_LEG)
            .skinChanges(Answers.SkinChange.PALE_OR_BLUE)
            .authored(TODAY.minusDays(1))
            .build();
    List<Scenario> all = new ArrayList<>();
    all.add(new Scenario(facts(60, List.of(Disorder.LEG_CRAMPS), List.of(), null), quinine()));
    for (Measurement low :
        List.of(
            m(Measure.ANKLE_BRACHIAL_INDEX, 0.52),
            m(Measure.ANKLE_PRESSURE, 55),
            m(Measure.TOE_PRESSURE, 25),
            m(Measure.ANKLE_BRACHIAL_INDEX, 0.7),
            m(Measure.ANKLE_BRACHIAL_INDEX, 1.5))) {
      all.add(new Scenario(facts(60, List.of(), List.of(low), null), STOCKINGS));
    }
    all.add(new Scenario(facts(70, List.of(), List.of(), null), STOCKINGS));
    Measurement normal = m(Measure.ANKLE_BRACHIAL_INDEX, 1.0);
    all.add(
        new Scenario(
            facts(60, List.of(Disorder.DECOMPENSATED_HEART_FAILURE), List.of(normal), null),
            STOCKINGS));
    all.add(new Scenario(facts(60, List.of(), List.of(normal), swollenBlue), STOCKINGS));
    all.add(
        new Scenario(
            facts(60, List.of(Disorder.DIABETIC_NEUROPATHY), List.of(normal), null), STOCKINGS));
    all.add(
        new Scenario(
            facts(60, List.of(Disorder.RESTLESS_LEGS), List.of(), null),
            drug(DrugClass.DOPAMINE_AGONIST, "Pramipexole")));
    all.add(
        new Scenario(
            facts(60, List.of(Disorder.RESTLESS_LEGS), List.of(m(Measure.FERRITIN, 40)), null),
            drug(DrugClass.DOPAMINE_AGONIST, "Ropinirole")));
    all.add(
        new Scenario(
            facts(60, List.of(Disorder.LEG_CRAMPS), List.of(), null),
            drug(DrugClass.THIAZIDE_DIURETIC, "Hydrochlorothiazide")));
    for (DrugClass aggravator :
        List.of(
            DrugClass.SEROTONERGIC_ANTIDEPRESSANT,
            DrugClass.SEDATING_ANTIHISTAMINE,
            DrugClass.DOPAMINE_ANTAGONIST,
            DrugClass.LITHIUM)) {
      all.add(
          new Scenario(
              facts(60, List.of(Disorder.RESTLESS_LEGS), List.of(), null),
              drug(aggravator, "A drug")));
    }
    return all;
  }

  private static ProposedOrder quinine() {
    return drug(DrugClass.QUININE, "Quinine sulfate 324 mg");
  }

  private static List<Card> cards(Scenario scenario) {
    var findings =
        SAFETY.check(
            scenario.facts(),
            MODEL.assess(scenario.facts(), TODAY),
            List.of(scenario.order()),
            TODAY);
    return RENDERER.orderSafety(findings, CONTEXT, NotRead.nothing());
  }

  @Test
  void everySafetyCardKeepsTheCardBudget() {
    for (Scenario scenario : scenarios()) {
      assertThat(cards(scenario)).as(scenario.order().name() + " " + scenario.facts()).isNotEmpty();
    }
    List<Card> all = scenarios().stream().flatMap(s -> cards(s).stream()).toList();
    for (Card card : all) {
      assertThat(card.detail().length()).as(card.detail()).isLessThanOrEqualTo(700);
      assertThat(REFERENCE.matcher(card.detail()).find()).as(card.detail()).isFalse();
      assertThat(GRADE.matcher(card.detail()).find()).as(card.detail()).isFalse();
      assertThat(card.detail()).doesNotContain("Seed article");
      String sources = card.detail().substring(card.detail().indexOf("Sources: ") + 9);
      List<String> named = List.of(sources.replaceAll("\\.$", "").split("; "));
      assertThat(named).as(card.detail()).doesNotHaveDuplicates();
    }
    System.out.println(
        "[safety cards] longest detail: "
            + all.stream().mapToInt(c -> c.detail().length()).max().orElse(0)
            + " characters over "
            + all.size()
            + " cards");
  }

  @Test
  void everyThresholdOfEveryRuleReachesACardWithItsSource() {
    List<Card> all = scenarios().stream().flatMap(s -> cards(s).stream()).toList();

    OrderSafety.thresholds()
        .forEach(
            (SafetyConcern concern, List<Threshold> thresholds) -> {
              List<String> details =
                  all.stream()
                      .filter(card -> card.source().topic().code().equals(concern.topicCode()))
                      .map(Card::detail)
                      .toList();
              assertThat(details).as(concern.code()).isNotEmpty();
              for (Threshold threshold : thresholds) {
                String cited = Markdown.text(Citations.of(KNOWLEDGE.source(threshold)));
                assertThat(details)
                    .as(concern.code() + " cites " + threshold)
                    .anySatisfy(detail -> assertThat(detail).contains(cited));
                String value =
                    new BigDecimal(String.valueOf(KNOWLEDGE.value(threshold)))
                        .stripTrailingZeros()
                        .toPlainString();
                assertThat(details)
                    .as(concern.code() + " shows " + threshold)
                    .anySatisfy(detail -> assertThat(detail).contains(value));
              }
            });
  }

  @Test
  void theGuidanceSourceOfEveryConcernIsNamedOnItsCard() {
    for (Scenario scenario : scenarios()) {
      for (Card card : cards(scenario)) {
        SafetyConcern concern =
            Arrays.stream(SafetyConcern.values())
                .filter(c -> c.topicCode().equals(card.source().topic().code()))
                .findFirst()
                .orElseThrow();
        assertThat(card.detail())
            .contains(Markdown.text(Citations.of(KNOWLEDGE.safety(concern).source())));
      }
    }
  }

  @Test
  void aCitationLosesItsGradeAndExplanation() {
    assertThat(
            Citations.of(
                "Rabe et al., Phlebology 2020;35:447 (international consensus): compression contraindicated at ABPI <0.6 [V]"))
        .isEqualTo("Rabe et al., Phlebology 2020;35:447 (international consensus)");
    assertThat(Citations.of("AASM 2024 RLS guideline [V-weak]"))
        .isEqualTo("AASM 2024 RLS guideline");
    assertThat(Citations.line(List.of("A 2020 [V]", "B: why [M]", "A 2020 [M]")))
        .isEqualTo("Sources: A 2020; B.");
  }
}
