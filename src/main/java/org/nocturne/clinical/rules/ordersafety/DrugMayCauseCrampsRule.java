package org.nocturne.clinical.rules.ordersafety;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.nocturne.clinical.Assessment;
import org.nocturne.clinical.conclusions.Cause;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.conclusions.SafetyConcern;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.DrugClass;
import org.nocturne.clinical.facts.Format;
import org.nocturne.clinical.facts.Measure;
import org.nocturne.clinical.facts.Measurement;
import org.nocturne.clinical.facts.ProposedOrder;
import org.nocturne.clinical.knowledge.Threshold;
import org.nocturne.clinical.rules.Evaluation;

/**
 * A drug linked to cramps, ordered for a patient who has them: diuretics and long-acting beta
 * agonists (Garrison 2012) and the drugs AAFP 2012 names. Information, with the ask to watch.
 */
final class DrugMayCauseCrampsRule implements SafetyRule {
  // wider than the cause model's list: loop diuretics and the AAFP drugs are worth a word at
  // ordering
  static final Set<DrugClass> CRAMP_DRUGS =
      Stream.concat(
              DrugClass.CRAMP_INDUCING.stream(),
              Stream.of(DrugClass.LOOP_DIURETIC, DrugClass.CRAMP_ASSOCIATED))
          .collect(Collectors.toUnmodifiableSet());

  @Override
  public SafetyConcern concern() {
    return SafetyConcern.DRUG_MAY_CAUSE_CRAMPS;
  }

  @Override
  public Optional<SafetyFinding> check(Evaluation e, Assessment assessment, ProposedOrder order) {
    List<String> cramps =
        SafetyRule.evidenceOf(e, assessment, Disorder.LEG_CRAMPS, Cause.LEG_CRAMPS);
    if (CRAMP_DRUGS.stream().noneMatch(order::is) || cramps.isEmpty()) {
      return Optional.empty();
    }
    List<Finding> findings = new ArrayList<>();
    findings.add(SafetyRule.ordered(e, concern(), "Ordered", order));
    findings.add(
        new Finding("Night-time leg cramps", 0, e.knowledge().safety(concern()).source(), cramps));
    // the results that matter to a diuretic: low potassium or magnesium within a year, with date
    boolean diuretic = order.is(DrugClass.THIAZIDE_DIURETIC) || order.is(DrugClass.LOOP_DIURETIC);
    List<Measurement> low = new ArrayList<>();
    if (diuretic) {
      e.results().lowRecent(Measure.POTASSIUM, Threshold.POTASSIUM_LOW_BELOW).ifPresent(low::add);
      e.results().lowRecent(Measure.MAGNESIUM, Threshold.MAGNESIUM_LOW_BELOW).ifPresent(low::add);
    }
    for (Measurement m : low) {
      findings.add(
          new Finding(
              Format.result(m.measure() == Measure.POTASSIUM ? "Potassium" : "Magnesium", m)
                  + ", low: the diuretic lowers it further; correct and recheck before starting",
              0,
              e.basis(
                  m.measure() == Measure.POTASSIUM
                      ? Threshold.POTASSIUM_LOW_BELOW
                      : Threshold.MAGNESIUM_LOW_BELOW),
              List.of(m.source())));
    }
    return Optional.of(
        new SafetyFinding(
            concern(),
            low.isEmpty() ? Severity.INFO : Severity.WARNING,
            order,
            order.name()
                + (low.isEmpty()
                    ? " can bring on cramps, which this patient has"
                    : " can bring on cramps and lower potassium and magnesium, already low"),
            findings,
            new Remedy.Caution()));
  }
}
