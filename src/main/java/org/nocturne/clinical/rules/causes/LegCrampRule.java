package org.nocturne.clinical.rules.causes;

import static org.nocturne.clinical.facts.Answers.EpisodeDuration.CONSTANT;
import static org.nocturne.clinical.facts.Answers.EpisodeDuration.HOURS;
import static org.nocturne.clinical.facts.Answers.EpisodeDuration.UNDER_10_MINUTES;
import static org.nocturne.clinical.facts.Answers.Location.CALF;
import static org.nocturne.clinical.facts.Answers.Location.FOOT_TOES;
import static org.nocturne.clinical.facts.Answers.PainCharacter.CRAMP_HARD_MUSCLE;
import static org.nocturne.clinical.facts.Answers.PainCharacter.URGE_TO_MOVE;

import java.util.List;
import org.nocturne.clinical.conclusions.Cause;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.DrugClass;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.facts.Measure;
import org.nocturne.clinical.knowledge.Threshold;
import org.nocturne.clinical.rules.Evaluation;

/** Nocturnal leg cramps: ICSD-3 criteria, Hallegraeff's characteristics, drugs and associations. */
final class LegCrampRule implements CauseRule {
  private static final String ICSD3_A =
      "ICSD-3 sleep-related leg cramps, criterion A (sudden involuntary muscle hardness) [V]";
  private static final String ICSD3_C =
      "ICSD-3 sleep-related leg cramps, criterion C (relieved by forceful stretching) [V]";
  private static final String HALLEGRAEFF =
      "Hallegraeff et al., BMC Fam Pract 2017: seconds to ≤10 min, calf or foot [V]";
  private static final String NICE =
      "NICE CKS Leg cramps: an urge to move suggests restless legs [V]";
  private static final String GARRISON =
      "Garrison et al., Arch Intern Med 2012: linked to starting cramp treatment [V]";
  private static final String GARRISON_STATIN =
      "Garrison et al., Arch Intern Med 2012: statins, a small effect [V]";
  private static final String AAFP =
      "Allen & Kirby, Am Fam Physician 2012: associated with hemodialysis and pregnancy [V]";

  @Override
  public Cause cause() {
    return Cause.LEG_CRAMPS;
  }

  @Override
  public List<Finding> findings(Evaluation e) {
    Findings f = new Findings();
    e.report()
        .ifPresent(
            r -> {
              f.when(
                  r.has(CRAMP_HARD_MUSCLE),
                  4,
                  "Sudden hard, painful muscle (a cramp)",
                  ICSD3_A,
                  r.evidence(Item.CHARACTER));
              f.when(
                  r.yes(Item.RELIEF_STRETCHING),
                  4,
                  "Forceful stretching ends it",
                  ICSD3_C,
                  r.evidence(Item.RELIEF_STRETCHING));
              f.when(
                  r.no(Item.RELIEF_STRETCHING),
                  -2,
                  "Stretching does not end it",
                  ICSD3_C,
                  r.evidence(Item.RELIEF_STRETCHING));
              f.when(
                  r.episodeDuration() == UNDER_10_MINUTES,
                  2,
                  "Episodes last under 10 minutes",
                  HALLEGRAEFF,
                  r.evidence(Item.EPISODE_DURATION));
              f.when(
                  r.episodeDuration() == HOURS || r.episodeDuration() == CONSTANT,
                  -2,
                  "Pain lasts hours or is constant, longer than a cramp",
                  HALLEGRAEFF,
                  r.evidence(Item.EPISODE_DURATION));
              f.when(
                  r.has(CALF) || r.has(FOOT_TOES),
                  1,
                  "In the calf or foot",
                  HALLEGRAEFF,
                  r.evidence(Item.LOCATION));
              f.when(
                  r.has(URGE_TO_MOVE) && !r.has(CRAMP_HARD_MUSCLE),
                  -2,
                  "An urge to move without a hard muscle",
                  NICE,
                  r.evidence(Item.CHARACTER));
            });
    f.whenEvidence(
        e.diagnosisEvidence(Disorder.LEG_CRAMPS),
        3,
        "Leg cramps on the problem list",
        Findings.RECORDED_DIAGNOSIS);
    f.forEach(e.taking(DrugClass.CRAMP_INDUCING), 2, "Takes a cramp-associated drug: ", GARRISON);
    f.forEach(e.taking(DrugClass.STATIN), 1, "Takes a statin (weak link): ", GARRISON_STATIN);
    f.whenEvidence(e.kidneyDiseaseEvidence(), 1, "Chronic kidney disease", AAFP);
    f.whenEvidence(e.diagnosisEvidence(Disorder.DIALYSIS), 2, "On dialysis", AAFP);
    // a low electrolyte within a year is a secondary cause (NICE CKS Leg cramps)
    lowElectrolyte(f, e, "Magnesium", Measure.MAGNESIUM, Threshold.MAGNESIUM_LOW_BELOW);
    lowElectrolyte(f, e, "Potassium", Measure.POTASSIUM, Threshold.POTASSIUM_LOW_BELOW);
    lowElectrolyte(f, e, "Calcium", Measure.CALCIUM, Threshold.CALCIUM_LOW_BELOW);
    f.whenEvidence(e.diagnosisEvidence(Disorder.PREGNANCY), 1, "Pregnancy", AAFP);
    f.whenResult(
        e.results().highRecent(Measure.TSH, Threshold.TSH_HIGH_ABOVE),
        1,
        "TSH",
        ", high: hypothyroidism causes cramps",
        e.basis(Threshold.TSH_HIGH_ABOVE));
    f.whenEvidence(
        e.complaintDiagnosisEvidence(Disorder.LEG_CRAMPS),
        Findings.CURRENT_COMPLAINT_POINTS,
        "Diagnosed as the current leg complaint",
        Findings.CURRENT_COMPLAINT);
    return f.list();
  }

  private static void lowElectrolyte(
      Findings f, Evaluation e, String name, Measure measure, Threshold below) {
    f.whenResult(e.results().lowRecent(measure, below), 1, name, ", low", e.basis(below));
  }
}
