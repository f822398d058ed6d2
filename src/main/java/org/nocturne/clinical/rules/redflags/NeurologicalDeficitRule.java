package org.nocturne.clinical.rules.redflags;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.conclusions.RaisedFlag;
import org.nocturne.clinical.conclusions.RedFlag;
import org.nocturne.clinical.conclusions.Urgency;
import org.nocturne.clinical.facts.Diagnosis;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.Format;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.facts.SymptomReport;
import org.nocturne.clinical.rules.Evaluation;

/**
 * New or worsening weakness or numbness, answered or coded (a foot drop diagnosed within the
 * complaint window); same day when it came on suddenly.
 */
final class NeurologicalDeficitRule implements RedFlagRule {
  private static final String DEFICIT =
      "NHS Lothian RefHelp (acute foot drop); seed article (sudden weakness, numbness or tingling) [V]";

  @Override
  public RedFlag flag() {
    return RedFlag.PROGRESSIVE_NEUROLOGICAL_DEFICIT;
  }

  @Override
  public Optional<RaisedFlag> check(Evaluation e) {
    List<Finding> findings = new ArrayList<>();
    boolean sudden = false;
    Optional<SymptomReport> report = e.report().filter(r -> r.yes(Item.NEW_WEAKNESS_OR_NUMBNESS));
    if (report.isPresent()) {
      SymptomReport r = report.get();
      findings.add(
          RedFlagRule.seen(
              "New or worsening weakness, numbness or tingling",
              DEFICIT,
              r.evidence(Item.NEW_WEAKNESS_OR_NUMBNESS)));
      sudden = r.yes(Item.SUDDEN_ONSET);
      if (sudden) {
        findings.add(RedFlagRule.seen("Came on suddenly", DEFICIT, r.evidence(Item.SUDDEN_ONSET)));
      }
    }
    for (Diagnosis footDrop : e.recentDiagnoses(Disorder.FOOT_DROP)) {
      String side = footDrop.side().label();
      findings.add(
          RedFlagRule.seen(
              "Foot drop"
                  + (side.isEmpty() ? "" : " " + side)
                  + " diagnosed "
                  + Format.date(footDrop.onset()),
              DEFICIT,
              footDrop.source()));
    }
    if (findings.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new RaisedFlag(flag(), sudden ? Urgency.CRITICAL : Urgency.WARNING, findings));
  }
}
