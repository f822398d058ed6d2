package org.nocturne.clinical.plan;

import java.util.ArrayList;
import java.util.List;
import org.nocturne.clinical.conclusions.Cause;
import org.nocturne.clinical.conclusions.CauseAssessment;
import org.nocturne.clinical.conclusions.Likelihood;
import org.nocturne.clinical.conclusions.MedicationEffect;
import org.nocturne.clinical.conclusions.NextStep;
import org.nocturne.clinical.conclusions.RaisedFlag;
import org.nocturne.clinical.conclusions.Recommendation;
import org.nocturne.clinical.conclusions.RedFlag;
import org.nocturne.clinical.facts.Answers;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.DrugClass;
import org.nocturne.clinical.facts.Format;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.facts.Measure;
import org.nocturne.clinical.facts.Measurement;
import org.nocturne.clinical.facts.Medication;
import org.nocturne.clinical.knowledge.Threshold;
import org.nocturne.clinical.rules.Evaluation;

/** Chooses the work-up from the flags, the likely causes and what the record already holds. */
public final class NextStepPlanner {
  private final Evaluation e;
  private final List<CauseAssessment> causes;
  private final List<RaisedFlag> flags;
  private final List<MedicationEffect> effects;
  private final StepList steps = new StepList();

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
  public record Plan(List<Recommendation> steps, List<Measurement> onRecord) {}

  public static Plan plan(
      Evaluation e,
      List<CauseAssessment> causes,
      List<RaisedFlag> flags,
      List<MedicationEffect> effects) {
    NextStepPlanner planner = new NextStepPlanner(e, causes, flags, effects);
    RedFlagSteps.plan(e, flags, planner.steps);
    planner.medicationEffects();
    planner.arterial();
    planner.restlessLegs();
    planner.neuropathy();
    planner.cramps();
    planner.mimicsOfArterialDisease();
    planner.venous();
    planner.medicines();
    TreatmentSteps.plan(
        e,
        planner.cause(Cause.PERIPHERAL_ARTERY_DISEASE),
        // no supervised exercise with rest pain, tissue loss or a threatened limb (GVG 2019)
        RedFlagSteps.raised(flags, RedFlag.CHRONIC_LIMB_THREATENING_ISCHEMIA).isPresent()
            || RedFlagSteps.raised(flags, RedFlag.ACUTE_LIMB_ISCHEMIA).isPresent()
            || !e.tissueLossEvidence().isEmpty()
            || e.report().map(r -> r.yes(Item.RELIEF_DANGLING)).orElse(false),
        planner.steps);
    return planner.steps.plan();
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
    if (suspected && !e.results().hasRecent(Measure.ANKLE_BRACHIAL_INDEX)) {
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
    e.results()
        .highestRecent(Measure.ANKLE_BRACHIAL_INDEX)
        .filter(abi -> abi.value() > e.t(Threshold.ABI_NONCOMPRESSIBLE_ABOVE))
        .filter(abi -> !e.results().hasRecent(Measure.TOE_BRACHIAL_INDEX))
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
    if (!e.results().hasFresh(Measure.FERRITIN)) {
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
          "ferritin ≤"
              + Format.number(e.t(Threshold.FERRITIN_IRON_THERAPY_MAX))
              + " ng/mL or TSAT <"
              + Format.number(e.t(Threshold.TSAT_IRON_THERAPY_BELOW))
              + "% in RLS"
              + (e.pregnancyOrPostpartumEvidence().isEmpty()
                  ? ""
                  : "; in pregnancy oral iron with the obstetric team, RLS usually eases after"
                      + " delivery"),
          lowIron,
          false);
      return;
    }
    // AASM 2024: between 75 and 100 ng/mL only intravenous iron is advised
    e.results()
        .lowestRecent(Measure.FERRITIN)
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
    onRecord(
        Measure.HBA1C,
        Measure.VITAMIN_B12,
        Measure.FOLATE,
        Measure.MEAN_CORPUSCULAR_VOLUME,
        Measure.TSH);
    if (!e.results().hasFresh(Measure.HBA1C)) {
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
    if (!e.results().hasFresh(Measure.VITAMIN_B12)) {
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
    e.results().lowFresh(Measure.POTASSIUM, Threshold.POTASSIUM_LOW_BELOW).ifPresent(low::add);
    e.results().lowFresh(Measure.MAGNESIUM, Threshold.MAGNESIUM_LOW_BELOW).ifPresent(low::add);
    e.results().lowFresh(Measure.CALCIUM, Threshold.CALCIUM_LOW_BELOW).ifPresent(low::add);
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
        e.results().hasFresh(Measure.POTASSIUM)
            && e.results().hasFresh(Measure.MAGNESIUM)
            && e.results().hasFresh(Measure.CALCIUM);
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

  /**
   * Spinal stenosis and venous disease are read against the ABI: a normal one argues against
   * arterial claudication (2024 ACC/AHA §3.1) and makes compression safe, so it is shown.
   */
  private void mimicsOfArterialDisease() {
    if (cause(Cause.SCIATICA).likelihood().atLeast(Likelihood.MODERATE)
        || cause(Cause.VENOUS_INSUFFICIENCY).likelihood().atLeast(Likelihood.MODERATE)) {
      onRecord(Measure.ANKLE_BRACHIAL_INDEX, Measure.TOE_BRACHIAL_INDEX);
    }
  }

  /**
   * Leading venous disease: compression when a normal ABI shows it is safe, and a vascular service
   * for skin changes or an ulcer (NICE CG168).
   */
  private void venous() {
    CauseAssessment venous = cause(Cause.VENOUS_INSUFFICIENCY);
    boolean clotOrIschaemia =
        flags.stream()
            .anyMatch(
                f ->
                    f.flag() == RedFlag.DEEP_VEIN_THROMBOSIS
                        || f.flag() == RedFlag.UNEXPLAINED_SWELLING
                        || f.flag() == RedFlag.CHRONIC_LIMB_THREATENING_ISCHEMIA
                        || f.flag() == RedFlag.ACUTE_LIMB_ISCHEMIA);
    if (!venous.likelihood().atLeast(Likelihood.MODERATE)
        || causes.get(0).cause() != Cause.VENOUS_INSUFFICIENCY
        || clotOrIschaemia) {
      return;
    }
    List<Measurement> abis = e.results().recent(Measure.ANKLE_BRACHIAL_INDEX);
    boolean normalAbi =
        !abis.isEmpty()
            && abis.stream()
                .allMatch(
                    abi ->
                        abi.value() >= e.t(Threshold.ABI_NORMAL_MIN)
                            && abi.value() <= e.t(Threshold.ABI_NONCOMPRESSIBLE_ABOVE));
    if (normalAbi) {
      add(
          NextStep.COMPRESSION_STOCKINGS,
          "ABI normal: compression is safe",
          abis.stream().map(Measurement::source).toList(),
          false);
    }
    List<String> skin = new ArrayList<>(e.diagnosisEvidence(Disorder.VENOUS_SKIN_DAMAGE));
    e.report()
        .filter(
            r ->
                r.has(Answers.SkinChange.DARK_DISCOLORATION)
                    || r.has(Answers.SkinChange.NON_HEALING_SORE))
        .ifPresent(r -> skin.add(r.evidence(Item.SKIN_CHANGES)));
    if (!skin.isEmpty()) {
      add(NextStep.VENOUS_REFERRAL, "Venous disease with skin changes", skin, false);
    }
  }

  /** The fresh results of these measures, shown with value and date instead of a new order. */
  private void onRecord(Measure... measures) {
    steps.onRecord(e, measures);
  }

  private void medicines() {
    List<Medication> implicated = new ArrayList<>();
    if (cause(Cause.LEG_CRAMPS).likelihood().atLeast(Likelihood.MODERATE)) {
      implicated.addAll(e.taking(DrugClass.CRAMP_INDUCING));
    }
    if (cause(Cause.RESTLESS_LEGS).likelihood().atLeast(Likelihood.MODERATE)) {
      implicated.addAll(e.taking(DrugClass.RLS_AGGRAVATING));
      // a dopamine agonist is reviewed too: restless legs that persist on one may be augmentation
      implicated.addAll(e.taking(DrugClass.DOPAMINE_AGONIST));
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

  private CauseAssessment cause(Cause cause) {
    return causes.stream().filter(c -> c.cause() == cause).findFirst().orElseThrow();
  }

  private void add(NextStep step, String reason, List<String> evidence, boolean urgent) {
    steps.add(step, reason, evidence, urgent);
  }
}
