package org.nocturne.clinical.rules.medication;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nocturne.clinical.conclusions.Cause;
import org.nocturne.clinical.conclusions.CauseAssessment;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.conclusions.Likelihood;
import org.nocturne.clinical.conclusions.MedicationEffect;
import org.nocturne.clinical.conclusions.NextStep;
import org.nocturne.clinical.facts.Answers;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.DrugClass;
import org.nocturne.clinical.facts.Format;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.facts.Measure;
import org.nocturne.clinical.facts.Measurement;
import org.nocturne.clinical.facts.Medication;
import org.nocturne.clinical.facts.SymptomReport;
import org.nocturne.clinical.knowledge.Threshold;
import org.nocturne.clinical.rules.Evaluation;
import org.nocturne.clinical.rules.redflags.RedFlagRule;

/**
 * Statin-associated muscle symptoms (2018 AHA/ACC cholesterol guideline §5): muscle aching or
 * weakness on a statin, or a raised CK, with what raises the risk (a high-intensity dose, a CYP3A4
 * inhibitor with a CYP3A4-metabolised statin, simvastatin above its cap, a high TSH).
 */
final class StatinMuscleEffects {
  private static final String BASIS =
      "2018 AHA/ACC cholesterol guideline §5: assess muscle symptoms on a statin; CK when severe or weak";

  /** High-intensity doses by the 2018 guideline's table: atorvastatin 40–80, rosuvastatin 20–40. */
  private static final Pattern HIGH_INTENSITY =
      Pattern.compile(
          "(?i)\\b(atorvastatin\\D{0,20}(40|80)|rosuvastatin\\D{0,20}(20|40)|simvastatin\\D{0,20}80)\\s*mg");

  /** Statins cleared by CYP3A4; rosuvastatin, pravastatin and pitavastatin are not. */
  private static final Pattern CYP3A4_STATIN =
      Pattern.compile("(?i)\\b(atorvastatin|simvastatin|lovastatin)\\b");

  private static final Pattern SIMVASTATIN = Pattern.compile("(?i)\\bsimvastatin\\b");
  private static final Pattern SIMVASTATIN_DOSE =
      Pattern.compile("(?i)simvastatin\\D{0,20}?(\\d{1,3})\\s*mg");

  /** The simvastatin label's 10 mg cap; the others (amlodipine, amiodarone, ranolazine) 20 mg. */
  private static final Pattern TEN_MG_CAP =
      Pattern.compile("(?i)\\b(verapamil|diltiazem|dronedarone)\\b");

  private static final String SIMVASTATIN_CAPS =
      "FDA Drug Safety Communication (8 June 2011): simvastatin no more than 10 mg with verapamil, diltiazem or dronedarone, 20 mg with amlodipine, amiodarone or ranolazine";

  private StatinMuscleEffects() {}

  /**
   * Statin muscle symptoms only for a myalgia pattern (aching, or new weakness) that no other cause
   * explains better: a likely sciatica, neuropathy, arthritis or arterial pattern is the
   * explanation (2018 AHA/ACC §5 asks to exclude other causes).
   */
  static Optional<MedicationEffect> of(Evaluation e, List<CauseAssessment> causes) {
    boolean better =
        causes.stream()
            .anyMatch(
                c ->
                    c.likelihood() == Likelihood.HIGH
                        && EnumSet.of(
                                Cause.SCIATICA,
                                Cause.PERIPHERAL_NEUROPATHY,
                                Cause.ARTHRITIS,
                                Cause.PERIPHERAL_ARTERY_DISEASE,
                                Cause.RESTLESS_LEGS)
                            .contains(c.cause()));
    Optional<Measurement> ck =
        e.results().highRecent(Measure.CREATINE_KINASE, Threshold.CK_UPPER_LIMIT);
    // a raised CK is muscle injury whatever else could explain the pain
    if (better && ck.isEmpty()) {
      return Optional.empty();
    }
    return statinPattern(e, ck);
  }

  private static Optional<MedicationEffect> statinPattern(Evaluation e, Optional<Measurement> ck) {
    List<Medication> statins = e.taking(DrugClass.STATIN);
    if (statins.isEmpty()) {
      return Optional.empty();
    }
    Optional<SymptomReport> report = e.report();
    boolean aching = report.map(r -> r.has(Answers.PainCharacter.ACHING_HEAVINESS)).orElse(false);
    boolean weak = report.map(r -> r.yes(Item.NEW_WEAKNESS_OR_NUMBNESS)).orElse(false);
    List<Finding> findings = new ArrayList<>();
    for (Medication statin : statins) {
      findings.add(
          RedFlagRule.seen(
              "On "
                  + statin.name()
                  + (HIGH_INTENSITY.matcher(statin.name()).find() ? " (high intensity)" : ""),
              BASIS,
              statin.source()));
    }
    if (aching) {
      findings.add(
          RedFlagRule.seen("Aching muscles", BASIS, report.get().evidence(Item.CHARACTER)));
    }
    if (weak) {
      findings.add(
          RedFlagRule.seen(
              "New weakness or numbness",
              BASIS,
              report.get().evidence(Item.NEW_WEAKNESS_OR_NUMBNESS)));
    }
    ck.ifPresent(value -> findings.add(raisedCreatineKinase(e, value)));
    List<Finding> risks = statinRisks(e, statins);
    // from the record alone: a coded muscle complaint with something that raises the risk
    boolean recordedMuscleComplaint =
        !e.complaintDiagnosisEvidence(Disorder.LEG_CRAMPS).isEmpty()
            || !e.recentDiagnoses(Disorder.MYALGIA).isEmpty();
    if (!aching && !weak && ck.isEmpty() && (!recordedMuscleComplaint || risks.isEmpty())) {
      return Optional.empty();
    }
    findings.addAll(risks);
    return Optional.of(
        ck.isPresent()
            ? new MedicationEffect(
                MedicationEffect.Kind.STATIN_MUSCLE_INJURY, statins, findings, List.of())
            : new MedicationEffect(
                MedicationEffect.Kind.STATIN_MYOPATHY,
                statins,
                findings,
                List.of(NextStep.CREATINE_KINASE)));
  }

  /**
   * What raises the risk of statin muscle injury, each named: a CYP3A4 inhibitor with a statin it
   * clears, a drug above whose simvastatin cap the dose lies (FDA 2011), an untreated
   * hypothyroidism (a high TSH).
   */
  private static List<Finding> statinRisks(Evaluation e, List<Medication> statins) {
    List<Finding> risks = new ArrayList<>();
    boolean cyp3a4Statin = statins.stream().anyMatch(s -> CYP3A4_STATIN.matcher(s.name()).find());
    if (cyp3a4Statin) {
      for (Medication inhibitor : e.taking(DrugClass.CYP3A4_INHIBITOR)) {
        risks.add(
            RedFlagRule.seen(
                "With " + inhibitor.name() + ", which raises the statin level (CYP3A4)",
                BASIS,
                inhibitor.source()));
      }
    }
    for (Medication statin : statins) {
      Matcher simvastatin = SIMVASTATIN_DOSE.matcher(statin.name());
      if (!SIMVASTATIN.matcher(statin.name()).find()) {
        continue;
      }
      Integer dose = simvastatin.find() ? Integer.valueOf(simvastatin.group(1)) : null;
      for (Medication capping : e.taking(DrugClass.STATIN_DOSE_LIMITING)) {
        int cap = TEN_MG_CAP.matcher(capping.name()).find() ? 10 : 20;
        if (dose == null || dose > cap) {
          risks.add(
              RedFlagRule.seen(
                  "With "
                      + capping.name()
                      + ": simvastatin is capped at "
                      + cap
                      + " mg a day"
                      + (dose == null ? " (check the dose)" : " (on " + dose + " mg)"),
                  SIMVASTATIN_CAPS,
                  List.of(statin.source(), capping.source())));
        }
      }
    }
    e.results()
        .highRecent(Measure.TSH, Threshold.TSH_HIGH_ABOVE)
        .ifPresent(
            tsh ->
                risks.add(
                    RedFlagRule.seen(
                        Format.result("TSH", tsh)
                            + ", high: hypothyroidism causes myopathy and cramps and raises the"
                            + " statin risk",
                        e.basis(Threshold.TSH_HIGH_ABOVE),
                        tsh.source())));
    return risks;
  }

  /**
   * "Creatine kinase 4850 U/L (4 Dec 2026), about 24× the typical upper limit: stop the statin".
   */
  private static Finding raisedCreatineKinase(Evaluation e, Measurement ck) {
    double upper = e.t(Threshold.CK_UPPER_LIMIT);
    long times = Math.round(ck.value() / upper);
    boolean stop = ck.value() > upper * e.t(Threshold.CK_STOP_STATIN_TIMES_UPPER_LIMIT);
    String text =
        Format.result("Creatine kinase", ck)
            + (times >= 2
                ? ", about " + times + "× the typical upper limit of " + Format.number(upper)
                : ", raised")
            + (stop ? ": over 10×, stop the statin" : "");
    return RedFlagRule.seen(
        text,
        e.basis(stop ? Threshold.CK_STOP_STATIN_TIMES_UPPER_LIMIT : Threshold.CK_UPPER_LIMIT),
        ck.source());
  }
}
