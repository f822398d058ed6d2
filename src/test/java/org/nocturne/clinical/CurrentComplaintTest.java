package org.nocturne.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nocturne.clinical.PatientFixture.TODAY;
import static org.nocturne.clinical.PatientFixture.patient;

import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.nocturne.clinical.conclusions.RedFlag;
import org.nocturne.clinical.facts.ComplaintWindow;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.facts.Measure;
import org.nocturne.clinical.knowledge.Knowledge;

/** Contract, "When patient-view speaks": what makes a complaint current (issue 10 §1). */
class CurrentComplaintTest {

  @Test
  void aQuestionnaireAnsweredWithin30Days_isACurrentComplaint() {
    var complaint =
        patient().answeredOn(TODAY.minusDays(30), r -> r.painSeverity(5)).assess().complaint();

    assertThat(complaint.current()).isTrue();
    assertThat(complaint.questionnaireCurrent()).isTrue();
    assertThat(complaint.questionnaireDate()).isEqualTo(TODAY.minusDays(30));
  }

  @Test
  void aQuestionnaireAnswered31DaysAgo_isHistory_andRaisesNoRedFlag() {
    var assessment =
        patient()
            .answeredOn(
                TODAY.minusDays(31),
                r -> r.yes(Item.FEVER, Item.SADDLE_NUMBNESS, Item.COLD_PALE_LEG, Item.SUDDEN_ONSET))
            .assess();

    assertThat(assessment.complaint().current()).isFalse();
    assertThat(assessment.complaint().questionnaireOutOfDate()).isTrue();
    assertThat(assessment.redFlags()).isEmpty();
    assertThat(assessment.questionnaireAnswered()).isFalse();
    assertThat(assessment.gaps()).anyMatch(gap -> gap.contains("too old to use"));
  }

  @Test
  void theSameAnswers29DaysAgo_raiseTheirRedFlags() {
    var assessment = patient().answeredOn(TODAY.minusDays(29), r -> r.yes(Item.FEVER)).assess();

    assertThat(assessment.flag(RedFlag.INFECTION_OR_MALIGNANCY)).isPresent();
  }

  @Test
  void anUndatedQuestionnaire_isNotCurrent() {
    var complaint = patient().answeredOn(null, r -> r.painSeverity(5)).assess().complaint();

    assertThat(complaint.current()).isFalse();
    assertThat(complaint.questionnaireOnRecord()).isTrue();
  }

  @Test
  void aLegPainDiagnosisRecordedWithin90Days_isCurrent_evenWithAnOldOnset() {
    var complaint =
        patient()
            .complaintOnRecord(LocalDate.of(2015, 3, 1), TODAY.minusDays(90))
            .assess()
            .complaint();

    assertThat(complaint.current()).isTrue();
    assertThat(complaint.evidence()).containsExactly("Condition/leg-pain-0");
  }

  @Test
  void aLegPainDiagnosisOlderThan90DaysOrUndated_isNotCurrent() {
    assertThat(
            patient()
                .complaintOnRecord(TODAY.minusDays(91), TODAY.minusDays(91))
                .assess()
                .complaint()
                .current())
        .isFalse();
    assertThat(patient().complaintOnRecord(null, null).assess().complaint().current()).isFalse();
  }

  @Test
  void aDiabeticSeenForARoutineVisit_hasNoCurrentComplaint() {
    var assessment = patient().has(Disorder.DIABETES).measured(Measure.HBA1C, 8.1).assess();

    assertThat(assessment.complaint().current()).isFalse();
  }

  @Test
  void theWindowsAreConfigurable() {
    var model =
        new CauseModel(Knowledge.load(), new ComplaintWindow(Period.ofDays(7), Period.ofDays(14)));
    var facts =
        patient()
            .answeredOn(TODAY.minusDays(10), r -> r.painSeverity(5))
            .complaintOnRecord(null, TODAY.minusDays(15))
            .facts();

    assertThat(model.assess(facts, TODAY).complaint().current()).isFalse();
  }

  @Test
  void under18OnTheEvaluationDate_isNotAnAdult_and18Is() {
    assertThat(patient().age(17).answered(r -> r).assess().complaint().adult()).isFalse();
    assertThat(patient().age(18).answered(r -> r).assess().complaint().adult()).isTrue();
    assertThat(patient().age(null).answered(r -> r).assess().complaint().adult())
        .as("an unknown age is not assumed to be a child")
        .isTrue();
  }
}
