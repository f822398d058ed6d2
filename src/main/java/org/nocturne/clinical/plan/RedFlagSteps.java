package org.nocturne.clinical.plan;

import java.util.List;
import java.util.Optional;
import org.nocturne.clinical.conclusions.NextStep;
import org.nocturne.clinical.conclusions.RaisedFlag;
import org.nocturne.clinical.conclusions.RedFlag;
import org.nocturne.clinical.conclusions.Urgency;
import org.nocturne.clinical.facts.Measure;
import org.nocturne.clinical.rules.Evaluation;

/**
 * The same-day and emergency steps that the raised red flags call for; planned before any other.
 */
final class RedFlagSteps {
  private RedFlagSteps() {}

  static void plan(Evaluation e, List<RaisedFlag> flags, StepList steps) {
    critical(flags, RedFlag.ACUTE_LIMB_ISCHEMIA)
        .ifPresent(
            flag ->
                steps.add(
                    NextStep.EMERGENCY_VASCULAR_REFERRAL,
                    "Acute limb ischemia is suspected: an emergency",
                    flag.evidence(),
                    true));
    raised(flags, RedFlag.CHRONIC_LIMB_THREATENING_ISCHEMIA)
        .ifPresent(
            flag -> {
              boolean critical = flag.urgency() == Urgency.CRITICAL;
              steps.add(
                  critical ? NextStep.URGENT_VASCULAR_REFERRAL : NextStep.VASCULAR_REFERRAL,
                  critical
                      ? "Limb-threatening ischemia with tissue loss or severe haemodynamics"
                      : "Limb-threatening ischemia is suspected",
                  flag.evidence(),
                  true);
              if (!e.results().hasRecent(Measure.TOE_PRESSURE)
                  && !e.results().hasRecent(Measure.TOE_BRACHIAL_INDEX)) {
                steps.add(
                    NextStep.TOE_BRACHIAL_INDEX,
                    "Grades the ischemia; the ABI can be falsely normal in diabetes or kidney disease",
                    flag.evidence(),
                    true);
              }
            });
    raised(flags, RedFlag.DEEP_VEIN_THROMBOSIS)
        .ifPresent(
            flag -> {
              switch (flag.guidance()) {
                case DVT_IN_PREGNANCY ->
                    steps.add(
                        NextStep.VENOUS_DUPLEX,
                        "Pregnant or recently given birth: ultrasound, not Wells or D-dimer",
                        flag.evidence(),
                        true);
                case DVT_NOT_EXCLUDED ->
                    steps.add(
                        NextStep.D_DIMER,
                        "Wells below 2 does not exclude DVT: D-dimer today, ultrasound if positive",
                        flag.evidence(),
                        true);
                default -> {
                  steps.add(
                      NextStep.VENOUS_DUPLEX,
                      "Deep-vein thrombosis is likely (Wells ≥2)",
                      flag.evidence(),
                      true);
                  steps.add(
                      NextStep.D_DIMER,
                      "If the ultrasound is negative; it does not replace it at this score",
                      flag.evidence(),
                      true);
                }
              }
            });
    critical(flags, RedFlag.CAUDA_EQUINA)
        .ifPresent(
            flag ->
                steps.add(
                    NextStep.URGENT_LUMBAR_MRI,
                    "Cauda equina syndrome is suspected",
                    flag.evidence(),
                    true));
  }

  static Optional<RaisedFlag> raised(List<RaisedFlag> flags, RedFlag flag) {
    return flags.stream().filter(f -> f.flag() == flag).findFirst();
  }

  private static Optional<RaisedFlag> critical(List<RaisedFlag> flags, RedFlag flag) {
    return raised(flags, flag).filter(f -> f.urgency() == Urgency.CRITICAL);
  }
}
