package org.nocturne.clinical.rules.redflags;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.conclusions.FlagGuidance;
import org.nocturne.clinical.conclusions.RaisedFlag;
import org.nocturne.clinical.conclusions.RedFlag;
import org.nocturne.clinical.conclusions.Urgency;
import org.nocturne.clinical.facts.Answers;
import org.nocturne.clinical.facts.Format;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.facts.Measure;
import org.nocturne.clinical.facts.SymptomReport;
import org.nocturne.clinical.knowledge.Threshold;
import org.nocturne.clinical.rules.Evaluation;

/**
 * Chronic limb-threatening ischemia (ESVS/SVS Global Vascular Guidelines 2019; 2024 ACC/AHA PAD):
 * ischemic rest pain for over two weeks, or tissue loss, with arterial disease shown or not
 * excluded (an ABI ≤0.90, a TBI ≤0.70, a recorded diagnosis; or an ABI that is noncompressible, or
 * missing in diabetes or kidney disease). Suspected CLTI is a warning with urgent toe pressures and
 * referral; tissue loss or severe haemodynamics (toe pressure <30, ankle pressure <50 mmHg, ABI
 * <0.40) make it critical. The haemodynamic thresholds grade severity; they are not entry criteria.
 */
final class LimbThreateningIschemiaRule implements RedFlagRule {
  @Override
  public RedFlag flag() {
    return RedFlag.CHRONIC_LIMB_THREATENING_ISCHEMIA;
  }

  @Override
  public Optional<RaisedFlag> check(Evaluation e) {
    List<Finding> severe = severeHaemodynamics(e);
    Optional<SymptomReport> report = e.report();
    boolean restPain =
        report
            .map(r -> r.yes(Item.RELIEF_DANGLING) && r.onset() != Answers.Onset.UNDER_2_WEEKS)
            .orElse(false);
    // tissue loss from every source that can state it: the answer or a coded ulcer or gangrene
    List<String> tissueLoss = e.tissueLossEvidence();
    List<String> arterial = new ArrayList<>(e.arterialDiseaseNotExcludedEvidence());
    boolean noPerfusionTest =
        !e.results().hasRecent(Measure.ANKLE_BRACHIAL_INDEX)
            && !e.results().hasRecent(Measure.TOE_BRACHIAL_INDEX)
            && !e.results().hasRecent(Measure.TOE_PRESSURE);
    if (restPain && arterial.isEmpty() && noPerfusionTest) {
      // rest pain eased by dependency with no ABI: suspected CLTI in anyone (GVG 2019)
      arterial.add(report.get().evidence(Item.RELIEF_DANGLING));
    }
    List<Finding> findings = new ArrayList<>();
    if (restPain) {
      SymptomReport r = report.get();
      findings.add(
          RedFlagRule.seen(
              "Rest pain eased by hanging the leg down, for over "
                  + Format.number(e.t(Threshold.CLTI_REST_PAIN_MIN_WEEKS))
                  + " weeks",
              e.basis(Threshold.CLTI_REST_PAIN_MIN_WEEKS),
              List.of(r.evidence(Item.RELIEF_DANGLING), r.evidence(Item.ONSET))));
    }
    if (!tissueLoss.isEmpty()) {
      findings.add(
          RedFlagRule.seen(
              tissueLoss.stream().anyMatch(source -> source.startsWith("Condition/"))
                  ? "Tissue loss on record (ulcer or gangrene)"
                  : "A sore that does not heal (tissue loss)",
              e.basis(Threshold.CLTI_REST_PAIN_MIN_WEEKS),
              tissueLoss));
    }
    boolean ischaemicLeg = (restPain || !tissueLoss.isEmpty()) && !arterial.isEmpty();
    if (!ischaemicLeg && severe.isEmpty()) {
      return Optional.empty();
    }
    if (!arterial.isEmpty()) {
      findings.add(arterialFinding(e, arterial));
    }
    findings.addAll(severe);
    // ESVS/SVS GVG 2019, IWGDF 2023: tissue loss, or severe haemodynamics with any current leg
    // complaint, whatever the questionnaire says, threaten the limb (WIfI ischaemia grade 3)
    boolean critical = (ischaemicLeg && !tissueLoss.isEmpty()) || !severe.isEmpty();
    return Optional.of(
        critical
            ? new RaisedFlag(
                flag(), Urgency.CRITICAL, findings, FlagGuidance.CHRONIC_LIMB_THREATENING_ISCHEMIA)
            : new RaisedFlag(flag(), Urgency.WARNING, findings, FlagGuidance.CLTI_SUSPECTED));
  }

  /** Says whether arterial disease is shown or only not excluded, and by what. */
  private static Finding arterialFinding(Evaluation e, List<String> evidence) {
    List<String> shown = e.arterialDiseaseEvidence();
    if (!shown.isEmpty()) {
      return RedFlagRule.seen(
          "Arterial disease on record (ABI ≤"
              + Format.number(e.t(Threshold.ABI_ABNORMAL_MAX))
              + ", TBI ≤"
              + Format.number(e.t(Threshold.TBI_ABNORMAL_MAX))
              + " or a diagnosis)",
          e.basis(Threshold.ABI_ABNORMAL_MAX),
          shown);
    }
    boolean noncompressible =
        e.results()
            .highestRecent(Measure.ANKLE_BRACHIAL_INDEX)
            .filter(abi -> abi.value() > e.t(Threshold.ABI_NONCOMPRESSIBLE_ABOVE))
            .isPresent();
    return noncompressible
        ? RedFlagRule.seen(
            "Arterial disease not excluded (ABI noncompressible, >"
                + Format.number(e.t(Threshold.ABI_NONCOMPRESSIBLE_ABOVE))
                + ")",
            e.basis(Threshold.ABI_NONCOMPRESSIBLE_ABOVE),
            evidence)
        : RedFlagRule.seen(
            e.diabetesEvidence().isEmpty() && e.kidneyDiseaseEvidence().isEmpty()
                ? "Arterial disease not excluded (no ABI on record): urgent ABI"
                : "Arterial disease not excluded (no recent ABI, with diabetes or kidney disease)",
            e.basis(Threshold.CLTI_REST_PAIN_MIN_WEEKS),
            evidence);
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
    return e.results()
        .lowestRecent(measure)
        .filter(m -> m.value() < limit)
        .map(
            m ->
                RedFlagRule.seen(
                    name + " " + Format.value(m, unit) + " (<" + Format.number(limit) + unit + ")",
                    e.basis(threshold),
                    m.source()));
  }
}
