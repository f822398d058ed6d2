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
  private final List<Measurement> onRecord = new ArrayList<>();

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

  /** The steps, and the fresh results on record that made a test unnecessary or guide a step. */
  record Plan(List<Recommendation> steps, List<Measurement> onRecord) {}

  static Plan plan(
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
    planner.arterialTreatment();
    planner.ironSource();
    return new Plan(List.copyOf(planner.steps), List.copyOf(planner.onRecord));
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
        add(
            check,
            effect.kind() == MedicationEffect.Kind.STATIN_MYOPATHY
                ? "Muscle symptoms on a statin"
                : "Possible augmentation on a dopamine agonist",
            effect.evidence(),
            false);
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
    if (suspected) {
      onRecord(Measure.ANKLE_BRACHIAL_INDEX, Measure.TOE_BRACHIAL_INDEX, Measure.TOE_PRESSURE);
    }
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
    onRecord(Measure.FERRITIN, Measure.TRANSFERRIN_SATURATION);
    if (!e.hasFresh(Measure.FERRITIN)) {
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
    onRecord(Measure.HBA1C, Measure.VITAMIN_B12);
    if (!e.hasFresh(Measure.HBA1C)) {
      add(
          NextStep.HBA1C,
          "Neuropathy is "
              + neuropathy.likelihood().code()
              + " and no HbA1c from the last "
              + Format.number(e.t(Threshold.FRESH_HBA1C_MONTHS))
              + " months",
          neuropathy.evidence(),
          false);
    }
    if (!e.hasFresh(Measure.VITAMIN_B12)) {
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
    List<Measurement> low = new ArrayList<>();
    e.lowFresh(Measure.POTASSIUM, Threshold.POTASSIUM_LOW_BELOW).ifPresent(low::add);
    e.lowFresh(Measure.MAGNESIUM, Threshold.MAGNESIUM_LOW_BELOW).ifPresent(low::add);
    e.lowFresh(Measure.CALCIUM, Threshold.CALCIUM_LOW_BELOW).ifPresent(low::add);
    low.forEach(m -> secondary.add(m.source()));
    onRecord(Measure.POTASSIUM, Measure.MAGNESIUM, Measure.CALCIUM);
    if (!low.isEmpty()) {
      // a low result on record is acted on, not ordered again
      add(
          NextStep.CORRECT_ELECTROLYTES,
          "Low on record: " + String.join(", ", low.stream().map(m -> m.measure().name()).toList()),
          low.stream().map(Measurement::source).toList(),
          false);
    }
    boolean allFresh =
        e.hasFresh(Measure.POTASSIUM)
            && e.hasFresh(Measure.MAGNESIUM)
            && e.hasFresh(Measure.CALCIUM);
    if (!secondary.isEmpty() && !allFresh) {
      add(
          NextStep.ELECTROLYTES_AND_MAGNESIUM,
          "Cramps are "
              + cramps.likelihood().code()
              + " with a possible secondary cause (a diuretic, kidney disease, pregnancy or a low electrolyte)",
          secondary,
          false);
    }
  }

  /** The fresh results of these measures, shown with value and date instead of a new order. */
  private void onRecord(Measure... measures) {
    for (Measure measure : measures) {
      e.fresh(measure).stream().filter(m -> !onRecord.contains(m)).forEach(onRecord::add);
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

  /**
   * PAD shown or likely: the guideline's treatment, checked against the medication list (2024
   * ACC/AHA PAD): a statin and an antiplatelet unless already taken, stopping smoking, supervised
   * exercise (not with limb-threatening ischemia), foot care in diabetes.
   */
  private void arterialTreatment() {
    List<String> pad = e.arterialDiseaseEvidence();
    CauseAssessment cause = cause(Cause.PERIPHERAL_ARTERY_DISEASE);
    if (pad.isEmpty() && cause.likelihood() != Likelihood.HIGH) {
      return;
    }
    List<String> evidence = pad.isEmpty() ? cause.evidence() : pad;
    if (e.taking(DrugClass.STATIN).isEmpty()) {
      add(NextStep.PAD_STATIN, "No statin on the medication list", evidence, false);
    }
    if (e.taking(DrugClass.ANTIPLATELET).isEmpty()) {
      add(NextStep.PAD_ANTIPLATELET, "No antiplatelet on the medication list", evidence, false);
    }
    List<String> smoker = e.currentSmokerEvidence();
    if (!smoker.isEmpty()) {
      add(NextStep.SMOKING_CESSATION, "Smokes now", smoker, false);
    }
    if (raised(RedFlag.CHRONIC_LIMB_THREATENING_ISCHEMIA).isEmpty()) {
      add(NextStep.SUPERVISED_EXERCISE, "Arterial disease without rest pain", evidence, false);
    }
    List<String> diabetes = e.diabetesEvidence();
    if (!diabetes.isEmpty()) {
      add(NextStep.DIABETIC_FOOT_CARE, "Diabetes with arterial disease", diabetes, false);
    }
  }

  /**
   * Iron deficiency in a man or in a woman of post-menopausal age needs its source found, not only
   * iron (BSG 2021): gastrointestinal blood loss and malabsorption come first.
   */
  private void ironSource() {
    Integer age = e.facts().ageYears();
    boolean atRisk =
        e.facts().sex() == Sex.MALE || (age != null && age >= e.t(Threshold.IRON_WORKUP_AGE_MIN));
    if (!atRisk) {
      return;
    }
    e.recent(Measure.FERRITIN).stream()
        .filter(
            f ->
                f.interpretation() == Interpretation.LOW
                    || f.value() < e.t(Threshold.FERRITIN_IRON_DEFICIENCY_BELOW))
        .findFirst()
        .ifPresent(
            f ->
                add(
                    NextStep.IRON_SOURCE_WORKUP,
                    "Iron deficiency in a man or a woman over "
                        + Format.number(e.t(Threshold.IRON_WORKUP_AGE_MIN)),
                    List.of(f.source()),
                    false));
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
