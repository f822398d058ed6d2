package org.nocturne.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nocturne.clinical.PatientFixture.TODAY;
import static org.nocturne.clinical.PatientFixture.patient;

import org.junit.jupiter.api.Test;
import org.nocturne.clinical.conclusions.Advice;
import org.nocturne.clinical.conclusions.MedicationEffect;
import org.nocturne.clinical.conclusions.NextStep;
import org.nocturne.clinical.conclusions.Recommendation;
import org.nocturne.clinical.conclusions.RedFlag;
import org.nocturne.clinical.facts.Answers;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.DrugClass;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.facts.Measure;
import org.nocturne.clinical.facts.Measurement;
import org.nocturne.clinical.facts.Sex;
import org.nocturne.clinical.facts.Side;

/** Issue 11 §2: the work-up uses what the record already says, and advice fits the patient. */
class RecordAwareAdviceTest {

  private static PatientFixture crampsOnADiuretic() {
    return patient()
        .takes(DrugClass.THIAZIDE_DIURETIC, "hydrochlorothiazide")
        .answered(
            r ->
                r.character(Answers.PainCharacter.CRAMP_HARD_MUSCLE)
                    .yes(Item.RELIEF_STRETCHING)
                    .episodeDuration(Answers.EpisodeDuration.UNDER_10_MINUTES));
  }

  @Test
  void aLowPotassiumTwoWeeksAgoIsActedOnAndNotReordered() {
    var assessment =
        crampsOnADiuretic()
            .measured(Measure.POTASSIUM, 3.1, Side.UNSPECIFIED, TODAY.minusDays(14))
            .measured(Measure.MAGNESIUM, 2.0, Side.UNSPECIFIED, TODAY.minusDays(14))
            .measured(Measure.CALCIUM, 9.2, Side.UNSPECIFIED, TODAY.minusDays(14))
            .assess();

    assertThat(assessment.step(NextStep.CORRECT_ELECTROLYTES)).isPresent();
    assertThat(assessment.step(NextStep.ELECTROLYTES_AND_MAGNESIUM)).isEmpty();
    assertThat(assessment.onRecord())
        .extracting(Measurement::measure)
        .contains(Measure.POTASSIUM, Measure.MAGNESIUM, Measure.CALCIUM);
  }

  @Test
  void electrolytesTwoMonthsOldAreRepeated() {
    var assessment =
        crampsOnADiuretic()
            .measured(Measure.POTASSIUM, 4.1, Side.UNSPECIFIED, TODAY.minusDays(60))
            .assess();

    assertThat(assessment.step(NextStep.ELECTROLYTES_AND_MAGNESIUM)).isPresent();
    assertThat(assessment.onRecord()).isEmpty();
  }

  @Test
  void noExtraFluidsInHeartFailureOrAdvancedKidneyDisease_butOtherwiseYes() {
    var failing = crampsOnADiuretic().has(Disorder.HEART_FAILURE).assess();
    var kidneys = crampsOnADiuretic().measured(Measure.EGFR, 24).assess();
    var well = crampsOnADiuretic().assess();

    assertThat(failing.advice()).doesNotContain(Advice.HYDRATION);
    assertThat(failing.withheldAdvice()).contains(Advice.HYDRATION);
    assertThat(kidneys.withheldAdvice()).contains(Advice.HYDRATION);
    assertThat(well.advice()).contains(Advice.HYDRATION);
  }

  @Test
  void ironDeficiencyInAManNeedsItsSourceFound_notInAYoungWoman() {
    var man =
        patient().sex(Sex.MALE).age(44).measured(Measure.FERRITIN, 18).answered(r -> r).assess();
    var youngWoman =
        patient().sex(Sex.FEMALE).age(34).measured(Measure.FERRITIN, 18).answered(r -> r).assess();
    var olderWoman =
        patient().sex(Sex.FEMALE).age(58).measured(Measure.FERRITIN, 18).answered(r -> r).assess();

    assertThat(man.step(NextStep.IRON_SOURCE_WORKUP)).isPresent();
    assertThat(olderWoman.step(NextStep.IRON_SOURCE_WORKUP)).isPresent();
    assertThat(youngWoman.step(NextStep.IRON_SOURCE_WORKUP)).isEmpty();
  }

  @Test
  void restlessLegsOnPramipexoleRaiseAugmentation_withoutItNot() {
    var onAgonist =
        patient()
            .takes(DrugClass.DOPAMINE_AGONIST, "pramipexole")
            .answered(
                r ->
                    r.character(Answers.PainCharacter.URGE_TO_MOVE)
                        .yes(Item.RELIEF_MOVING, Item.WORSE_EVENING_AT_REST))
            .assess();
    var without =
        patient()
            .answered(
                r ->
                    r.character(Answers.PainCharacter.URGE_TO_MOVE)
                        .yes(Item.RELIEF_MOVING, Item.WORSE_EVENING_AT_REST))
            .assess();

    assertThat(onAgonist.medicationEffects())
        .extracting(MedicationEffect::kind)
        .containsExactly(MedicationEffect.Kind.RLS_AUGMENTATION);
    assertThat(without.medicationEffects()).isEmpty();
  }

  @Test
  void arterialDiseaseGetsTheGuidelineTreatmentThatIsMissingFromTheList() {
    var untreated =
        patient()
            .abi(0.72, 0.8)
            .has(Disorder.DIABETES)
            .has(Disorder.CURRENT_SMOKER)
            .answered(r -> r.yes(Item.EXERTIONAL_CALF_PAIN))
            .assess();
    var treated =
        patient()
            .abi(0.72, 0.8)
            .takes(DrugClass.STATIN, "atorvastatin 80 mg")
            .takes(DrugClass.ANTIPLATELET, "aspirin 75 mg")
            .answered(r -> r.yes(Item.EXERTIONAL_CALF_PAIN))
            .assess();

    assertThat(untreated.nextSteps())
        .extracting(Recommendation::step)
        .contains(
            NextStep.PAD_STATIN,
            NextStep.PAD_ANTIPLATELET,
            NextStep.SMOKING_CESSATION,
            NextStep.SUPERVISED_EXERCISE,
            NextStep.DIABETIC_FOOT_CARE);
    assertThat(treated.nextSteps())
        .extracting(Recommendation::step)
        .doesNotContain(
            NextStep.PAD_STATIN,
            NextStep.PAD_ANTIPLATELET,
            NextStep.SMOKING_CESSATION,
            NextStep.DIABETIC_FOOT_CARE);
  }

  @Test
  void noSupervisedExerciseWithLimbThreateningIschemia() {
    var assessment =
        patient()
            .abi(0.7, 0.9)
            .answered(r -> r.skinChanges(Answers.SkinChange.NON_HEALING_SORE))
            .assess();

    assertThat(assessment.flag(RedFlag.CHRONIC_LIMB_THREATENING_ISCHEMIA)).isPresent();
    assertThat(assessment.step(NextStep.SUPERVISED_EXERCISE)).isEmpty();
    assertThat(assessment.step(NextStep.PAD_STATIN)).isPresent();
  }
}
