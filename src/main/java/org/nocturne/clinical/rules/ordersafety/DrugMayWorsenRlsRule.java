package org.nocturne.clinical.rules.ordersafety;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.nocturne.clinical.Assessment;
import org.nocturne.clinical.conclusions.Cause;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.conclusions.SafetyConcern;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.DrugClass;
import org.nocturne.clinical.facts.ProposedOrder;
import org.nocturne.clinical.rules.Evaluation;

/**
 * A drug that can worsen restless legs, ordered for a patient who has them: information, with an
 * alternative that fits the drug's class (bupropion for an antidepressant, a non-sedating
 * antihistamine, domperidone with its QT warning where it is sold).
 */
final class DrugMayWorsenRlsRule implements SafetyRule {
  static final Set<DrugClass> AGGRAVATORS = Set.copyOf(DrugClass.RLS_AGGRAVATING);

  @Override
  public SafetyConcern concern() {
    return SafetyConcern.DRUG_MAY_WORSEN_RLS;
  }

  @Override
  public Optional<SafetyFinding> check(Evaluation e, Assessment assessment, ProposedOrder order) {
    Optional<DrugClass> aggravator = AGGRAVATORS.stream().filter(order::is).sorted().findFirst();
    List<String> rls = restlessLegs(e, assessment);
    if (aggravator.isEmpty() || rls.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new SafetyFinding(
            concern(),
            Severity.INFO,
            order,
            order.name() + " can worsen restless legs, which this patient has",
            List.of(
                SafetyRule.ordered(e, concern(), "Ordered", order),
                new Finding("Restless legs", 0, e.knowledge().safety(concern()).source(), rls)),
            new Remedy.ConsiderAlternative(e.knowledge().alternative(aggravator.get()))));
  }

  static List<String> restlessLegs(Evaluation e, Assessment assessment) {
    return SafetyRule.evidenceOf(e, assessment, Disorder.RESTLESS_LEGS, Cause.RESTLESS_LEGS);
  }
}
