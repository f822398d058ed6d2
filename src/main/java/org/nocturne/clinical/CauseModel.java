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
  private final List<CauseRule> causeRules = CauseRules.all();
  private final List<RedFlagRule> flagRules = RedFlagRules.all();

  public CauseModel(Knowledge knowledge) {
    this.knowledge = knowledge;
  }

  public Knowledge knowledge() {
    return knowledge;
  }

  public Assessment assess(PatientFacts facts, LocalDate today) {
    Evaluation e = new Evaluation(facts, knowledge, today);
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
    return new Assessment(
        facts.report().isPresent(),
        causes,
        flags,
        NextStepPlanner.plan(e, causes, flags),
        selfCare.advised(),
        selfCare.withheld(),
        Gaps.of(e, causes));
  }
}
