package org.nocturne.clinical.rules.ordersafety;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nocturne.clinical.Assessment;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.conclusions.SafetyConcern;
import org.nocturne.clinical.facts.Answers;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.facts.ProposedOrder;
import org.nocturne.clinical.rules.Evaluation;

/**
 * Contraindications to compression beyond the ABI (Rabe 2020): decompensated heart failure and
 * suspected phlegmasia block it; a sensory neuropathy needs a sensation check first, since severe
 * sensory loss hides pressure damage.
 */
final class CompressionContraindicationRule implements SafetyRule {
  @Override
  public SafetyConcern concern() {
    return SafetyConcern.COMPRESSION_CONTRAINDICATION;
  }

  @Override
  public Optional<SafetyFinding> check(Evaluation e, Assessment assessment, ProposedOrder order) {
    if (!order.compression()) {
      return Optional.empty();
    }
    String source = e.knowledge().safety(concern()).source();
    List<Finding> found = new ArrayList<>();
    List<String> blocking = new ArrayList<>();
    List<String> failure = e.diagnosisEvidence(Disorder.DECOMPENSATED_HEART_FAILURE);
    if (!failure.isEmpty()) {
      found.add(new Finding("Decompensated heart failure", 0, source, failure));
      blocking.add("decompensated heart failure");
    }
    List<String> phlegmasia = suspectedPhlegmasia(e);
    if (!phlegmasia.isEmpty()) {
      found.add(
          new Finding(
              "One swollen leg with pale or blue skin: possible phlegmasia",
              0,
              source,
              phlegmasia));
      blocking.add("possible phlegmasia");
    }
    List<String> neuropathy =
        e.diagnosisEvidence(Disorder.DIABETIC_NEUROPATHY, Disorder.OTHER_NEUROPATHY);
    if (!neuropathy.isEmpty()) {
      found.add(
          new Finding(
              "Sensory neuropathy: check sensation before compressing", 0, source, neuropathy));
    }
    if (found.isEmpty()) {
      return Optional.empty();
    }
    found.add(0, SafetyRule.ordered(e, concern(), "Compression ordered", order));
    boolean blocked = !blocking.isEmpty();
    return Optional.of(
        new SafetyFinding(
            concern(),
            blocked ? Severity.CRITICAL : Severity.WARNING,
            order,
            blocked
                ? "Compression with " + String.join(" and ", blocking) + ": contraindicated"
                : "Compression with a sensory neuropathy: check sensation first",
            found,
            blocked ? new Remedy.Withdraw() : new Remedy.Caution()));
  }

  /** A swollen leg that is pale or blue: the patient's own answers, until someone examines it. */
  private static List<String> suspectedPhlegmasia(Evaluation e) {
    return e.report()
        .filter(
            r ->
                r.swelling() == Answers.Swelling.ONE_LEG
                    && (r.has(Answers.SkinChange.PALE_OR_BLUE) || r.yes(Item.COLD_PALE_LEG)))
        .map(
            r ->
                List.of(
                    r.evidence(Item.SWELLING),
                    r.evidence(
                        r.has(Answers.SkinChange.PALE_OR_BLUE)
                            ? Item.SKIN_CHANGES
                            : Item.COLD_PALE_LEG)))
        .orElse(List.of());
  }
}
