package org.nocturne.clinical;

import java.util.List;
import java.util.Optional;

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
}
