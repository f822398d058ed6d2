package org.nocturne.clinical;

import java.util.List;
import java.util.Optional;

/**
 * Quinine without malaria on the problem list: critical, withdraw. FDA (boxed warning) and MHRA
 * (not for routine use) both advise against it for cramps; the knowledge file says how.
 */
final class QuinineForCrampsRule implements SafetyRule {
  @Override
  public SafetyConcern concern() {
    return SafetyConcern.QUININE_FOR_LEG_CRAMPS;
  }

  @Override
  public Optional<SafetyFinding> check(Evaluation e, Assessment assessment, ProposedOrder order) {
    if (!order.is(DrugClass.QUININE) || !e.diagnosisEvidence(Disorder.MALARIA).isEmpty()) {
      return Optional.empty();
    }
    String source = e.knowledge().safety(concern()).source();
    return Optional.of(
        new SafetyFinding(
            concern(),
            Severity.CRITICAL,
            order,
            order.name() + " without malaria: remove the order",
            List.of(
                SafetyRule.ordered(e, concern(), "Quinine ordered", order),
                new Finding("No malaria on the problem list", 0, source, List.of())),
            new Remedy.Withdraw()));
  }
}
