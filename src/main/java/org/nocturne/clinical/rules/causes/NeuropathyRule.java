package org.nocturne.clinical.rules.causes;

import static org.nocturne.clinical.facts.Answers.Location.FOOT_TOES;
import static org.nocturne.clinical.facts.Answers.PainCharacter.BURNING;
import static org.nocturne.clinical.facts.Answers.PainCharacter.NUMBNESS;
import static org.nocturne.clinical.facts.Answers.PainCharacter.TINGLING;

import java.util.List;
import java.util.stream.Stream;
import org.nocturne.clinical.conclusions.Cause;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.facts.Answers;
import org.nocturne.clinical.facts.Diagnosis;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.DrugClass;
import org.nocturne.clinical.facts.Format;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.facts.Measure;
import org.nocturne.clinical.knowledge.Threshold;
import org.nocturne.clinical.rules.Evaluation;

/**
 * Peripheral neuropathy: burning, tingling or numbness in both feet, not positional, with its
 * causes (diabetes, B12 deficiency, kidney disease).
 */
final class NeuropathyRule implements CauseRule {
  private static final String QUALITY =
      "Medscape RLS differential; seed article: neuropathy burns, tingles or numbs, worse at rest [V]";
  private static final String PATTERN =
      "Clinical reference §3.3: stocking distribution, bilateral and symmetric; unilateral suggests a vascular cause [V]";
  private static final String NOT_POSITIONAL =
      "Medscape RLS differential: neuropathy is not relieved by movement or position [V]";
  private static final String ALCOHOL =
      "NICE CG100 (alcohol-use disorders, physical complications): thiamine for harmful or dependent drinkers; alcohol causes a length-dependent sensory neuropathy [M]";
  private static final String CAUSES =
      "Clinical reference §3.3: diabetes, B12 deficiency and CKD cause neuropathy [V]";

  @Override
  public Cause cause() {
    return Cause.PERIPHERAL_NEUROPATHY;
  }

  @Override
  public List<Finding> findings(Evaluation e) {
    Findings f = new Findings();
    e.report()
        .ifPresent(
            r -> {
              List<String> qualities =
                  Stream.of(BURNING, TINGLING, NUMBNESS).filter(r::has).map(q -> q.code()).toList();
              f.when(
                  !qualities.isEmpty(),
                  3,
                  "Described as " + String.join(", ", qualities),
                  QUALITY,
                  r.evidence(Item.CHARACTER));
              f.when(
                  r.laterality() == Answers.Laterality.BOTH,
                  2,
                  "Both legs",
                  PATTERN,
                  r.evidence(Item.LATERALITY));
              f.when(
                  r.laterality() != null && r.laterality().oneLeg(),
                  -2,
                  "One leg only",
                  PATTERN,
                  r.evidence(Item.LATERALITY));
              f.when(
                  r.has(FOOT_TOES), 1, "In the feet or toes", PATTERN, r.evidence(Item.LOCATION));
              f.when(
                  r.no(Item.RELIEF_MOVING)
                      && r.no(Item.RELIEF_DANGLING)
                      && r.no(Item.RELIEF_ELEVATION),
                  2,
                  "Not eased by moving or by any position",
                  NOT_POSITIONAL,
                  List.of(
                      r.evidence(Item.RELIEF_MOVING),
                      r.evidence(Item.RELIEF_DANGLING),
                      r.evidence(Item.RELIEF_ELEVATION)));
              f.when(
                  r.yes(Item.RELIEF_MOVING),
                  -1,
                  "Eased by moving",
                  NOT_POSITIONAL,
                  r.evidence(Item.RELIEF_MOVING));
              f.when(
                  r.yes(Item.RELIEF_DANGLING),
                  -2,
                  "Eased by hanging the legs down (points to ischemia)",
                  NOT_POSITIONAL,
                  r.evidence(Item.RELIEF_DANGLING));
            });
    f.whenEvidence(
        e.diagnosisEvidence(Disorder.DIABETIC_NEUROPATHY, Disorder.OTHER_NEUROPATHY),
        4,
        "Neuropathy on the problem list",
        Findings.RECORDED_DIAGNOSIS);
    f.whenEvidence(e.diabetesEvidence(), 2, "Diabetes", CAUSES);
    f.forEach(
        e.taking(DrugClass.NEUROTOXIC_CHEMOTHERAPY),
        4,
        "On neurotoxic chemotherapy: ",
        "ASCO 2020 CIPN guideline (Loprinzi, J Clin Oncol 2020): platinum, taxanes, vinca alkaloids, bortezomib");
    double b12Max = e.t(Threshold.B12_DEFICIENT_BELOW);
    e.results()
        .lowRecent(Measure.VITAMIN_B12, Threshold.B12_DEFICIENT_BELOW)
        .ifPresent(
            b12 ->
                f.when(
                    true,
                    2,
                    "Vitamin B12 "
                        + Format.value(b12)
                        + " pg/mL (low; typical cut-off <"
                        + Format.number(b12Max)
                        + ")",
                    e.basis(Threshold.B12_DEFICIENT_BELOW),
                    b12.source()));
    f.whenEvidence(e.kidneyDiseaseEvidence(), 1, "Chronic kidney disease", CAUSES);
    // the record's words for the symptoms, and alcohol with the results that go with it
    f.whenEvidence(
        e.recentDiagnoses(Disorder.SENSORY_SYMPTOMS).stream().map(Diagnosis::source).toList(),
        2,
        "Numbness, tingling or burning recorded",
        QUALITY);
    f.whenEvidence(
        e.diagnosisEvidence(Disorder.ALCOHOL_MISUSE),
        2,
        "Alcohol misuse on record: alcohol-related neuropathy (advise cutting down; thiamine and"
            + " folate replacement)",
        ALCOHOL);
    f.whenResult(
        e.results().lowRecent(Measure.FOLATE, Threshold.FOLATE_DEFICIENT_BELOW),
        1,
        "Folate",
        ": low, replace folic acid",
        e.basis(Threshold.FOLATE_DEFICIENT_BELOW));
    f.whenResult(
        e.results().highRecent(Measure.TSH, Threshold.TSH_HIGH_ABOVE),
        1,
        "TSH",
        ", high: hypothyroidism causes neuropathy",
        e.basis(Threshold.TSH_HIGH_ABOVE));
    f.whenResult(
        e.results().highRecent(Measure.MEAN_CORPUSCULAR_VOLUME, Threshold.MCV_MACROCYTOSIS_ABOVE),
        1,
        "MCV",
        ": macrocytosis",
        e.basis(Threshold.MCV_MACROCYTOSIS_ABOVE));
    f.whenEvidence(
        e.complaintDiagnosisEvidence(Disorder.DIABETIC_NEUROPATHY, Disorder.OTHER_NEUROPATHY),
        Findings.CURRENT_COMPLAINT_POINTS,
        "Diagnosed as the current leg complaint",
        Findings.CURRENT_COMPLAINT);
    return f.list();
  }
}
