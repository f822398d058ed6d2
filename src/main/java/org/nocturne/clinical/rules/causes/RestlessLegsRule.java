package org.nocturne.clinical.rules.causes;

import static org.nocturne.clinical.facts.Answers.PainCharacter.CRAMP_HARD_MUSCLE;
import static org.nocturne.clinical.facts.Answers.PainCharacter.CRAWLING_CREEPING;
import static org.nocturne.clinical.facts.Answers.PainCharacter.URGE_TO_MOVE;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nocturne.clinical.conclusions.Cause;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.DrugClass;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.facts.SymptomReport;
import org.nocturne.clinical.rules.Evaluation;

/**
 * Restless legs syndrome: the 2012 IRLSSG essential criteria, supportive features and secondary
 * causes. {@code high} needs all four positive criteria and no cramp that explains them better
 * (criterion 5).
 */
final class RestlessLegsRule implements CauseRule {
  private static final String IRLSSG =
      "IRLSSG 2012 essential criteria (Allen et al., Sleep Med 2014) [V]";
  private static final String SUPPORTIVE = "IRLSSG 2012 supportive feature: family history [V]";
  private static final String SECONDARY =
      "AASM 2024 and IRLSSG: secondary causes of RLS (iron deficiency, CKD, pregnancy) [V]";
  private static final String AGGRAVATORS =
      "AASM 2024 / IRLSSG literature: drugs that worsen RLS [V-weak]";

  @Override
  public Cause cause() {
    return Cause.RESTLESS_LEGS;
  }

  @Override
  public List<Finding> findings(Evaluation e) {
    Findings f = new Findings();
    e.report()
        .ifPresent(
            r -> {
              f.when(
                  r.has(URGE_TO_MOVE),
                  3,
                  "An urge to move the legs (criterion 1)",
                  IRLSSG,
                  r.evidence(Item.CHARACTER));
              f.when(
                  r.has(CRAWLING_CREEPING),
                  1,
                  "Crawling or creeping sensations",
                  IRLSSG,
                  r.evidence(Item.CHARACTER));
              f.when(
                  r.yes(Item.WORSE_EVENING_AT_REST),
                  2,
                  "Worse at rest and in the evening (criteria 2 and 4)",
                  IRLSSG,
                  r.evidence(Item.WORSE_EVENING_AT_REST));
              f.when(
                  r.yes(Item.RELIEF_MOVING),
                  3,
                  "Eased by moving, while moving (criterion 3)",
                  IRLSSG,
                  r.evidence(Item.RELIEF_MOVING));
              f.when(
                  r.no(Item.RELIEF_MOVING),
                  -2,
                  "Moving does not ease it (criterion 3 unmet)",
                  IRLSSG,
                  r.evidence(Item.RELIEF_MOVING));
              f.when(
                  crampExplainsIt(r),
                  -3,
                  "A hard muscle ended by stretching is a cramp (criterion 5: not better explained)",
                  IRLSSG,
                  List.of(r.evidence(Item.CHARACTER), r.evidence(Item.RELIEF_STRETCHING)));
              f.when(
                  r.yes(Item.FAMILY_HISTORY_RLS),
                  1,
                  "Family history of restless legs",
                  SUPPORTIVE,
                  r.evidence(Item.FAMILY_HISTORY_RLS));
            });
    f.whenEvidence(
        e.diagnosisEvidence(Disorder.RESTLESS_LEGS),
        3,
        "Restless legs on the problem list",
        Findings.RECORDED_DIAGNOSIS);
    List<String> iron = new ArrayList<>(e.lowIronEvidence());
    iron.addAll(e.diagnosisEvidence(Disorder.IRON_DEFICIENCY));
    f.whenEvidence(iron, 2, "Low iron stores", SECONDARY);
    f.whenEvidence(e.kidneyDiseaseEvidence(), 1, "Chronic kidney disease", SECONDARY);
    f.whenEvidence(e.diagnosisEvidence(Disorder.PREGNANCY), 1, "Pregnancy", SECONDARY);
    f.forEach(
        e.taking(DrugClass.RLS_AGGRAVATING),
        1,
        "Takes a drug that can worsen restless legs: ",
        AGGRAVATORS);
    f.whenEvidence(
        e.complaintDiagnosisEvidence(Disorder.RESTLESS_LEGS),
        Findings.CURRENT_COMPLAINT_POINTS,
        "Diagnosed as the current leg complaint",
        Findings.CURRENT_COMPLAINT);
    return f.list();
  }

  @Override
  public Optional<String> highNotAllowedBecause(Evaluation e) {
    Optional<SymptomReport> report = e.report();
    boolean allFour =
        report
            .map(
                r ->
                    r.has(URGE_TO_MOVE)
                        && r.yes(Item.WORSE_EVENING_AT_REST)
                        && r.yes(Item.RELIEF_MOVING)
                        && !crampExplainsIt(r))
            .orElse(false);
    return allFour
        ? Optional.empty()
        : Optional.of(
            "Not called high: the IRLSSG essential features (urge to move, worse at rest and in the evening, "
                + "eased by moving) are not all present, or cramps explain them better");
  }

  private static boolean crampExplainsIt(SymptomReport r) {
    return r.has(CRAMP_HARD_MUSCLE) && r.yes(Item.RELIEF_STRETCHING);
  }
}
