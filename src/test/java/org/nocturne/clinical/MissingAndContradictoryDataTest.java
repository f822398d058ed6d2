package org.nocturne.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nocturne.clinical.PatientFixture.TODAY;
import static org.nocturne.clinical.PatientFixture.patient;
import static org.nocturne.clinical.facts.Answers.Location.FOOT_TOES;

import org.junit.jupiter.api.Test;
import org.nocturne.clinical.conclusions.Cause;
import org.nocturne.clinical.conclusions.Likelihood;
import org.nocturne.clinical.conclusions.NextStep;
import org.nocturne.clinical.facts.Answers;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.facts.Measure;
import org.nocturne.clinical.facts.Side;
import org.nocturne.clinical.knowledge.Threshold;

/** What the model says when data is missing, old or contradictory. */
class MissingAndContradictoryDataTest {

  @Test
  void withoutAQuestionnaireEveryLikelihoodIsCappedAtModerate() {
    var assessment =
        patient()
            .age(75)
            .has(Disorder.PERIPHERAL_ARTERY_DISEASE)
            .has(Disorder.DIABETES)
            .abi(0.5, 0.6)
            .measured(Measure.TOE_BRACHIAL_INDEX, 0.4)
            .assess();

    assertThat(assessment.questionnaireAnswered()).isFalse();
    assertThat(assessment.causes())
        .allSatisfy(c -> assertThat(c.likelihood()).isNotEqualTo(Likelihood.HIGH));
    var pad = assessment.of(Cause.PERIPHERAL_ARTERY_DISEASE);
    assertThat(pad.likelihood()).isEqualTo(Likelihood.MODERATE);
    assertThat(pad.limits()).containsExactly(Scoring.NO_QUESTIONNAIRE);
    assertThat(pad.score())
        .isLessThan((int) PatientFixture.MODEL.knowledge().value(Threshold.LIKELIHOOD_HIGH_MIN));
    assertThat(assessment.gaps())
        .anySatisfy(gap -> assertThat(gap).contains("questionnaire would sharpen it"));
  }

  @Test
  void anEmptyRecordGivesSevenLowCausesAndSaysWhy() {
    var assessment = patient().age(null).assess();

    assertThat(assessment.causes())
        .hasSize(7)
        .allSatisfy(c -> assertThat(c.likelihood()).isEqualTo(Likelihood.LOW));
    assertThat(assessment.redFlags()).isEmpty();
    assertThat(assessment.nextSteps()).isEmpty();
    assertThat(assessment.advice()).isEmpty();
    assertThat(assessment.gaps())
        .anySatisfy(gap -> assertThat(gap).contains("No questionnaire"))
        .anySatisfy(gap -> assertThat(gap).contains("No birth date"))
        .anySatisfy(gap -> assertThat(gap).contains("No cause stands out"));
  }

  @Test
  void unreadableRecordSectionsAreNamed() {
    var assessment = patient().couldNotRead("observations").assess();

    assertThat(assessment.gaps())
        .anySatisfy(gap -> assertThat(gap).contains("observations could not be read"));
  }

  @Test
  void anAbiOlderThanTwelveMonthsIsNotUsedAndARepeatIsSuggested() {
    var assessment =
        patient()
            .age(70)
            .measured(Measure.ANKLE_BRACHIAL_INDEX, 0.6, Side.LEFT, TODAY.minusMonths(18))
            .answered(r -> r.location(FOOT_TOES).yes(Item.RELIEF_DANGLING, Item.WORSE_LYING_FLAT))
            .assess();

    var pad = assessment.of(Cause.PERIPHERAL_ARTERY_DISEASE);
    assertThat(pad.supporting()).noneSatisfy(f -> assertThat(f.text()).contains("ABI"));
    assertThat(assessment.step(NextStep.ANKLE_BRACHIAL_INDEX))
        .hasValueSatisfying(
            step ->
                assertThat(step.reason())
                    .contains("out of date")
                    .contains(TODAY.minusMonths(18).toString()));
    assertThat(assessment.gaps())
        .anySatisfy(gap -> assertThat(gap).contains("older than 12 months"));
  }

  @Test
  void theEvaluationDateDecidesWhatIsRecent() {
    var facts =
        patient()
            .measured(Measure.ANKLE_BRACHIAL_INDEX, 0.6, Side.LEFT, TODAY.minusMonths(6))
            .answered(r -> r.yes(Item.RELIEF_DANGLING))
            .facts();

    var now = PatientFixture.MODEL.assess(facts, TODAY).of(Cause.PERIPHERAL_ARTERY_DISEASE);
    var inAYear =
        PatientFixture.MODEL.assess(facts, TODAY.plusYears(1)).of(Cause.PERIPHERAL_ARTERY_DISEASE);

    assertThat(now.score()).isGreaterThan(inAYear.score());
  }

  @Test
  void contradictoryPositionalAnswersAreReportedAndCancelOut() {
    var assessment =
        patient().answered(r -> r.yes(Item.RELIEF_DANGLING, Item.RELIEF_ELEVATION)).assess();

    assertThat(assessment.gaps())
        .anySatisfy(gap -> assertThat(gap).contains("Contradictory answers"));
    assertThat(assessment.of(Cause.PERIPHERAL_ARTERY_DISEASE).likelihood())
        .isEqualTo(Likelihood.LOW);
    assertThat(assessment.of(Cause.VENOUS_INSUFFICIENCY).likelihood()).isEqualTo(Likelihood.LOW);
  }

  @Test
  void theSameFactsAlwaysGiveTheSameAssessment() {
    var facts =
        patient()
            .has(Disorder.DIABETES)
            .abi(0.8, 0.9)
            .answered(r -> r.yes(Item.RELIEF_DANGLING, Item.SLEEP_DISRUPTED))
            .facts();

    assertThat(PatientFixture.MODEL.assess(facts, TODAY))
        .isEqualTo(PatientFixture.MODEL.assess(facts, TODAY));
  }

  @Test
  void anUnansweredItemIsNeverReadAsNo() {
    var unanswered =
        patient()
            .has(Disorder.DIABETES)
            .answered(r -> r.character(Answers.PainCharacter.BURNING))
            .assess();

    assertThat(unanswered.of(Cause.PERIPHERAL_NEUROPATHY).supporting())
        .noneSatisfy(f -> assertThat(f.text()).contains("Not eased"));
  }
}
