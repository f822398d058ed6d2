package org.nocturne.clinical.rules.redflags;

import java.util.List;
import java.util.Optional;
import org.nocturne.clinical.conclusions.RaisedFlag;
import org.nocturne.clinical.conclusions.RedFlag;
import org.nocturne.clinical.conclusions.Urgency;
import org.nocturne.clinical.facts.Answers;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.DrugClass;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.rules.Evaluation;

/** Swelling with no recorded venous cause, when the leg is not already flagged for a clot. */
final class UnexplainedSwellingRule implements RedFlagRule {
  private static final String SEED =
      "NICE CKS Leg cramps (calf swelling: DVT or Baker's cyst); significant, unexplained swelling";

  @Override
  public RedFlag flag() {
    return RedFlag.UNEXPLAINED_SWELLING;
  }

  @Override
  public Optional<RaisedFlag> check(Evaluation e) {
    boolean explained =
        e.facts().current(Disorder.VENOUS_INSUFFICIENCY).isPresent() || e.wells().hasLocalSign(e);
    // both legs: heart failure, kidney disease, a known oedema or a loop diuretic explain it
    // (NICE CKS Oedema: bilateral oedema is systemic or drug-related)
    boolean bothExplained =
        !e.diagnosisEvidence(Disorder.HEART_FAILURE, Disorder.DIALYSIS, Disorder.LEG_SWELLING)
                .isEmpty()
            || !e.kidneyDiseaseEvidence().isEmpty()
            || !e.taking(DrugClass.LOOP_DIURETIC).isEmpty();
    return e.report()
        .filter(
            r ->
                r.swelling() == Answers.Swelling.ONE_LEG
                    || r.swelling() == Answers.Swelling.BOTH_LEGS)
        .filter(r -> !explained)
        .filter(r -> !(r.swelling() == Answers.Swelling.BOTH_LEGS && bothExplained))
        .map(
            r ->
                new RaisedFlag(
                    flag(),
                    Urgency.WARNING,
                    List.of(
                        RedFlagRule.seen(
                            (r.swelling() == Answers.Swelling.ONE_LEG
                                    ? "Swelling of one leg"
                                    : "Swelling of both legs")
                                + ", no recorded cause",
                            SEED,
                            r.evidence(Item.SWELLING)))));
  }
}
