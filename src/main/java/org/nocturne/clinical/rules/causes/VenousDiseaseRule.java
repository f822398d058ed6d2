package org.nocturne.clinical.rules.causes;

import static org.nocturne.clinical.facts.Answers.PainCharacter.ACHING_HEAVINESS;
import static org.nocturne.clinical.facts.Answers.PainCharacter.THROBBING;
import static org.nocturne.clinical.facts.Answers.SkinChange.DARK_DISCOLORATION;

import java.util.List;
import org.nocturne.clinical.conclusions.Cause;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.facts.Answers;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.rules.Evaluation;

/** Chronic venous insufficiency and varicose veins: heaviness after standing, eased by raising. */
final class VenousDiseaseRule implements CauseRule {
  private static final String CEAP =
      "ESVS 2022 chronic venous disease guideline, CEAP 2020 symptoms [V]";
  private static final String SIGNS = "CEAP 2020: edema (C3) and pigmentation (C4) [V]";
  private static final String DEPENDENCY =
      "Clinical reference §3.3: dependency worsens venous pooling; elevation relieves it [V]";
  private static final String POST_THROMBOTIC =
      "Clinical reference §1.2: post-thrombotic syndrome after DVT (I87.0) [M]";

  @Override
  public Cause cause() {
    return Cause.VENOUS_INSUFFICIENCY;
  }

  @Override
  public List<Finding> findings(Evaluation e) {
    Findings f = new Findings();
    e.report()
        .ifPresent(
            r -> {
              f.when(
                  r.has(ACHING_HEAVINESS), 2, "Aching heaviness", CEAP, r.evidence(Item.CHARACTER));
              f.when(r.has(THROBBING), 1, "Throbbing", CEAP, r.evidence(Item.CHARACTER));
              f.when(
                  r.yes(Item.WORSE_AFTER_STANDING),
                  3,
                  "Heavier at the end of the day or after standing",
                  CEAP,
                  r.evidence(Item.WORSE_AFTER_STANDING));
              f.when(
                  r.yes(Item.RELIEF_ELEVATION),
                  3,
                  "Eased by raising the legs",
                  CEAP,
                  r.evidence(Item.RELIEF_ELEVATION));
              f.when(
                  r.swelling() == Answers.Swelling.ONE_LEG
                      || r.swelling() == Answers.Swelling.BOTH_LEGS,
                  1,
                  "Swelling",
                  SIGNS,
                  r.evidence(Item.SWELLING));
              f.when(
                  r.has(DARK_DISCOLORATION),
                  2,
                  "Dark discoloration of the skin",
                  SIGNS,
                  r.evidence(Item.SKIN_CHANGES));
              f.when(
                  r.yes(Item.RELIEF_DANGLING),
                  -2,
                  "Eased by hanging the legs down",
                  DEPENDENCY,
                  r.evidence(Item.RELIEF_DANGLING));
            });
    f.whenEvidence(
        e.diagnosisEvidence(Disorder.VENOUS_INSUFFICIENCY),
        3,
        "Varicose veins or venous insufficiency on the problem list",
        Findings.RECORDED_DIAGNOSIS);
    f.whenEvidence(
        e.facts()
            .ever(Disorder.DEEP_VEIN_THROMBOSIS)
            .map(d -> List.of(d.source()))
            .orElse(List.of()),
        1,
        "Past deep-vein thrombosis",
        POST_THROMBOTIC);
    f.whenEvidence(
        e.complaintDiagnosisEvidence(Disorder.VENOUS_INSUFFICIENCY),
        Findings.CURRENT_COMPLAINT_POINTS,
        "Diagnosed as the current leg complaint",
        Findings.CURRENT_COMPLAINT);
    return f.list();
  }
}
