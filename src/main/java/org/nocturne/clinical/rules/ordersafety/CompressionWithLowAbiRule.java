package org.nocturne.clinical.rules.ordersafety;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nocturne.clinical.Assessment;
import org.nocturne.clinical.conclusions.Cause;
import org.nocturne.clinical.conclusions.CauseAssessment;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.conclusions.Likelihood;
import org.nocturne.clinical.conclusions.NextStep;
import org.nocturne.clinical.conclusions.SafetyConcern;
import org.nocturne.clinical.facts.Format;
import org.nocturne.clinical.facts.Measure;
import org.nocturne.clinical.facts.Measurement;
import org.nocturne.clinical.facts.ProposedOrder;
import org.nocturne.clinical.knowledge.Threshold;
import org.nocturne.clinical.rules.Evaluation;

/**
 * Compression over arteries that may be narrowed (Rabe 2020): a low ankle, toe or ABI value blocks
 * it; a middling ABI allows only reduced compression; a noncompressible ABI needs toe pressures;
 * and with no recent ABI in a patient at risk of arterial disease, the ABI comes first.
 */
final class CompressionWithLowAbiRule implements SafetyRule {
  @Override
  public SafetyConcern concern() {
    return SafetyConcern.COMPRESSION_WITH_LOW_ABI;
  }

  @Override
  public List<Threshold> thresholds() {
    return List.of(
        Threshold.COMPRESSION_ABI_CONTRAINDICATED_BELOW,
        Threshold.COMPRESSION_ANKLE_PRESSURE_CONTRAINDICATED_BELOW,
        Threshold.COMPRESSION_TOE_PRESSURE_CONTRAINDICATED_BELOW,
        Threshold.COMPRESSION_ABI_REDUCED_BELOW,
        Threshold.ABI_NONCOMPRESSIBLE_ABOVE,
        Threshold.PAD_RISK_AGE_MIN,
        Threshold.RECENT_TEST_MONTHS);
  }

  @Override
  public Optional<SafetyFinding> check(Evaluation e, Assessment assessment, ProposedOrder order) {
    if (!order.compression()) {
      return Optional.empty();
    }
    Optional<Measurement> abi = e.results().lowestRecent(Measure.ANKLE_BRACHIAL_INDEX);
    Optional<SafetyFinding> blocked =
        below(e, order, abi, Threshold.COMPRESSION_ABI_CONTRAINDICATED_BELOW)
            .or(
                () ->
                    below(
                        e,
                        order,
                        e.results().lowestRecent(Measure.ANKLE_PRESSURE),
                        Threshold.COMPRESSION_ANKLE_PRESSURE_CONTRAINDICATED_BELOW))
            .or(
                () ->
                    below(
                        e,
                        order,
                        e.results().lowestRecent(Measure.TOE_PRESSURE),
                        Threshold.COMPRESSION_TOE_PRESSURE_CONTRAINDICATED_BELOW));
    return blocked
        .or(() -> reduced(e, order, abi))
        .or(() -> noncompressible(e, order))
        .or(() -> abi.isPresent() ? Optional.empty() : missing(e, assessment, order));
  }

  /** A value below the limit of its measure: compression is contraindicated. */
  private Optional<SafetyFinding> below(
      Evaluation e, ProposedOrder order, Optional<Measurement> value, Threshold limit) {
    return value
        .filter(m -> m.value() < e.t(limit))
        .map(
            m -> {
              String what = label(m) + " " + Format.value(m);
              return finding(
                  e,
                  order,
                  Severity.CRITICAL,
                  what + ": compression is contraindicated",
                  new Finding(
                      what + " (<" + Format.number(e.t(limit)) + ")",
                      0,
                      e.basis(limit),
                      List.of(m.source())),
                  new Remedy.Withdraw());
            });
  }

  private Optional<SafetyFinding> reduced(
      Evaluation e, ProposedOrder order, Optional<Measurement> abi) {
    double from = e.t(Threshold.COMPRESSION_ABI_CONTRAINDICATED_BELOW);
    double to = e.t(Threshold.COMPRESSION_ABI_REDUCED_BELOW);
    return abi.filter(m -> m.value() < to)
        .map(
            m ->
                finding(
                    e,
                    order,
                    Severity.WARNING,
                    "ABI " + Format.value(m) + ": only reduced compression, with specialist advice",
                    new Finding(
                        "ABI "
                            + Format.value(m)
                            + " ("
                            + Format.number(from)
                            + "–"
                            + Format.number(to)
                            + ")",
                        0,
                        e.basis(Threshold.COMPRESSION_ABI_REDUCED_BELOW),
                        List.of(m.source())),
                    new Remedy.Caution()));
  }

  /** Calcified arteries read high: an ABI above 1.40 does not exclude arterial disease. */
  private Optional<SafetyFinding> noncompressible(Evaluation e, ProposedOrder order) {
    double above = e.t(Threshold.ABI_NONCOMPRESSIBLE_ABOVE);
    if (e.results().hasRecent(Measure.TOE_BRACHIAL_INDEX)) {
      return Optional.empty();
    }
    return e.results()
        .highestRecent(Measure.ANKLE_BRACHIAL_INDEX)
        .filter(m -> m.value() > above)
        .map(
            m ->
                finding(
                    e,
                    order,
                    Severity.WARNING,
                    "ABI " + Format.value(m) + " is noncompressible: check toe pressures first",
                    new Finding(
                        "ABI " + Format.value(m) + " (>" + Format.number(above) + ")",
                        0,
                        e.basis(Threshold.ABI_NONCOMPRESSIBLE_ABOVE),
                        List.of(m.source())),
                    new Remedy.TestFirst(NextStep.TOE_BRACHIAL_INDEX)));
  }

  /**
   * No recent ABI while arterial disease is possible: age 65 or more, diabetes, kidney disease,
   * smoking, arterial disease on record, or a moderate likelihood of it.
   */
  private Optional<SafetyFinding> missing(
      Evaluation e, Assessment assessment, ProposedOrder order) {
    List<String> why = new ArrayList<>();
    List<String> evidence = new ArrayList<>();
    Integer age = e.facts().ageYears();
    double riskAge = e.t(Threshold.PAD_RISK_AGE_MIN);
    if (age != null && age >= riskAge) {
      why.add("age " + age + " (≥" + Format.number(riskAge) + ")");
      evidence.add(e.facts().patient());
    }
    risk(e.diabetesEvidence(), "diabetes", why, evidence);
    risk(e.kidneyDiseaseEvidence(), "kidney disease", why, evidence);
    risk(e.arterialDiseaseEvidence(), "arterial disease on record", why, evidence);
    risk(e.currentSmokerEvidence(), "smokes", why, evidence);
    CauseAssessment pad = assessment.of(Cause.PERIPHERAL_ARTERY_DISEASE);
    if (why.isEmpty() && pad.likelihood().atLeast(Likelihood.MODERATE)) {
      risk(pad.evidence(), "symptoms of arterial disease", why, evidence);
    }
    if (why.isEmpty()) {
      return Optional.empty();
    }
    int months = (int) e.t(Threshold.RECENT_TEST_MONTHS);
    String source = e.knowledge().safety(concern()).source();
    return Optional.of(
        new SafetyFinding(
            concern(),
            Severity.WARNING,
            order,
            "Compression without a recent ABI: measure the ABI first",
            List.of(
                SafetyRule.ordered(e, concern(), "Compression ordered", order),
                new Finding(
                    "No ABI in the last " + months + " months",
                    0,
                    e.basis(Threshold.RECENT_TEST_MONTHS),
                    List.of()),
                new Finding(
                    "Arterial risk: " + String.join(", ", why),
                    0,
                    age != null && age >= riskAge ? e.basis(Threshold.PAD_RISK_AGE_MIN) : source,
                    evidence)),
            new Remedy.TestFirst(NextStep.ANKLE_BRACHIAL_INDEX)));
  }

  private static void risk(
      List<String> found, String name, List<String> why, List<String> evidence) {
    if (!found.isEmpty()) {
      why.add(name);
      evidence.addAll(found);
    }
  }

  private SafetyFinding finding(
      Evaluation e,
      ProposedOrder order,
      Severity severity,
      String headline,
      Finding measured,
      Remedy remedy) {
    return new SafetyFinding(
        concern(),
        severity,
        order,
        headline,
        List.of(SafetyRule.ordered(e, concern(), "Compression ordered", order), measured),
        remedy);
  }

  private static String label(Measurement m) {
    return switch (m.measure()) {
      case ANKLE_PRESSURE -> "Ankle pressure";
      case TOE_PRESSURE -> "Toe pressure";
      default -> "ABI";
    };
  }
}
