package org.nocturne.clinical;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cauda equina: saddle numbness, or a bladder or bowel change with back-radiating or two-sided leg
 * symptoms. A bladder or bowel change alone is raised as a warning: it needs asking about, not an
 * emergency MRI.
 */
final class CaudaEquinaRule implements RedFlagRule {
  private static final String NICE =
      "NICE CKS Sciatica red flags (2018 update); BMJ Best Practice, cauda equina [V]";

  @Override
  public RedFlag flag() {
    return RedFlag.CAUDA_EQUINA;
  }

  @Override
  public Optional<RaisedFlag> check(Evaluation e) {
    return e.report().flatMap(r -> check(e, r));
  }

  private Optional<RaisedFlag> check(Evaluation e, SymptomReport r) {
    boolean saddle = r.yes(Item.SADDLE_NUMBNESS);
    boolean sphincter = r.yes(Item.BLADDER_OR_BOWEL_CHANGE);
    if (!saddle && !sphincter) {
      return Optional.empty();
    }
    List<Finding> findings = new ArrayList<>();
    if (saddle) {
      findings.add(RedFlagRule.seen("Saddle numbness", NICE, r.evidence(Item.SADDLE_NUMBNESS)));
    }
    if (sphincter) {
      findings.add(
          RedFlagRule.seen(
              "A change in bladder or bowel control",
              NICE,
              r.evidence(Item.BLADDER_OR_BOWEL_CHANGE)));
    }
    List<Finding> radicular = new ArrayList<>();
    if (r.has(Answers.Location.RADIATES_FROM_BACK_OR_BUTTOCK)) {
      radicular.add(
          RedFlagRule.seen("Pain radiating from the back", NICE, r.evidence(Item.LOCATION)));
    }
    if (r.laterality() == Answers.Laterality.BOTH
        && r.has(Answers.Location.RADIATES_FROM_BACK_OR_BUTTOCK)) {
      radicular.add(
          RedFlagRule.seen("Both legs (bilateral sciatica)", NICE, r.evidence(Item.LATERALITY)));
    }
    if (r.yes(Item.NEW_WEAKNESS_OR_NUMBNESS)) {
      radicular.add(
          RedFlagRule.seen(
              "New weakness or numbness in the legs",
              NICE,
              r.evidence(Item.NEW_WEAKNESS_OR_NUMBNESS)));
    }
    List<String> sciatica = e.diagnosisEvidence(Disorder.SCIATICA, Disorder.SPINAL_STENOSIS);
    if (!sciatica.isEmpty()) {
      radicular.add(
          RedFlagRule.seen("Sciatica or spinal stenosis on the problem list", NICE, sciatica));
    }
    findings.addAll(radicular);
    Urgency urgency = saddle || !radicular.isEmpty() ? Urgency.CRITICAL : Urgency.WARNING;
    return Optional.of(new RaisedFlag(flag(), urgency, findings));
  }
}
