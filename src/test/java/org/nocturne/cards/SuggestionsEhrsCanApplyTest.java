package org.nocturne.cards;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.Test;
import org.nocturne.cdshooks.CdsJson;
import org.nocturne.cdshooks.Suggestion;
import org.nocturne.clinical.CauseModel;
import org.nocturne.clinical.conclusions.Cause;
import org.nocturne.clinical.conclusions.NextStep;
import org.nocturne.clinical.facts.ComplaintWindow;
import org.nocturne.clinical.facts.Diagnosis;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.DrugClass;
import org.nocturne.clinical.facts.LegPainComplaint;
import org.nocturne.clinical.facts.PatientFacts;
import org.nocturne.clinical.facts.ProposedOrder;
import org.nocturne.clinical.facts.Sex;
import org.nocturne.clinical.knowledge.Knowledge;
import org.nocturne.clinical.rules.ordersafety.OrderSafety;
import tools.jackson.databind.JsonNode;

/**
 * Suggestions as Epic and Oracle apply them (issue 25): one action each, a description that names
 * what is ordered or removed, urgent orders coded so the EHR can map them, and a questionnaire card
 * that still says what to do when its link is hidden.
 */
class SuggestionsEhrsCanApplyTest {
  private static final Knowledge KNOWLEDGE = Knowledge.load();
  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final CardContext CONTEXT =
      new CardContext("h-1", "p1", "https://cds.example.org/", null);
  private static final Coding REASON =
      new Coding(Vocabulary.RED_FLAGS, "cauda-equina", "Cauda equina syndrome");

  private final Suggestions suggestions = new Suggestions(new OrderTemplates(FHIR), KNOWLEDGE);

  private static JsonNode resource(Suggestion suggestion) {
    return CdsJson.mapper().valueToTree(suggestion.actions().get(0).resource());
  }

  @Test
  void aStepOfSeveralOrdersIsOneSuggestionPerOrderEachWithOneAction() {
    List<Suggestion> iron =
        suggestions.order(NextStep.IRON_STUDIES, CONTEXT, REASON, "routine", true, "k");

    assertThat(iron).hasSize(2).allSatisfy(s -> assertThat(s.actions()).hasSize(1));
    assertThat(iron)
        .extracting(Suggestion::label)
        .containsExactly(
            "Order: Ferritin (morning, no iron for 24 h)", "Order: Transferrin saturation");
    assertThat(iron).extracting(Suggestion::uuid).doesNotHaveDuplicates();
  }

  @Test
  void urgentOrdersCarryAStandardCodeBesideTheirText() {
    JsonNode mri =
        resource(
            suggestions
                .order(NextStep.URGENT_LUMBAR_MRI, CONTEXT, REASON, "stat", true, "k")
                .get(0));
    assertThat(mri.path("code").path("coding").get(0).path("code").asString()).isEqualTo("24968-0");
    assertThat(mri.path("priority").asString()).isEqualTo("stat");
    assertThat(
            resource(
                    suggestions
                        .order(NextStep.VENOUS_DUPLEX, CONTEXT, REASON, "urgent", true, "k")
                        .get(0))
                .path("code")
                .path("coding")
                .get(0)
                .path("code")
                .asString())
        .isEqualTo("30881-7");
    for (NextStep referral :
        List.of(
            NextStep.URGENT_VASCULAR_REFERRAL,
            NextStep.EMERGENCY_VASCULAR_REFERRAL,
            NextStep.VASCULAR_REFERRAL)) {
      assertThat(
              resource(suggestions.order(referral, CONTEXT, REASON, "urgent", true, "k").get(0))
                  .path("code")
                  .path("coding")
                  .get(0)
                  .path("code")
                  .asString())
          .isEqualTo("306934005");
    }
  }

  @Test
  void theRemoveDraftActionNamesTheDrugNotTheReference() {
    Suggestion remove =
        Suggestions.withdraw("MedicationRequest/d1", "Quinine sulfate 324 mg", CONTEXT, "k");

    assertThat(remove.actions())
        .singleElement()
        .satisfies(
            a ->
                assertThat(a.description())
                    .isEqualTo("Remove the draft order for Quinine sulfate 324 mg")
                    .doesNotContain("MedicationRequest/"));
  }

  @Test
  void aProblemListConditionCarriesIcd10ByItsOidToo() {
    var condition =
        new ProblemListTemplates(FHIR).problem(Cause.LEG_CRAMPS, "p1").orElseThrow().action();

    JsonNode codings =
        CdsJson.mapper().valueToTree(condition.resource()).path("code").path("coding");
    assertThat(codings.findValuesAsString("system"))
        .contains("http://hl7.org/fhir/sid/icd-10-cm", "urn:oid:2.16.840.1.113883.6.90");
  }

  @Test
  void theQuestionnaireCardNamesTheQuestionnaireForWhenItsLinkIsNotShown() {
    PatientFacts facts =
        new PatientFacts(
            "Patient/p1",
            70,
            Sex.MALE,
            List.of(Diagnosis.current(Disorder.SCIATICA, "Condition/s")),
            List.of(),
            List.of(),
            null,
            List.of(),
            List.of(),
            List.of(new LegPainComplaint(null, LocalDate.of(2026, 11, 1), "Condition/s")));
    var cards =
        new CardRenderer(KNOWLEDGE, FHIR)
            .patientView(
                new CauseModel(KNOWLEDGE, ComplaintWindow.DEFAULT)
                    .assess(facts, LocalDate.of(2026, 11, 26)),
                CONTEXT,
                NotRead.nothing());

    assertThat(cards)
        .filteredOn(c -> c.links() != null && !c.links().isEmpty())
        .anySatisfy(
            c -> assertThat(c.detail()).contains("Without the link").contains("Leg pain at night"));
  }

  @Test
  void aDrugKnownOnlyByNameIsSaidOnTheSafetyCard() {
    PatientFacts facts =
        new PatientFacts(
            "Patient/p1",
            70,
            Sex.MALE,
            List.of(Diagnosis.current(Disorder.LEG_CRAMPS, "Condition/c")),
            List.of(),
            List.of(),
            null,
            List.of(),
            List.of());
    ProposedOrder byName =
        new ProposedOrder(
            "MedicationRequest/d",
            "Quinine 300 mg",
            Set.of(DrugClass.QUININE),
            false,
            Set.of(),
            true);
    var assessment =
        new CauseModel(KNOWLEDGE, ComplaintWindow.DEFAULT)
            .assess(facts, LocalDate.of(2026, 11, 26));
    var findings =
        new OrderSafety(KNOWLEDGE, ComplaintWindow.DEFAULT)
            .check(facts, assessment, List.of(byName), LocalDate.of(2026, 11, 26));

    var cards = new CardRenderer(KNOWLEDGE, FHIR).orderSafety(findings, CONTEXT, NotRead.nothing());

    assertThat(cards.get(0).detail()).contains("only by name");
  }
}
