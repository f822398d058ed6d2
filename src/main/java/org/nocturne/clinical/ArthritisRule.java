package org.nocturne.clinical;

import static org.nocturne.clinical.Answers.Location.KNEE_OR_HIP_JOINT;
import static org.nocturne.clinical.Answers.PainCharacter.JOINT_PAIN_STIFFNESS;

import java.util.List;

/** Osteoarthritis and rheumatoid arthritis: joint pain and stiffness in the knee or hip. */
final class ArthritisRule implements CauseRule {
  private static final String JOINT =
      "Clinical reference §3.3: joint-line pain, stiffness, swelling [V]";
  private static final String INFLAMMATORY =
      "Clinical reference §3.3: morning stiffness over an hour in rheumatoid arthritis [V]";

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
    f.whenEvidence(
        e.diagnosisEvidence(Disorder.OSTEOARTHRITIS, Disorder.RHEUMATOID_ARTHRITIS),
        3,
        "Arthritis on the problem list",
        Findings.RECORDED_DIAGNOSIS);
    return f.list();
  }
}
