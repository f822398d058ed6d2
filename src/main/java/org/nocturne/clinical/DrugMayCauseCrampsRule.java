package org.nocturne.clinical;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A drug linked to cramps, ordered for a patient who has them: diuretics and long-acting beta
 * agonists (Garrison 2012) and the drugs AAFP 2012 names. Information, with the ask to watch.
 */
final class DrugMayCauseCrampsRule implements SafetyRule {
  // wider than the cause model's list: loop diuretics and the AAFP drugs are worth a word at
  // ordering
  static final Set<DrugClass> CRAMP_DRUGS =
      Stream.concat(
              Stream.of(DrugClass.CRAMP_INDUCING),
              Stream.of(DrugClass.LOOP_DIURETIC, DrugClass.CRAMP_ASSOCIATED))
          .collect(Collectors.toUnmodifiableSet());

  @Override
  public SafetyConcern concern() {
    return SafetyConcern.DRUG_MAY_CAUSE_CRAMPS;
  }

  @Override
  public Optional<SafetyFinding> check(Evaluation e, Assessment assessment, ProposedOrder order) {
    List<String> cramps =
        SafetyRule.evidenceOf(e, assessment, Disorder.LEG_CRAMPS, Cause.LEG_CRAMPS);
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
}
