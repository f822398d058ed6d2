package org.nocturne.clinical.plan;

import java.util.ArrayList;
import java.util.List;
import org.nocturne.clinical.conclusions.Advice;
import org.nocturne.clinical.conclusions.Cause;
import org.nocturne.clinical.conclusions.CauseAssessment;
import org.nocturne.clinical.conclusions.Likelihood;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.Measure;
import org.nocturne.clinical.facts.Measurement;
import org.nocturne.clinical.knowledge.Threshold;
import org.nocturne.clinical.rules.Evaluation;

/**
 * Picks the self-care advice that fits the likely causes, and withholds what could harm: no leg
 * elevation unless a recent ABI excludes arterial disease, no heat with reduced sensation or blood
 * flow, no "drink more" in heart failure or advanced kidney disease.
 */
public final class SelfCareAdvisor {
  /** The advice given and the advice withheld, each in {@link Advice} order. */
  public record Plan(List<Advice> advised, List<Advice> withheld) {}

  private SelfCareAdvisor() {}

  public static Plan advise(Evaluation e, List<CauseAssessment> causes) {
    List<Advice> advised = new ArrayList<>();
    List<Advice> withheld = new ArrayList<>();
    for (Advice advice : Advice.values()) {
      boolean fits =
          causes.stream()
              .anyMatch(
                  c ->
                      advice.helps().contains(c.cause())
                          && c.likelihood().atLeast(Likelihood.MODERATE));
      if (!fits) {
        continue;
      }
      (unsafe(advice, e, causes) ? withheld : advised).add(advice);
    }
    return new Plan(advised, withheld);
  }

  private static boolean unsafe(Advice advice, Evaluation e, List<CauseAssessment> causes) {
    return switch (advice) {
      case LEG_ELEVATION -> !arterialDiseaseExcluded(e, causes);
      case HYDRATION ->
          !e.diagnosisEvidence(Disorder.HEART_FAILURE).isEmpty()
              || e.results()
                  .lowestRecent(Measure.EGFR)
                  .filter(egfr -> egfr.value() < e.t(Threshold.EGFR_ADVANCED_CKD_BELOW))
                  .isPresent();
      case HEAT ->
          likely(causes, Cause.PERIPHERAL_NEUROPATHY)
              || likely(causes, Cause.PERIPHERAL_ARTERY_DISEASE)
              || !e.diabetesEvidence().isEmpty();
      default -> false;
    };
  }

  /**
   * Arterial disease is excluded only by a recent ABI that is not low on either leg, and not
   * noncompressible unless a recent TBI is normal; "no ABI" is not an exclusion.
   */
  private static boolean arterialDiseaseExcluded(Evaluation e, List<CauseAssessment> causes) {
    if (likely(causes, Cause.PERIPHERAL_ARTERY_DISEASE) || !e.arterialDiseaseEvidence().isEmpty()) {
      return false;
    }
    List<Measurement> abi = e.results().recent(Measure.ANKLE_BRACHIAL_INDEX);
    if (abi.isEmpty()) {
      return false;
    }
    boolean noncompressible =
        abi.stream().anyMatch(m -> m.value() > e.t(Threshold.ABI_NONCOMPRESSIBLE_ABOVE));
    boolean normalTbi =
        e.results()
            .lowestRecent(Measure.TOE_BRACHIAL_INDEX)
            .filter(t -> t.value() > e.t(Threshold.TBI_ABNORMAL_MAX))
            .isPresent();
    return !noncompressible || normalTbi;
  }

  private static boolean likely(List<CauseAssessment> causes, Cause cause) {
    return causes.stream()
        .anyMatch(c -> c.cause() == cause && c.likelihood().atLeast(Likelihood.MODERATE));
  }
}
