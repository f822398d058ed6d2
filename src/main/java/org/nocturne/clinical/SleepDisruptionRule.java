package org.nocturne.clinical;

import java.util.List;
import java.util.Optional;

/** Pain that regularly interrupts sleep. */
final class SleepDisruptionRule implements RedFlagRule {
  private static final String SEED = "Seed article: pain consistently interrupting sleep";

  @Override
  public RedFlag flag() {
    return RedFlag.SLEEP_DISRUPTION;
  }

  @Override
  public Optional<RaisedFlag> check(Evaluation e) {
    return e.report()
        .filter(r -> r.yes(Item.SLEEP_DISRUPTED))
        .map(
            r ->
                new RaisedFlag(
                    flag(),
                    Urgency.WARNING,
                    List.of(
                        RedFlagRule.seen(
                            "Regularly interrupts sleep",
                            SEED,
                            r.evidence(Item.SLEEP_DISRUPTED)))));
  }
}
