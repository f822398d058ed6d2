package org.nocturne.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nocturne.clinical.PatientFixture.patient;
import static org.nocturne.clinical.facts.Answers.Laterality.BOTH;
import static org.nocturne.clinical.facts.Answers.Location.CALF;
import static org.nocturne.clinical.facts.Answers.Location.FOOT_TOES;
import static org.nocturne.clinical.facts.Answers.PainCharacter.ACHING_HEAVINESS;
import static org.nocturne.clinical.facts.Answers.PainCharacter.BURNING;
import static org.nocturne.clinical.facts.Answers.PainCharacter.CRAMP_HARD_MUSCLE;
import static org.nocturne.clinical.facts.Answers.PainCharacter.TINGLING;
import static org.nocturne.clinical.facts.Answers.PainCharacter.URGE_TO_MOVE;

import org.junit.jupiter.api.Test;
import org.nocturne.clinical.conclusions.Advice;
import org.nocturne.clinical.conclusions.Cause;
import org.nocturne.clinical.conclusions.NextStep;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.DrugClass;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.facts.Measure;

/** Next steps with their reasons, and self-care advice that never works against a likely cause. */
class NextStepsAndAdviceTest {

  private static PatientFixture restlessLegs() {
    return patient()
        .answered(
            r ->
                r.character(URGE_TO_MOVE)
                    .laterality(BOTH)
                    .yes(Item.WORSE_EVENING_AT_REST, Item.RELIEF_MOVING));
  }

  @Test
  void suspectedArterialDiseaseWithoutAnAbiAsksForOne() {
    var assessment =
        patient()
            .age(70)
            .answered(r -> r.location(FOOT_TOES).yes(Item.RELIEF_DANGLING, Item.WORSE_LYING_FLAT))
            .assess();

    assertThat(assessment.step(NextStep.ANKLE_BRACHIAL_INDEX))
        .hasValueSatisfying(step -> assertThat(step.reason()).contains("no ABI on record"));
  }

  @Test
  void noAbiIsSuggestedWithoutSymptomsOfArterialDisease() {
    var assessment =
        patient()
            .age(70)
            .has(Disorder.DIABETES)
            .answered(r -> r.character(CRAMP_HARD_MUSCLE).yes(Item.RELIEF_STRETCHING))
            .assess();

    assertThat(assessment.step(NextStep.ANKLE_BRACHIAL_INDEX)).isEmpty();
  }

  @Test
  void aNoncompressibleAbiAsksForAToeBrachialIndex() {
    var assessment =
        patient()
            .has(Disorder.DIABETES)
            .abi(1.52, 1.3)
            .answered(r -> r.yes(Item.WORSE_LYING_FLAT))
            .assess();

    assertThat(assessment.step(NextStep.TOE_BRACHIAL_INDEX))
        .hasValueSatisfying(step -> assertThat(step.reason()).contains("1.52"));
  }

  @Test
  void restlessLegsWithoutFerritinAsksForIronStudies() {
    assertThat(restlessLegs().assess().step(NextStep.IRON_STUDIES)).isPresent();
  }

  @Test
  void restlessLegsWithFerritinAt75OrBelowSuggestsIronRepletion() {
    var at75 = restlessLegs().measured(Measure.FERRITIN, 75).assess();
    var at120 =
        restlessLegs()
            .measured(Measure.FERRITIN, 120)
            .measured(Measure.TRANSFERRIN_SATURATION, 25)
            .assess();

    assertThat(at75.step(NextStep.IRON_REPLETION)).isPresent();
    assertThat(at75.step(NextStep.IRON_STUDIES)).isEmpty();
    assertThat(at120.step(NextStep.IRON_REPLETION)).isEmpty();
  }

  @Test
  void suspectedNeuropathyAsksForHbA1cAndB12WhenNotRecent() {
    var assessment =
        patient()
            .answered(r -> r.character(BURNING, TINGLING).location(FOOT_TOES).laterality(BOTH))
            .assess();

    assertThat(assessment.step(NextStep.HBA1C)).isPresent();
    assertThat(assessment.step(NextStep.VITAMIN_B12)).isPresent();
    var recent =
        patient()
            .measured(Measure.HBA1C, 6.1)
            .measured(Measure.VITAMIN_B12, 400)
            .answered(r -> r.character(BURNING, TINGLING).location(FOOT_TOES).laterality(BOTH))
            .assess();
    assertThat(recent.step(NextStep.HBA1C)).isEmpty();
    assertThat(recent.step(NextStep.VITAMIN_B12)).isEmpty();
  }

  @Test
  void crampsOnADiureticAskForElectrolytesAndAMedicationReview() {
    var assessment =
        patient()
            .takes(DrugClass.THIAZIDE_DIURETIC, "Hydrochlorothiazide")
            .answered(
                r -> r.character(CRAMP_HARD_MUSCLE).location(CALF).yes(Item.RELIEF_STRETCHING))
            .assess();

    assertThat(assessment.step(NextStep.ELECTROLYTES_AND_MAGNESIUM)).isPresent();
    assertThat(assessment.step(NextStep.MEDICATION_REVIEW))
        .hasValueSatisfying(step -> assertThat(step.reason()).contains("Hydrochlorothiazide"));
    assertThat(assessment.of(Cause.LEG_CRAMPS).evidence())
        .contains("MedicationRequest/hydrochlorothiazide");
  }

  @Test
  void crampsWithoutASecondaryCauseNeedNoBloodTests() {
    var assessment =
        patient()
            .answered(r -> r.character(CRAMP_HARD_MUSCLE).yes(Item.RELIEF_STRETCHING))
            .assess();

    assertThat(assessment.step(NextStep.ELECTROLYTES_AND_MAGNESIUM)).isEmpty();
    assertThat(assessment.advice())
        .contains(Advice.CALF_AND_HAMSTRING_STRETCHING, Advice.HEAT, Advice.HYDRATION);
  }

  @Test
  void arterialDiseaseGetsLegsDownAndNeverElevationOrHeat() {
    var assessment =
        patient()
            .has(Disorder.DIABETES)
            .abi(0.55, 0.9)
            .answered(
                r ->
                    r.character(ACHING_HEAVINESS)
                        .yes(Item.RELIEF_DANGLING, Item.WORSE_AFTER_STANDING))
            .assess();

    assertThat(assessment.advice())
        .contains(Advice.LEGS_DOWN)
        .doesNotContain(Advice.LEG_ELEVATION, Advice.HEAT);
  }

  @Test
  void venousDiseaseGetsElevationOnlyWhenARecentAbiExcludesArterialDisease() {
    var unknownAbi =
        patient()
            .has(Disorder.VENOUS_INSUFFICIENCY)
            .answered(
                r ->
                    r.character(ACHING_HEAVINESS)
                        .yes(Item.WORSE_AFTER_STANDING, Item.RELIEF_ELEVATION))
            .assess();
    var normalAbi =
        patient()
            .has(Disorder.VENOUS_INSUFFICIENCY)
            .abi(1.05, 1.1)
            .answered(
                r ->
                    r.character(ACHING_HEAVINESS)
                        .yes(Item.WORSE_AFTER_STANDING, Item.RELIEF_ELEVATION))
            .assess();
    var lowAbi =
        patient()
            .has(Disorder.VENOUS_INSUFFICIENCY)
            .abi(0.85, 1.1)
            .answered(
                r ->
                    r.character(ACHING_HEAVINESS)
                        .yes(Item.WORSE_AFTER_STANDING, Item.RELIEF_ELEVATION))
            .assess();

    assertThat(unknownAbi.advice()).doesNotContain(Advice.LEG_ELEVATION);
    assertThat(unknownAbi.withheldAdvice()).contains(Advice.LEG_ELEVATION);
    assertThat(normalAbi.advice()).contains(Advice.LEG_ELEVATION);
    assertThat(lowAbi.advice()).doesNotContain(Advice.LEG_ELEVATION);
  }

  @Test
  void heatIsWithheldWhenSensationOrBloodFlowMayBeReduced() {
    var diabeticCramps =
        patient()
            .has(Disorder.DIABETES)
            .answered(r -> r.character(CRAMP_HARD_MUSCLE).yes(Item.RELIEF_STRETCHING))
            .assess();

    assertThat(diabeticCramps.advice())
        .contains(Advice.CALF_AND_HAMSTRING_STRETCHING)
        .doesNotContain(Advice.HEAT);
    assertThat(diabeticCramps.withheldAdvice()).contains(Advice.HEAT);
  }

  @Test
  void restlessLegsOnASerotonergicAntidepressantAsksForAMedicationReview() {
    var assessment =
        restlessLegs().takes(DrugClass.SEROTONERGIC_ANTIDEPRESSANT, "Sertraline").assess();

    assertThat(assessment.step(NextStep.MEDICATION_REVIEW))
        .hasValueSatisfying(
            step -> assertThat(step.evidence()).contains("MedicationRequest/sertraline"));
    assertThat(assessment.advice()).contains(Advice.MOVE_WHEN_THE_URGE_COMES);
  }

  @Test
  void restlessLegsWithFerritinBetween75And100SuggestIntravenousIronOnly() {
    var at90 =
        restlessLegs()
            .measured(Measure.FERRITIN, 90)
            .measured(Measure.TRANSFERRIN_SATURATION, 25)
            .assess();
    var at110 =
        restlessLegs()
            .measured(Measure.FERRITIN, 110)
            .measured(Measure.TRANSFERRIN_SATURATION, 25)
            .assess();

    assertThat(at90.step(NextStep.IRON_REPLETION))
        .hasValueSatisfying(step -> assertThat(step.reason()).contains("IV iron only"));
    assertThat(at110.step(NextStep.IRON_REPLETION)).isEmpty();
  }
}
