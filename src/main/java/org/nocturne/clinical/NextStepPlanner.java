package org.nocturne.clinical;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Chooses the work-up from the flags, the likely causes and what the record already holds. */
final class NextStepPlanner {
  private final Evaluation e;
  private final List<CauseAssessment> causes;
  private final List<RaisedFlag> flags;
  private final List<MedicationEffect> effects;
  private final List<Recommendation> steps = new ArrayList<>();

  private NextStepPlanner(
      Evaluation e,
      List<CauseAssessment> causes,
      List<RaisedFlag> flags,
      List<MedicationEffect> effects) {
    this.e = e;
    this.causes = causes;
    this.flags = flags;
    this.effects = effects;
  }

  static List<Recommendation> plan(
      Evaluation e,
      List<CauseAssessment> causes,
      List<RaisedFlag> flags,
      List<MedicationEffect> effects) {
    NextStepPlanner planner = new NextStepPlanner(e, causes, flags, effects);
    planner.emergencies();
    planner.medicationEffects();
    planner.arterial();
    planner.restlessLegs();
    planner.neuropathy();
    planner.cramps();
    planner.medicines();
    return List.copyOf(planner.steps);
  }

  private void emergencies() {
    critical(RedFlag.ACUTE_LIMB_ISCHEMIA)
        .ifPresent(
            flag ->
                add(
                    NextStep.EMERGENCY_VASCULAR_REFERRAL,
                    "Acute limb ischemia is suspected: an emergency",
                    flag.evidence(),
                    true));
    raised(RedFlag.CHRONIC_LIMB_THREATENING_ISCHEMIA)
        .ifPresent(
            flag -> {
              boolean critical = flag.urgency() == Urgency.CRITICAL;
              add(
                  critical ? NextStep.URGENT_VASCULAR_REFERRAL : NextStep.VASCULAR_REFERRAL,
                  critical
                      ? "Limb-threatening ischemia with tissue loss or severe haemodynamics"
                      : "Limb-threatening ischemia is suspected",
                  flag.evidence(),
                  true);
              if (!e.hasRecent(Measure.TOE_PRESSURE) && !e.hasRecent(Measure.TOE_BRACHIAL_INDEX)) {
                add(
                    NextStep.TOE_BRACHIAL_INDEX,
                    "Grades the ischemia; the ABI can be falsely normal in diabetes or kidney disease",
                    flag.evidence(),
                    true);
              }
            });
    raised(RedFlag.DEEP_VEIN_THROMBOSIS)
        .ifPresent(
            flag -> {
              switch (flag.guidance()) {
                case DVT_IN_PREGNANCY ->
                    add(
                        NextStep.VENOUS_DUPLEX,
                        "Pregnant or recently given birth: ultrasound, not Wells or D-dimer",
                        flag.evidence(),
                        true);
                case DVT_NOT_EXCLUDED ->
                    add(
                        NextStep.D_DIMER,
                        "Wells below 2 does not exclude DVT: D-dimer today, ultrasound if positive",
                        flag.evidence(),
                        true);
                default -> {
                  add(
                      NextStep.VENOUS_DUPLEX,
                      "Deep-vein thrombosis is likely (Wells ≥2)",
                      flag.evidence(),
                      true);
                  add(
                      NextStep.D_DIMER,
                      "If the ultrasound is negative; it does not replace it at this score",
                      flag.evidence(),
                      true);
                }
              }
            });
    critical(RedFlag.CAUDA_EQUINA)
        .ifPresent(
            flag ->
                add(
                    NextStep.URGENT_LUMBAR_MRI,
                    "Cauda equina syndrome is suspected",
                    flag.evidence(),
                    true));
  }

  private void medicationEffects() {
    for (MedicationEffect effect : effects) {
      for (NextStep check : effect.checks()) {
        add(check, "Muscle symptoms on a statin", effect.evidence(), false);
      }
    }
  }

  private void arterial() {
    CauseAssessment pad = cause(Cause.PERIPHERAL_ARTERY_DISEASE);
    boolean suspected =
        pad.likelihood().atLeast(Likelihood.MODERATE)
            || e.report()
                .map(r -> r.yes(Item.RELIEF_DANGLING) || r.yes(Item.EXERTIONAL_CALF_PAIN))
                .orElse(false);
    if (suspected && !e.hasRecent(Measure.ANKLE_BRACHIAL_INDEX)) {
      String last =
          e.facts().all(Measure.ANKLE_BRACHIAL_INDEX).stream()
              .findFirst()
              .map(
                  m ->
                      "; the last ABI ("
                          + Format.value(m)
                          + (m.date() == null ? ", undated" : ", " + m.date())
                          + ") is out of date")
              .orElse("; no ABI on record");
      add(
          NextStep.ANKLE_BRACHIAL_INDEX,
          "Arterial disease is suspected (" + pad.likelihood().code() + ")" + last,
          pad.evidence(),
          false);
    }
    e.highestRecent(Measure.ANKLE_BRACHIAL_INDEX)
        .filter(abi -> abi.value() > e.t(Threshold.ABI_NONCOMPRESSIBLE_ABOVE))
        .filter(abi -> !e.hasRecent(Measure.TOE_BRACHIAL_INDEX))
        .ifPresent(
            abi ->
                add(
                    NextStep.TOE_BRACHIAL_INDEX,
                    "ABI "
                        + Format.value(abi)
                        + " is above "
                        + Format.number(e.t(Threshold.ABI_NONCOMPRESSIBLE_ABOVE))
                        + " (noncompressible)",
                    List.of(abi.source()),
                    false));
  }

  private void restlessLegs() {
    CauseAssessment rls = cause(Cause.RESTLESS_LEGS);
    if (!rls.likelihood().atLeast(Likelihood.MODERATE)) {
      return;
    }
    if (!e.hasRecent(Measure.FERRITIN)) {
      add(
          NextStep.IRON_STUDIES,
          "Restless legs are "
              + rls.likelihood().code()
              + " and no ferritin from the last 12 months",
          rls.evidence(),
          false);
    }
    List<String> lowIron = e.lowIronEvidence();
    if (!lowIron.isEmpty()) {
      add(
          NextStep.IRON_REPLETION,
          "Ferritin ≤"
              + Format.number(e.t(Threshold.FERRITIN_IRON_THERAPY_MAX))
              + " ng/mL or TSAT <"
              + Format.number(e.t(Threshold.TSAT_IRON_THERAPY_BELOW))
              + "%",
          lowIron,
          false);
      return;
    }
    // AASM 2024: between 75 and 100 ng/mL only intravenous iron is advised
    e.lowestRecent(Measure.FERRITIN)
        .filter(
            f ->
                f.value() > e.t(Threshold.FERRITIN_IRON_THERAPY_MAX)
                    && f.value() <= e.t(Threshold.FERRITIN_IV_IRON_MAX))
        .ifPresent(
            f ->
                add(
                    NextStep.IRON_REPLETION,
                    "Ferritin "
                        + Format.value(f)
                        + " ng/mL ("
                        + Format.number(e.t(Threshold.FERRITIN_IRON_THERAPY_MAX))
                        + "–"
                        + Format.number(e.t(Threshold.FERRITIN_IV_IRON_MAX))
                        + "): consider IV iron only, not oral",
                    List.of(f.source()),
                    false));
  }

  private void neuropathy() {
    CauseAssessment neuropathy = cause(Cause.PERIPHERAL_NEUROPATHY);
    if (!neuropathy.likelihood().atLeast(Likelihood.MODERATE)) {
      return;
    }
    if (!e.hasRecent(Measure.HBA1C)) {
      add(
          NextStep.HBA1C,
          "Neuropathy is "
              + neuropathy.likelihood().code()
              + " and no HbA1c from the last 12 months",
          neuropathy.evidence(),
          false);
    }
    if (!e.hasRecent(Measure.VITAMIN_B12)) {
      add(
          NextStep.VITAMIN_B12,
          "Neuropathy is " + neuropathy.likelihood().code() + " and no B12 from the last 12 months",
          neuropathy.evidence(),
          false);
    }
  }

  private void cramps() {
    CauseAssessment cramps = cause(Cause.LEG_CRAMPS);
    if (!cramps.likelihood().atLeast(Likelihood.MODERATE)) {
      return;
    }
    List<String> secondary = new ArrayList<>();
    e.taking(
            DrugClass.THIAZIDE_DIURETIC,
            DrugClass.POTASSIUM_SPARING_DIURETIC,
            DrugClass.LOOP_DIURETIC)
        .forEach(m -> secondary.add(m.source()));
    secondary.addAll(e.kidneyDiseaseEvidence());
    secondary.addAll(e.diagnosisEvidence(Disorder.PREGNANCY));
    e.lowRecent(Measure.POTASSIUM, Threshold.POTASSIUM_LOW_BELOW)
        .ifPresent(m -> secondary.add(m.source()));
    e.lowRecent(Measure.MAGNESIUM, Threshold.MAGNESIUM_LOW_BELOW)
        .ifPresent(m -> secondary.add(m.source()));
    e.lowRecent(Measure.CALCIUM, Threshold.CALCIUM_LOW_BELOW)
        .ifPresent(m -> secondary.add(m.source()));
    if (!secondary.isEmpty()) {
      add(
          NextStep.ELECTROLYTES_AND_MAGNESIUM,
          "Cramps are "
              + cramps.likelihood().code()
              + " with a possible secondary cause (a diuretic, kidney disease, pregnancy or a low electrolyte)",
          secondary,
          false);
    }
  }

  private void medicines() {
    List<Medication> implicated = new ArrayList<>();
    if (cause(Cause.LEG_CRAMPS).likelihood().atLeast(Likelihood.MODERATE)) {
      implicated.addAll(
          e.taking(
              DrugClass.THIAZIDE_DIURETIC,
              DrugClass.POTASSIUM_SPARING_DIURETIC,
              DrugClass.LONG_ACTING_BETA_AGONIST));
    }
    if (cause(Cause.RESTLESS_LEGS).likelihood().atLeast(Likelihood.MODERATE)) {
      implicated.addAll(
          e.taking(
              DrugClass.SEDATING_ANTIHISTAMINE,
              DrugClass.DOPAMINE_ANTAGONIST,
              DrugClass.SEROTONERGIC_ANTIDEPRESSANT,
              DrugClass.LITHIUM,
              DrugClass.DOPAMINE_AGONIST));
    }
    if (!implicated.isEmpty()) {
      List<String> names = implicated.stream().map(Medication::name).distinct().toList();
      add(
          NextStep.MEDICATION_REVIEW,
          "Current: " + String.join(", ", names),
          implicated.stream().map(Medication::source).toList(),
          false);
    }
  }

  private Optional<RaisedFlag> raised(RedFlag flag) {
    return flags.stream().filter(f -> f.flag() == flag).findFirst();
  }

  private Optional<RaisedFlag> critical(RedFlag flag) {
    return flags.stream()
        .filter(f -> f.flag() == flag && f.urgency() == Urgency.CRITICAL)
        .findFirst();
  }

  private CauseAssessment cause(Cause cause) {
    return causes.stream().filter(c -> c.cause() == cause).findFirst().orElseThrow();
  }

  /**
   * Adds a step once: the first reason (the most urgent, as emergencies are planned first) wins.
   */
  private void add(NextStep step, String reason, List<String> evidence, boolean urgent) {
    if (steps.stream().noneMatch(s -> s.step() == step)) {
      steps.add(new Recommendation(step, reason, evidence, urgent));
    }
  }
}
