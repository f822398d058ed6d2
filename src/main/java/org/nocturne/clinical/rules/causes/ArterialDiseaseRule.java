package org.nocturne.clinical.rules.causes;

import static org.nocturne.clinical.facts.Answers.Location.FOOT_TOES;
import static org.nocturne.clinical.facts.Answers.SkinChange.PALE_OR_BLUE;
import static org.nocturne.clinical.facts.Answers.SkinChange.SHINY_HAIRLESS;

import java.util.List;
import java.util.Optional;
import org.nocturne.clinical.conclusions.Cause;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.Format;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.facts.Measure;
import org.nocturne.clinical.facts.Measurement;
import org.nocturne.clinical.knowledge.Threshold;
import org.nocturne.clinical.rules.Evaluation;

/**
 * Peripheral artery disease with ischemic rest pain: dependency relief, worse lying flat, the ABI
 * and TBI bands of the ACC/AHA guidelines, and the risk profile.
 */
final class ArterialDiseaseRule implements CauseRule {
  private static final String REST_PAIN =
      "Ischemic rest pain: worse lying flat or elevated, relieved by dependency (JAMA Arch Surg 1969;98:187) [V]";
  private static final String ECQ =
      "Edinburgh Claudication Questionnaire (Leng & Fowkes 1992): calf pain on walking, eased standing still [V]";
  private static final String SIGNS =
      "Clinical reference §3.3: pallor, hair loss and shiny skin in arterial disease [V]";
  private static final String RISK =
      "2024 ACC/AHA PAD guideline: diabetes is a major risk factor [V]";

  @Override
  public Cause cause() {
    return Cause.PERIPHERAL_ARTERY_DISEASE;
  }

  @Override
  public List<Finding> findings(Evaluation e) {
    Findings f = new Findings();
    e.report()
        .ifPresent(
            r -> {
              f.when(
                  r.yes(Item.RELIEF_DANGLING),
                  4,
                  "Eased by hanging the legs down",
                  REST_PAIN,
                  r.evidence(Item.RELIEF_DANGLING));
              // Lying flat worsens many pains (reflux, back, restless legs): it counts as rest
              // pain only with relief by dependency, the pattern that defines it.
              f.when(
                  r.yes(Item.WORSE_LYING_FLAT) && r.yes(Item.RELIEF_DANGLING),
                  2,
                  "Worse lying flat",
                  REST_PAIN,
                  r.evidence(Item.WORSE_LYING_FLAT));
              f.when(
                  r.has(FOOT_TOES), 1, "In the foot or toes", REST_PAIN, r.evidence(Item.LOCATION));
              f.when(
                  r.yes(Item.RELIEF_ELEVATION),
                  -3,
                  "Eased by raising the legs (ischemic pain worsens)",
                  REST_PAIN,
                  r.evidence(Item.RELIEF_ELEVATION));
              f.when(
                  r.yes(Item.EXERTIONAL_CALF_PAIN),
                  2,
                  "Calf pain on walking, eased by standing still",
                  ECQ,
                  r.evidence(Item.EXERTIONAL_CALF_PAIN));
              f.when(
                  r.has(SHINY_HAIRLESS) || r.has(PALE_OR_BLUE),
                  1,
                  "Pale, or shiny hairless skin",
                  SIGNS,
                  r.evidence(Item.SKIN_CHANGES));
            });
    anklebrachialIndex(e, f);
    toeBrachialIndex(e, f);
    f.whenEvidence(
        e.diagnosisEvidence(Disorder.PERIPHERAL_ARTERY_DISEASE, Disorder.LIMB_THREATENING_ISCHEMIA),
        3,
        "Arterial disease on the problem list",
        Findings.RECORDED_DIAGNOSIS);
    List<String> arterial = e.arterialDiseaseNotExcludedEvidence();
    f.whenEvidence(
        arterial.isEmpty() ? List.of() : e.diagnosisEvidence(Disorder.TISSUE_LOSS),
        3,
        "Tissue loss on record (ulcer or gangrene) with arterial disease not excluded",
        e.basis(Threshold.CLTI_REST_PAIN_MIN_WEEKS));
    e.results()
        .lowestRecent(Measure.TOE_PRESSURE)
        .filter(tp -> tp.value() < e.t(Threshold.TOE_PRESSURE_CLTI_BELOW))
        .ifPresent(
            tp ->
                f.when(
                    true,
                    3,
                    "Toe pressure "
                        + Format.value(tp, " mmHg")
                        + " (<"
                        + Format.number(e.t(Threshold.TOE_PRESSURE_CLTI_BELOW))
                        + ")",
                    e.basis(Threshold.TOE_PRESSURE_CLTI_BELOW),
                    tp.source()));
    f.whenEvidence(e.diabetesEvidence(), 1, "Diabetes", RISK);
    Integer age = e.facts().ageYears();
    f.when(
        age != null && age >= e.t(Threshold.PAD_RISK_AGE_MIN),
        1,
        "Age " + age + " (≥" + Format.number(e.t(Threshold.PAD_RISK_AGE_MIN)) + ")",
        e.basis(Threshold.PAD_RISK_AGE_MIN),
        e.facts().patient());
    f.whenEvidence(
        e.complaintDiagnosisEvidence(
            Disorder.PERIPHERAL_ARTERY_DISEASE, Disorder.LIMB_THREATENING_ISCHEMIA),
        Findings.CURRENT_COMPLAINT_POINTS,
        "Diagnosed as the current leg complaint",
        Findings.CURRENT_COMPLAINT);
    return f.list();
  }

  private static void anklebrachialIndex(Evaluation e, Findings f) {
    List<Measurement> recent = e.results().recent(Measure.ANKLE_BRACHIAL_INDEX);
    Optional<Measurement> lowest = e.results().lowestRecent(Measure.ANKLE_BRACHIAL_INDEX);
    if (lowest.isEmpty()) {
      return;
    }
    double abnormalMax = e.t(Threshold.ABI_ABNORMAL_MAX);
    double normalMin = e.t(Threshold.ABI_NORMAL_MIN);
    double noncompressible = e.t(Threshold.ABI_NONCOMPRESSIBLE_ABOVE);
    Measurement abi = lowest.get();
    List<String> abnormal =
        recent.stream().filter(m -> m.value() <= abnormalMax).map(Measurement::source).toList();
    f.whenEvidence(
        abnormal,
        5,
        "ABI " + Format.value(abi) + " (≤" + Format.number(abnormalMax) + " abnormal)",
        e.basis(Threshold.ABI_ABNORMAL_MAX));
    f.when(
        abi.value() > abnormalMax && abi.value() < normalMin,
        1,
        "ABI " + Format.value(abi) + " (borderline)",
        e.basis(Threshold.ABI_NORMAL_MIN),
        abi.source());
    boolean allNormal =
        recent.stream().allMatch(m -> m.value() >= normalMin && m.value() <= noncompressible);
    boolean tbiAbnormal =
        e.results()
            .lowestRecent(Measure.TOE_BRACHIAL_INDEX)
            .filter(t -> t.value() <= e.t(Threshold.TBI_ABNORMAL_MAX))
            .isPresent();
    f.when(
        allNormal && !tbiAbnormal,
        -3,
        "ABI normal (" + Format.number(normalMin) + "–" + Format.number(noncompressible) + ")",
        e.basis(Threshold.ABI_NORMAL_MIN),
        recent.stream().map(Measurement::source).toList());
  }

  private static void toeBrachialIndex(Evaluation e, Findings f) {
    double max = e.t(Threshold.TBI_ABNORMAL_MAX);
    e.results()
        .lowestRecent(Measure.TOE_BRACHIAL_INDEX)
        .ifPresent(
            tbi -> {
              f.when(
                  tbi.value() <= max,
                  5,
                  "TBI " + Format.value(tbi) + " (≤" + Format.number(max) + " abnormal)",
                  e.basis(Threshold.TBI_ABNORMAL_MAX),
                  tbi.source());
              f.when(
                  tbi.value() > max,
                  -2,
                  "TBI " + Format.value(tbi) + " (normal)",
                  e.basis(Threshold.TBI_ABNORMAL_MAX),
                  tbi.source());
            });
  }
}
