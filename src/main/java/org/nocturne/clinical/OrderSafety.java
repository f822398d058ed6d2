package org.nocturne.clinical;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks draft orders against the record: quinine for cramps, compression with a low or unknown
 * ABI, dopamine agonists for restless legs, and drugs that cause cramps or worsen restless legs in
 * a patient who has them.
 */
public final class OrderSafety {

  private static final Set<DrugClass> CRAMP_DRUGS =
      Set.of(
          DrugClass.THIAZIDE_DIURETIC,
          DrugClass.POTASSIUM_SPARING_DIURETIC,
          DrugClass.LONG_ACTING_BETA_AGONIST);
  private static final Set<DrugClass> RLS_AGGRAVATORS =
      Set.of(
          DrugClass.SEDATING_ANTIHISTAMINE,
          DrugClass.DOPAMINE_ANTAGONIST,
          DrugClass.SEROTONERGIC_ANTIDEPRESSANT,
          DrugClass.LITHIUM);

  private final Knowledge knowledge;

  public OrderSafety(Knowledge knowledge) {
    this.knowledge = knowledge;
  }

  public List<SafetyFinding> check(
      PatientFacts facts, Assessment assessment, List<ProposedOrder> orders, LocalDate today) {
    Evaluation e = new Evaluation(facts, knowledge, today);
    List<SafetyFinding> found = new ArrayList<>();
    for (ProposedOrder order : orders) {
      quinine(e, order).ifPresent(found::add);
      compression(e, assessment, order).ifPresent(found::add);
      dopamineAgonist(e, assessment, order).ifPresent(found::add);
      crampDrug(e, assessment, order).ifPresent(found::add);
      restlessLegsDrug(e, assessment, order).ifPresent(found::add);
    }
    found.sort(java.util.Comparator.comparing(SafetyFinding::severity).reversed());
    return found;
  }

  private Optional<SafetyFinding> quinine(Evaluation e, ProposedOrder order) {
    if (!order.is(DrugClass.QUININE) || !e.diagnosisEvidence(Disorder.MALARIA).isEmpty()) {
      return Optional.empty();
    }
    List<Finding> findings = new ArrayList<>();
    findings.add(
        new Finding(
            "Quinine ordered: " + order.name(),
            0,
            source(SafetyConcern.QUININE_FOR_LEG_CRAMPS),
            List.of(order.reference())));
    findings.add(
        new Finding(
            "No malaria on the problem list",
            0,
            source(SafetyConcern.QUININE_FOR_LEG_CRAMPS),
            List.of()));
    return Optional.of(
        new SafetyFinding(
            SafetyConcern.QUININE_FOR_LEG_CRAMPS,
            Severity.WARNING,
            order,
            "Quinine without malaria: FDA boxed warning against use for leg cramps",
            findings,
            true,
            Optional.empty()));
  }

  private Optional<SafetyFinding> compression(
      Evaluation e, Assessment assessment, ProposedOrder order) {
    if (!order.compression()) {
      return Optional.empty();
    }
    Optional<Measurement> abi = e.lowestRecent(Measure.ANKLE_BRACHIAL_INDEX);
    Optional<Measurement> ankle =
        e.lowestRecent(Measure.ANKLE_PRESSURE)
            .filter(
                m -> m.value() < e.t(Threshold.COMPRESSION_ANKLE_PRESSURE_CONTRAINDICATED_BELOW));
    Optional<Measurement> toe =
        e.lowestRecent(Measure.TOE_PRESSURE)
            .filter(m -> m.value() < e.t(Threshold.COMPRESSION_TOE_PRESSURE_CONTRAINDICATED_BELOW));
    double block = e.t(Threshold.COMPRESSION_ABI_CONTRAINDICATED_BELOW);
    double reduce = e.t(Threshold.COMPRESSION_ABI_REDUCED_BELOW);
    Optional<Measurement> blocking =
        abi.filter(m -> m.value() < block).or(() -> ankle).or(() -> toe);
    if (blocking.isPresent()) {
      Measurement m = blocking.get();
      String what = label(m) + " " + Format.value(m);
      return Optional.of(
          finding(
              SafetyConcern.COMPRESSION_WITH_LOW_ABI,
              Severity.CRITICAL,
              order,
              what + ": compression is contraindicated",
              what + " is below the compression limit",
              e.basis(Threshold.COMPRESSION_ABI_CONTRAINDICATED_BELOW),
              m,
              true,
              Optional.empty()));
    }
    if (abi.isPresent() && abi.get().value() < reduce) {
      Measurement m = abi.get();
      return Optional.of(
          finding(
              SafetyConcern.COMPRESSION_WITH_LOW_ABI,
              Severity.WARNING,
              order,
              "ABI " + Format.value(m) + ": only reduced compression, with specialist advice",
              "ABI "
                  + Format.value(m)
                  + " ("
                  + Format.number(block)
                  + "–"
                  + Format.number(reduce)
                  + ")",
              e.basis(Threshold.COMPRESSION_ABI_REDUCED_BELOW),
              m,
              false,
              Optional.empty()));
    }
    Optional<Measurement> noncompressible =
        e.highestRecent(Measure.ANKLE_BRACHIAL_INDEX)
            .filter(m -> m.value() > e.t(Threshold.ABI_NONCOMPRESSIBLE_ABOVE));
    if (noncompressible.isPresent() && !e.hasRecent(Measure.TOE_BRACHIAL_INDEX)) {
      Measurement m = noncompressible.get();
      return Optional.of(
          finding(
              SafetyConcern.COMPRESSION_WITH_LOW_ABI,
              Severity.WARNING,
              order,
              "ABI "
                  + Format.value(m)
                  + " is noncompressible: check toe pressures before compression",
              "ABI "
                  + Format.value(m)
                  + " (>"
                  + Format.number(e.t(Threshold.ABI_NONCOMPRESSIBLE_ABOVE))
                  + " does not exclude arterial disease)",
              e.basis(Threshold.ABI_NONCOMPRESSIBLE_ABOVE),
              m,
              false,
              Optional.of(NextStep.TOE_BRACHIAL_INDEX)));
    }
    boolean suspected =
        assessment.of(Cause.PERIPHERAL_ARTERY_DISEASE).likelihood().atLeast(Likelihood.MODERATE)
            || !e.arterialDiseaseEvidence().isEmpty()
            || !e.diabetesEvidence().isEmpty();
    if (abi.isEmpty() && suspected) {
      List<Finding> findings = new ArrayList<>();
      findings.add(
          new Finding(
              "Compression ordered: " + order.name(),
              0,
              source(SafetyConcern.COMPRESSION_WITH_LOW_ABI),
              List.of(order.reference())));
      findings.add(
          new Finding(
              "No ABI from the last 12 months while arterial disease is possible",
              0,
              source(SafetyConcern.COMPRESSION_WITH_LOW_ABI),
              assessment.of(Cause.PERIPHERAL_ARTERY_DISEASE).evidence()));
      return Optional.of(
          new SafetyFinding(
              SafetyConcern.COMPRESSION_WITH_LOW_ABI,
              Severity.WARNING,
              order,
              "Compression without a recent ABI: measure the ABI first",
              findings,
              false,
              Optional.of(NextStep.ANKLE_BRACHIAL_INDEX)));
    }
    return Optional.empty();
  }

  private Optional<SafetyFinding> dopamineAgonist(
      Evaluation e, Assessment assessment, ProposedOrder order) {
    if (!order.is(DrugClass.DOPAMINE_AGONIST) || !forRestlessLegs(e, assessment, order)) {
      return Optional.empty();
    }
    List<Finding> findings = new ArrayList<>();
    findings.add(
        new Finding(
            "Dopaminergic drug ordered for restless legs: " + order.name(),
            0,
            knowledge.safety(SafetyConcern.DOPAMINE_AGONIST_FOR_RLS).source(),
            List.of(order.reference())));
    Optional<NextStep> instead =
        e.hasRecent(Measure.FERRITIN) ? Optional.empty() : Optional.of(NextStep.IRON_STUDIES);
    if (instead.isPresent()) {
      findings.add(
          new Finding(
              "No ferritin from the last 12 months",
              0,
              e.basis(Threshold.FERRITIN_IRON_THERAPY_MAX),
              List.of()));
    }
    e.lowIronEvidence()
        .forEach(
            source ->
                findings.add(
                    new Finding(
                        "Low iron stores: iron repletion comes first",
                        0,
                        e.basis(Threshold.FERRITIN_IRON_THERAPY_MAX),
                        List.of(source))));
    return Optional.of(
        new SafetyFinding(
            SafetyConcern.DOPAMINE_AGONIST_FOR_RLS,
            Severity.WARNING,
            order,
            "Dopamine agonist for restless legs: AASM 2024 advises against standard use",
            findings,
            false,
            instead));
  }

  private Optional<SafetyFinding> crampDrug(
      Evaluation e, Assessment assessment, ProposedOrder order) {
    return drugForPatientWith(
        order,
        CRAMP_DRUGS,
        evidenceOf(e, assessment, Disorder.LEG_CRAMPS, Cause.LEG_CRAMPS),
        SafetyConcern.DRUG_MAY_CAUSE_CRAMPS,
        "The patient has night-time leg cramps",
        " is linked to cramps, which this patient has");
  }

  private Optional<SafetyFinding> restlessLegsDrug(
      Evaluation e, Assessment assessment, ProposedOrder order) {
    return drugForPatientWith(
        order,
        RLS_AGGRAVATORS,
        evidenceOf(e, assessment, Disorder.RESTLESS_LEGS, Cause.RESTLESS_LEGS),
        SafetyConcern.DRUG_MAY_WORSEN_RLS,
        "The patient has restless legs",
        " can worsen restless legs, which this patient has");
  }

  /**
   * An order of one of {@code classes} for a patient who has the condition it aggravates:
   * information.
   */
  private Optional<SafetyFinding> drugForPatientWith(
      ProposedOrder order,
      Set<DrugClass> classes,
      List<String> condition,
      SafetyConcern concern,
      String conditionText,
      String headline) {
    if (classes.stream().noneMatch(order::is) || condition.isEmpty()) {
      return Optional.empty();
    }
    List<Finding> findings =
        List.of(
            new Finding(
                "Ordered: " + order.name(),
                0,
                knowledge.safety(concern).source(),
                List.of(order.reference())),
            new Finding(conditionText, 0, Findings.RECORDED_DIAGNOSIS, condition));
    return Optional.of(
        new SafetyFinding(
            concern,
            Severity.INFO,
            order,
            order.name() + headline,
            findings,
            false,
            Optional.empty()));
  }

  /** Evidence that the patient has a condition: its diagnosis, or its cause at moderate or more. */
  private static List<String> evidenceOf(
      Evaluation e, Assessment assessment, Disorder disorder, Cause cause) {
    List<String> evidence = new ArrayList<>(e.diagnosisEvidence(disorder));
    if (assessment.of(cause).likelihood().atLeast(Likelihood.MODERATE)) {
      evidence.addAll(assessment.of(cause).evidence());
    }
    return evidence.stream().distinct().toList();
  }

  private static boolean forRestlessLegs(Evaluation e, Assessment assessment, ProposedOrder order) {
    return order.reasons().contains(Disorder.RESTLESS_LEGS)
        || !evidenceOf(e, assessment, Disorder.RESTLESS_LEGS, Cause.RESTLESS_LEGS).isEmpty();
  }

  private SafetyFinding finding(
      SafetyConcern concern,
      Severity severity,
      ProposedOrder order,
      String headline,
      String measured,
      String basis,
      Measurement m,
      boolean withdraw,
      Optional<NextStep> instead) {
    List<Finding> findings =
        List.of(
            new Finding(
                "Compression ordered: " + order.name(),
                0,
                source(SafetyConcern.COMPRESSION_WITH_LOW_ABI),
                List.of(order.reference())),
            new Finding(measured, 0, basis, List.of(m.source())));
    return new SafetyFinding(concern, severity, order, headline, findings, withdraw, instead);
  }

  private static String label(Measurement m) {
    return switch (m.measure()) {
      case ANKLE_PRESSURE -> "Ankle pressure";
      case TOE_PRESSURE -> "Toe pressure";
      default -> "ABI";
    };
  }

  /** Findings cite the guidance's source, so a card does not repeat it under every line. */
  private String source(SafetyConcern concern) {
    return knowledge.safety(concern).source();
  }
}
