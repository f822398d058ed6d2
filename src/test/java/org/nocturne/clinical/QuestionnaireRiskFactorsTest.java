package org.nocturne.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nocturne.clinical.PatientFixture.patient;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.conclusions.FlagGuidance;
import org.nocturne.clinical.conclusions.NextStep;
import org.nocturne.clinical.conclusions.RaisedFlag;
import org.nocturne.clinical.conclusions.RedFlag;
import org.nocturne.clinical.conclusions.Urgency;
import org.nocturne.clinical.facts.Answers;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.facts.SymptomReport;

/**
 * The risk factors the questionnaire asks since 1.1.0 reach the DVT rule: long travel, a clot
 * remembered by the patient, an oestrogen medicine, pregnancy or a recent birth. "Not sure" and
 * "no" add nothing.
 */
class QuestionnaireRiskFactorsTest {
  private static RaisedFlag dvt(Assessment assessment) {
    return assessment.flag(RedFlag.DEEP_VEIN_THROMBOSIS).orElseThrow();
  }

  private static List<String> texts(RaisedFlag flag) {
    return flag.findings().stream().map(Finding::text).toList();
  }

  @Test
  void theLongTravelAnswerIsTheRecentLongTravelFact() {
    var report = SymptomReport.builder("QuestionnaireResponse/q").yes(Item.LONG_TRAVEL).build();

    assertThat(report.recentLongTravel()).isTrue();
    assertThat(SymptomReport.builder("q").build().recentLongTravel()).isNull();
    assertThat(
            texts(
                dvt(
                    patient()
                        .answered(r -> r.swelling(Answers.Swelling.ONE_LEG).yes(Item.LONG_TRAVEL))
                        .assess())))
        .contains("Long travel in the last 4 weeks");
  }

  @Test
  void aClotThePatientRemembersScoresAsPreviousDvtWhenTheRecordHasNone() {
    var remembered =
        patient()
            .answered(r -> r.swelling(Answers.Swelling.ONE_LEG).yes(Item.PREVIOUS_CLOT))
            .assess();
    var unsure =
        patient()
            .answered(r -> r.swelling(Answers.Swelling.ONE_LEG).unsure(Item.PREVIOUS_CLOT))
            .assess();

    assertThat(texts(dvt(remembered))).contains("Previous clot in a leg or lung (patient reports)");
    assertThat(dvt(remembered).urgency()).isEqualTo(Urgency.CRITICAL);
    assertThat(texts(dvt(unsure))).noneMatch(text -> text.contains("Previous"));
    assertThat(dvt(unsure).urgency()).isEqualTo(Urgency.WARNING);
  }

  @Test
  void anOestrogenMedicineThePatientReportsIsNamed() {
    var reported =
        patient()
            .answered(r -> r.swelling(Answers.Swelling.ONE_LEG).yes(Item.OESTROGEN_MEDICINE))
            .assess();

    assertThat(texts(dvt(reported))).contains("Oestrogen-containing medicine (patient reports)");
    assertThat(
            texts(
                dvt(
                    patient()
                        .answered(
                            r -> r.swelling(Answers.Swelling.ONE_LEG).no(Item.OESTROGEN_MEDICINE))
                        .assess())))
        .noneMatch(text -> text.contains("Oestrogen"));
  }

  @Test
  void pregnancyOrARecentBirthThePatientReportsMakesItTheDvtInPregnancyPath() {
    var reported =
        patient()
            .answered(r -> r.swelling(Answers.Swelling.ONE_LEG).yes(Item.PREGNANT_OR_RECENT_BIRTH))
            .assess();

    assertThat(dvt(reported).guidance()).isEqualTo(FlagGuidance.DVT_IN_PREGNANCY);
    assertThat(dvt(reported).urgency()).isEqualTo(Urgency.CRITICAL);
  }

  @Test
  void aPatientWhoSaysTheySmokeGetsTheStopSmokingStepWithArterialDisease() {
    var smoker =
        patient()
            .abi(0.72, 0.8)
            .answered(r -> r.yes(Item.EXERTIONAL_CALF_PAIN).smoking(Answers.Smoking.CURRENT))
            .assess();
    var former =
        patient()
            .abi(0.72, 0.8)
            .answered(r -> r.yes(Item.EXERTIONAL_CALF_PAIN).smoking(Answers.Smoking.FORMER))
            .assess();

    assertThat(smoker.step(NextStep.SMOKING_CESSATION)).isPresent();
    assertThat(former.step(NextStep.SMOKING_CESSATION)).isEmpty();
  }
}
