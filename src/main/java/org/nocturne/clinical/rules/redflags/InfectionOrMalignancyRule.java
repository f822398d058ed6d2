package org.nocturne.clinical.rules.redflags;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.conclusions.FlagGuidance;
import org.nocturne.clinical.conclusions.RaisedFlag;
import org.nocturne.clinical.conclusions.RedFlag;
import org.nocturne.clinical.conclusions.Urgency;
import org.nocturne.clinical.facts.Answers;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.DrugClass;
import org.nocturne.clinical.facts.Format;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.facts.Measure;
import org.nocturne.clinical.facts.Measurement;
import org.nocturne.clinical.facts.SymptomReport;
import org.nocturne.clinical.knowledge.Threshold;
import org.nocturne.clinical.rules.Evaluation;

/**
 * Fever (same day), or unexplained weight loss or a cancer with night pain (prompt review). A
 * cancer counts whether active or past (remission, resolved, or a cancer treatment on record): NICE
 * NG12 asks for assessment of bone or night pain in anyone with a history of cancer.
 */
final class InfectionOrMalignancyRule implements RedFlagRule {
  private static final String SYSTEMIC =
      "NHS Lothian RefHelp; NICE CKS: fever, weight loss, cancer history and night pain";
  private static final String CANCER_HISTORY =
      "NICE NG12 (2015, updated): night or bone pain with a history of cancer";
  private static final String CELLULITIS =
      "Fever with a red, warm leg: cellulitis or deeper infection";
  private static final String HOT_JOINT =
      "BSR/BHPR guideline, the hot swollen joint in adults (Coakley, Rheumatology 2006): septic arthritis until aspiration excludes it";
  private static final String NG141 =
      "NICE NG141 (2019) cellulitis and erysipelas: offer an antibiotic; Eron class II-IV (systemically unwell or a comorbidity such as diabetes) needs hospital assessment";

  @Override
  public RedFlag flag() {
    return RedFlag.INFECTION_OR_MALIGNANCY;
  }

  @Override
  public Optional<RaisedFlag> check(Evaluation e) {
    List<Finding> findings = new ArrayList<>();
    boolean fever = e.report().map(r -> r.yes(Item.FEVER)).orElse(false);
    e.report()
        .ifPresent(
            r -> {
              if (fever) {
                findings.add(RedFlagRule.seen("Fever", SYSTEMIC, r.evidence(Item.FEVER)));
                if (r.has(Answers.SkinChange.RED_WARM)) {
                  findings.add(
                      RedFlagRule.seen(
                          "Red, warm skin", CELLULITIS, r.evidence(Item.SKIN_CHANGES)));
                }
              }
              if (r.yes(Item.WEIGHT_LOSS)) {
                findings.add(
                    RedFlagRule.seen(
                        "Unexplained weight loss with night pain",
                        SYSTEMIC,
                        r.evidence(Item.WEIGHT_LOSS)));
              }
            });
    List<String> active = e.diagnosisEvidence(Disorder.ACTIVE_CANCER);
    List<String> history = e.cancerHistoryEvidence();
    // a symmetric sensory neuropathy on neurotoxic chemotherapy is the chemotherapy, not a deposit
    boolean chemoNeuropathy =
        !e.taking(DrugClass.NEUROTOXIC_CHEMOTHERAPY).isEmpty()
            && e.report()
                .map(
                    r ->
                        r.laterality() == Answers.Laterality.BOTH
                            && (r.has(Answers.PainCharacter.BURNING)
                                || r.has(Answers.PainCharacter.TINGLING)
                                || r.has(Answers.PainCharacter.NUMBNESS)))
                .orElse(false);
    if (chemoNeuropathy) {
      // nothing to add: the chemotherapy-neuropathy card names the drug
    } else if (e.report().isPresent() && !active.isEmpty()) {
      findings.add(RedFlagRule.seen("Active cancer with night pain", SYSTEMIC, active));
    } else if (!history.isEmpty() && constantPain(e)) {
      SymptomReport r = e.report().orElseThrow();
      findings.add(
          RedFlagRule.seen(
              "History of cancer with constant night pain",
              CANCER_HISTORY,
              concat(r.evidence(Item.EPISODE_DURATION), history)));
    }
    // the record alone can show an infection: a temperature taken in the last days, a coded
    // cellulitis, a raised CRP beside either
    Optional<Measurement> feverOnRecord = e.results().feverOnRecord();
    feverOnRecord.ifPresent(
        t ->
            findings.add(
                RedFlagRule.seen(
                    Format.result("Temperature", t) + ": fever",
                    e.basis(Threshold.FEVER_MIN),
                    t.source())));
    List<String> feverCoded = feverOnRecord.isEmpty() ? e.feverDiagnosisEvidence() : List.of();
    if (!feverCoded.isEmpty()) {
      findings.add(RedFlagRule.seen("Fever diagnosed", e.basis(Threshold.FEVER_MIN), feverCoded));
    }
    List<String> cellulitis = e.acuteDiagnoses(Disorder.CELLULITIS, Threshold.ACUTE_INFECTION_DAYS);
    if (!cellulitis.isEmpty()) {
      findings.add(
          RedFlagRule.seen(
              "Infection of the leg on record (cellulitis, abscess or osteomyelitis)",
              NG141,
              cellulitis));
    }
    boolean febrile = fever || feverOnRecord.isPresent() || !feverCoded.isEmpty();
    if (febrile || !cellulitis.isEmpty()) {
      e.results()
          .highRecent(Measure.C_REACTIVE_PROTEIN, Threshold.CRP_RAISED_ABOVE)
          .ifPresent(
              crp ->
                  findings.add(
                      RedFlagRule.seen(
                          Format.result("CRP", crp) + ": raised",
                          e.basis(Threshold.CRP_RAISED_ABOVE),
                          crp.source())));
    }
    boolean sameDay = febrile;
    if (e.report().isEmpty() && !history.isEmpty()) {
      // the record alone: a cancer now or before, with weight loss or a raised calcium (NICE NG12)
      List<String> weightLoss = e.weightLossEvidence();
      if (!weightLoss.isEmpty()) {
        findings.add(
            RedFlagRule.seen(
                "Unexplained weight loss with a history of cancer",
                CANCER_HISTORY,
                concat(weightLoss, history)));
      }
    }
    Optional<Measurement> calcium = e.results().highCalcium();
    if (calcium.isPresent() && (!history.isEmpty() || !findings.isEmpty())) {
      Measurement ca = calcium.get();
      boolean urgent = ca.value() > e.t(Threshold.CALCIUM_SAME_DAY_ABOVE);
      findings.add(
          RedFlagRule.seen(
              Format.result("Calcium", ca)
                  + (urgent
                      ? ", above "
                          + Format.number(e.t(Threshold.CALCIUM_SAME_DAY_ABOVE))
                          + " mg/dL: same-day assessment"
                      : ", raised: hypercalcaemia"),
              e.basis(urgent ? Threshold.CALCIUM_SAME_DAY_ABOVE : Threshold.CALCIUM_HIGH_ABOVE),
              ca.source()));
      sameDay = sameDay || urgent;
    }
    if (findings.isEmpty()) {
      return Optional.empty();
    }
    if (!cellulitis.isEmpty()) {
      // an infection of the leg needs its own action: antibiotics, and same day when febrile
      return Optional.of(
          new RaisedFlag(
              flag(),
              sameDay ? Urgency.CRITICAL : Urgency.WARNING,
              findings,
              FlagGuidance.LEG_INFECTION));
    }
    // a flare of this fortnight, not any gout of the complaint window
    List<String> joint = e.acuteDiagnoses(Disorder.GOUT, Threshold.ACUTE_INFECTION_DAYS);
    if (febrile && !joint.isEmpty()) {
      // fever with a joint flare: septic arthritis until the joint is aspirated (gout can coexist)
      findings.add(RedFlagRule.seen("Gout flare on record", HOT_JOINT, joint));
      return Optional.of(
          new RaisedFlag(flag(), Urgency.CRITICAL, findings, FlagGuidance.SEPTIC_ARTHRITIS));
    }
    List<String> metastatic = e.diagnosisEvidence(Disorder.METASTATIC_CANCER);
    if (!metastatic.isEmpty()) {
      // known metastases: no prompt to look for them; the oncology team reviews the new pain
      findings.add(RedFlagRule.seen("Known metastatic cancer", CANCER_HISTORY, metastatic));
      return Optional.of(
          new RaisedFlag(
              flag(),
              sameDay ? Urgency.CRITICAL : Urgency.WARNING,
              findings,
              FlagGuidance.KNOWN_METASTATIC_DISEASE));
    }
    return Optional.of(
        new RaisedFlag(flag(), sameDay ? Urgency.CRITICAL : Urgency.WARNING, findings));
  }

  /** Pain that does not come and go: the pattern of bone pain, not of cramps. */
  private static boolean constantPain(Evaluation e) {
    return e.report()
        .map(r -> r.episodeDuration() == Answers.EpisodeDuration.CONSTANT)
        .orElse(false);
  }

  private static List<String> concat(List<String> first, List<String> rest) {
    List<String> all = new ArrayList<>(first);
    all.addAll(rest);
    return all;
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(rest);
    return all;
  }
}
