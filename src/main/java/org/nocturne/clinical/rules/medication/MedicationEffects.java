package org.nocturne.clinical.rules.medication;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nocturne.clinical.conclusions.Cause;
import org.nocturne.clinical.conclusions.CauseAssessment;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.conclusions.Likelihood;
import org.nocturne.clinical.conclusions.MedicationEffect;
import org.nocturne.clinical.conclusions.NextStep;
import org.nocturne.clinical.facts.Answers;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.DrugClass;
import org.nocturne.clinical.facts.Format;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.facts.Measure;
import org.nocturne.clinical.facts.Measurement;
import org.nocturne.clinical.facts.Medication;
import org.nocturne.clinical.facts.Side;
import org.nocturne.clinical.facts.SymptomReport;
import org.nocturne.clinical.knowledge.Threshold;
import org.nocturne.clinical.rules.Evaluation;
import org.nocturne.clinical.rules.redflags.RedFlagRule;

/**
 * The drugs on the list behind the symptoms, each named with its start and the result that ties it
 * to them (the statin's muscle effects live in {@link StatinMuscleEffects}).
 */
public final class MedicationEffects {
  private static final String CCB_OEDEMA =
      "BNF amlodipine (peripheral oedema very common); Makani et al., J Hypertens 2011 (dihydropyridine oedema, dose-related)";

  private MedicationEffects() {}

  /**
   * The drugs on the list behind the symptoms, each named with its start date and the result that
   * ties it to them. Most specific first: a mimic (akathisia) before a worsening drug.
   */
  public static List<MedicationEffect> of(Evaluation e, List<CauseAssessment> causes) {
    List<MedicationEffect> effects = new ArrayList<>();
    Optional<MedicationEffect> akathisia = akathisia(e, causes);
    akathisia.ifPresent(effects::add);
    dialysisCramps(e, causes).ifPresent(effects::add);
    ppiMagnesium(e, causes).ifPresent(effects::add);
    metforminB12(e, causes).ifPresent(effects::add);
    chemotherapyNeuropathy(e, causes).ifPresent(effects::add);
    if (akathisia.isEmpty()) {
      drugsWorseningRls(e, causes).ifPresent(effects::add);
    }
    if (effects.stream().noneMatch(x -> x.kind() == MedicationEffect.Kind.DIALYSIS_CRAMPS)) {
      drugsCausingCramps(e, causes).ifPresent(effects::add);
    }
    StatinMuscleEffects.of(e, causes).ifPresent(effects::add);
    calciumChannelBlockerOedema(e).ifPresent(effects::add);
    augmentation(e).ifPresent(effects::add);
    return effects;
  }

  private static boolean likely(List<CauseAssessment> causes, Cause cause) {
    return causes.stream()
        .anyMatch(c -> c.cause() == cause && c.likelihood().atLeast(Likelihood.MODERATE));
  }

  private static Finding onDrug(Medication m, String basis) {
    return RedFlagRule.seen("On " + m.nameSince(), basis, m.source());
  }

  private static Finding result(String name, Measurement m, String reading, String basis) {
    return RedFlagRule.seen(Format.result(name, m) + ", " + reading, basis, m.source());
  }

  private static final String AKATHISIA =
      "IRLSSG 2012 criteria (Allen, Sleep Med 2014), criterion 5: akathisia is an RLS mimic; FDA metoclopramide label";

  /**
   * Restlessness on a dopamine antagonist (an antipsychotic, metoclopramide) started within the
   * complaint window, or not worse in the evening: drug-induced akathisia, an RLS mimic (IRLSSG
   * 2012 criterion 5). Named, with the drug and its start, so RLS is not worked up.
   */
  static Optional<MedicationEffect> akathisia(Evaluation e, List<CauseAssessment> causes) {
    List<Medication> antagonists = e.taking(DrugClass.DOPAMINE_ANTAGONIST);
    if (antagonists.isEmpty()) {
      return Optional.empty();
    }
    List<String> coded = e.diagnosisEvidence(Disorder.AKATHISIA);
    Optional<SymptomReport> report = e.report();
    boolean restless =
        report
            .map(r -> r.has(Answers.PainCharacter.URGE_TO_MOVE) || r.yes(Item.RELIEF_MOVING))
            .orElse(false);
    boolean rlsOnRecord = !e.recentDiagnoses(Disorder.RESTLESS_LEGS).isEmpty();
    boolean noCircadian = report.map(r -> r.no(Item.WORSE_EVENING_AT_REST)).orElse(false);
    List<Medication> recent =
        antagonists.stream()
            .filter(m -> m.since() != null && !m.since().isBefore(e.today().minusDays(90)))
            .toList();
    if (coded.isEmpty() && !((restless || rlsOnRecord) && (!recent.isEmpty() || noCircadian))) {
      return Optional.empty();
    }
    List<Medication> drugs = recent.isEmpty() ? antagonists : recent;
    List<Finding> findings = new ArrayList<>();
    drugs.forEach(m -> findings.add(onDrug(m, AKATHISIA)));
    if (!coded.isEmpty()) {
      findings.add(RedFlagRule.seen("Akathisia on record", AKATHISIA, coded));
    }
    report.ifPresent(
        r -> {
          if (restless) {
            findings.add(
                RedFlagRule.seen(
                    "Urge to move, eased only by moving", AKATHISIA, r.evidence(Item.CHARACTER)));
          }
          if (noCircadian) {
            findings.add(
                RedFlagRule.seen(
                    "Not worse in the evening (no circadian pattern)",
                    AKATHISIA,
                    r.evidence(Item.WORSE_EVENING_AT_REST)));
          }
        });
    return Optional.of(
        new MedicationEffect(
            MedicationEffect.Kind.DRUG_INDUCED_AKATHISIA, drugs, findings, List.of()));
  }

  private static final String WORSEN_RLS =
      "AASM 2024 RLS guideline: address exacerbating medications (antidepressants, antihistamines, dopamine antagonists)";

  /** Restless legs with a drug that worsens it on the list: each drug named, with its start. */
  static Optional<MedicationEffect> drugsWorseningRls(Evaluation e, List<CauseAssessment> causes) {
    List<Medication> drugs = e.taking(DrugClass.RLS_AGGRAVATING);
    if (drugs.isEmpty()
        || !(likely(causes, Cause.RESTLESS_LEGS)
            || !e.diagnosisEvidence(Disorder.RESTLESS_LEGS).isEmpty())) {
      return Optional.empty();
    }
    List<Finding> findings = new ArrayList<>();
    drugs.forEach(m -> findings.add(onDrug(m, WORSEN_RLS)));
    return Optional.of(
        new MedicationEffect(
            MedicationEffect.Kind.DRUGS_WORSENING_RLS, drugs, findings, List.of()));
  }

  private static final String PPI =
      "FDA Drug Safety Communication (2 March 2011): PPIs and hypomagnesaemia";

  /** A PPI with a low magnesium within a year: the PPI named, the magnesium to replace. */
  static Optional<MedicationEffect> ppiMagnesium(Evaluation e, List<CauseAssessment> causes) {
    List<Medication> ppis = e.taking(DrugClass.PROTON_PUMP_INHIBITOR);
    Optional<Measurement> mg =
        e.results().lowRecent(Measure.MAGNESIUM, Threshold.MAGNESIUM_LOW_BELOW);
    if (ppis.isEmpty() || mg.isEmpty() || !e.diagnosisEvidence(Disorder.DIALYSIS).isEmpty()) {
      return Optional.empty();
    }
    List<Finding> findings = new ArrayList<>();
    ppis.forEach(m -> findings.add(onDrug(m, PPI)));
    findings.add(result("Magnesium", mg.get(), "low", e.basis(Threshold.MAGNESIUM_LOW_BELOW)));
    e.results()
        .lowRecent(Measure.CALCIUM, Threshold.CALCIUM_LOW_BELOW)
        .ifPresent(
            ca -> findings.add(result("Calcium", ca, "low", e.basis(Threshold.CALCIUM_LOW_BELOW))));
    e.results()
        .lowRecent(Measure.POTASSIUM, Threshold.POTASSIUM_LOW_BELOW)
        .ifPresent(
            k ->
                findings.add(
                    result("Potassium", k, "low", e.basis(Threshold.POTASSIUM_LOW_BELOW))));
    return Optional.of(
        new MedicationEffect(MedicationEffect.Kind.PPI_HYPOMAGNESAEMIA, ppis, findings, List.of()));
  }

  private static final String CRAMPS =
      "Garrison et al., Arch Intern Med 2012 (diuretics, LABA); NICE CKS Leg cramps (check U&E, magnesium)";

  /** Cramps with a drug that brings them on: each named, with any low potassium or magnesium. */
  static Optional<MedicationEffect> drugsCausingCramps(Evaluation e, List<CauseAssessment> causes) {
    List<Medication> drugs =
        e.taking(
            DrugClass.THIAZIDE_DIURETIC,
            DrugClass.POTASSIUM_SPARING_DIURETIC,
            DrugClass.LOOP_DIURETIC,
            DrugClass.LONG_ACTING_BETA_AGONIST,
            DrugClass.CRAMP_ASSOCIATED);
    if (drugs.isEmpty()
        || !(likely(causes, Cause.LEG_CRAMPS)
            || !e.diagnosisEvidence(Disorder.LEG_CRAMPS).isEmpty())) {
      return Optional.empty();
    }
    List<Finding> findings = new ArrayList<>();
    drugs.forEach(m -> findings.add(onDrug(m, CRAMPS)));
    e.results()
        .lowRecent(Measure.POTASSIUM, Threshold.POTASSIUM_LOW_BELOW)
        .ifPresent(
            k ->
                findings.add(
                    result("Potassium", k, "low", e.basis(Threshold.POTASSIUM_LOW_BELOW))));
    e.results()
        .lowRecent(Measure.MAGNESIUM, Threshold.MAGNESIUM_LOW_BELOW)
        .ifPresent(
            mg ->
                findings.add(
                    result("Magnesium", mg, "low", e.basis(Threshold.MAGNESIUM_LOW_BELOW))));
    return Optional.of(
        new MedicationEffect(
            MedicationEffect.Kind.DRUGS_CAUSING_CRAMPS, drugs, findings, List.of()));
  }

  private static final String DIALYSIS =
      "KDOQI 2015 haemodialysis adequacy; AAFP 2012 (Allen & Kirby): dialysis cramps";

  /** Cramps on dialysis: the renal team (dry weight, ultrafiltration), no magnesium in ESRD. */
  static Optional<MedicationEffect> dialysisCramps(Evaluation e, List<CauseAssessment> causes) {
    List<String> dialysis = e.diagnosisEvidence(Disorder.DIALYSIS);
    if (dialysis.isEmpty()
        || !(likely(causes, Cause.LEG_CRAMPS)
            || !e.diagnosisEvidence(Disorder.LEG_CRAMPS).isEmpty())) {
      return Optional.empty();
    }
    List<Finding> findings = new ArrayList<>();
    findings.add(RedFlagRule.seen("On dialysis (end-stage renal disease)", DIALYSIS, dialysis));
    Medication renal = new Medication(DrugClass.CRAMP_ASSOCIATED, "dialysis", dialysis.get(0));
    return Optional.of(
        new MedicationEffect(
            MedicationEffect.Kind.DIALYSIS_CRAMPS, List.of(renal), findings, List.of()));
  }

  private static final String METFORMIN =
      "ADA Standards of Care 2025 §9: periodic B12 on long-term metformin, above all with neuropathy";

  /** Metformin with a low B12 within a year: named, B12 to replace. */
  static Optional<MedicationEffect> metforminB12(Evaluation e, List<CauseAssessment> causes) {
    List<Medication> metformin = e.taking(DrugClass.METFORMIN);
    Optional<Measurement> b12 =
        e.results().lowRecent(Measure.VITAMIN_B12, Threshold.B12_DEFICIENT_BELOW);
    if (metformin.isEmpty() || b12.isEmpty()) {
      return Optional.empty();
    }
    List<Finding> findings = new ArrayList<>();
    metformin.forEach(m -> findings.add(onDrug(m, METFORMIN)));
    findings.add(
        result(
            "B12",
            b12.get(),
            "low (<" + Format.number(e.t(Threshold.B12_DEFICIENT_BELOW)) + ")",
            e.basis(Threshold.B12_DEFICIENT_BELOW)));
    return Optional.of(
        new MedicationEffect(
            MedicationEffect.Kind.METFORMIN_B12_DEFICIENCY, metformin, findings, List.of()));
  }

  private static final String CIPN =
      "ASCO 2020 CIPN guideline (Loprinzi, J Clin Oncol 2020): dose delay or reduction; duloxetine";

  /** Neuropathy during neurotoxic chemotherapy: the drug named, the oncology team to decide. */
  static Optional<MedicationEffect> chemotherapyNeuropathy(
      Evaluation e, List<CauseAssessment> causes) {
    List<Medication> chemo = e.taking(DrugClass.NEUROTOXIC_CHEMOTHERAPY);
    if (chemo.isEmpty() || !e.complaint().current()) {
      return Optional.empty();
    }
    List<Finding> findings = new ArrayList<>();
    chemo.forEach(m -> findings.add(onDrug(m, CIPN)));
    return Optional.of(
        new MedicationEffect(
            MedicationEffect.Kind.CHEMOTHERAPY_NEUROPATHY, chemo, findings, List.of()));
  }

  private static final String AUGMENTATION =
      "AASM 2024 RLS guideline: augmentation on dopamine agonists";

  /**
   * Restless legs still present on a dopamine agonist (AASM 2024): consider augmentation (earlier
   * onset, spread to the arms, more drug needed); check iron; an alpha-2-delta ligand is preferred.
   */
  static Optional<MedicationEffect> augmentation(Evaluation e) {
    List<Medication> agonists = e.taking(DrugClass.DOPAMINE_AGONIST);
    Optional<SymptomReport> report = e.report();
    if (agonists.isEmpty() || report.isEmpty()) {
      return Optional.empty();
    }
    SymptomReport r = report.get();
    boolean rls =
        r.has(Answers.PainCharacter.URGE_TO_MOVE)
            || (r.yes(Item.RELIEF_MOVING) && r.yes(Item.WORSE_EVENING_AT_REST));
    if (!rls) {
      return Optional.empty();
    }
    List<Finding> findings = new ArrayList<>();
    agonists.forEach(
        a -> findings.add(RedFlagRule.seen("On " + a.name(), AUGMENTATION, a.source())));
    findings.add(
        RedFlagRule.seen(
            "Restless legs symptoms persist on it",
            AUGMENTATION,
            r.evidence(
                r.has(Answers.PainCharacter.URGE_TO_MOVE) ? Item.CHARACTER : Item.RELIEF_MOVING)));
    return Optional.of(
        new MedicationEffect(
            MedicationEffect.Kind.RLS_AUGMENTATION,
            agonists,
            findings,
            e.results().hasFresh(Measure.FERRITIN) ? List.of() : List.of(NextStep.IRON_STUDIES)));
  }

  /**
   * Ankle swelling in both legs on a dihydropyridine: the drug's dose-related oedema, which
   * diuretics and elevation do not relieve (BNF; Makani et al., J Hypertens 2011).
   */
  static Optional<MedicationEffect> calciumChannelBlockerOedema(Evaluation e) {
    List<Medication> dihydropyridines = e.taking(DrugClass.DIHYDROPYRIDINE);
    if (dihydropyridines.isEmpty()) {
      return Optional.empty();
    }
    List<String> bothLegs = new ArrayList<>();
    e.report()
        .filter(r -> r.swelling() == Answers.Swelling.BOTH_LEGS)
        .ifPresent(r -> bothLegs.add(r.evidence(Item.SWELLING)));
    e.recentDiagnoses(Disorder.LEG_SWELLING).stream()
        .filter(d -> d.side() == Side.UNSPECIFIED)
        .forEach(d -> bothLegs.add(d.source()));
    if (bothLegs.isEmpty()) {
      return Optional.empty();
    }
    List<Finding> findings = new ArrayList<>();
    dihydropyridines.forEach(m -> findings.add(onDrug(m, CCB_OEDEMA)));
    findings.add(RedFlagRule.seen("Both legs swollen", CCB_OEDEMA, bothLegs));
    return Optional.of(
        new MedicationEffect(
            MedicationEffect.Kind.CALCIUM_CHANNEL_BLOCKER_OEDEMA,
            dihydropyridines,
            findings,
            List.of()));
  }
}
