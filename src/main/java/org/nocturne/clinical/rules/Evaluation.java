package org.nocturne.clinical.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nocturne.clinical.facts.Answers;
import org.nocturne.clinical.facts.Complaint;
import org.nocturne.clinical.facts.ComplaintWindow;
import org.nocturne.clinical.facts.Diagnosis;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.DrugClass;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.facts.Measure;
import org.nocturne.clinical.facts.Medication;
import org.nocturne.clinical.facts.PatientFacts;
import org.nocturne.clinical.facts.Side;
import org.nocturne.clinical.facts.SymptomReport;
import org.nocturne.clinical.knowledge.Knowledge;
import org.nocturne.clinical.knowledge.Threshold;

/**
 * The facts, the knowledge and the evaluation date that every rule reads, with the small derived
 * questions several rules ask ("is there recent evidence of kidney disease?"). Each such question
 * answers with the evidence, so an empty list means no. One per assessment, used by one thread.
 */
public final class Evaluation {
  private final PatientFacts facts;
  private final Knowledge knowledge;
  private final LocalDate today;
  private final Complaint complaint;
  private final RecentResults results;
  private final ComplaintWindow window;
  private WellsScore wells;

  public Evaluation(
      PatientFacts facts, Knowledge knowledge, LocalDate today, ComplaintWindow window) {
    this.facts = facts;
    this.knowledge = knowledge;
    this.today = today;
    this.window = window;
    this.results = new RecentResults(facts, knowledge, today);
    this.complaint =
        Complaint.of(facts, window, today, (int) knowledge.value(Threshold.ADULT_AGE_MIN));
  }

  public Complaint complaint() {
    return complaint;
  }

  public PatientFacts facts() {
    return facts;
  }

  public Knowledge knowledge() {
    return knowledge;
  }

  public LocalDate today() {
    return today;
  }

  /** The record's results read against the recency windows and reference ranges. */
  public RecentResults results() {
    return results;
  }

  /**
   * The questionnaire, when it is current. An older one is history: no rule reads it, so none of
   * its answers raises a flag or moves a cause.
   */
  public Optional<SymptomReport> report() {
    return complaint.questionnaireCurrent() ? facts.report() : Optional.empty();
  }

  public double t(Threshold threshold) {
    return knowledge.value(threshold);
  }

  public String basis(Threshold threshold) {
    return knowledge.source(threshold);
  }

  /** The modified Wells score, shared by the DVT and the swelling rules. */
  public WellsScore wells() {
    if (wells == null) {
      wells = WellsScore.of(this);
    }
    return wells;
  }

  public List<String> diagnosisEvidence(Disorder... disorders) {
    List<String> evidence = new ArrayList<>();
    for (Disorder disorder : disorders) {
      facts.current(disorder).ifPresent(diagnosis -> evidence.add(diagnosis.source()));
    }
    return evidence;
  }

  /** A diabetes diagnosis, or a recent HbA1c in the diabetic range. */
  public List<String> diabetesEvidence() {
    List<String> evidence = diagnosisEvidence(Disorder.DIABETES);
    if (evidence.isEmpty()) {
      results
          .highestRecent(Measure.HBA1C)
          .filter(a1c -> a1c.value() >= t(Threshold.HBA1C_DIABETES_MIN))
          .ifPresent(a1c -> evidence.add(a1c.source()));
    }
    return evidence;
  }

  /** A kidney disease diagnosis, or a recent eGFR below the CKD threshold. */
  public List<String> kidneyDiseaseEvidence() {
    List<String> evidence = diagnosisEvidence(Disorder.CHRONIC_KIDNEY_DISEASE);
    results
        .lowestRecent(Measure.EGFR)
        .filter(egfr -> egfr.value() < t(Threshold.EGFR_CKD_BELOW))
        .ifPresent(egfr -> evidence.add(egfr.source()));
    return evidence;
  }

  /** Recent ferritin or transferrin saturation at the AASM 2024 iron-therapy thresholds. */
  public List<String> lowIronEvidence() {
    List<String> evidence = new ArrayList<>();
    results
        .lowestRecent(Measure.FERRITIN)
        .filter(ferritin -> ferritin.value() <= t(Threshold.FERRITIN_IRON_THERAPY_MAX))
        .ifPresent(ferritin -> evidence.add(ferritin.source()));
    results
        .lowestRecent(Measure.TRANSFERRIN_SATURATION)
        .filter(tsat -> tsat.value() < t(Threshold.TSAT_IRON_THERAPY_BELOW))
        .ifPresent(tsat -> evidence.add(tsat.source()));
    return evidence;
  }

  /** Recent objective evidence of arterial disease: ABI ≤0.90 or TBI ≤0.70, or a diagnosis. */
  public List<String> arterialDiseaseEvidence() {
    List<String> evidence =
        diagnosisEvidence(Disorder.PERIPHERAL_ARTERY_DISEASE, Disorder.LIMB_THREATENING_ISCHEMIA);
    results
        .lowestRecent(Measure.ANKLE_BRACHIAL_INDEX)
        .filter(abi -> abi.value() <= t(Threshold.ABI_ABNORMAL_MAX))
        .ifPresent(abi -> evidence.add(abi.source()));
    results
        .lowestRecent(Measure.TOE_BRACHIAL_INDEX)
        .filter(tbi -> tbi.value() <= t(Threshold.TBI_ABNORMAL_MAX))
        .ifPresent(tbi -> evidence.add(tbi.source()));
    return evidence;
  }

  /**
   * A cancer at any time: a malignancy in remission or resolved, a recorded history of cancer or of
   * its treatment, or a long-term cancer drug (NICE NG12).
   */
  public List<String> cancerHistoryEvidence() {
    List<String> evidence = new ArrayList<>();
    facts.ever(Disorder.ACTIVE_CANCER).ifPresent(d -> evidence.add(d.source()));
    facts.ever(Disorder.CANCER_HISTORY).ifPresent(d -> evidence.add(d.source()));
    taking(DrugClass.CANCER_TREATMENT).forEach(m -> evidence.add(m.source()));
    return evidence;
  }

  /**
   * Pregnant now, or within the postpartum window (RCOG Green-top 37b: 6 weeks) of a recorded
   * birth; an active postpartum condition without a date counts, an old one does not.
   */
  /** Smoking now: the record's smoking status (LOINC 72166-2), or the patient's own answer. */
  public List<String> currentSmokerEvidence() {
    List<String> evidence = diagnosisEvidence(Disorder.CURRENT_SMOKER);
    report()
        .filter(r -> r.smoking() == Answers.Smoking.CURRENT)
        .ifPresent(r -> evidence.add(r.evidence(Item.SMOKING)));
    return evidence;
  }

  public List<String> pregnancyOrPostpartumEvidence() {
    List<String> evidence = diagnosisEvidence(Disorder.PREGNANCY);
    LocalDate since = today.minusWeeks((long) t(Threshold.POSTPARTUM_WEEKS));
    facts.diagnoses().stream()
        .filter(d -> d.disorder() == Disorder.POSTPARTUM && !d.historical())
        .filter(d -> d.onset() == null || !d.onset().isBefore(since))
        .forEach(d -> evidence.add(d.source()));
    // The patient's own answer counts too: the record often lags a pregnancy or a birth.
    report()
        .filter(r -> r.yes(Item.PREGNANT_OR_RECENT_BIRTH))
        .ifPresent(r -> evidence.add(r.evidence(Item.PREGNANT_OR_RECENT_BIRTH)));
    return evidence;
  }

  /**
   * Arterial disease shown, or not excluded where the ABI cannot exclude it (ESVS/SVS GVG 2019): a
   * noncompressible ABI, or no recent ABI in diabetes or kidney disease (calcified arteries).
   */
  public List<String> arterialDiseaseNotExcludedEvidence() {
    List<String> evidence = new ArrayList<>(arterialDiseaseEvidence());
    results
        .highestRecent(Measure.ANKLE_BRACHIAL_INDEX)
        .filter(abi -> abi.value() > t(Threshold.ABI_NONCOMPRESSIBLE_ABOVE))
        .ifPresent(abi -> evidence.add(abi.source()));
    if (!results.hasRecent(Measure.ANKLE_BRACHIAL_INDEX)) {
      evidence.addAll(diabetesEvidence());
      evidence.addAll(kidneyDiseaseEvidence());
    }
    return evidence.stream().distinct().toList();
  }

  // --- The evidence matrix: each concept the rules read, from every source that can state it ---

  /**
   * A diagnosis of the disorder that began (or, undated, is current) within the complaint window.
   */
  public List<Diagnosis> recentDiagnoses(Disorder disorder) {
    return facts.diagnoses().stream()
        .filter(d -> d.disorder() == disorder && !d.historical())
        .filter(d -> window.complaintCurrent(d.onset(), today))
        .toList();
  }

  /**
   * Tissue loss: a non-healing sore in the questionnaire, or a current ulcer, diabetic foot ulcer
   * or gangrene on the record (ESVS/SVS GVG 2019: tissue loss defines CLTI with arterial disease).
   */
  public List<String> tissueLossEvidence() {
    List<String> evidence = new ArrayList<>(diagnosisEvidence(Disorder.TISSUE_LOSS));
    report()
        .filter(r -> r.has(Answers.SkinChange.NON_HEALING_SORE))
        .ifPresent(r -> evidence.add(r.evidence(Item.SKIN_CHANGES)));
    return evidence;
  }

  /**
   * One swollen leg: the patient's answer, or a leg swelling on one side diagnosed within the
   * complaint window (a bilateral or chronic one is not a local sign of a clot).
   */
  List<String> oneLegSwellingEvidence() {
    List<String> evidence = new ArrayList<>();
    report()
        .filter(r -> r.swelling() == Answers.Swelling.ONE_LEG)
        .ifPresent(r -> evidence.add(r.evidence(Item.SWELLING)));
    recentDiagnoses(Disorder.LEG_SWELLING).stream()
        .filter(d -> d.side() != Side.UNSPECIFIED)
        .forEach(d -> evidence.add(d.source()));
    return evidence;
  }

  /** New bladder or bowel change: the patient's answer, or a recent diagnosis of retention. */
  List<String> bladderOrBowelEvidence() {
    List<String> evidence = new ArrayList<>();
    report()
        .filter(r -> r.yes(Item.BLADDER_OR_BOWEL_CHANGE))
        .ifPresent(r -> evidence.add(r.evidence(Item.BLADDER_OR_BOWEL_CHANGE)));
    recentDiagnoses(Disorder.BLADDER_OR_BOWEL_DYSFUNCTION).forEach(d -> evidence.add(d.source()));
    return evidence;
  }

  /**
   * Radicular pain in both legs on the record: current sciatica diagnoses naming each side, at
   * least one of them within the complaint window (GIRFT 2023: bilateral radicular pain).
   */
  public List<String> bilateralSciaticaEvidence() {
    List<Diagnosis> sciatica =
        facts.diagnoses().stream()
            .filter(d -> d.disorder() == Disorder.SCIATICA && !d.historical())
            .toList();
    boolean left = sciatica.stream().anyMatch(d -> d.side() == Side.LEFT);
    boolean right = sciatica.stream().anyMatch(d -> d.side() == Side.RIGHT);
    boolean recent = !recentDiagnoses(Disorder.SCIATICA).isEmpty();
    return left && right && recent
        ? sciatica.stream().map(Diagnosis::source).distinct().toList()
        : List.of();
  }

  /** Unexplained weight loss: the patient's answer, or a current diagnosis. */
  public List<String> weightLossEvidence() {
    List<String> evidence = new ArrayList<>(diagnosisEvidence(Disorder.WEIGHT_LOSS));
    report()
        .filter(r -> r.yes(Item.WEIGHT_LOSS))
        .ifPresent(r -> evidence.add(r.evidence(Item.WEIGHT_LOSS)));
    return evidence;
  }

  /** A fever diagnosed within the same last days (an undated active one counts: it is current). */
  public List<String> feverDiagnosisEvidence() {
    return acuteDiagnoses(Disorder.FEVER, Threshold.FEVER_RECENT_DAYS);
  }

  /**
   * An acute condition that began within the given days, active; an undated active one counts (it
   * is on the record as current). Older ones are history, however they are still marked.
   */
  public List<String> acuteDiagnoses(Disorder disorder, Threshold days) {
    LocalDate since = today.minusDays((long) t(days));
    return facts.diagnoses().stream()
        .filter(d -> d.disorder() == disorder && !d.historical())
        .filter(d -> d.onset() == null || !d.onset().isBefore(since))
        .map(Diagnosis::source)
        .toList();
  }

  /**
   * Diagnoses of these disorders that are themselves what makes the complaint current: recorded or
   * begun within the complaint window as the leg-pain complaint (a clinician named the cause now).
   */
  public List<String> complaintDiagnosisEvidence(Disorder... disorders) {
    List<String> evidence = new ArrayList<>();
    for (Disorder disorder : disorders) {
      facts.diagnoses().stream()
          .filter(d -> d.disorder() == disorder && !d.historical())
          .map(Diagnosis::source)
          .filter(complaint.evidence()::contains)
          .forEach(evidence::add);
    }
    return evidence.stream().distinct().toList();
  }

  /** Evidence for each medication of a group of classes ({@link DrugClass#CRAMP_INDUCING}). */
  public List<Medication> taking(List<DrugClass> classes) {
    return taking(classes.toArray(DrugClass[]::new));
  }

  /** Evidence for each medication of the given classes. */
  public List<Medication> taking(DrugClass... classes) {
    List<Medication> taking = new ArrayList<>();
    for (DrugClass drugClass : classes) {
      taking.addAll(facts.taking(drugClass));
    }
    return taking;
  }
}
