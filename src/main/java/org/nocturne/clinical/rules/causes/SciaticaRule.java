package org.nocturne.clinical.rules.causes;

import static org.nocturne.clinical.facts.Answers.Location.RADIATES_FROM_BACK_OR_BUTTOCK;
import static org.nocturne.clinical.facts.Answers.PainCharacter.SHOOTING_ELECTRIC;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.nocturne.clinical.conclusions.Cause;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.facts.SymptomReport;
import org.nocturne.clinical.rules.Evaluation;

/**
 * Sciatica and lumbar radiculopathy, and spinal stenosis with neurogenic claudication (a PAD
 * mimic).
 */
final class SciaticaRule implements CauseRule {
  private static final String RADICULAR =
      "Garcia-Borreguero et al., BMC Neurol 2011, Table 3: radicular, one-sided pain [V]";
  private static final String MECHANICAL =
      "Clinical reference §3.3: worse sitting, bending, coughing or straining (Valsalva) [V]";
  private static final String STENOSIS =
      "Clinical reference §1.2: M48.062 spinal stenosis with neurogenic claudication mimics PAD [M]";

  @Override
  public Cause cause() {
    return Cause.SCIATICA;
  }

  @Override
  public List<Finding> findings(Evaluation e) {
    Findings f = new Findings();
    List<String> stenosis = e.diagnosisEvidence(Disorder.SPINAL_STENOSIS);
    e.report()
        .ifPresent(
            r -> {
              f.when(
                  r.has(RADIATES_FROM_BACK_OR_BUTTOCK),
                  4,
                  "Radiates from the back or buttock",
                  RADICULAR,
                  r.evidence(Item.LOCATION));
              f.when(
                  r.has(SHOOTING_ELECTRIC),
                  2,
                  "Shooting or electric",
                  RADICULAR,
                  r.evidence(Item.CHARACTER));
              mechanical(r)
                  .ifPresent(
                      item ->
                          f.when(
                              true,
                              3,
                              item == Item.EASED_BENDING_FORWARD_OR_SITTING
                                  ? "Eased by bending forward or sitting (stenosis-type)"
                                  : "Worse sitting, bending or coughing",
                              MECHANICAL,
                              r.evidence(item)));
              f.when(
                  r.laterality() != null && r.laterality().oneLeg(),
                  1,
                  "One leg",
                  RADICULAR,
                  r.evidence(Item.LATERALITY));
              f.when(
                  !stenosis.isEmpty() && r.yes(Item.EXERTIONAL_CALF_PAIN),
                  1,
                  "Leg pain on walking with spinal stenosis (neurogenic claudication)",
                  STENOSIS,
                  r.evidence(Item.EXERTIONAL_CALF_PAIN));
            });
    f.whenEvidence(
        e.diagnosisEvidence(Disorder.SCIATICA),
        4,
        "Sciatica or radiculopathy on the problem list",
        Findings.RECORDED_DIAGNOSIS);
    f.whenEvidence(stenosis, 3, "Lumbar spinal stenosis on the problem list", STENOSIS);
    f.whenEvidence(
        e.complaintDiagnosisEvidence(Disorder.SCIATICA, Disorder.SPINAL_STENOSIS),
        Findings.CURRENT_COMPLAINT_POINTS,
        "Diagnosed as the current leg complaint",
        Findings.CURRENT_COMPLAINT);
    return f.list();
  }

  /**
   * The mechanical pattern: the single question of questionnaire 1.0.0, or since 1.1.0 its two
   * halves, disc-type (worse sitting or coughing) and stenosis-type (eased bending forward).
   */
  private static Optional<Item> mechanical(SymptomReport r) {
    return Stream.of(
            Item.WORSE_SITTING_BENDING_COUGHING,
            Item.WORSE_SITTING_OR_COUGHING,
            Item.EASED_BENDING_FORWARD_OR_SITTING)
        .filter(r::yes)
        .findFirst();
  }
}
