package org.nocturne.clinical;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns facts into an explained assessment: every cause scored by its rule, the red flags, the next
 * steps and the self-care advice. Deterministic: the evaluation date is a parameter.
 */
public final class CauseModel {
  private final Knowledge knowledge;
  private final ComplaintWindow window;
  private final List<CauseRule> causeRules = CauseRules.all();
  private final List<RedFlagRule> flagRules = RedFlagRules.all();

  public CauseModel(Knowledge knowledge, ComplaintWindow window) {
    this.knowledge = knowledge;
    this.window = window;
  }

  public Knowledge knowledge() {
    return knowledge;
  }

  public Assessment assess(PatientFacts facts, LocalDate today) {
    Evaluation e = new Evaluation(facts, knowledge, today, window);
    List<CauseAssessment> causes =
        causeRules.stream()
            .map(rule -> Scoring.assess(rule, e))
            .sorted(Comparator.comparingInt(CauseAssessment::score).reversed())
            .toList();
    List<RaisedFlag> flags =
        flagRules.stream()
            .map(rule -> rule.check(e))
            .flatMap(Optional::stream)
            .sorted(Comparator.comparing(RaisedFlag::urgency).reversed())
            .toList();
    SelfCareAdvisor.Plan selfCare = SelfCareAdvisor.advise(e, causes);
    List<MedicationEffect> effects = MedicationEffects.of(e);
    NextStepPlanner.Plan plan = NextStepPlanner.plan(e, causes, flags, effects);
    return new Assessment(
        e.report().isPresent(),
        causes,
        flags,
        plan.steps(),
        selfCare.advised(),
        selfCare.withheld(),
        Gaps.of(e, causes),
        e.complaint(),
        PainBurden.of(e),
        effects,
        plan.onRecord());
  }
}
