package org.nocturne.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nocturne.clinical.PatientFixture.patient;
import static org.nocturne.clinical.facts.Answers.Laterality.BOTH;
import static org.nocturne.clinical.facts.Answers.Location.CALF;
import static org.nocturne.clinical.facts.Answers.Location.FOOT_TOES;
import static org.nocturne.clinical.facts.Answers.Location.RADIATES_FROM_BACK_OR_BUTTOCK;
import static org.nocturne.clinical.facts.Answers.PainCharacter.ACHING_HEAVINESS;
import static org.nocturne.clinical.facts.Answers.PainCharacter.BURNING;
import static org.nocturne.clinical.facts.Answers.PainCharacter.CRAMP_HARD_MUSCLE;
import static org.nocturne.clinical.facts.Answers.PainCharacter.NUMBNESS;
import static org.nocturne.clinical.facts.Answers.PainCharacter.TINGLING;
import static org.nocturne.clinical.facts.Answers.PainCharacter.URGE_TO_MOVE;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nocturne.clinical.conclusions.Cause;
import org.nocturne.clinical.conclusions.Likelihood;
import org.nocturne.clinical.facts.Answers;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.facts.Measure;
import org.nocturne.clinical.facts.Side;

/**
 * The pairs the clinical reference warns are confused, told apart by the discriminating feature.
 */
class MimicPairsTest {

  @Test
  void crampVersusRestlessLegs_stretchingReliefMakesItACramp() {
    var cramp =
        patient()
            .answered(
                r ->
                    r.character(CRAMP_HARD_MUSCLE, URGE_TO_MOVE)
                        .location(CALF)
                        .yes(
                            Item.RELIEF_STRETCHING, Item.WORSE_EVENING_AT_REST, Item.RELIEF_MOVING))
            .assess();

    assertThat(cramp.leading().cause()).isEqualTo(Cause.LEG_CRAMPS);
    var rls = cramp.of(Cause.RESTLESS_LEGS);
    assertThat(rls.likelihood()).isNotEqualTo(Likelihood.HIGH);
    assertThat(rls.against()).anySatisfy(f -> assertThat(f.text()).contains("criterion 5"));
  }

  @Test
  void crampVersusRestlessLegs_walkingReliefWithoutAHardMuscleIsRestlessLegs() {
    var rls =
        patient()
            .answered(
                r ->
                    r.character(URGE_TO_MOVE)
                        .laterality(BOTH)
                        .yes(Item.WORSE_EVENING_AT_REST, Item.RELIEF_MOVING)
                        .no(Item.RELIEF_STRETCHING))
            .assess();

    assertThat(rls.leading().cause()).isEqualTo(Cause.RESTLESS_LEGS);
    assertThat(rls.of(Cause.LEG_CRAMPS).likelihood()).isEqualTo(Likelihood.LOW);
  }

  @Test
  void restlessLegsIsNotHighWithoutAllFourEssentialFeatures() {
    var partial =
        patient()
            .has(Disorder.RESTLESS_LEGS)
            .measured(Measure.FERRITIN, 40)
            .answered(
                r -> r.character(URGE_TO_MOVE).yes(Item.RELIEF_MOVING, Item.FAMILY_HISTORY_RLS))
            .assess();

    var rls = partial.of(Cause.RESTLESS_LEGS);
    assertThat(rls.likelihood()).isEqualTo(Likelihood.MODERATE);
    assertThat(rls.limits()).anySatisfy(limit -> assertThat(limit).contains("IRLSSG"));
  }

  @Test
  void arterialRestPainVersusDiabeticNeuropathy_danglingReliefAndLowAbiMeanIschemia() {
    var ischemia =
        patient()
            .has(Disorder.DIABETES)
            .abi(0.35, 0.8)
            .answered(
                r ->
                    r.character(BURNING)
                        .location(FOOT_TOES)
                        .laterality(Answers.Laterality.LEFT)
                        .yes(Item.RELIEF_DANGLING, Item.WORSE_LYING_FLAT))
            .assess();

    assertThat(ischemia.leading().cause()).isEqualTo(Cause.PERIPHERAL_ARTERY_DISEASE);
    assertThat(ischemia.of(Cause.PERIPHERAL_NEUROPATHY).score())
        .isLessThan(ischemia.leading().score());
  }

  @Test
  void arterialRestPainVersusDiabeticNeuropathy_normalAbiAndNoPositionalReliefMeanNeuropathy() {
    var neuropathy =
        patient()
            .has(Disorder.DIABETES)
            .abi(1.1, 1.05)
            .answered(
                r ->
                    r.character(BURNING, TINGLING, NUMBNESS)
                        .location(FOOT_TOES)
                        .laterality(BOTH)
                        .no(Item.RELIEF_DANGLING, Item.RELIEF_MOVING, Item.RELIEF_ELEVATION))
            .assess();

    assertThat(neuropathy.leading().cause()).isEqualTo(Cause.PERIPHERAL_NEUROPATHY);
    assertThat(neuropathy.of(Cause.PERIPHERAL_ARTERY_DISEASE).against())
        .anySatisfy(f -> assertThat(f.text()).contains("ABI normal"));
  }

  @Test
  void neurogenicClaudicationVersusArterialDisease_stenosisWithNormalAbiIsSpinal() {
    var spinal =
        patient()
            .age(70)
            .has(Disorder.SPINAL_STENOSIS)
            .abi(1.12, 1.08)
            .answered(
                r ->
                    r.location(CALF)
                        .laterality(BOTH)
                        .yes(Item.EXERTIONAL_CALF_PAIN, Item.WORSE_SITTING_BENDING_COUGHING))
            .assess();

    assertThat(spinal.leading().cause()).isEqualTo(Cause.SCIATICA);
    assertThat(spinal.of(Cause.PERIPHERAL_ARTERY_DISEASE).likelihood()).isEqualTo(Likelihood.LOW);
  }

  @Test
  void venousHeavinessVersusRestlessLegs_eveningHeavinessEasedByRaisingIsVenous() {
    var venous =
        patient()
            .has(Disorder.VENOUS_INSUFFICIENCY)
            .abi(1.05, 1.1)
            .answered(
                r ->
                    r.character(ACHING_HEAVINESS)
                        .yes(
                            Item.WORSE_EVENING_AT_REST,
                            Item.WORSE_AFTER_STANDING,
                            Item.RELIEF_ELEVATION)
                        .no(Item.RELIEF_MOVING))
            .assess();

    assertThat(venous.leading().cause()).isEqualTo(Cause.VENOUS_INSUFFICIENCY);
    assertThat(venous.of(Cause.RESTLESS_LEGS).likelihood()).isEqualTo(Likelihood.LOW);
  }

  @Test
  void diabeticWithNoncompressibleAbiAndLowTbi_stillRanksArterialDiseaseHigh() {
    var assessment =
        patient()
            .age(68)
            .has(Disorder.DIABETES)
            .abi(1.5, 1.45)
            .measured(Measure.TOE_BRACHIAL_INDEX, 0.55, Side.LEFT)
            .answered(r -> r.character(BURNING).location(FOOT_TOES).yes(Item.WORSE_LYING_FLAT))
            .assess();

    var pad = assessment.of(Cause.PERIPHERAL_ARTERY_DISEASE);
    assertThat(pad.likelihood()).isEqualTo(Likelihood.HIGH);
    assertThat(assessment.leading().cause()).isEqualTo(Cause.PERIPHERAL_ARTERY_DISEASE);
    assertThat(pad.supporting()).anySatisfy(f -> assertThat(f.text()).contains("TBI 0.55"));
    assertThat(pad.against()).noneSatisfy(f -> assertThat(f.text()).contains("ABI normal"));
  }

  @Test
  void worseLyingFlatAloneIsNotArterialRestPain_onlyWithReliefByHangingTheLegsDown() {
    var flatOnly = patient().age(50).answered(r -> r.yes(Item.WORSE_LYING_FLAT)).assess();
    var restPain =
        patient()
            .age(50)
            .answered(r -> r.yes(Item.WORSE_LYING_FLAT, Item.RELIEF_DANGLING))
            .assess();

    assertThat(flatOnly.of(Cause.PERIPHERAL_ARTERY_DISEASE).findings())
        .noneSatisfy(f -> assertThat(f.text()).contains("lying flat"));
    assertThat(restPain.of(Cause.PERIPHERAL_ARTERY_DISEASE).findings())
        .anySatisfy(f -> assertThat(f.text()).isEqualTo("Worse lying flat"));
  }

  @Test
  void theDiscAndStenosisHalvesOfTheOldQuestionEachCountForSciatica() {
    for (Item half :
        List.of(Item.WORSE_SITTING_OR_COUGHING, Item.EASED_BENDING_FORWARD_OR_SITTING)) {
      var assessment =
          patient().answered(r -> r.location(RADIATES_FROM_BACK_OR_BUTTOCK).yes(half)).assess();
      var old =
          patient()
              .answered(
                  r ->
                      r.location(RADIATES_FROM_BACK_OR_BUTTOCK)
                          .yes(Item.WORSE_SITTING_BENDING_COUGHING))
              .assess();

      assertThat(assessment.of(Cause.SCIATICA).score()).isEqualTo(old.of(Cause.SCIATICA).score());
      assertThat(assessment.of(Cause.SCIATICA).evidence())
          .anySatisfy(e -> assertThat(e).endsWith("#" + half.linkId()));
    }
  }
}
