package org.nocturne.clinical.rules.causes;

import static org.nocturne.clinical.facts.Answers.Location.KNEE_OR_HIP_JOINT;
import static org.nocturne.clinical.facts.Answers.PainCharacter.JOINT_PAIN_STIFFNESS;

import java.util.List;
import org.nocturne.clinical.conclusions.Cause;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.DrugClass;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.rules.Evaluation;

/** Osteoarthritis and rheumatoid arthritis: joint pain and stiffness in the knee or hip. */
final class ArthritisRule implements CauseRule {
  private static final String JOINT =
      "Clinical reference §3.3: joint-line pain, stiffness, swelling [V]";
  private static final String INFLAMMATORY =
      "Clinical reference §3.3: morning stiffness over an hour in rheumatoid arthritis [V]";

  private static final String GOUT =
      "ACR 2020 gout guideline (FitzGerald, Arthritis Care Res 2020): colchicine, NSAIDs or glucocorticoids for flares; switch hydrochlorothiazide when feasible";

  @Override
  public Cause cause() {
    return Cause.ARTHRITIS;
  }

  @Override
  public List<Finding> findings(Evaluation e) {
    Findings f = new Findings();
    e.report()
        .ifPresent(
            r -> {
              f.when(
                  r.has(JOINT_PAIN_STIFFNESS),
                  4,
                  "Joint pain and stiffness",
                  JOINT,
                  r.evidence(Item.CHARACTER));
              f.when(
                  r.has(KNEE_OR_HIP_JOINT),
                  3,
                  "In the knee or hip joint",
                  JOINT,
                  r.evidence(Item.LOCATION));
              f.when(
                  r.yes(Item.MORNING_STIFFNESS_OVER_30_MINUTES),
                  2,
                  "Morning stiffness over 30 minutes",
                  INFLAMMATORY,
                  r.evidence(Item.MORNING_STIFFNESS_OVER_30_MINUTES));
            });
    // gout on the problem list is the arthritis: named, with the flare treatment and the thiazide
    List<String> gout = e.diagnosisEvidence(Disorder.GOUT);
    f.whenEvidence(
        gout,
        e.recentDiagnoses(Disorder.GOUT).isEmpty() ? 3 : 6,
        "Gout on record: treat the flare with colchicine, an NSAID or a glucocorticoid",
        GOUT);
    if (!gout.isEmpty()) {
      f.forEach(
          e.taking(DrugClass.THIAZIDE_DIURETIC, DrugClass.LOOP_DIURETIC),
          1,
          "Raises urate, consider an alternative: ",
          GOUT);
    }
    f.whenEvidence(
        e.diagnosisEvidence(Disorder.OSTEOARTHRITIS, Disorder.RHEUMATOID_ARTHRITIS),
        3,
        "Arthritis on the problem list",
        Findings.RECORDED_DIAGNOSIS);
    f.whenEvidence(
        e.complaintDiagnosisEvidence(
            Disorder.OSTEOARTHRITIS, Disorder.RHEUMATOID_ARTHRITIS, Disorder.GOUT),
        Findings.CURRENT_COMPLAINT_POINTS,
        "Diagnosed as the current leg complaint",
        Findings.CURRENT_COMPLAINT);
    return f.list();
  }
}
