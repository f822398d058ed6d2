package org.nocturne.clinical;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Chooses the work-up from the flags, the likely causes and what the record already holds. */
final class NextStepPlanner {
  private final Evaluation e;
  private final List<CauseAssessment> causes;
  private final List<RaisedFlag> flags;
  private final List<Recommendation> steps = new ArrayList<>();

  private NextStepPlanner(Evaluation e, List<CauseAssessment> causes, List<RaisedFlag> flags) {
    this.e = e;
    this.causes = causes;
    this.flags = flags;
  }

  static List<Recommendation> plan(
      Evaluation e, List<CauseAssessment> causes, List<RaisedFlag> flags) {
    NextStepPlanner planner = new NextStepPlanner(e, causes, flags);
    planner.emergencies();
    planner.arterial();
    planner.restlessLegs();
    planner.neuropathy();
    planner.cramps();
    planner.medicines();
    return List.copyOf(planner.steps);
  }

  private void emergencies() {
    for (RedFlag limb :
        List.of(RedFlag.ACUTE_LIMB_ISCHEMIA, RedFlag.CHRONIC_LIMB_THREATENING_ISCHEMIA)) {
      critical(limb)
          .filter(
              flag -> steps.stream().noneMatch(s -> s.step() == NextStep.URGENT_VASCULAR_REFERRAL))
          .ifPresent(
              flag ->
                  add(
                      NextStep.URGENT_VASCULAR_REFERRAL,
                      "Red flag: " + flag.flag().code(),
                      flag.evidence(),
                      true));
    }
    critical(RedFlag.DEEP_VEIN_THROMBOSIS)
        .ifPresent(
            flag -> {
              add(
                  NextStep.VENOUS_DUPLEX,
                  "Deep-vein thrombosis is likely (Wells ≥2)",
                  flag.evidence(),
                  true);
              add(
                  NextStep.D_DIMER,
                  "Part of the DVT work-up; it does not replace the ultrasound at this score",
                  flag.evidence(),
                  true);
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

  private Optional<RaisedFlag> critical(RedFlag flag) {
    return flags.stream()
        .filter(f -> f.flag() == flag && f.urgency() == Urgency.CRITICAL)
        .findFirst();
  }

  private CauseAssessment cause(Cause cause) {
    return causes.stream().filter(c -> c.cause() == cause).findFirst().orElseThrow();
  }

  private void add(NextStep step, String reason, List<String> evidence, boolean urgent) {
    steps.add(new Recommendation(step, reason, evidence, urgent));
  }
}
