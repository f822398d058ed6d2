package org.nocturne.clinical.rules.redflags;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.conclusions.FlagGuidance;
import org.nocturne.clinical.conclusions.RaisedFlag;
import org.nocturne.clinical.conclusions.RedFlag;
import org.nocturne.clinical.conclusions.Urgency;
import org.nocturne.clinical.facts.Answers;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.facts.SymptomReport;
import org.nocturne.clinical.rules.Evaluation;

/**
 * Cauda equina: saddle numbness, or a bladder or bowel change with back-radiating or two-sided leg
 * symptoms (critical, emergency MRI). A bladder or bowel change alone is a warning. Pain or new
 * weakness in both legs with back pain or spinal stenosis is a warning even when the bladder, bowel
 * and saddle answers are negative or missing (GIRFT national suspected cauda equina pathway 2023):
 * they must be asked today.
 */
final class CaudaEquinaRule implements RedFlagRule {
  private static final String NICE =
      "NICE CKS Sciatica red flags (2018 update); BMJ Best Practice, cauda equina";
  private static final String GIRFT =
      "GIRFT national suspected cauda equina pathway (2023): bilateral radicular symptoms";

  @Override
  public RedFlag flag() {
    return RedFlag.CAUDA_EQUINA;
  }

  @Override
  public Optional<RaisedFlag> check(Evaluation e) {
    Optional<RaisedFlag> answered = e.report().flatMap(r -> check(e, r));
    if (answered.filter(f -> f.urgency() == Urgency.CRITICAL).isPresent()) {
      return answered;
    }
    Optional<RaisedFlag> recorded = fromRecord(e);
    return recorded.isPresent()
            && (answered.isEmpty() || recorded.get().urgency() == Urgency.CRITICAL)
        ? recorded
        : answered;
  }

  /**
   * The same pathway read from coded diagnoses, for the EHR that sends no questionnaire (GIRFT
   * 2023): a new bladder or bowel dysfunction with sciatica on record is critical; sciatica in both
   * legs on record, one side new, is bilateral radicular pain: ask today.
   */
  private Optional<RaisedFlag> fromRecord(Evaluation e) {
    List<String> radicular = e.diagnosisEvidence(Disorder.SCIATICA, Disorder.SPINAL_STENOSIS);
    List<String> bilateral = e.bilateralSciaticaEvidence();
    List<String> sphincter = new ArrayList<>();
    e.recentDiagnoses(Disorder.BLADDER_OR_BOWEL_DYSFUNCTION)
        .forEach(d -> sphincter.add(d.source()));
    List<Finding> findings = new ArrayList<>();
    if (!bilateral.isEmpty()) {
      findings.add(
          RedFlagRule.seen("Sciatica in both legs (bilateral radicular pain)", GIRFT, bilateral));
    }
    if (!sphincter.isEmpty() && !radicular.isEmpty()) {
      findings.add(
          0,
          RedFlagRule.seen(
              "New bladder or bowel dysfunction (urinary retention)", NICE, sphincter));
      if (bilateral.isEmpty()) {
        findings.add(
            RedFlagRule.seen("Sciatica or spinal stenosis on the problem list", NICE, radicular));
      }
      return Optional.of(new RaisedFlag(flag(), Urgency.CRITICAL, findings));
    }
    return bilateral.isEmpty()
        ? Optional.empty()
        : Optional.of(
            new RaisedFlag(
                flag(), Urgency.WARNING, findings, FlagGuidance.BILATERAL_RADICULAR_SYMPTOMS));
  }

  private Optional<RaisedFlag> check(Evaluation e, SymptomReport r) {
    boolean saddle = r.yes(Item.SADDLE_NUMBNESS);
    boolean sphincter = r.yes(Item.BLADDER_OR_BOWEL_CHANGE);
    if (!saddle && !sphincter) {
      return bilateral(e, r);
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

  /** Both legs, with back pain or spinal stenosis: ask about the rest today. */
  private Optional<RaisedFlag> bilateral(Evaluation e, SymptomReport r) {
    if (r.laterality() != Answers.Laterality.BOTH) {
      return Optional.empty();
    }
    List<String> spine = e.diagnosisEvidence(Disorder.SCIATICA, Disorder.SPINAL_STENOSIS);
    boolean back = r.has(Answers.Location.RADIATES_FROM_BACK_OR_BUTTOCK);
    if (!back && spine.isEmpty()) {
      return Optional.empty();
    }
    List<Finding> findings = new ArrayList<>();
    findings.add(
        RedFlagRule.seen(
            r.yes(Item.NEW_WEAKNESS_OR_NUMBNESS)
                ? "New weakness or numbness in both legs"
                : "Pain in both legs",
            GIRFT,
            r.evidence(Item.LATERALITY)));
    if (back) {
      findings.add(RedFlagRule.seen("Radiating from the back", GIRFT, r.evidence(Item.LOCATION)));
    }
    if (!spine.isEmpty()) {
      findings.add(RedFlagRule.seen("Sciatica or spinal stenosis on record", GIRFT, spine));
    }
    findings.add(
        RedFlagRule.seen(
            "Bladder, bowel and saddle: "
                + (r.no(Item.SADDLE_NUMBNESS) && r.no(Item.BLADDER_OR_BOWEL_CHANGE)
                    ? "answered no; ask again"
                    : "not answered; ask"),
            GIRFT,
            List.of()));
    return Optional.of(
        new RaisedFlag(
            flag(), Urgency.WARNING, findings, FlagGuidance.BILATERAL_RADICULAR_SYMPTOMS));
  }
}
