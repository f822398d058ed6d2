package org.nocturne.clinical.rules.ordersafety;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nocturne.clinical.Assessment;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.conclusions.SafetyConcern;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.DrugClass;
import org.nocturne.clinical.facts.Format;
import org.nocturne.clinical.facts.Measure;
import org.nocturne.clinical.facts.ProposedOrder;
import org.nocturne.clinical.knowledge.Threshold;
import org.nocturne.clinical.rules.Evaluation;

/**
 * Quinine without malaria on the problem list: critical, withdraw. FDA (boxed warning) and MHRA
 * (not for routine use) both advise against it for cramps; the knowledge file says how.
 */
final class QuinineForCrampsRule implements SafetyRule {
  private static final String DIALYSIS =
      "Qualaquin label (reduce dose in severe chronic renal failure); AAFP 2012 and KDOQI 2015: dialysis cramps by dry weight and ultrafiltration";

  @Override
  public SafetyConcern concern() {
    return SafetyConcern.QUININE_FOR_LEG_CRAMPS;
  }

  @Override
  public Optional<SafetyFinding> check(Evaluation e, Assessment assessment, ProposedOrder order) {
    // diagnosisEvidence reads current diagnoses only: a resolved malaria is no indication now
    if (!order.is(DrugClass.QUININE) || !e.diagnosisEvidence(Disorder.MALARIA).isEmpty()) {
      return Optional.empty();
    }
    String source = e.knowledge().safety(concern()).source();
    List<Finding> findings = new ArrayList<>();
    findings.add(SafetyRule.ordered(e, concern(), "Quinine ordered", order));
    findings.add(new Finding("No active malaria on the problem list", 0, source, List.of()));
    List<String> dialysis = e.diagnosisEvidence(Disorder.DIALYSIS);
    if (!dialysis.isEmpty()) {
      findings.add(
          new Finding(
              "On dialysis / end-stage renal disease: quinine accumulates; dialysis cramps go to the"
                  + " renal team (dry weight, ultrafiltration rate)",
              0,
              DIALYSIS,
              dialysis));
    } else {
      e.results()
          .lowestRecent(Measure.EGFR)
          .filter(g -> g.value() < e.t(Threshold.EGFR_ADVANCED_CKD_BELOW))
          .ifPresent(
              g ->
                  findings.add(
                      new Finding(
                          Format.result("eGFR", g) + ": quinine accumulates in kidney failure",
                          0,
                          DIALYSIS,
                          List.of(g.source()))));
    }
    return Optional.of(
        new SafetyFinding(
            concern(),
            Severity.CRITICAL,
            order,
            order.name() + " without malaria: remove the order",
            findings,
            new Remedy.Withdraw()));
  }
}
