package org.nocturne.clinical;

import java.util.ArrayList;
import java.util.List;
import org.nocturne.clinical.conclusions.Cause;
import org.nocturne.clinical.conclusions.CauseAssessment;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.conclusions.Likelihood;
import org.nocturne.clinical.conclusions.MedicationEffect;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.rules.Evaluation;

/**
 * Conditions on record that change how any cause of the pain is managed, named on the card so the
 * physician does not have to find them: pregnancy (no quinine; cramps and restless legs are common
 * and ease after delivery) and dialysis (the renal team, IV iron at other thresholds).
 */
final class ManagementContext {
  private static final String PREGNANCY =
      "NICE CKS Leg cramps (quinine must not be used in pregnancy); AASM 2024 RLS guideline (RLS in pregnancy)";
  private static final String DIALYSIS =
      "AASM 2024 RLS guideline (ESRD on haemodialysis: IV iron sucrose if ferritin <200 ng/mL and TSAT <20%); KDOQI 2015 (dry weight)";

  private ManagementContext() {}

  /** Only beside a cause they change: cramps or restless legs that stand out. */
  static List<Finding> of(
      Evaluation e, List<CauseAssessment> causes, List<MedicationEffect> effects) {
    CauseAssessment leading = causes.get(0);
    boolean changesIt =
        leading.likelihood().atLeast(Likelihood.MODERATE)
            && (leading.cause() == Cause.LEG_CRAMPS || leading.cause() == Cause.RESTLESS_LEGS);
    List<Finding> context = new ArrayList<>();
    if (!changesIt) {
      return context;
    }
    List<String> pregnancy = e.pregnancyOrPostpartumEvidence();
    if (!pregnancy.isEmpty()) {
      context.add(
          new Finding(
              "Pregnant or recently gave birth: no quinine; cramps and restless legs are common"
                  + " late in pregnancy and usually ease after delivery",
              0,
              PREGNANCY,
              pregnancy));
    }
    List<String> dialysis = e.diagnosisEvidence(Disorder.DIALYSIS);
    boolean dialysisCard =
        effects.stream().anyMatch(x -> x.kind() == MedicationEffect.Kind.DIALYSIS_CRAMPS);
    if (!dialysis.isEmpty() && !dialysisCard) {
      context.add(
          new Finding(
              "On dialysis: manage with the renal team (IV iron if ferritin <200 ng/mL with TSAT"
                  + " <20%; renal doses of gabapentinoids; no magnesium)",
              0, DIALYSIS, dialysis));
    }
    return context;
  }
}
