package org.nocturne.clinical.rules.ordersafety;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nocturne.clinical.Assessment;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.conclusions.NextStep;
import org.nocturne.clinical.conclusions.SafetyConcern;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.DrugClass;
import org.nocturne.clinical.facts.Format;
import org.nocturne.clinical.facts.Measure;
import org.nocturne.clinical.facts.Medication;
import org.nocturne.clinical.facts.ProposedOrder;
import org.nocturne.clinical.knowledge.Threshold;
import org.nocturne.clinical.rules.Evaluation;

/**
 * A dopamine agonist for restless legs: AASM 2024 advises against standard use (augmentation).
 * Without a recent ferritin, iron studies come first; with low iron, iron repletion does.
 */
final class DopamineAgonistForRlsRule implements SafetyRule {
  private static final String AUGMENTATION =
      "AASM 2024 RLS guideline; IRLSSG/RLS Foundation augmentation guidance (Garcia-Borreguero, Sleep Med 2016)";

  @Override
  public SafetyConcern concern() {
    return SafetyConcern.DOPAMINE_AGONIST_FOR_RLS;
  }

  @Override
  public List<Threshold> thresholds() {
    return List.of(Threshold.FERRITIN_IRON_THERAPY_MAX, Threshold.RECENT_TEST_MONTHS);
  }

  @Override
  public Optional<SafetyFinding> check(Evaluation e, Assessment assessment, ProposedOrder order) {
    if (!order.is(DrugClass.DOPAMINE_AGONIST)
        || (!order.reasons().contains(Disorder.RESTLESS_LEGS)
            && DrugMayWorsenRlsRule.restlessLegs(e, assessment).isEmpty())) {
      return Optional.empty();
    }
    List<Finding> findings = new ArrayList<>();
    findings.add(SafetyRule.ordered(e, concern(), "Dopaminergic drug for restless legs", order));
    boolean noFerritin = !e.results().hasRecent(Measure.FERRITIN);
    if (noFerritin) {
      findings.add(
          new Finding(
              "No ferritin in the last " + (int) e.t(Threshold.RECENT_TEST_MONTHS) + " months",
              0,
              e.basis(Threshold.RECENT_TEST_MONTHS),
              List.of()));
    }
    List<String> lowIron = e.lowIronEvidence();
    if (!lowIron.isEmpty()) {
      findings.add(
          new Finding(
              "Low iron stores (ferritin ≤"
                  + Format.number(e.t(Threshold.FERRITIN_IRON_THERAPY_MAX))
                  + " or low TSAT): iron first",
              0,
              e.basis(Threshold.FERRITIN_IRON_THERAPY_MAX),
              lowIron));
    }
    // already on a dopamine agonist and the dose is raised: augmentation (AASM 2024; IRLSSG 2016)
    List<Medication> current = e.taking(DrugClass.DOPAMINE_AGONIST);
    if (!current.isEmpty()) {
      current.forEach(
          m ->
              findings.add(
                  new Finding(
                      "Already on " + m.nameSince() + ": a higher dose feeds augmentation",
                      0,
                      AUGMENTATION,
                      List.of(m.source()))));
      findings.add(
          new Finding(
              "Do not raise the dose: iron if ferritin ≤"
                  + Format.number(e.t(Threshold.FERRITIN_IRON_THERAPY_MAX))
                  + ", an alpha-2-delta ligand (gabapentin, pregabalin), then a slow taper of the"
                  + " agonist",
              0,
              AUGMENTATION,
              List.of()));
      return Optional.of(
          new SafetyFinding(
              concern(),
              Severity.WARNING,
              order,
              order.name() + " on top of a dopamine agonist: possible augmentation, do not raise",
              findings,
              new Remedy.Withdraw()));
    }
    Remedy remedy =
        noFerritin
            ? new Remedy.TestFirst(NextStep.IRON_STUDIES)
            : !lowIron.isEmpty()
                ? new Remedy.TestFirst(NextStep.IRON_REPLETION)
                : new Remedy.Caution();
    return Optional.of(
        new SafetyFinding(
            concern(),
            Severity.WARNING,
            order,
            order.name() + " for restless legs: not advised for standard use",
            findings,
            remedy));
  }
}
