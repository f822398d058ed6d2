package org.nocturne.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nocturne.clinical.PatientFixture.TODAY;
import static org.nocturne.clinical.PatientFixture.patient;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each order-safety finding, firing and not firing, with its severity and what it offers. */
class OrderSafetyTest {
  private static final OrderSafety SAFETY = new OrderSafety(PatientFixture.MODEL.knowledge());

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

  @Test
  void quinineWithoutMalariaIsAWarningThatOffersToRemoveTheOrder() {
    var findings =
        check(
            patient().has(Disorder.LEG_CRAMPS),
            drug(DrugClass.QUININE, "Quinine sulfate", Disorder.LEG_CRAMPS));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.concern()).isEqualTo(SafetyConcern.QUININE_FOR_LEG_CRAMPS);
              assertThat(f.severity()).isEqualTo(Severity.WARNING);
              assertThat(f.withdraw()).isTrue();
            });
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
              assertThat(f.withdraw()).isTrue();
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
  void compressionBetweenAbi06And08IsAWarningForReducedCompression() {
    assertThat(check(patient().abi(0.7, 0.95), stockings()))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.WARNING);
              assertThat(f.headline()).contains("reduced compression");
            });
  }

  @Test
  void compressionWithANormalAbiIsSafe() {
    assertThat(check(patient().has(Disorder.DIABETES).abi(1.05, 1.1), stockings())).isEmpty();
  }

  @Test
  void compressionWithoutAnAbiWhenArterialDiseaseIsPossibleAsksForTheAbiFirst() {
    assertThat(check(patient().has(Disorder.DIABETES), stockings()))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.WARNING);
              assertThat(f.instead()).contains(NextStep.ANKLE_BRACHIAL_INDEX);
            });
    assertThat(check(patient().age(40), stockings())).isEmpty();
  }

  @Test
  void compressionWithANoncompressibleAbiAsksForToePressures() {
    assertThat(check(patient().has(Disorder.DIABETES).abi(1.5, 1.2), stockings()))
        .singleElement()
        .satisfies(f -> assertThat(f.instead()).contains(NextStep.TOE_BRACHIAL_INDEX));
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
              assertThat(f.instead()).contains(NextStep.IRON_STUDIES);
            });
    assertThat(
            check(
                patient().has(Disorder.RESTLESS_LEGS).measured(Measure.FERRITIN, 120),
                drug(DrugClass.DOPAMINE_AGONIST, "Ropinirole", Disorder.RESTLESS_LEGS)))
        .singleElement()
        .satisfies(f -> assertThat(f.instead()).isEmpty());
  }

  @Test
  void aDopamineAgonistWithoutRestlessLegsIsNotFlagged() {
    assertThat(check(patient(), drug(DrugClass.DOPAMINE_AGONIST, "Levodopa"))).isEmpty();
  }

  @Test
  void aCrampDrugForAPatientWithCrampsIsInformation() {
    assertThat(
            check(
                patient().has(Disorder.LEG_CRAMPS),
                drug(DrugClass.THIAZIDE_DIURETIC, "Hydrochlorothiazide")))
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    assertThat(check(patient(), drug(DrugClass.THIAZIDE_DIURETIC, "Hydrochlorothiazide")))
        .isEmpty();
  }

  @Test
  void aDrugThatWorsensRestlessLegsForAPatientWithThemIsInformation() {
    assertThat(
            check(
                patient().has(Disorder.RESTLESS_LEGS),
                drug(DrugClass.SEROTONERGIC_ANTIDEPRESSANT, "Sertraline")))
        .singleElement()
        .satisfies(f -> assertThat(f.concern()).isEqualTo(SafetyConcern.DRUG_MAY_WORSEN_RLS));
    assertThat(check(patient(), drug(DrugClass.SEROTONERGIC_ANTIDEPRESSANT, "Sertraline")))
        .isEmpty();
  }
}
