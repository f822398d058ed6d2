package org.nocturne.cards;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.nocturne.cdshooks.Card;
import org.nocturne.cdshooks.CdsJson;
import org.nocturne.cdshooks.Indicator;
import org.nocturne.cdshooks.LinkType;
import org.nocturne.clinical.CauseModel;
import org.nocturne.clinical.facts.Answers;
import org.nocturne.clinical.facts.ComplaintWindow;
import org.nocturne.clinical.facts.Diagnosis;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.DrugClass;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.facts.LegPainComplaint;
import org.nocturne.clinical.facts.Measure;
import org.nocturne.clinical.facts.Measurement;
import org.nocturne.clinical.facts.Medication;
import org.nocturne.clinical.facts.PatientFacts;
import org.nocturne.clinical.facts.Sex;
import org.nocturne.clinical.facts.Side;
import org.nocturne.clinical.facts.SymptomReport;
import org.nocturne.clinical.knowledge.Knowledge;

class CardRendererTest {
  private static final Knowledge KNOWLEDGE = Knowledge.load();
  private static final CardRenderer RENDERER =
      new CardRenderer(KNOWLEDGE, FhirContext.forR4Cached());
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
  private static final CardContext CONTEXT =
      new CardContext("h-1", "p1", "https://cds.example.org/", null);

  private static PatientFacts facts(SymptomReport report, Measurement... measurements) {
    return new PatientFacts(
        "Patient/p1",
        70,
        Sex.MALE,
        List.of(),
        List.of(measurements),
        List.of(),
        report,
        List.of(),
        List.of());
  }

  /** No questionnaire, but sciatica recorded last month: a current complaint from the record. */
  private static PatientFacts complaintOnRecordOnly() {
    return new PatientFacts(
        "Patient/p1",
        70,
        Sex.MALE,
        List.of(),
        List.of(),
        List.of(),
        null,
        List.of(),
        List.of(),
        List.of(new LegPainComplaint(null, TODAY.minusMonths(1), "Condition/sciatica")));
  }

  private static List<Card> render(PatientFacts facts, CardContext context) {
    return RENDERER.patientView(
        new CauseModel(KNOWLEDGE, ComplaintWindow.DEFAULT).assess(facts, TODAY),
        context,
        NotRead.nothing());
  }

  @Test
  void withAComplaintOnRecordAndNoQuestionnaireTheOnlyCardAsksForIt() {
    var cards = render(complaintOnRecordOnly(), CONTEXT);

    assertThat(cards)
        .singleElement()
        .satisfies(
            card -> {
              assertThat(card.source().topic().code()).isEqualTo("questionnaireNeeded");
              assertThat(card.links().get(0).url())
                  .isEqualTo("https://cds.example.org/fhir/Questionnaire/nocturnal-leg-pain");
            });
  }

  @Test
  void aConfiguredLaunchUrlMakesTheQuestionnaireLinkASmartLink() {
    var cards =
        render(
            complaintOnRecordOnly(),
            new CardContext(
                "h-1", "p1", "https://cds.example.org", "https://app.example.org/launch"));

    assertThat(cards.get(0).links().get(0).type()).isEqualTo(LinkType.SMART);
    assertThat(cards.get(0).links().get(0).url()).isEqualTo("https://app.example.org/launch");
    assertThat(cards.get(0).links().get(0).appContext()).isEqualTo("{\"view\":\"questionnaire\"}");
  }

  @Test
  void withTheAppTheDifferentialCardLinksToTheFullAssessment() {
    var report =
        SymptomReport.builder("QuestionnaireResponse/q")
            .authored(TODAY)
            .yes(Item.RELIEF_MOVING, Item.WORSE_EVENING_AT_REST)
            .build();
    var withApp =
        render(
            facts(report),
            new CardContext(
                "h-1", "p1", "https://cds.example.org", "https://cds.example.org/app/launch"));
    var withoutApp = render(facts(report), CONTEXT);

    var smart =
        withApp.stream()
            .flatMap(card -> card.links() == null ? Stream.empty() : card.links().stream())
            .filter(link -> link.type() == LinkType.SMART)
            .toList();
    assertThat(smart).hasSize(1);
    assertThat(smart.get(0).url()).isEqualTo("https://cds.example.org/app/launch");
    assertThat(smart.get(0).appContext()).isEqualTo("{\"view\":\"assessment\"}");
    assertThat(
            withoutApp.stream()
                .flatMap(card -> card.links() == null ? Stream.empty() : card.links().stream()))
        .noneMatch(link -> link.type() == LinkType.SMART);
  }

  @Test
  void aCriticalFlagComesFirstAndOffersASameDayOrder() {
    var report =
        SymptomReport.builder("QuestionnaireResponse/q")
            .authored(TODAY)
            .yes(Item.RELIEF_DANGLING, Item.WORSE_LYING_FLAT)
            .build();
    var abi =
        new Measurement(
            Measure.ANKLE_BRACHIAL_INDEX, 0.32, Side.RIGHT, TODAY.minusDays(3), "Observation/abi");

    var cards = render(facts(report, abi), CONTEXT);

    Card first = cards.get(0);
    assertThat(first.indicator()).isEqualTo(Indicator.CRITICAL);
    assertThat(first.source().topic().code()).isEqualTo("chronicLimbThreateningIschemia");
    var order =
        CdsJson.mapper().valueToTree(first.suggestions().get(0).actions().get(0).resource());
    assertThat(order.path("priority").asString()).isEqualTo("stat");
    assertThat(order.path("subject").path("reference").asString()).isEqualTo("Patient/p1");
    assertThat(first.suggestions().get(0).isRecommended()).isTrue();
    assertThat(first.overrideReasons()).hasSize(4);
  }

  @Test
  void theDifferentialSuggestsTheMissingAbiAndExplainsItself() {
    var report =
        SymptomReport.builder("QuestionnaireResponse/q")
            .authored(TODAY)
            .location(Answers.Location.FOOT_TOES)
            .yes(Item.RELIEF_DANGLING, Item.WORSE_LYING_FLAT)
            .build();

    var differential =
        render(facts(report), CONTEXT).stream()
            .filter(c -> c.source().topic().code().equals("peripheralArteryDisease"))
            .findFirst()
            .orElseThrow();

    assertThat(differential.summary())
        .startsWith("Night leg pain: pattern fits arterial rest pain");
    assertThat(differential.suggestions())
        .extracting(s -> s.label())
        .containsExactly(
            "Order: Resting ankle-brachial index (both legs)",
            "Add to the problem list: Peripheral vascular disease, unspecified (I73.9)");
    var condition =
        CdsJson.mapper().valueToTree(differential.suggestions().get(1).actions().get(0).resource());
    assertThat(condition.path("resourceType").asString()).isEqualTo("Condition");
    assertThat(condition.path("code").path("coding").get(0).path("code").asString())
        .isEqualTo("840580004");
    assertThat(differential.detail())
        .startsWith("**Likely:** Peripheral artery disease (ischemic rest pain) (high)")
        .contains("**Do:** Resting ankle-brachial index (both legs); Start a high-intensity statin")
        .contains("**Rule out:** limb-threatening ischemia")
        .doesNotContain("Sources")
        .doesNotContain("QuestionnaireResponse/")
        .hasSizeLessThanOrEqualTo(700);
    assertThat(differential.links().get(0).url())
        .isEqualTo("https://cds.example.org/education/peripheral-artery-disease");
    // the guideline is named once, as a link to its own page, not pulled out of a source text
    assertThat(differential.links())
        .extracting(l -> l.label() + " " + l.url())
        .contains("2024 ACC/AHA PAD guideline https://doi.org/10.1161/CIR.0000000000001251");
  }

  @Test
  void uuidsAreStablePerCallAndDifferAcrossCalls() {
    var report =
        SymptomReport.builder("QuestionnaireResponse/q").authored(TODAY).yes(Item.FEVER).build();

    var once = render(facts(report), CONTEXT);
    var again = render(facts(report), CONTEXT);
    var other =
        render(facts(report), new CardContext("h-2", "p1", "https://cds.example.org", null));

    assertThat(once).extracting(Card::uuid).isEqualTo(again.stream().map(Card::uuid).toList());
    assertThat(once.get(0).uuid()).isNotEqualTo(other.get(0).uuid());
  }

  @Test
  void summariesStayUnder140CharactersWhateverTheFindings() {
    assertThat(Markdown.summary("x".repeat(300))).hasSizeLessThan(140).endsWith("…");
    assertThat(Markdown.phrase("ABI 0.58 left (≤0.90 abnormal)")).isEqualTo("ABI 0.58 left");
    assertThat(Markdown.phrase("Eased by moving")).isEqualTo("eased by moving");
  }

  private static PatientFacts person(Integer age, SymptomReport report, LegPainComplaint... on) {
    return new PatientFacts(
        "Patient/p1",
        age,
        Sex.FEMALE,
        List.of(),
        List.of(),
        List.of(),
        report,
        List.of(),
        List.of(),
        List.of(on));
  }

  @Test
  void withoutACurrentComplaintPatientViewIsSilent() {
    var healthy = person(36, null);
    var diabetic =
        new PatientFacts(
            "Patient/p1",
            58,
            Sex.MALE,
            List.of(Diagnosis.current(Disorder.DIABETES, "Condition/dm")),
            List.of(),
            List.of(),
            null,
            List.of(),
            List.of());

    assertThat(render(healthy, CONTEXT)).isEmpty();
    assertThat(render(diabetic, CONTEXT)).isEmpty();
  }

  @Test
  void anOldQuestionnaireAloneIsSilent_andWithAComplaintItsDateIsShownAndAskedAgain() {
    var old =
        SymptomReport.builder("QuestionnaireResponse/q")
            .authored(LocalDate.of(2023, 3, 14))
            .yes(Item.FEVER)
            .build();

    assertThat(render(person(60, old), CONTEXT)).isEmpty();

    var cards =
        render(
            person(60, old, new LegPainComplaint(null, TODAY.minusDays(5), "Condition/c")),
            CONTEXT);
    assertThat(cards).noneMatch(c -> c.indicator() == Indicator.CRITICAL);
    assertThat(cards)
        .filteredOn(c -> c.source().topic().code().equals("questionnaireNeeded"))
        .singleElement()
        .satisfies(
            card -> {
              assertThat(card.summary()).contains("last answered 14 Mar 2023");
              assertThat(card.detail()).contains("14 Mar 2023").contains("ask again");
            });
  }

  @Test
  void theDifferentialAlwaysShowsTheAnswerDateAndOneLineForSeverityAndSleep() {
    var report =
        SymptomReport.builder("QuestionnaireResponse/q")
            .authored(TODAY.minusDays(6))
            .painSeverity(8)
            .nightsPerWeek(Answers.NightsPerWeek.SIX_TO_SEVEN)
            .yes(Item.SLEEP_DISRUPTED, Item.RELIEF_STRETCHING)
            .character(Answers.PainCharacter.CRAMP_HARD_MUSCLE)
            .build();

    var cards = render(person(60, report), CONTEXT);

    assertThat(cards)
        .noneMatch(
            c ->
                c.source().topic().code().equals("sleep-disruption")
                    || c.source().topic().code().equals("persistent-or-severe-pain"));
    assertThat(cards)
        .filteredOn(c -> c.source().topic().system().endsWith("leg-pain-cause"))
        .singleElement()
        .satisfies(
            card ->
                assertThat(card.detail())
                    .contains("**Severity and sleep:** 8/10 (severe), 6–7 nights a week")
                    .contains("Questionnaire answered 20 Nov 2026"));
  }

  @Test
  void under18WithACurrentComplaintGetsOneInfoCard_andWithoutOneNothing() {
    var report = SymptomReport.builder("QuestionnaireResponse/q").authored(TODAY).yes(Item.FEVER);

    assertThat(render(person(15, report.build()), CONTEXT))
        .singleElement()
        .satisfies(
            card -> {
              assertThat(card.indicator()).isEqualTo(Indicator.INFO);
              assertThat(card.source().topic().code()).isEqualTo("adultsOnly");
              assertThat(card.summary()).contains("adults");
            });
    assertThat(render(person(15, null), CONTEXT)).isEmpty();
  }

  @Test
  void aStatinWithAchingMusclesIsAMedicationEffectCardOfferingACk() {
    var report =
        SymptomReport.builder("QuestionnaireResponse/q")
            .authored(TODAY)
            .character(Answers.PainCharacter.ACHING_HEAVINESS)
            .build();
    var facts =
        new PatientFacts(
            "Patient/p1",
            66,
            Sex.MALE,
            List.of(),
            List.of(),
            List.of(new Medication(DrugClass.STATIN, "simvastatin 80 mg", "MedicationRequest/s")),
            report,
            List.of(),
            List.of());

    assertThat(render(facts, CONTEXT))
        .filteredOn(c -> c.source().topic().code().equals("medicationEffect"))
        .singleElement()
        .satisfies(
            card -> {
              assertThat(card.indicator()).isEqualTo(Indicator.WARNING);
              assertThat(card.detail()).contains("Check CK");
              assertThat(card.suggestions())
                  .extracting(s -> s.label())
                  .containsExactly("Order: Creatine kinase (CK)");
            });
  }

  @Test
  void aRecentLowPotassiumIsShownWithValueAndDateAndActedOn_notReordered() {
    var report =
        SymptomReport.builder("QuestionnaireResponse/q")
            .authored(TODAY)
            .character(Answers.PainCharacter.CRAMP_HARD_MUSCLE)
            .yes(Item.RELIEF_STRETCHING)
            .build();
    var facts =
        new PatientFacts(
            "Patient/p1",
            71,
            Sex.FEMALE,
            List.of(),
            List.of(
                new Measurement(
                    Measure.POTASSIUM, 3.1, Side.UNSPECIFIED, TODAY.minusDays(14), "Observation/k"),
                new Measurement(
                    Measure.MAGNESIUM,
                    2.0,
                    Side.UNSPECIFIED,
                    TODAY.minusDays(14),
                    "Observation/mg"),
                new Measurement(
                    Measure.CALCIUM, 9.3, Side.UNSPECIFIED, TODAY.minusDays(14), "Observation/ca")),
            List.of(
                new Medication(
                    DrugClass.THIAZIDE_DIURETIC, "hydrochlorothiazide", "MedicationRequest/h")),
            report,
            List.of(),
            List.of());

    var differential =
        render(facts, CONTEXT).stream()
            .filter(c -> c.source().topic().system().endsWith("leg-pain-cause"))
            .findFirst()
            .orElseThrow();

    assertThat(differential.detail())
        .contains("**On record:** K 3.1 mmol/L, low (12 Nov 2026)")
        .contains("Replace the low electrolyte and review the diuretics");
    assertThat(differential.suggestions())
        .extracting(s -> s.label())
        .noneMatch(label -> label.contains("Potassium"));
  }

  @Test
  void aSwollenLegInPregnancyLinksTheRcogGuideline_notTheWellsScoreItSaysIsNotValid() {
    var report =
        SymptomReport.builder("QuestionnaireResponse/q")
            .authored(TODAY)
            .swelling(Answers.Swelling.ONE_LEG)
            .build();
    var facts =
        new PatientFacts(
            "Patient/p1",
            31,
            Sex.FEMALE,
            List.of(Diagnosis.current(Disorder.PREGNANCY, "Condition/pregnancy")),
            List.of(),
            List.of(),
            report,
            List.of(),
            List.of());

    var dvt =
        render(facts, CONTEXT).stream()
            .filter(c -> c.indicator() == Indicator.CRITICAL)
            .findFirst()
            .orElseThrow();

    assertThat(dvt.summary()).startsWith("Possible DVT in pregnancy");
    assertThat(dvt.links())
        .extracting(l -> l.url())
        .containsExactly(
            "https://www.rcog.org.uk/en/guidelines-research-services/guidelines/gtg37b/");
    assertThat(dvt.detail()).doesNotContain("Sources");
  }

  @Test
  void whenNoCauseStandsOutTheDifferentialLinksNoCausesAdviceAndNamesNoSources() {
    // one swollen leg and nothing else: "DVT not excluded", and no cause leads; a venous page
    // advising leg elevation next to that warning would mislead
    var report =
        SymptomReport.builder("QuestionnaireResponse/q")
            .authored(TODAY)
            .swelling(Answers.Swelling.ONE_LEG)
            .build();

    var differential =
        render(facts(report), CONTEXT).stream()
            .filter(c -> c.summary().startsWith("Night leg pain:"))
            .findFirst()
            .orElseThrow();

    assertThat(differential.summary()).isEqualTo("Night leg pain: no single cause stands out");
    assertThat(differential.links()).isNull();
    assertThat(differential.detail())
        .contains("no single cause stands out")
        .doesNotContain("**Missing:**")
        .doesNotContain("page linked below");
  }

  @Test
  void aFindingListReadsAsOneSentence_lowerCasingWordsButNotAbbreviations() {
    assertThat(
            CardText.sentence(
                List.of("Saddle numbness", "A change in bladder control", "ABI 0.36 left")))
        .isEqualTo("Saddle numbness; a change in bladder control; ABI 0.36 left.");
  }
}
