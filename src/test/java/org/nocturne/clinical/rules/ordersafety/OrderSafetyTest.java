package org.nocturne.clinical.rules.ordersafety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nocturne.clinical.PatientFixture.TODAY;
import static org.nocturne.clinical.PatientFixture.patient;

import java.time.Period;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nocturne.clinical.CauseModel;
import org.nocturne.clinical.PatientFixture;
import org.nocturne.clinical.conclusions.NextStep;
import org.nocturne.clinical.conclusions.SafetyConcern;
import org.nocturne.clinical.facts.Answers;
import org.nocturne.clinical.facts.ComplaintWindow;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.DrugClass;
import org.nocturne.clinical.facts.Measure;
import org.nocturne.clinical.facts.PatientFacts;
import org.nocturne.clinical.facts.ProposedOrder;
import org.nocturne.clinical.facts.Side;
import org.nocturne.clinical.knowledge.Sourced;

/** Each order-safety rule, firing and not firing, with its severity and the remedy it offers. */
class OrderSafetyTest {
  private static final OrderSafety SAFETY =
      new OrderSafety(PatientFixture.MODEL.knowledge(), ComplaintWindow.DEFAULT);

  private static ProposedOrder drug(DrugClass drugClass, String name, Disorder... reasons) {
    return new ProposedOrder(
        "MedicationRequest/draft", name, Set.of(drugClass), false, Set.of(reasons));
  }

  private static ProposedOrder stockings() {
    return new ProposedOrder(
        "ServiceRequest/stockings", "Compression stockings", Set.of(), true, Set.of());
  }

  private static List<SafetyFinding> check(PatientFixture fixture, ProposedOrder order) {
    PatientFacts facts = fixture.facts();
    return SAFETY.check(facts, PatientFixture.MODEL.assess(facts, TODAY), List.of(order), TODAY);
  }

  private static List<SafetyFinding> check(
      PatientFixture fixture, ProposedOrder order, SafetyConcern concern) {
    return check(fixture, order).stream().filter(f -> f.concern() == concern).toList();
  }

  @Test
  void everyRuleIsListedOnceAndEveryConcernHasARule() {
    assertThat(SafetyRules.ALL).extracting(SafetyRule::concern).doesNotHaveDuplicates();
    assertThat(SafetyRules.ALL)
        .extracting(SafetyRule::concern)
        .containsExactlyInAnyOrder(SafetyConcern.values());
  }

  @Test
  void quinineWithoutMalariaIsCriticalAndOffersToRemoveTheOrder() {
    var findings =
        check(
            patient().has(Disorder.LEG_CRAMPS),
            drug(DrugClass.QUININE, "Quinine sulfate", Disorder.LEG_CRAMPS));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.concern()).isEqualTo(SafetyConcern.QUININE_FOR_LEG_CRAMPS);
              assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(f.remedy()).isInstanceOf(Remedy.Withdraw.class);
            });
  }

  @Test
  void quinineGuidanceSaysWhatBothTheFdaAndTheMhraSay() {
    var guidance = PatientFixture.MODEL.knowledge().safety(SafetyConcern.QUININE_FOR_LEG_CRAMPS);

    assertThat(guidance.text()).contains("FDA", "boxed warning", "MHRA", "not for routine use");
    assertThat(guidance.source()).contains("FDA", "MHRA");
  }

  @Test
  void quinineForMalariaIsNotFlagged() {
    assertThat(
            check(
                patient().has(Disorder.MALARIA),
                drug(DrugClass.QUININE, "Quinine sulfate", Disorder.MALARIA)))
        .isEmpty();
  }

  @Test
  void compressionBelowAbi06IsCriticalAndOffersToRemoveTheOrder() {
    var findings = check(patient().abi(0.52, 0.9), stockings());

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(f.remedy()).isInstanceOf(Remedy.Withdraw.class);
              assertThat(f.headline()).contains("ABI 0.52 left");
            });
  }

  @Test
  void compressionWithAnAnklePressureBelow60IsCritical() {
    assertThat(
            check(
                patient().abi(0.95, 1.0).measured(Measure.ANKLE_PRESSURE, 55, Side.LEFT),
                stockings()))
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
  }

  @Test
  void compressionWithAToePressureBelow30IsCritical() {
    assertThat(
            check(
                patient().abi(0.95, 1.0).measured(Measure.TOE_PRESSURE, 25, Side.RIGHT),
                stockings()))
        .singleElement()
        .satisfies(f -> assertThat(f.headline()).startsWith("Toe pressure 25"));
  }

  @Test
  void compressionBetweenAbi06And08IsAWarningForReducedCompression() {
    assertThat(check(patient().abi(0.7, 0.95), stockings()))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.WARNING);
              assertThat(f.headline()).contains("reduced compression");
              assertThat(f.remedy()).isInstanceOf(Remedy.Caution.class);
            });
  }

  @Test
  void compressionWithANormalAbiIsSafe() {
    assertThat(check(patient().has(Disorder.DIABETES).abi(1.05, 1.1), stockings())).isEmpty();
  }

  @Test
  void compressionWithoutAnAbiInAPatientAtRiskAsksForTheAbiFirst() {
    for (PatientFixture atRisk :
        List.of(
            patient().age(66),
            patient().age(50).has(Disorder.DIABETES),
            patient().age(50).has(Disorder.CHRONIC_KIDNEY_DISEASE),
            patient().age(50).has(Disorder.PERIPHERAL_ARTERY_DISEASE),
            patient().age(50).answered(r -> r.smoking(Answers.Smoking.CURRENT)),
            patient().age(50).has(Disorder.CURRENT_SMOKER))) {
      assertThat(check(atRisk, stockings()))
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.concern()).isEqualTo(SafetyConcern.COMPRESSION_WITH_LOW_ABI);
                assertThat(f.severity()).isEqualTo(Severity.WARNING);
                assertThat(f.remedy())
                    .isEqualTo(new Remedy.TestFirst(NextStep.ANKLE_BRACHIAL_INDEX));
              });
    }
  }

  @Test
  void compressionWithoutAnAbiInAYoungPatientWithoutRiskIsSafe() {
    assertThat(check(patient().age(40), stockings())).isEmpty();
    assertThat(check(patient().age(64), stockings())).isEmpty();
    assertThat(
            check(patient().age(50).answered(r -> r.smoking(Answers.Smoking.FORMER)), stockings()))
        .isEmpty();
  }

  @Test
  void compressionWithANoncompressibleAbiAsksForToePressures() {
    assertThat(check(patient().has(Disorder.DIABETES).abi(1.5, 1.2), stockings()))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.remedy())
                    .isEqualTo(new Remedy.TestFirst(NextStep.TOE_BRACHIAL_INDEX)));
  }

  @Test
  void compressionInDecompensatedHeartFailureIsCriticalAndOffersToRemoveTheOrder() {
    assertThat(
            check(
                patient().age(50).has(Disorder.DECOMPENSATED_HEART_FAILURE).abi(1.0, 1.0),
                stockings()))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.concern()).isEqualTo(SafetyConcern.COMPRESSION_CONTRAINDICATION);
              assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(f.remedy()).isInstanceOf(Remedy.Withdraw.class);
              assertThat(f.headline()).contains("decompensated heart failure");
            });
  }

  /** Regression: order-sign once read the questionnaire through the default 30-day window. */
  @Test
  void orderSafetyReadsTheQuestionnaireThroughTheConfiguredWindow() {
    var answeredTwentyDaysAgo =
        patient()
            .age(50)
            .abi(1.0, 1.0)
            .answeredOn(
                TODAY.minusDays(20),
                r ->
                    r.swelling(Answers.Swelling.ONE_LEG)
                        .skinChanges(Answers.SkinChange.PALE_OR_BLUE));
    var tenDayWindow = new ComplaintWindow(Period.ofDays(10), Period.ofDays(90));
    PatientFacts facts = answeredTwentyDaysAgo.facts();
    var findings =
        new OrderSafety(PatientFixture.MODEL.knowledge(), tenDayWindow)
            .check(
                facts,
                new CauseModel(PatientFixture.MODEL.knowledge(), tenDayWindow).assess(facts, TODAY),
                List.of(stockings()),
                TODAY);

    assertThat(findings).noneMatch(f -> f.concern() == SafetyConcern.COMPRESSION_CONTRAINDICATION);
    assertThat(
            check(answeredTwentyDaysAgo, stockings(), SafetyConcern.COMPRESSION_CONTRAINDICATION))
        .as("within the default 30 days the same answers are current")
        .isNotEmpty();
  }

  @Test
  void compressionOnOneSwollenBlueLegIsCriticalForSuspectedPhlegmasia() {
    var swollenBlue =
        patient()
            .age(50)
            .abi(1.0, 1.0)
            .answered(
                r ->
                    r.swelling(Answers.Swelling.ONE_LEG)
                        .skinChanges(Answers.SkinChange.PALE_OR_BLUE));

    assertThat(check(swollenBlue, stockings(), SafetyConcern.COMPRESSION_CONTRAINDICATION))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(f.headline()).contains("phlegmasia");
            });
    var swollenOnly =
        patient().age(50).abi(1.0, 1.0).answered(r -> r.swelling(Answers.Swelling.ONE_LEG));
    assertThat(check(swollenOnly, stockings(), SafetyConcern.COMPRESSION_CONTRAINDICATION))
        .isEmpty();
  }

  @Test
  void compressionWithASensoryNeuropathyIsAWarningToCheckSensation() {
    assertThat(
            check(
                patient().age(50).has(Disorder.DIABETIC_NEUROPATHY).abi(1.0, 1.0),
                stockings(),
                SafetyConcern.COMPRESSION_CONTRAINDICATION))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.WARNING);
              assertThat(f.remedy()).isInstanceOf(Remedy.Caution.class);
            });
  }

  @Test
  void aDopamineAgonistForRestlessLegsIsAWarningThatAsksForIronStudies() {
    var findings =
        check(
            patient().has(Disorder.RESTLESS_LEGS),
            drug(DrugClass.DOPAMINE_AGONIST, "Pramipexole", Disorder.RESTLESS_LEGS));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.concern()).isEqualTo(SafetyConcern.DOPAMINE_AGONIST_FOR_RLS);
              assertThat(f.remedy()).isEqualTo(new Remedy.TestFirst(NextStep.IRON_STUDIES));
            });
    assertThat(
            check(
                patient().has(Disorder.RESTLESS_LEGS).measured(Measure.FERRITIN, 120),
                drug(DrugClass.DOPAMINE_AGONIST, "Ropinirole", Disorder.RESTLESS_LEGS)))
        .singleElement()
        .satisfies(f -> assertThat(f.remedy()).isInstanceOf(Remedy.Caution.class));
    assertThat(
            check(
                patient().has(Disorder.RESTLESS_LEGS).measured(Measure.FERRITIN, 40),
                drug(DrugClass.DOPAMINE_AGONIST, "Ropinirole", Disorder.RESTLESS_LEGS)))
        .singleElement()
        .satisfies(
            f -> assertThat(f.remedy()).isEqualTo(new Remedy.TestFirst(NextStep.IRON_REPLETION)));
  }

  @Test
  void aDopamineAgonistWithoutRestlessLegsIsNotFlagged() {
    assertThat(check(patient(), drug(DrugClass.DOPAMINE_AGONIST, "Levodopa"))).isEmpty();
  }

  @Test
  void everyDiureticAndCrampDrugOrderedForAPatientWithCrampsIsInformation() {
    for (DrugClass drugClass :
        List.of(
            DrugClass.THIAZIDE_DIURETIC,
            DrugClass.LOOP_DIURETIC,
            DrugClass.POTASSIUM_SPARING_DIURETIC,
            DrugClass.LONG_ACTING_BETA_AGONIST,
            DrugClass.CRAMP_ASSOCIATED)) {
      assertThat(check(patient().has(Disorder.LEG_CRAMPS), drug(drugClass, "A drug")))
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.concern()).isEqualTo(SafetyConcern.DRUG_MAY_CAUSE_CRAMPS);
                assertThat(f.severity()).isEqualTo(Severity.INFO);
              });
    }
    assertThat(check(patient(), drug(DrugClass.THIAZIDE_DIURETIC, "Hydrochlorothiazide")))
        .isEmpty();
    assertThat(check(patient().has(Disorder.LEG_CRAMPS), drug(DrugClass.STATIN, "Atorvastatin")))
        .isEmpty();
  }

  @Test
  void aDrugThatWorsensRestlessLegsOffersAnAlternativeOfItsOwnClass() {
    var antidepressant =
        check(
            patient().has(Disorder.RESTLESS_LEGS),
            drug(DrugClass.SEROTONERGIC_ANTIDEPRESSANT, "Sertraline"));
    assertThat(antidepressant)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.concern()).isEqualTo(SafetyConcern.DRUG_MAY_WORSEN_RLS);
              assertThat(alternative(f)).contains("bupropion");
            });
    assertThat(
            alternative(
                check(
                        patient().has(Disorder.RESTLESS_LEGS),
                        drug(DrugClass.SEDATING_ANTIHISTAMINE, "Diphenhydramine"))
                    .get(0)))
        .contains("non-sedating", "\"PM\" sleep aids");
    assertThat(
            alternative(
                check(
                        patient().has(Disorder.RESTLESS_LEGS),
                        drug(DrugClass.DOPAMINE_ANTAGONIST, "Metoclopramide"))
                    .get(0)))
        .contains("domperidone", "QT", "not in the US");
    assertThat(check(patient(), drug(DrugClass.SEROTONERGIC_ANTIDEPRESSANT, "Sertraline")))
        .isEmpty();
  }

  @Test
  void everyDrugThatWorsensRestlessLegsHasAnAlternativeWithItsSource() {
    for (DrugClass drugClass : DrugMayWorsenRlsRule.AGGRAVATORS) {
      Sourced alternative = PatientFixture.MODEL.knowledge().alternative(drugClass);
      assertThat(alternative.text()).isNotBlank();
      assertThat(alternative.source()).isNotBlank();
    }
  }

  private static String alternative(SafetyFinding finding) {
    assertThat(finding.remedy()).isInstanceOf(Remedy.ConsiderAlternative.class);
    return ((Remedy.ConsiderAlternative) finding.remedy()).alternative().text();
  }
}
