package org.nocturne.clinical.rules.redflags;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.conclusions.RaisedFlag;
import org.nocturne.clinical.conclusions.RedFlag;
import org.nocturne.clinical.conclusions.Urgency;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.rules.Evaluation;

/** New or worsening weakness or numbness; same day when it came on suddenly. */
final class NeurologicalDeficitRule implements RedFlagRule {
  private static final String DEFICIT =
      "NHS Lothian RefHelp (acute foot drop); seed article (sudden weakness, numbness or tingling) [V]";

  @Override
  public RedFlag flag() {
    return RedFlag.PROGRESSIVE_NEUROLOGICAL_DEFICIT;
  }

  @Override
  public Optional<RaisedFlag> check(Evaluation e) {
    return e.report()
        .filter(r -> r.yes(Item.NEW_WEAKNESS_OR_NUMBNESS))
        .map(
            r -> {
              List<Finding> findings = new ArrayList<>();
              findings.add(
                  RedFlagRule.seen(
                      "New or worsening weakness, numbness or tingling",
                      DEFICIT,
                      r.evidence(Item.NEW_WEAKNESS_OR_NUMBNESS)));
              boolean sudden = r.yes(Item.SUDDEN_ONSET);
              if (sudden) {
                findings.add(
                    RedFlagRule.seen("Came on suddenly", DEFICIT, r.evidence(Item.SUDDEN_ONSET)));
              }
              return new RaisedFlag(flag(), sudden ? Urgency.CRITICAL : Urgency.WARNING, findings);
            });
  }
}
