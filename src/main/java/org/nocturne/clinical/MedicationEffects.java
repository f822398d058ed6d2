package org.nocturne.clinical;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Statin-associated muscle symptoms (2018 AHA/ACC cholesterol guideline §5): muscle aching or
 * weakness in a patient on a statin, with what raises the risk (a high-intensity dose, a CYP3A4
 * inhibitor with a CYP3A4-metabolised statin). The check is a CK.
 */
final class MedicationEffects {
  private static final String BASIS =
      "2018 AHA/ACC cholesterol guideline §5: assess muscle symptoms on a statin; CK when severe or weak";

  /** High-intensity doses by the 2018 guideline's table: atorvastatin 40–80, rosuvastatin 20–40. */
  private static final Pattern HIGH_INTENSITY =
      Pattern.compile(
          "(?i)\\b(atorvastatin\\D{0,20}(40|80)|rosuvastatin\\D{0,20}(20|40)|simvastatin\\D{0,20}80)\\s*mg");

  /** Statins cleared by CYP3A4; rosuvastatin, pravastatin and pitavastatin are not. */
  private static final Pattern CYP3A4_STATIN =
      Pattern.compile("(?i)\\b(atorvastatin|simvastatin|lovastatin)\\b");

  private MedicationEffects() {}

  static List<MedicationEffect> of(Evaluation e) {
    List<MedicationEffect> effects = new ArrayList<>();
    statinMyopathy(e).ifPresent(effects::add);
    augmentation(e).ifPresent(effects::add);
    return effects;
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
            e.hasFresh(Measure.FERRITIN) ? List.of() : List.of(NextStep.IRON_STUDIES)));
  }

  static Optional<MedicationEffect> statinMyopathy(Evaluation e) {
    List<Medication> statins = e.taking(DrugClass.STATIN);
    Optional<SymptomReport> report = e.report();
    if (statins.isEmpty() || report.isEmpty()) {
      return Optional.empty();
    }
    SymptomReport r = report.get();
    boolean aching = r.has(Answers.PainCharacter.ACHING_HEAVINESS);
    boolean weak = r.yes(Item.NEW_WEAKNESS_OR_NUMBNESS);
    if (!aching && !weak) {
      return Optional.empty();
    }
    List<Finding> findings = new ArrayList<>();
    for (Medication statin : statins) {
      findings.add(
          RedFlagRule.seen(
              "On "
                  + statin.name()
                  + (HIGH_INTENSITY.matcher(statin.name()).find() ? " (high intensity)" : ""),
              BASIS,
              statin.source()));
    }
    if (aching) {
      findings.add(RedFlagRule.seen("Aching muscles", BASIS, r.evidence(Item.CHARACTER)));
    }
    if (weak) {
      findings.add(
          RedFlagRule.seen(
              "New weakness or numbness", BASIS, r.evidence(Item.NEW_WEAKNESS_OR_NUMBNESS)));
    }
    boolean cyp3a4Statin = statins.stream().anyMatch(s -> CYP3A4_STATIN.matcher(s.name()).find());
    if (cyp3a4Statin) {
      for (Medication inhibitor : e.taking(DrugClass.CYP3A4_INHIBITOR)) {
        findings.add(
            RedFlagRule.seen(
                "With " + inhibitor.name() + ", which raises the statin level (CYP3A4)",
                BASIS,
                inhibitor.source()));
      }
    }
    return Optional.of(
        new MedicationEffect(
            MedicationEffect.Kind.STATIN_MYOPATHY,
            statins,
            findings,
            List.of(NextStep.CREATINE_KINASE)));
  }
}
