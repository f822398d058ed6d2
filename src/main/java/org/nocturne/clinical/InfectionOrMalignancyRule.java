package org.nocturne.clinical;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fever (same day), or unexplained weight loss or active cancer with night pain (prompt review).
 */
final class InfectionOrMalignancyRule implements RedFlagRule {
  private static final String SYSTEMIC =
      "NHS Lothian RefHelp; NICE CKS: fever, weight loss, cancer history and night pain [V]";
  private static final String CELLULITIS =
      "Fever with a red, warm leg: cellulitis or deeper infection [M]";

  @Override
  public RedFlag flag() {
    return RedFlag.INFECTION_OR_MALIGNANCY;
  }

  @Override
  public Optional<RaisedFlag> check(Evaluation e) {
    List<Finding> findings = new ArrayList<>();
    boolean fever = e.report().map(r -> r.yes(Item.FEVER)).orElse(false);
    e.report()
        .ifPresent(
            r -> {
              if (fever) {
                findings.add(RedFlagRule.seen("Fever", SYSTEMIC, r.evidence(Item.FEVER)));
                if (r.has(Answers.SkinChange.RED_WARM)) {
                  findings.add(
                      RedFlagRule.seen(
                          "Red, warm skin", CELLULITIS, r.evidence(Item.SKIN_CHANGES)));
                }
              }
              if (r.yes(Item.WEIGHT_LOSS)) {
                findings.add(
                    RedFlagRule.seen(
                        "Unexplained weight loss with night pain",
                        SYSTEMIC,
                        r.evidence(Item.WEIGHT_LOSS)));
              }
            });
    List<String> cancer = e.diagnosisEvidence(Disorder.ACTIVE_CANCER);
    if (!cancer.isEmpty() && e.report().isPresent()) {
      findings.add(RedFlagRule.seen("Active cancer with night pain", SYSTEMIC, cancer));
    }
    if (findings.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new RaisedFlag(flag(), fever ? Urgency.CRITICAL : Urgency.WARNING, findings));
  }
}
