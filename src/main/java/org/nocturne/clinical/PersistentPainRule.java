package org.nocturne.clinical;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Pain that is severe, or that persists or does not improve with home care. */
final class PersistentPainRule implements RedFlagRule {
  private static final String SEED =
      "Seed article: pain that is persistent, severe, or does not improve with home remedies";

  @Override
  public RedFlag flag() {
    return RedFlag.PERSISTENT_OR_SEVERE_PAIN;
  }

  @Override
  public Optional<RaisedFlag> check(Evaluation e) {
    return e.report()
        .flatMap(
            r -> {
              List<Finding> findings = new ArrayList<>();
              if (r.yes(Item.NOT_IMPROVING_WITH_HOME_CARE)) {
                findings.add(
                    RedFlagRule.seen(
                        "Not improving with home care",
                        SEED,
                        r.evidence(Item.NOT_IMPROVING_WITH_HOME_CARE)));
              }
              double severe = e.t(Threshold.SEVERE_PAIN_MIN);
              if (r.painSeverity() != null && r.painSeverity() >= severe) {
                findings.add(
                    RedFlagRule.seen(
                        "Pain " + r.painSeverity() + "/10 (≥" + Format.number(severe) + " severe)",
                        e.basis(Threshold.SEVERE_PAIN_MIN),
                        r.evidence(Item.PAIN_SEVERITY)));
              }
              boolean frequent =
                  r.nightsPerWeek() == Answers.NightsPerWeek.THREE_TO_FIVE
                      || r.nightsPerWeek() == Answers.NightsPerWeek.SIX_TO_SEVEN;
              if (r.onset() == Answers.Onset.OVER_3_MONTHS && frequent) {
                findings.add(
                    RedFlagRule.seen(
                        "Over 3 months, on " + r.nightsPerWeek().code() + " nights a week",
                        SEED,
                        List.of(r.evidence(Item.ONSET), r.evidence(Item.NIGHTS_PER_WEEK))));
              }
              return findings.isEmpty()
                  ? Optional.empty()
                  : Optional.of(new RaisedFlag(flag(), Urgency.WARNING, findings));
            });
  }
}
