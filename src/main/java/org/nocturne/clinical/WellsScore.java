package org.nocturne.clinical;

import java.util.ArrayList;
import java.util.List;

/**
 * The modified Wells DVT score, from what the record and the questionnaire can tell (Wells, NEJM
 * 2003): one point each. Items that need an examination (calf circumference, pitting edema,
 * collateral veins) and the "alternative diagnosis as likely" deduction are left to the clinician.
 */
final class WellsScore {
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
                items.add(
                    RedFlagRule.seen("Calf tenderness", BASIS, r.evidence(Item.CALF_TENDERNESS)));
              }
              if (r.yes(Item.RECENT_IMMOBILITY_OR_SURGERY)) {
                items.add(
                    RedFlagRule.seen(
                        "Bedridden over 3 days or surgery within 12 weeks",
                        BASIS,
                        r.evidence(Item.RECENT_IMMOBILITY_OR_SURGERY)));
              }
            });
    List<String> oneLeg = e.oneLegSwellingEvidence();
    if (!oneLeg.isEmpty()) {
      items.add(0, RedFlagRule.seen("One leg swollen", BASIS, oneLeg));
    }
    List<String> cancer = e.diagnosisEvidence(Disorder.ACTIVE_CANCER);
    if (!cancer.isEmpty()) {
      items.add(RedFlagRule.seen("Active cancer", BASIS, cancer));
    }
    var recorded = e.facts().ever(Disorder.DEEP_VEIN_THROMBOSIS);
    if (recorded.isPresent()) {
      items.add(RedFlagRule.seen("Previous DVT", BASIS, recorded.get().source()));
    } else {
      // Not on the record, but the patient remembers one: the questionnaire stands in for history.
      e.report()
          .filter(r -> r.yes(Item.PREVIOUS_CLOT))
          .ifPresent(
              r ->
                  items.add(
                      RedFlagRule.seen(
                          "Previous clot in a leg or lung (patient reports)",
                          BASIS,
                          r.evidence(Item.PREVIOUS_CLOT))));
    }
    return new WellsScore(items);
  }

  int points() {
    return items.size();
  }

  List<Finding> items() {
    return items;
  }

  /** One-sided swelling or calf tenderness: the leg itself suggests a clot. */
  boolean hasLocalSign(Evaluation e) {
    return !e.oneLegSwellingEvidence().isEmpty()
        || e.report().map(r -> r.yes(Item.CALF_TENDERNESS)).orElse(false);
  }

  boolean likely(Evaluation e) {
    return hasLocalSign(e) && points() >= e.t(Threshold.WELLS_DVT_LIKELY_MIN);
  }
}
