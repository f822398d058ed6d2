package org.nocturne.clinical.rules.redflags;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.conclusions.RaisedFlag;
import org.nocturne.clinical.conclusions.RedFlag;
import org.nocturne.clinical.conclusions.Urgency;
import org.nocturne.clinical.facts.Answers;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.facts.SymptomReport;
import org.nocturne.clinical.knowledge.Threshold;
import org.nocturne.clinical.rules.Evaluation;

/** Sudden pain with a cold, pale leg: the 6 Ps of acute limb ischemia, worse odds with AF. */
final class AcuteLimbIschemiaRule implements RedFlagRule {
  private static final String SIX_PS =
      "Acute limb ischemia, the 6 Ps (AccessEmergencyMedicine; RCEM Learning; 2024 ACC/AHA) [V]";
  private static final String EMBOLIC =
      "Atrial fibrillation is the commonest embolic source in acute limb ischemia [V]";

  @Override
  public RedFlag flag() {
    return RedFlag.ACUTE_LIMB_ISCHEMIA;
  }

  @Override
  public Optional<RaisedFlag> check(Evaluation e) {
    return e.report().flatMap(r -> check(e, r)).or(() -> fromRecord(e));
  }

  /** An arterial embolism or thrombosis of the leg coded within the last 2 weeks. */
  private Optional<RaisedFlag> fromRecord(Evaluation e) {
    List<String> coded =
        e.acuteDiagnoses(Disorder.ACUTE_LIMB_ISCHEMIA, Threshold.ACUTE_LIMB_ISCHEMIA_DAYS);
    if (coded.isEmpty()) {
      return Optional.empty();
    }
    List<Finding> findings = new ArrayList<>();
    findings.add(
        RedFlagRule.seen(
            "Arterial embolism or thrombosis of the leg diagnosed in the last 2 weeks",
            e.basis(Threshold.ACUTE_LIMB_ISCHEMIA_DAYS),
            coded));
    List<String> af = e.diagnosisEvidence(Disorder.ATRIAL_FIBRILLATION);
    if (!af.isEmpty()) {
      findings.add(RedFlagRule.seen("Atrial fibrillation", EMBOLIC, af));
    }
    return Optional.of(new RaisedFlag(flag(), Urgency.CRITICAL, findings));
  }

  private Optional<RaisedFlag> check(Evaluation e, SymptomReport r) {
    boolean coldPale = r.yes(Item.COLD_PALE_LEG) || r.has(Answers.SkinChange.PALE_OR_BLUE);
    boolean sudden = r.yes(Item.SUDDEN_ONSET) || r.onset() == Answers.Onset.UNDER_2_WEEKS;
    if (!coldPale || !sudden) {
      return Optional.empty();
    }
    List<Finding> findings = new ArrayList<>();
    findings.add(
        RedFlagRule.seen(
            "The leg is cold and pale",
            SIX_PS,
            r.evidence(r.yes(Item.COLD_PALE_LEG) ? Item.COLD_PALE_LEG : Item.SKIN_CHANGES)));
    findings.add(
        RedFlagRule.seen(
            "Came on suddenly or within the last two weeks",
            SIX_PS,
            r.evidence(r.yes(Item.SUDDEN_ONSET) ? Item.SUDDEN_ONSET : Item.ONSET)));
    if (r.yes(Item.NEW_WEAKNESS_OR_NUMBNESS)) {
      findings.add(
          RedFlagRule.seen(
              "New weakness or numbness: the limb is threatened",
              SIX_PS,
              r.evidence(Item.NEW_WEAKNESS_OR_NUMBNESS)));
    }
    List<String> af = e.diagnosisEvidence(Disorder.ATRIAL_FIBRILLATION);
    if (!af.isEmpty()) {
      findings.add(RedFlagRule.seen("Atrial fibrillation", EMBOLIC, af));
    }
    return Optional.of(new RaisedFlag(flag(), Urgency.CRITICAL, findings));
  }
}
