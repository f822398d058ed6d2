package org.nocturne.clinical.rules.redflags;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.conclusions.FlagGuidance;
import org.nocturne.clinical.conclusions.RaisedFlag;
import org.nocturne.clinical.conclusions.RedFlag;
import org.nocturne.clinical.conclusions.Urgency;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.DrugClass;
import org.nocturne.clinical.facts.Format;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.facts.Medication;
import org.nocturne.clinical.knowledge.Threshold;
import org.nocturne.clinical.rules.Evaluation;
import org.nocturne.clinical.rules.WellsScore;

/**
 * A leg that suggests a clot (one swollen leg, or calf tenderness). NICE NG158: a Wells score of 2
 * or more makes DVT likely (critical, ultrasound today); below 2 it is not excluded (warning, a
 * D-dimer today and ultrasound if positive). RCOG Green-top 37b: in pregnancy and the 6 weeks after
 * birth neither Wells nor D-dimer is valid, so it is critical with an ultrasound. Our Wells is
 * partial (no examination items), and the card says so. Risk factors beyond the score (oestrogen,
 * long travel, a past cancer) are named.
 */
final class DeepVeinThrombosisRule implements RedFlagRule {
  private static final String RISK =
      "NICE NG158 and RCOG Green-top 37b: venous thromboembolism risk factors";

  @Override
  public RedFlag flag() {
    return RedFlag.DEEP_VEIN_THROMBOSIS;
  }

  @Override
  public Optional<RaisedFlag> check(Evaluation e) {
    WellsScore wells = e.wells();
    if (!wells.hasLocalSign(e)) {
      return Optional.empty();
    }
    List<Finding> findings = new ArrayList<>();
    List<String> pregnancy = e.pregnancyOrPostpartumEvidence();
    if (!pregnancy.isEmpty()) {
      findings.add(
          RedFlagRule.seen(
              "Pregnant or within "
                  + Format.number(e.t(Threshold.POSTPARTUM_WEEKS))
                  + " weeks of birth (Wells and D-dimer are not valid)",
              e.basis(Threshold.POSTPARTUM_WEEKS),
              pregnancy));
    }
    findings.addAll(wells.items());
    riskFactors(e, findings);
    alternatives(e, findings);
    if (!pregnancy.isEmpty()) {
      return Optional.of(
          new RaisedFlag(flag(), Urgency.CRITICAL, findings, FlagGuidance.DVT_IN_PREGNANCY));
    }
    boolean likely = wells.likely(e);
    findings.add(
        RedFlagRule.seen(
            "A partial Wells score of "
                + wells.points()
                + (likely ? " (≥" : " (<")
                + Format.number(e.t(Threshold.WELLS_DVT_LIKELY_MIN))
                + (likely ? ": DVT likely" : ": DVT not excluded")
                + "; examination items not scored)",
            e.basis(Threshold.WELLS_DVT_LIKELY_MIN),
            List.of()));
    return Optional.of(
        likely
            ? new RaisedFlag(flag(), Urgency.CRITICAL, findings, FlagGuidance.DEEP_VEIN_THROMBOSIS)
            : new RaisedFlag(flag(), Urgency.WARNING, findings, FlagGuidance.DVT_NOT_EXCLUDED));
  }

  /**
   * A recorded alternative that mimics a clot is named, never used to silence the card: a ruptured
   * Baker's cyst cannot be told from a DVT at the bedside and the two coexist (NICE CKS DVT); the
   * Wells deduction for an alternative diagnosis as likely is the examiner's call.
   */
  private static void alternatives(Evaluation e, List<Finding> findings) {
    List<String> cyst = e.diagnosisEvidence(Disorder.BAKERS_CYST);
    if (!cyst.isEmpty()) {
      findings.add(
          RedFlagRule.seen(
              "Baker's cyst on record: a rupture mimics DVT; ultrasound shows both (Wells −2 only if"
                  + " the examiner judges it as likely)",
              MIMIC,
              cyst));
    }
  }

  private static final String MIMIC =
      "NICE CKS DVT and Leg cramps: a ruptured Baker's cyst mimics DVT; Wells et al., NEJM 2003";

  /** Risk factors outside the Wells items, named so the physician weighs them. */
  private static void riskFactors(Evaluation e, List<Finding> findings) {
    for (Medication estrogen : e.taking(DrugClass.ESTROGEN)) {
      findings.add(
          RedFlagRule.seen(
              "Oestrogen-containing medicine: " + estrogen.name(), RISK, estrogen.source()));
    }
    if (e.taking(DrugClass.ESTROGEN).isEmpty()) {
      e.report()
          .filter(r -> r.yes(Item.OESTROGEN_MEDICINE))
          .ifPresent(
              r ->
                  findings.add(
                      RedFlagRule.seen(
                          "Oestrogen-containing medicine (patient reports)",
                          RISK,
                          r.evidence(Item.OESTROGEN_MEDICINE))));
    }
    for (Medication serm : e.taking(DrugClass.SELECTIVE_ESTROGEN_RECEPTOR_MODULATOR)) {
      findings.add(
          RedFlagRule.seen(
              "On " + serm.nameSince() + " (raises the risk of venous thrombosis)",
              RISK,
              serm.source()));
    }
    e.report()
        .filter(r -> Boolean.TRUE.equals(r.recentLongTravel()))
        .ifPresent(
            r ->
                findings.add(
                    RedFlagRule.seen(
                        "Long travel in the last 4 weeks", RISK, r.evidence(Item.LONG_TRAVEL))));
    if (e.diagnosisEvidence(Disorder.ACTIVE_CANCER).isEmpty()) {
      List<String> history = e.cancerHistoryEvidence();
      if (!history.isEmpty()) {
        findings.add(RedFlagRule.seen("History of cancer", RISK, history));
      }
    }
  }
}
