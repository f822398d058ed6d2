package org.nocturne.clinical;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A leg that suggests a clot, with a modified Wells score of 2 or more. */
final class DeepVeinThrombosisRule implements RedFlagRule {

  @Override
  public RedFlag flag() {
    return RedFlag.DEEP_VEIN_THROMBOSIS;
  }

  @Override
  public Optional<RaisedFlag> check(Evaluation e) {
    WellsScore wells = e.wells();
    if (!wells.likely(e)) {
      return Optional.empty();
    }
    List<Finding> findings = new ArrayList<>(wells.items());
    findings.add(
        RedFlagRule.seen(
            "Wells "
                + wells.points()
                + " (≥"
                + Format.number(e.t(Threshold.WELLS_DVT_LIKELY_MIN))
                + ": DVT likely; examination items not scored)",
            e.basis(Threshold.WELLS_DVT_LIKELY_MIN),
            List.of()));
    return Optional.of(new RaisedFlag(flag(), Urgency.CRITICAL, findings));
  }
}
