package org.nocturne.clinical;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chronic limb-threatening ischemia: rest pain with severe haemodynamics (ABI, ankle or toe
 * pressure), or a non-healing sore with arterial disease.
 */
final class LimbThreateningIschemiaRule implements RedFlagRule {
  private static final String REST_PAIN = "Ischemic rest pain (JAMA Arch Surg 1969;98:187) [V]";
  private static final String TISSUE_LOSS =
      "CLTI: tissue loss with objective arterial disease (clinical reference §3.5) [V]";

  @Override
  public RedFlag flag() {
    return RedFlag.CHRONIC_LIMB_THREATENING_ISCHEMIA;
  }

  @Override
  public Optional<RaisedFlag> check(Evaluation e) {
    List<Finding> severe = severeHaemodynamics(e);
    Optional<SymptomReport> report = e.report();
    boolean restPain =
        report.map(r -> r.yes(Item.RELIEF_DANGLING) || r.yes(Item.WORSE_LYING_FLAT)).orElse(false);
    boolean sore = report.map(r -> r.has(Answers.SkinChange.NON_HEALING_SORE)).orElse(false);
    List<String> arterial = e.arterialDiseaseEvidence();
    List<String> recordedClti = e.diagnosisEvidence(Disorder.LIMB_THREATENING_ISCHEMIA);

    List<Finding> findings = new ArrayList<>(severe);
    if (restPain) {
      SymptomReport r = report.get();
      findings.add(
          RedFlagRule.seen(
              "Rest pain pattern: eased by dependency or worse lying flat",
              REST_PAIN,
              r.evidence(
                  r.yes(Item.RELIEF_DANGLING) ? Item.RELIEF_DANGLING : Item.WORSE_LYING_FLAT)));
    }
    if (sore && !arterial.isEmpty()) {
      findings.add(
          RedFlagRule.seen(
              "A non-healing sore with arterial disease",
              TISSUE_LOSS,
              concat(report.get().evidence(Item.SKIN_CHANGES), arterial)));
    }
    if (!recordedClti.isEmpty()) {
      findings.add(
          RedFlagRule.seen(
              "Limb-threatening ischemia or rest pain on the problem list",
              Findings.RECORDED_DIAGNOSIS,
              recordedClti));
    }
    boolean critical =
        (!severe.isEmpty() && restPain)
            || (sore && !arterial.isEmpty())
            || (!recordedClti.isEmpty() && restPain);
    if (critical) {
      return Optional.of(new RaisedFlag(flag(), Urgency.CRITICAL, findings));
    }
    if (!severe.isEmpty() && report.isEmpty()) {
      return Optional.of(new RaisedFlag(flag(), Urgency.WARNING, findings));
    }
    return Optional.empty();
  }

  private static List<Finding> severeHaemodynamics(Evaluation e) {
    List<Finding> findings = new ArrayList<>();
    below(e, Measure.ANKLE_BRACHIAL_INDEX, Threshold.ABI_CLTI_BELOW, "ABI", "")
        .ifPresent(findings::add);
    below(e, Measure.ANKLE_PRESSURE, Threshold.ANKLE_PRESSURE_CLTI_BELOW, "Ankle pressure", " mmHg")
        .ifPresent(findings::add);
    below(e, Measure.TOE_PRESSURE, Threshold.TOE_PRESSURE_CLTI_BELOW, "Toe pressure", " mmHg")
        .ifPresent(findings::add);
    return findings;
  }

  private static Optional<Finding> below(
      Evaluation e, Measure measure, Threshold threshold, String name, String unit) {
    double limit = e.t(threshold);
    return e.lowestRecent(measure)
        .filter(m -> m.value() < limit)
        .map(
            m ->
                RedFlagRule.seen(
                    name + " " + Format.value(m) + unit + " (<" + Format.number(limit) + unit + ")",
                    e.basis(threshold),
                    m.source()));
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }
}
