package org.nocturne.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nocturne.clinical.PatientFixture.patient;
import static org.nocturne.clinical.facts.Answers.Laterality.BOTH;
import static org.nocturne.clinical.facts.Answers.Location.RADIATES_FROM_BACK_OR_BUTTOCK;

import org.junit.jupiter.api.Test;
import org.nocturne.clinical.conclusions.NextStep;
import org.nocturne.clinical.conclusions.RaisedFlag;
import org.nocturne.clinical.conclusions.RedFlag;
import org.nocturne.clinical.conclusions.Urgency;
import org.nocturne.clinical.facts.Answers;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.facts.Measure;
import org.nocturne.clinical.facts.Side;

/** Each red flag, firing and not firing, with its urgency and the findings that raised it. */
class RedFlagsTest {

  private static void assertRaised(Assessment assessment, RedFlag flag, Urgency urgency) {
    assertThat(assessment.flag(flag))
        .as(flag.code())
        .hasValueSatisfying(raised -> assertThat(raised.urgency()).isEqualTo(urgency));
  }

  @Test
  void suddenColdPaleLegWithAtrialFibrillation_isAcuteLimbIschemia() {
    var assessment =
        patient()
            .has(Disorder.ATRIAL_FIBRILLATION)
            .answered(r -> r.yes(Item.SUDDEN_ONSET, Item.COLD_PALE_LEG))
            .assess();

    assertRaised(assessment, RedFlag.ACUTE_LIMB_ISCHEMIA, Urgency.CRITICAL);
    assertThat(assessment.flag(RedFlag.ACUTE_LIMB_ISCHEMIA).orElseThrow().evidence())
        .contains("Condition/atrial-fibrillation");
    assertThat(assessment.step(NextStep.EMERGENCY_VASCULAR_REFERRAL))
        .hasValueSatisfying(step -> assertThat(step.urgent()).isTrue());
    assertThat(assessment.redFlags().get(0).urgency()).isEqualTo(Urgency.CRITICAL);
    assertThat(PatientFixture.MODEL.knowledge().flag(RedFlag.ACUTE_LIMB_ISCHEMIA).action())
        .startsWith("Emergency")
        .contains("heparin unless contraindicated");
  }

  @Test
  void aColdLegOfLongStanding_isNotAcuteLimbIschemia() {
    var assessment =
        patient()
            .answered(
                r ->
                    r.onset(Answers.Onset.OVER_3_MONTHS)
                        .yes(Item.COLD_PALE_LEG)
                        .no(Item.SUDDEN_ONSET))
            .assess();

    assertThat(assessment.flag(RedFlag.ACUTE_LIMB_ISCHEMIA)).isEmpty();
  }

  @Test
  void restPainWithAbiBelow040_isLimbThreateningIschemia() {
    var assessment = patient().abi(0.35, 0.7).answered(r -> r.yes(Item.RELIEF_DANGLING)).assess();

    assertRaised(assessment, RedFlag.CHRONIC_LIMB_THREATENING_ISCHEMIA, Urgency.CRITICAL);
    assertThat(assessment.flag(RedFlag.CHRONIC_LIMB_THREATENING_ISCHEMIA).orElseThrow().findings())
        .anySatisfy(f -> assertThat(f.text()).contains("ABI 0.35 left").contains("<0.40"));
  }

  @Test
  void nonHealingToeUlcerWithLowAbi_isLimbThreateningIschemia() {
    var assessment =
        patient()
            .abi(0.38, 0.95)
            .answered(r -> r.skinChanges(Answers.SkinChange.NON_HEALING_SORE))
            .assess();

    assertRaised(assessment, RedFlag.CHRONIC_LIMB_THREATENING_ISCHEMIA, Urgency.CRITICAL);
    assertRaised(assessment, RedFlag.NON_HEALING_WOUND_OR_SKIN_CHANGE, Urgency.WARNING);
  }

  @Test
  void toePressureBelow30WithoutAQuestionnaire_isCriticalLimbThreateningIschemia() {
    // ESVS/SVS GVG 2019 and IWGDF 2023: a toe pressure <30 mmHg (WIfI ischaemia grade 3) threatens
    // the limb whatever the questionnaire says (the cards speak only with a current complaint)
    var assessment = patient().measured(Measure.TOE_PRESSURE, 25, Side.RIGHT).assess();

    assertRaised(assessment, RedFlag.CHRONIC_LIMB_THREATENING_ISCHEMIA, Urgency.CRITICAL);
  }

  @Test
  void restPainWithAModeratelyLowAbi_isSuspectedCltiWithUrgentToePressuresAndReferral() {
    var assessment =
        patient()
            .abi(0.7, 0.8)
            .answered(r -> r.onset(Answers.Onset.TWO_WEEKS_TO_3_MONTHS).yes(Item.RELIEF_DANGLING))
            .assess();

    assertRaised(assessment, RedFlag.CHRONIC_LIMB_THREATENING_ISCHEMIA, Urgency.WARNING);
    assertThat(assessment.step(NextStep.VASCULAR_REFERRAL))
        .hasValueSatisfying(step -> assertThat(step.urgent()).isTrue());
    assertThat(assessment.step(NextStep.TOE_BRACHIAL_INDEX))
        .hasValueSatisfying(step -> assertThat(step.urgent()).isTrue());
    assertThat(assessment.step(NextStep.URGENT_VASCULAR_REFERRAL)).isEmpty();
  }

  @Test
  void oneSwollenTenderLegAfterSurgery_isDeepVeinThrombosisWithDuplexAndDDimer() {
    var assessment =
        patient()
            .answered(
                r ->
                    r.swelling(Answers.Swelling.ONE_LEG)
                        .yes(Item.CALF_TENDERNESS, Item.RECENT_IMMOBILITY_OR_SURGERY))
            .assess();

    assertRaised(assessment, RedFlag.DEEP_VEIN_THROMBOSIS, Urgency.CRITICAL);
    assertThat(assessment.step(NextStep.VENOUS_DUPLEX)).isPresent();
    assertThat(assessment.step(NextStep.D_DIMER)).isPresent();
    assertThat(assessment.flag(RedFlag.UNEXPLAINED_SWELLING))
        .as("the swelling is explained by the DVT flag")
        .isEmpty();
  }

  @Test
  void priorDvtAndCancerCountInTheWellsScore() {
    var assessment =
        patient()
            .hadInThePast(Disorder.DEEP_VEIN_THROMBOSIS)
            .has(Disorder.ACTIVE_CANCER)
            .answered(r -> r.swelling(Answers.Swelling.ONE_LEG))
            .assess();

    assertRaised(assessment, RedFlag.DEEP_VEIN_THROMBOSIS, Urgency.CRITICAL);
    assertThat(assessment.flag(RedFlag.DEEP_VEIN_THROMBOSIS).orElseThrow().evidence())
        .contains("Condition/past-deep-vein-thrombosis", "Condition/active-cancer");
  }

  @Test
  void bothLegsSwollenIsNotDvtButUnexplainedSwelling() {
    var assessment = patient().answered(r -> r.swelling(Answers.Swelling.BOTH_LEGS)).assess();

    assertThat(assessment.flag(RedFlag.DEEP_VEIN_THROMBOSIS)).isEmpty();
    assertRaised(assessment, RedFlag.UNEXPLAINED_SWELLING, Urgency.WARNING);
  }

  @Test
  void swellingWithKnownVenousDiseaseIsExplained() {
    var assessment =
        patient()
            .has(Disorder.VENOUS_INSUFFICIENCY)
            .answered(r -> r.swelling(Answers.Swelling.BOTH_LEGS))
            .assess();

    assertThat(assessment.flag(RedFlag.UNEXPLAINED_SWELLING)).isEmpty();
  }

  @Test
  void saddleNumbnessWithBladderChange_isCaudaEquinaWithUrgentMri() {
    var assessment =
        patient()
            .answered(
                r ->
                    r.location(RADIATES_FROM_BACK_OR_BUTTOCK)
                        .laterality(BOTH)
                        .yes(Item.SADDLE_NUMBNESS, Item.BLADDER_OR_BOWEL_CHANGE))
            .assess();

    assertRaised(assessment, RedFlag.CAUDA_EQUINA, Urgency.CRITICAL);
    assertThat(assessment.step(NextStep.URGENT_LUMBAR_MRI))
        .hasValueSatisfying(step -> assertThat(step.urgent()).isTrue());
  }

  @Test
  void aBladderChangeWithoutBackOrLegSignsIsAWarningOnly() {
    var assessment = patient().answered(r -> r.yes(Item.BLADDER_OR_BOWEL_CHANGE)).assess();

    assertRaised(assessment, RedFlag.CAUDA_EQUINA, Urgency.WARNING);
    assertThat(assessment.step(NextStep.URGENT_LUMBAR_MRI)).isEmpty();
  }

  @Test
  void feverIsCriticalAndWeightLossAloneIsAWarning() {
    assertRaised(
        patient().answered(r -> r.yes(Item.FEVER)).assess(),
        RedFlag.INFECTION_OR_MALIGNANCY,
        Urgency.CRITICAL);
    assertRaised(
        patient().answered(r -> r.yes(Item.WEIGHT_LOSS)).assess(),
        RedFlag.INFECTION_OR_MALIGNANCY,
        Urgency.WARNING);
    assertThat(
            patient()
                .answered(r -> r.no(Item.FEVER, Item.WEIGHT_LOSS))
                .assess()
                .flag(RedFlag.INFECTION_OR_MALIGNANCY))
        .isEmpty();
  }

  @Test
  void newWeaknessIsADeficitAndCriticalWhenSudden() {
    assertRaised(
        patient().answered(r -> r.yes(Item.NEW_WEAKNESS_OR_NUMBNESS)).assess(),
        RedFlag.PROGRESSIVE_NEUROLOGICAL_DEFICIT,
        Urgency.WARNING);
    assertRaised(
        patient().answered(r -> r.yes(Item.NEW_WEAKNESS_OR_NUMBNESS, Item.SUDDEN_ONSET)).assess(),
        RedFlag.PROGRESSIVE_NEUROLOGICAL_DEFICIT,
        Urgency.CRITICAL);
    assertThat(
            patient()
                .answered(r -> r.no(Item.NEW_WEAKNESS_OR_NUMBNESS))
                .assess()
                .flag(RedFlag.PROGRESSIVE_NEUROLOGICAL_DEFICIT))
        .isEmpty();
  }

  @Test
  void skinMarkedNoneRaisesNoSkinFlag() {
    assertThat(
            patient()
                .answered(r -> r.skinChanges(Answers.SkinChange.NONE))
                .assess()
                .flag(RedFlag.NON_HEALING_WOUND_OR_SKIN_CHANGE))
        .isEmpty();
    assertRaised(
        patient().answered(r -> r.skinChanges(Answers.SkinChange.DARK_DISCOLORATION)).assess(),
        RedFlag.NON_HEALING_WOUND_OR_SKIN_CHANGE,
        Urgency.WARNING);
  }

  @Test
  void severityAndSleepAreOneLineOfTheDifferential_notRedFlags() {
    var assessment =
        patient()
            .answered(
                r ->
                    r.painSeverity(7)
                        .onset(Answers.Onset.OVER_3_MONTHS)
                        .nightsPerWeek(Answers.NightsPerWeek.SIX_TO_SEVEN)
                        .yes(Item.NOT_IMPROVING_WITH_HOME_CARE, Item.SLEEP_DISRUPTED))
            .assess();

    assertThat(assessment.redFlags()).isEmpty();
    assertThat(assessment.burden().text())
        .isEqualTo(
            "7/10 (severe), 6–7 nights a week for over 3 months, not improving with home care,"
                + " wakes the patient");
  }

  @Test
  void mildPainHasAPlainBurdenLine() {
    var assessment = patient().answered(r -> r.painSeverity(3).no(Item.SLEEP_DISRUPTED)).assess();

    assertThat(assessment.burden().text()).isEqualTo("3/10");
  }

  @Test
  void criticalFlagsComeFirst() {
    var assessment =
        patient()
            .answered(r -> r.yes(Item.FEVER).skinChanges(Answers.SkinChange.DARK_DISCOLORATION))
            .assess();

    assertThat(assessment.redFlags())
        .extracting(RaisedFlag::urgency)
        .containsExactly(Urgency.CRITICAL, Urgency.WARNING);
  }
}
