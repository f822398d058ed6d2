package org.nocturne.clinical.conclusions;

import java.util.List;
import java.util.Locale;
import org.nocturne.clinical.facts.Medication;

/**
 * A drug on the patient's list that may cause the symptoms (card topic {@code leg-pain-card} {@code
 * medication-effect}), the findings that point to it, and the step that checks it.
 */
public record MedicationEffect(
    Kind kind, List<Medication> drugs, List<Finding> findings, List<NextStep> checks) {

  /** The effects the model knows; texts live in the knowledge file under {@code effect.<key>}. */
  public enum Kind {
    STATIN_MYOPATHY,
    /** A raised creatine kinase on a statin: muscle injury, not only symptoms. */
    STATIN_MUSCLE_INJURY,
    RLS_AUGMENTATION,
    DRUG_INDUCED_AKATHISIA,
    DRUGS_WORSENING_RLS,
    PPI_HYPOMAGNESAEMIA,
    DRUGS_CAUSING_CRAMPS,
    DIALYSIS_CRAMPS,
    METFORMIN_B12_DEFICIENCY,
    CHEMOTHERAPY_NEUROPATHY,
    CALCIUM_CHANNEL_BLOCKER_OEDEMA;

    public String key() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public MedicationEffect {
    drugs = List.copyOf(drugs);
    findings = List.copyOf(findings);
    checks = List.copyOf(checks);
    if (drugs.isEmpty() || findings.isEmpty()) {
      throw new IllegalArgumentException("an effect names its drug and the findings");
    }
  }

  public List<String> evidence() {
    return findings.stream().flatMap(f -> f.evidence().stream()).distinct().toList();
  }
}
