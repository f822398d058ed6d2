package org.nocturne.clinical.rules.ordersafety;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nocturne.clinical.Assessment;
import org.nocturne.clinical.conclusions.Cause;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.conclusions.Likelihood;
import org.nocturne.clinical.conclusions.SafetyConcern;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.ProposedOrder;
import org.nocturne.clinical.knowledge.Threshold;
import org.nocturne.clinical.rules.Evaluation;

/** One named order-safety check, applied to one draft order at a time. */
interface SafetyRule {
  SafetyConcern concern();

  /** The thresholds the rule compares against; their sources must reach its card. */
  default List<Threshold> thresholds() {
    return List.of();
  }

  Optional<SafetyFinding> check(Evaluation e, Assessment assessment, ProposedOrder order);

  /** The first finding of every rule: what was ordered, resting on the guidance's own source. */
  static Finding ordered(Evaluation e, SafetyConcern concern, String what, ProposedOrder order) {
    return new Finding(
        what + ": " + order.name(),
        0,
        e.knowledge().safety(concern).source(),
        List.of(order.reference()));
  }

  /** Evidence that the patient has a condition: its diagnosis, or its cause at moderate or more. */
  static List<String> evidenceOf(
      Evaluation e, Assessment assessment, Disorder disorder, Cause cause) {
    List<String> evidence = new ArrayList<>(e.diagnosisEvidence(disorder));
    if (assessment.of(cause).likelihood().atLeast(Likelihood.MODERATE)) {
      evidence.addAll(assessment.of(cause).evidence());
    }
    return evidence.stream().distinct().toList();
  }
}
