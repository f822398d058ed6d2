package org.nocturne.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nocturne.clinical.PatientFixture.patient;
import static org.nocturne.clinical.facts.Answers.EpisodeDuration.CONSTANT;
import static org.nocturne.clinical.facts.Answers.EpisodeDuration.UNDER_10_MINUTES;
import static org.nocturne.clinical.facts.Answers.Laterality.BOTH;
import static org.nocturne.clinical.facts.Answers.Laterality.LEFT;
import static org.nocturne.clinical.facts.Answers.Location.CALF;
import static org.nocturne.clinical.facts.Answers.Location.FOOT_TOES;
import static org.nocturne.clinical.facts.Answers.Location.KNEE_OR_HIP_JOINT;
import static org.nocturne.clinical.facts.Answers.Location.RADIATES_FROM_BACK_OR_BUTTOCK;
import static org.nocturne.clinical.facts.Answers.PainCharacter.ACHING_HEAVINESS;
import static org.nocturne.clinical.facts.Answers.PainCharacter.BURNING;
import static org.nocturne.clinical.facts.Answers.PainCharacter.CRAMP_HARD_MUSCLE;
import static org.nocturne.clinical.facts.Answers.PainCharacter.CRAWLING_CREEPING;
import static org.nocturne.clinical.facts.Answers.PainCharacter.JOINT_PAIN_STIFFNESS;
import static org.nocturne.clinical.facts.Answers.PainCharacter.NUMBNESS;
import static org.nocturne.clinical.facts.Answers.PainCharacter.SHOOTING_ELECTRIC;
import static org.nocturne.clinical.facts.Answers.PainCharacter.TINGLING;
import static org.nocturne.clinical.facts.Answers.PainCharacter.URGE_TO_MOVE;

import org.junit.jupiter.api.Test;
import org.nocturne.clinical.conclusions.Cause;
import org.nocturne.clinical.conclusions.CauseAssessment;
import org.nocturne.clinical.conclusions.Likelihood;
import org.nocturne.clinical.facts.Answers;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.Item;

/** Each cause in its textbook form ranks first and high, with its evidence. */
class ClassicPresentationsTest {

  @Test
  void hardCalfMuscleEndedByStretching_isLegCrampsHigh() {
    var assessment =
        patient()
            .answered(
                r ->
                    r.character(CRAMP_HARD_MUSCLE)
                        .location(CALF)
                        .episodeDuration(UNDER_10_MINUTES)
                        .yes(Item.RELIEF_STRETCHING))
            .assess();

    assertThat(assessment.leading().cause()).isEqualTo(Cause.LEG_CRAMPS);
    assertThat(assessment.leading().likelihood()).isEqualTo(Likelihood.HIGH);
    assertThat(assessment.leading().evidence())
        .contains(
            "QuestionnaireResponse/qr1#relief-stretching", "QuestionnaireResponse/qr1#character");
  }

  @Test
  void eveningUrgeToMoveEasedByWalking_isRestlessLegsHigh() {
    var assessment =
        patient()
            .answered(
                r ->
                    r.character(URGE_TO_MOVE, CRAWLING_CREEPING)
                        .laterality(BOTH)
                        .yes(
                            Item.WORSE_EVENING_AT_REST,
                            Item.RELIEF_MOVING,
                            Item.FAMILY_HISTORY_RLS))
            .assess();

    assertThat(assessment.leading().cause()).isEqualTo(Cause.RESTLESS_LEGS);
    assertThat(assessment.leading().likelihood()).isEqualTo(Likelihood.HIGH);
  }

  @Test
  void backPainShootingBelowTheKneeWorseSitting_isSciaticaHigh() {
    var assessment =
        patient()
            .answered(
                r ->
                    r.character(SHOOTING_ELECTRIC)
                        .location(RADIATES_FROM_BACK_OR_BUTTOCK)
                        .laterality(LEFT)
                        .yes(Item.WORSE_SITTING_BENDING_COUGHING))
            .assess();

    assertThat(assessment.leading().cause()).isEqualTo(Cause.SCIATICA);
    assertThat(assessment.leading().likelihood()).isEqualTo(Likelihood.HIGH);
  }

  @Test
  void burningNumbFeetInADiabetic_isNeuropathyHigh() {
    var assessment =
        patient()
            .has(Disorder.DIABETES)
            .answered(
                r ->
                    r.character(BURNING, TINGLING, NUMBNESS)
                        .location(FOOT_TOES)
                        .laterality(BOTH)
                        .episodeDuration(CONSTANT)
                        .no(Item.RELIEF_MOVING, Item.RELIEF_DANGLING, Item.RELIEF_ELEVATION))
            .assess();

    assertThat(assessment.leading().cause()).isEqualTo(Cause.PERIPHERAL_NEUROPATHY);
    assertThat(assessment.leading().likelihood()).isEqualTo(Likelihood.HIGH);
    assertThat(assessment.leading().evidence()).contains("Condition/diabetes");
  }

  @Test
  void stiffPainfulKneeWithOsteoarthritis_isArthritisHigh() {
    var assessment =
        patient()
            .has(Disorder.OSTEOARTHRITIS)
            .answered(r -> r.character(JOINT_PAIN_STIFFNESS).location(KNEE_OR_HIP_JOINT))
            .assess();

    assertThat(assessment.leading().cause()).isEqualTo(Cause.ARTHRITIS);
    assertThat(assessment.leading().likelihood()).isEqualTo(Likelihood.HIGH);
  }

  @Test
  void danglingReliefWithLowAbi_ranksArterialDiseaseFirst() {
    var assessment =
        patient()
            .age(72)
            .abi(0.58, 0.86)
            .answered(
                r ->
                    r.location(FOOT_TOES)
                        .laterality(LEFT)
                        .yes(Item.RELIEF_DANGLING, Item.WORSE_LYING_FLAT))
            .assess();

    var pad = assessment.leading();
    assertThat(pad.cause()).isEqualTo(Cause.PERIPHERAL_ARTERY_DISEASE);
    assertThat(pad.likelihood()).isEqualTo(Likelihood.HIGH);
    assertThat(pad.supporting())
        .anySatisfy(f -> assertThat(f.text()).contains("ABI 0.58 left").contains("≤0.90"));
    assertThat(pad.evidence())
        .contains(
            "Observation/ankle-brachial-index-left", "QuestionnaireResponse/qr1#relief-dangling");
  }

  @Test
  void heavyLegsAfterStandingEasedByRaising_isVenousInsufficiencyHigh() {
    var assessment =
        patient()
            .has(Disorder.VENOUS_INSUFFICIENCY)
            .answered(
                r ->
                    r.character(ACHING_HEAVINESS)
                        .swelling(Answers.Swelling.BOTH_LEGS)
                        .yes(Item.WORSE_AFTER_STANDING, Item.RELIEF_ELEVATION))
            .assess();

    assertThat(assessment.leading().cause()).isEqualTo(Cause.VENOUS_INSUFFICIENCY);
    assertThat(assessment.leading().likelihood()).isEqualTo(Likelihood.HIGH);
  }

  @Test
  void everyFindingNamesItsBasisAndAllSevenCausesAreRanked() {
    var assessment =
        patient()
            .has(Disorder.DIABETES)
            .abi(0.7, 0.9)
            .answered(r -> r.character(BURNING).yes(Item.RELIEF_DANGLING))
            .assess();

    assertThat(assessment.causes())
        .extracting(CauseAssessment::cause)
        .containsExactlyInAnyOrder(Cause.values());
    assertThat(assessment.causes())
        .isSortedAccordingTo((a, b) -> Integer.compare(b.score(), a.score()));
    assertThat(assessment.causes())
        .flatExtracting(CauseAssessment::findings)
        .allSatisfy(f -> assertThat(f.basis()).isNotBlank());
  }
}
