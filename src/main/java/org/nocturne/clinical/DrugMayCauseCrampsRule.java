package org.nocturne.clinical;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A drug linked to cramps, ordered for a patient who has them: diuretics and long-acting beta
 * agonists (Garrison 2012) and the drugs AAFP 2012 names. Information, with the ask to watch.
 */
final class DrugMayCauseCrampsRule implements SafetyRule {
  static final Set<DrugClass> CRAMP_DRUGS =
      Set.of(
          DrugClass.THIAZIDE_DIURETIC,
          DrugClass.LOOP_DIURETIC,
          DrugClass.POTASSIUM_SPARING_DIURETIC,
          DrugClass.LONG_ACTING_BETA_AGONIST,
          DrugClass.CRAMP_ASSOCIATED);

  @Override
  public SafetyConcern concern() {
    return SafetyConcern.DRUG_MAY_CAUSE_CRAMPS;
  }

  @Override
  public Optional<SafetyFinding> check(Evaluation e, Assessment assessment, ProposedOrder order) {
    List<String> cramps = evidenceOf(e, assessment, Disorder.LEG_CRAMPS, Cause.LEG_CRAMPS);
    if (CRAMP_DRUGS.stream().noneMatch(order::is) || cramps.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new SafetyFinding(
            concern(),
            Severity.INFO,
            order,
            order.name() + " can bring on cramps, which this patient has",
            List.of(
                SafetyRule.ordered(e, concern(), "Ordered", order),
                new Finding(
                    "Night-time leg cramps", 0, e.knowledge().safety(concern()).source(), cramps)),
            new Remedy.Caution()));
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
