package org.nocturne.clinical.rules;

import java.util.ArrayList;
import java.util.List;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.knowledge.Threshold;

/**
 * The modified Wells DVT score, from what the record and the questionnaire can tell (Wells, NEJM
 * 2003): one point each. Items that need an examination (calf circumference, pitting edema,
 * collateral veins) and the "alternative diagnosis as likely" deduction are left to the clinician.
 */
public final class WellsScore {
  static final String BASIS =
      "Modified Wells DVT score (Wells et al., NEJM 2003): one point each [V]";

  private final List<Finding> items;

  private WellsScore(List<Finding> items) {
    this.items = List.copyOf(items);
  }

  static WellsScore of(Evaluation e) {
    List<Finding> items = new ArrayList<>();
    e.report()
        .ifPresent(
            r -> {
              if (r.yes(Item.CALF_TENDERNESS)) {
                items.add(seen("Calf tenderness", BASIS, r.evidence(Item.CALF_TENDERNESS)));
              }
              if (r.yes(Item.RECENT_IMMOBILITY_OR_SURGERY)) {
                items.add(
                    seen(
                        "Bedridden over 3 days or surgery within 12 weeks",
                        BASIS,
                        r.evidence(Item.RECENT_IMMOBILITY_OR_SURGERY)));
              }
            });
    List<String> oneLeg = e.oneLegSwellingEvidence();
    if (!oneLeg.isEmpty()) {
      items.add(0, seen("One leg swollen", BASIS, oneLeg));
    }
    List<String> cancer = e.diagnosisEvidence(Disorder.ACTIVE_CANCER);
    if (!cancer.isEmpty()) {
      items.add(seen("Active cancer", BASIS, cancer));
    }
    var recorded = e.facts().ever(Disorder.DEEP_VEIN_THROMBOSIS);
    if (recorded.isPresent()) {
      items.add(seen("Previous DVT", BASIS, recorded.get().source()));
    } else {
      // Not on the record, but the patient remembers one: the questionnaire stands in for history.
      e.report()
          .filter(r -> r.yes(Item.PREVIOUS_CLOT))
          .ifPresent(
              r ->
                  items.add(
                      seen(
                          "Previous clot in a leg or lung (patient reports)",
                          BASIS,
                          r.evidence(Item.PREVIOUS_CLOT))));
    }
    return new WellsScore(items);
  }

  /** A Wells item: observed, not scored as a cause's finding (the score counts the items). */
  private static Finding seen(String text, String basis, String... evidence) {
    return seen(text, basis, List.of(evidence));
  }

  private static Finding seen(String text, String basis, List<String> evidence) {
    return new Finding(text, 0, basis, evidence);
  }

  public int points() {
    return items.size();
  }

  public List<Finding> items() {
    return items;
  }

  /** One-sided swelling or calf tenderness: the leg itself suggests a clot. */
  public boolean hasLocalSign(Evaluation e) {
    return !e.oneLegSwellingEvidence().isEmpty()
        || e.report().map(r -> r.yes(Item.CALF_TENDERNESS)).orElse(false);
  }

  public boolean likely(Evaluation e) {
    return hasLocalSign(e) && points() >= e.t(Threshold.WELLS_DVT_LIKELY_MIN);
  }
}
