package org.nocturne.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nocturne.clinical.PatientFixture.TODAY;
import static org.nocturne.clinical.PatientFixture.patient;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.conclusions.FlagGuidance;
import org.nocturne.clinical.conclusions.MedicationEffect;
import org.nocturne.clinical.conclusions.NextStep;
import org.nocturne.clinical.conclusions.RaisedFlag;
import org.nocturne.clinical.conclusions.RedFlag;
import org.nocturne.clinical.conclusions.Urgency;
import org.nocturne.clinical.facts.Answers;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.DrugClass;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.facts.Measure;
import org.nocturne.clinical.facts.Side;

/**
 * The red flags the physician review found under-called (issue 10 §2), each firing and, in a
 * look-alike, not firing.
 */
class UnderCalledRedFlagsTest {

  private static RaisedFlag raised(Assessment assessment, RedFlag flag) {
    return assessment.flag(flag).orElseThrow(() -> new AssertionError(flag + " not raised"));
  }

  private static String texts(RaisedFlag flag) {
    return String.join(" | ", flag.findings().stream().map(Finding::text).toList());
  }

  /** ESVS/SVS Global Vascular Guidelines 2019; 2024 ACC/AHA PAD. */
  @Nested
  class LimbThreateningIschemia {
    private static final RedFlag CLTI = RedFlag.CHRONIC_LIMB_THREATENING_ISCHEMIA;

    @Test
    void restPainOverTwoWeeksWithDiabetesAndNoAbi_isSuspectedClti() {
      var assessment =
          patient()
              .has(Disorder.DIABETES)
              .answered(r -> r.onset(Answers.Onset.OVER_3_MONTHS).yes(Item.RELIEF_DANGLING))
              .assess();

      RaisedFlag flag = raised(assessment, CLTI);
      assertThat(flag.urgency()).isEqualTo(Urgency.WARNING);
      assertThat(flag.guidance()).isEqualTo(FlagGuidance.CLTI_SUSPECTED);
      assertThat(texts(flag)).contains("not excluded (no recent ABI, with diabetes");
      assertThat(assessment.step(NextStep.TOE_BRACHIAL_INDEX))
          .hasValueSatisfying(s -> assertThat(s.urgent()).isTrue());
      assertThat(assessment.step(NextStep.VASCULAR_REFERRAL)).isPresent();
    }

    @Test
    void theSameRestPainWithoutDiabetesKidneyDiseaseOrAnAbi_isStillSuspectedClti() {
      // ESVS/SVS GVG 2019: rest pain eased by dependency with no ABI is suspected CLTI in anyone;
      // the urgent ABI decides (issue 24)
      var assessment =
          patient()
              .answered(r -> r.onset(Answers.Onset.OVER_3_MONTHS).yes(Item.RELIEF_DANGLING))
              .assess();

      RaisedFlag flag = raised(assessment, CLTI);
      assertThat(flag.urgency()).isEqualTo(Urgency.WARNING);
      assertThat(texts(flag)).contains("no ABI on record");
    }

    @Test
    void restPainWithANoncompressibleAbi_isSuspectedClti() {
      var assessment =
          patient()
              .abi(1.55, 1.5)
              .answered(r -> r.onset(Answers.Onset.OVER_3_MONTHS).yes(Item.RELIEF_DANGLING))
              .assess();

      assertThat(raised(assessment, CLTI).urgency()).isEqualTo(Urgency.WARNING);
      assertThat(texts(raised(assessment, CLTI))).contains("noncompressible");
    }

    @Test
    void restPainWithANormalAbi_isNotClti() {
      var assessment =
          patient()
              .abi(1.1, 1.05)
              .has(Disorder.DIABETES)
              .answered(r -> r.onset(Answers.Onset.OVER_3_MONTHS).yes(Item.RELIEF_DANGLING))
              .assess();

      assertThat(assessment.flag(CLTI)).isEmpty();
    }

    @Test
    void restPainUnderTwoWeeks_isNotChronicLimbThreateningIschemia() {
      var assessment =
          patient()
              .abi(0.7, 0.8)
              .answered(r -> r.onset(Answers.Onset.UNDER_2_WEEKS).yes(Item.RELIEF_DANGLING))
              .assess();

      assertThat(assessment.flag(CLTI)).isEmpty();
    }

    @Test
    void tissueLossWithAnAbiOf070_isCritical() {
      var assessment =
          patient()
              .abi(0.7, 0.95)
              .answered(r -> r.skinChanges(Answers.SkinChange.NON_HEALING_SORE))
              .assess();

      assertThat(raised(assessment, CLTI).urgency()).isEqualTo(Urgency.CRITICAL);
      assertThat(assessment.step(NextStep.URGENT_VASCULAR_REFERRAL)).isPresent();
    }

    @Test
    void restPainWithAToePressureOf25_isCritical_andNotWithAToePressureOf45() {
      var low =
          patient()
              .abi(0.8, 0.85)
              .measured(Measure.TOE_PRESSURE, 25, Side.LEFT)
              .answered(r -> r.onset(Answers.Onset.OVER_3_MONTHS).yes(Item.RELIEF_DANGLING))
              .assess();
      var moderate =
          patient()
              .abi(0.8, 0.85)
              .measured(Measure.TOE_PRESSURE, 45, Side.LEFT)
              .answered(r -> r.onset(Answers.Onset.OVER_3_MONTHS).yes(Item.RELIEF_DANGLING))
              .assess();

      assertThat(raised(low, CLTI).urgency()).isEqualTo(Urgency.CRITICAL);
      assertThat(texts(raised(low, CLTI))).contains("Toe pressure 25 mmHg left (<30 mmHg)");
      assertThat(raised(moderate, CLTI).urgency()).isEqualTo(Urgency.WARNING);
      assertThat(moderate.step(NextStep.TOE_BRACHIAL_INDEX))
          .as("toe pressure already on record")
          .isEmpty();
    }

    @Test
    void anAnklePressureBelow50WithRestPain_isCritical() {
      var assessment =
          patient()
              .abi(0.6, 0.9)
              .measured(Measure.ANKLE_PRESSURE, 45, Side.LEFT)
              .answered(r -> r.onset(Answers.Onset.OVER_3_MONTHS).yes(Item.RELIEF_DANGLING))
              .assess();

      assertThat(raised(assessment, CLTI).urgency()).isEqualTo(Urgency.CRITICAL);
    }
  }

  /** NICE NG158; RCOG Green-top 37b. */
  @Nested
  class DeepVeinThrombosis {
    private static final RedFlag DVT = RedFlag.DEEP_VEIN_THROMBOSIS;

    @Test
    void oneSwollenLegBelowWells2_isDvtNotExcludedWithASameDayDDimer() {
      var assessment = patient().answered(r -> r.swelling(Answers.Swelling.ONE_LEG)).assess();

      RaisedFlag flag = raised(assessment, DVT);
      assertThat(flag.urgency()).isEqualTo(Urgency.WARNING);
      assertThat(flag.guidance()).isEqualTo(FlagGuidance.DVT_NOT_EXCLUDED);
      assertThat(texts(flag))
          .contains(
              "A partial Wells score of 1 (<2: DVT not excluded; examination items not scored)");
      assertThat(assessment.step(NextStep.D_DIMER))
          .hasValueSatisfying(s -> assertThat(s.urgent()).isTrue());
      assertThat(assessment.step(NextStep.VENOUS_DUPLEX)).isEmpty();
      assertThat(assessment.flag(RedFlag.UNEXPLAINED_SWELLING)).isEmpty();
      assertThat(PatientFixture.MODEL.knowledge().flag(FlagGuidance.DVT_NOT_EXCLUDED).action())
          .contains("ultrasound");
    }

    @Test
    void neitherSwellingNorTenderness_isNoDvtFlagWhateverTheRiskFactors() {
      var assessment =
          patient()
              .has(Disorder.ACTIVE_CANCER)
              .hadInThePast(Disorder.DEEP_VEIN_THROMBOSIS)
              .answered(r -> r.swelling(Answers.Swelling.NONE).no(Item.CALF_TENDERNESS))
              .assess();

      assertThat(assessment.flag(DVT)).isEmpty();
    }

    @Test
    void aSwollenLegInPregnancy_isCriticalWithUltrasoundAndNoDDimer() {
      var assessment =
          patient()
              .age(31)
              .has(Disorder.PREGNANCY)
              .answered(r -> r.swelling(Answers.Swelling.ONE_LEG))
              .assess();

      RaisedFlag flag = raised(assessment, DVT);
      assertThat(flag.urgency()).isEqualTo(Urgency.CRITICAL);
      assertThat(flag.guidance()).isEqualTo(FlagGuidance.DVT_IN_PREGNANCY);
      assertThat(texts(flag))
          .contains("Wells and D-dimer are not valid")
          .doesNotContain("Wells score of");
      assertThat(assessment.step(NextStep.VENOUS_DUPLEX)).isPresent();
      assertThat(assessment.step(NextStep.D_DIMER)).isEmpty();
    }

    @Test
    void threeWeeksAfterBirth_isCritical_butTenWeeksAfterIsNot() {
      var recent =
          patient()
              .age(29)
              .hasSince(Disorder.POSTPARTUM, TODAY.minusWeeks(3))
              .answered(r -> r.swelling(Answers.Swelling.ONE_LEG))
              .assess();
      var later =
          patient()
              .age(29)
              .hasSince(Disorder.POSTPARTUM, TODAY.minusWeeks(10))
              .answered(r -> r.swelling(Answers.Swelling.ONE_LEG))
              .assess();

      assertThat(raised(recent, DVT).guidance()).isEqualTo(FlagGuidance.DVT_IN_PREGNANCY);
      assertThat(raised(later, DVT).guidance()).isEqualTo(FlagGuidance.DVT_NOT_EXCLUDED);
    }

    @Test
    void oestrogenLongTravelAndPastCancerAreNamed_andNotWhenAbsentOrUnknown() {
      var named =
          patient()
              .takes(DrugClass.ESTROGEN, "ethinyl estradiol")
              .hadInThePast(Disorder.ACTIVE_CANCER)
              .answered(r -> r.swelling(Answers.Swelling.ONE_LEG).recentLongTravel(true))
              .assess();
      var unknown = patient().answered(r -> r.swelling(Answers.Swelling.ONE_LEG)).assess();

      assertThat(texts(raised(named, DVT)))
          .contains("Oestrogen-containing medicine: ethinyl estradiol")
          .contains("Long travel in the last 4 weeks")
          .contains("History of cancer");
      assertThat(texts(raised(unknown, DVT)))
          .doesNotContain("Oestrogen")
          .doesNotContain("travel")
          .doesNotContain("cancer");
    }

    @Test
    void wells2OrMoreStaysCriticalWithUltrasound() {
      var assessment =
          patient()
              .hadInThePast(Disorder.DEEP_VEIN_THROMBOSIS)
              .answered(r -> r.swelling(Answers.Swelling.ONE_LEG))
              .assess();

      assertThat(raised(assessment, DVT).urgency()).isEqualTo(Urgency.CRITICAL);
      assertThat(texts(raised(assessment, DVT)))
          .contains("Previous DVT")
          .contains("Wells score of 2 (≥2");
      assertThat(assessment.step(NextStep.VENOUS_DUPLEX)).isPresent();
    }
  }

  /** NICE NG12: a cancer at any time, with constant night pain. */
  @Nested
  class CancerHistory {
    private static final RedFlag FLAG = RedFlag.INFECTION_OR_MALIGNANCY;

    @Test
    void aCancerInRemissionWithConstantNightPain_isRaised() {
      var assessment =
          patient()
              .hadInThePast(Disorder.ACTIVE_CANCER)
              .answered(r -> r.episodeDuration(Answers.EpisodeDuration.CONSTANT))
              .assess();

      assertThat(raised(assessment, FLAG).urgency()).isEqualTo(Urgency.WARNING);
      assertThat(texts(raised(assessment, FLAG)))
          .contains("History of cancer with constant night pain");
    }

    @Test
    void aRecordedHistoryOrACancerDrugCountsToo() {
      var history =
          patient()
              .has(Disorder.CANCER_HISTORY)
              .answered(r -> r.episodeDuration(Answers.EpisodeDuration.CONSTANT))
              .assess();
      var drug =
          patient()
              .takes(DrugClass.CANCER_TREATMENT, "tamoxifen")
              .answered(r -> r.episodeDuration(Answers.EpisodeDuration.CONSTANT))
              .assess();

      assertThat(history.flag(FLAG)).isPresent();
      assertThat(raised(drug, FLAG).evidence()).contains("MedicationRequest/tamoxifen");
    }

    @Test
    void aPastCancerWithShortCrampsAtNight_isNotRaised() {
      var assessment =
          patient()
              .hadInThePast(Disorder.ACTIVE_CANCER)
              .answered(
                  r ->
                      r.episodeDuration(Answers.EpisodeDuration.UNDER_10_MINUTES)
                          .no(Item.FEVER, Item.WEIGHT_LOSS))
              .assess();

      assertThat(assessment.flag(FLAG)).isEmpty();
    }
  }

  /** GIRFT national suspected cauda equina pathway 2023. */
  @Nested
  class BilateralRadicularSymptoms {
    private static final RedFlag FLAG = RedFlag.CAUDA_EQUINA;

    @Test
    void bothLegsFromTheBackWithNegativeAnswers_isAPromptToAskAgain() {
      var assessment =
          patient()
              .answered(
                  r ->
                      r.laterality(Answers.Laterality.BOTH)
                          .location(Answers.Location.RADIATES_FROM_BACK_OR_BUTTOCK)
                          .no(Item.SADDLE_NUMBNESS, Item.BLADDER_OR_BOWEL_CHANGE))
              .assess();

      RaisedFlag flag = raised(assessment, FLAG);
      assertThat(flag.urgency()).isEqualTo(Urgency.WARNING);
      assertThat(flag.guidance()).isEqualTo(FlagGuidance.BILATERAL_RADICULAR_SYMPTOMS);
      assertThat(texts(flag)).contains("answered no; ask again");
      assertThat(assessment.step(NextStep.URGENT_LUMBAR_MRI)).isEmpty();
      assertThat(
              PatientFixture.MODEL
                  .knowledge()
                  .flag(FlagGuidance.BILATERAL_RADICULAR_SYMPTOMS)
                  .action())
          .contains("bladder, bowel and saddle");
    }

    @Test
    void bothLegsWithSpinalStenosisAndTheAnswersMissing_isRaised() {
      var assessment =
          patient()
              .has(Disorder.SPINAL_STENOSIS)
              .answered(r -> r.laterality(Answers.Laterality.BOTH))
              .assess();

      assertThat(texts(raised(assessment, FLAG))).contains("not answered; ask");
    }

    @Test
    void oneLegFromTheBack_orBothLegsWithoutBackPain_isNotRaised() {
      var oneLeg =
          patient()
              .answered(
                  r ->
                      r.laterality(Answers.Laterality.LEFT)
                          .location(Answers.Location.RADIATES_FROM_BACK_OR_BUTTOCK))
              .assess();
      var bothCalves =
          patient()
              .answered(r -> r.laterality(Answers.Laterality.BOTH).location(Answers.Location.CALF))
              .assess();

      assertThat(oneLeg.flag(FLAG)).isEmpty();
      assertThat(bothCalves.flag(FLAG)).isEmpty();
    }
  }

  /** 2018 AHA/ACC cholesterol guideline §5. */
  @Nested
  class StatinMyopathy {

    @Test
    void achingOnHighDoseAtorvastatinWithClarithromycin_isAMedicationEffectWithACk() {
      var assessment =
          patient()
              .takes(DrugClass.STATIN, "atorvastatin 80 mg tablet")
              .takes(DrugClass.CYP3A4_INHIBITOR, "clarithromycin")
              .answered(r -> r.character(Answers.PainCharacter.ACHING_HEAVINESS))
              .assess();

      assertThat(assessment.medicationEffects())
          .singleElement()
          .satisfies(
              effect -> {
                assertThat(effect.kind()).isEqualTo(MedicationEffect.Kind.STATIN_MYOPATHY);
                assertThat(effect.findings())
                    .extracting(Finding::text)
                    .contains(
                        "On atorvastatin 80 mg tablet (high intensity)",
                        "With clarithromycin, which raises the statin level (CYP3A4)");
              });
      assertThat(assessment.step(NextStep.CREATINE_KINASE)).isPresent();
    }

    @Test
    void rosuvastatinIsNotRaisedByClarithromycin() {
      var assessment =
          patient()
              .takes(DrugClass.STATIN, "rosuvastatin 10 mg")
              .takes(DrugClass.CYP3A4_INHIBITOR, "clarithromycin")
              .answered(r -> r.yes(Item.NEW_WEAKNESS_OR_NUMBNESS))
              .assess();

      assertThat(assessment.medicationEffects().get(0).findings())
          .extracting(Finding::text)
          .noneMatch(text -> text.contains("CYP3A4"));
    }

    @Test
    void crampsOnAStatin_orAchingWithoutOne_isNoMedicationEffect() {
      var cramps =
          patient()
              .takes(DrugClass.STATIN, "simvastatin")
              .answered(r -> r.character(Answers.PainCharacter.CRAMP_HARD_MUSCLE))
              .assess();
      var noStatin =
          patient().answered(r -> r.character(Answers.PainCharacter.ACHING_HEAVINESS)).assess();

      assertThat(cramps.medicationEffects()).isEmpty();
      assertThat(noStatin.medicationEffects()).isEmpty();
      assertThat(noStatin.step(NextStep.CREATINE_KINASE)).isEmpty();
    }
  }
}
