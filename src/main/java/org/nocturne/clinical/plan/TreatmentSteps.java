package org.nocturne.clinical.plan;

import java.util.List;
import org.nocturne.clinical.conclusions.CauseAssessment;
import org.nocturne.clinical.conclusions.Likelihood;
import org.nocturne.clinical.conclusions.NextStep;
import org.nocturne.clinical.facts.DrugClass;
import org.nocturne.clinical.facts.Format;
import org.nocturne.clinical.facts.Interpretation;
import org.nocturne.clinical.facts.Measure;
import org.nocturne.clinical.facts.Sex;
import org.nocturne.clinical.knowledge.Threshold;
import org.nocturne.clinical.rules.Evaluation;

/**
 * Treatment a guideline expects once a diagnosis is shown or likely, checked against the record.
 */
final class TreatmentSteps {
  private TreatmentSteps() {}

  static void plan(
      Evaluation e, CauseAssessment arterialDisease, boolean limbThreatened, StepList steps) {
    arterial(e, arterialDisease, limbThreatened, steps);
    ironSource(e, steps);
  }

  /**
   * PAD shown or likely: the guideline's treatment, checked against the medication list (2024
   * ACC/AHA PAD): a statin and an antiplatelet unless already taken, stopping smoking, supervised
   * exercise (not with limb-threatening ischemia), foot care in diabetes.
   */
  private static void arterial(
      Evaluation e, CauseAssessment cause, boolean limbThreatened, StepList steps) {
    List<String> pad = e.arterialDiseaseEvidence();
    if (pad.isEmpty() && cause.likelihood() != Likelihood.HIGH) {
      return;
    }
    List<String> evidence = pad.isEmpty() ? cause.evidence() : pad;
    if (e.taking(DrugClass.STATIN).isEmpty()) {
      steps.add(NextStep.PAD_STATIN, "No statin on the medication list", evidence, false);
    }
    if (e.taking(DrugClass.ANTIPLATELET).isEmpty()) {
      steps.add(
          NextStep.PAD_ANTIPLATELET, "No antiplatelet on the medication list", evidence, false);
    }
    List<String> smoker = e.currentSmokerEvidence();
    if (!smoker.isEmpty()) {
      steps.add(NextStep.SMOKING_CESSATION, "Smokes now", smoker, false);
    }
    if (!limbThreatened) {
      steps.add(
          NextStep.SUPERVISED_EXERCISE, "Arterial disease without rest pain", evidence, false);
    }
    List<String> diabetes = e.diabetesEvidence();
    if (!diabetes.isEmpty()) {
      steps.add(NextStep.DIABETIC_FOOT_CARE, "Diabetes with arterial disease", diabetes, false);
    }
  }

  /**
   * Iron deficiency in a man or in a woman of post-menopausal age needs its source found, not only
   * iron (BSG 2021): gastrointestinal blood loss and malabsorption come first.
   */
  private static void ironSource(Evaluation e, StepList steps) {
    Integer age = e.facts().ageYears();
    boolean atRisk =
        e.facts().sex() == Sex.MALE || (age != null && age >= e.t(Threshold.IRON_WORKUP_AGE_MIN));
    if (!atRisk) {
      return;
    }
    e.results().recent(Measure.FERRITIN).stream()
        .filter(
            f ->
                f.interpretation() == Interpretation.LOW
                    || f.value() < e.t(Threshold.FERRITIN_IRON_DEFICIENCY_BELOW))
        .findFirst()
        .ifPresent(
            f ->
                steps.add(
                    NextStep.IRON_SOURCE_WORKUP,
                    "Iron deficiency in a man or a woman over "
                        + Format.number(e.t(Threshold.IRON_WORKUP_AGE_MIN)),
                    List.of(f.source()),
                    false));
  }
}
