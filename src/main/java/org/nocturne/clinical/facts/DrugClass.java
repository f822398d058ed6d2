package org.nocturne.clinical.facts;

import java.util.List;

/** Medication classes that matter for night-time leg pain (clinical reference §1.4, §3.6). */
public enum DrugClass {
  THIAZIDE_DIURETIC,
  POTASSIUM_SPARING_DIURETIC,
  LOOP_DIURETIC,
  LONG_ACTING_BETA_AGONIST,
  STATIN,
  SEDATING_ANTIHISTAMINE,
  DOPAMINE_ANTAGONIST,
  SEROTONERGIC_ANTIDEPRESSANT,
  LITHIUM,
  DOPAMINE_AGONIST,
  QUININE,
  ESTROGEN,
  CYP3A4_INHIBITOR,
  CANCER_TREATMENT,
  ANTIPLATELET,
  /** Drugs AAFP 2012 (Table 1) names as most associated with leg cramps. */
  CRAMP_ASSOCIATED,
  /** Long-term proton pump inhibitors lower magnesium (FDA 2011). */
  PROTON_PUMP_INHIBITOR,
  /** Long-term metformin lowers vitamin B12. */
  METFORMIN,
  /** Platinum agents, taxanes, vinca alkaloids, bortezomib, thalidomide (ASCO 2020 CIPN). */
  NEUROTOXIC_CHEMOTHERAPY,
  /** Tamoxifen, raloxifene: venous thromboembolism risk. */
  SELECTIVE_ESTROGEN_RECEPTOR_MODULATOR,
  /** Amlodipine, nifedipine and the other dihydropyridines: dose-related ankle oedema. */
  DIHYDROPYRIDINE,
  /** Drugs with which the simvastatin label caps its dose (FDA 2011): 10 mg or 20 mg. */
  STATIN_DOSE_LIMITING;

  /** The classes with a significant link to cramps in Garrison et al. 2012. */
  public static final List<DrugClass> CRAMP_INDUCING =
      List.of(THIAZIDE_DIURETIC, POTASSIUM_SPARING_DIURETIC, LONG_ACTING_BETA_AGONIST);

  /** The classes that can worsen restless legs (AASM 2024, IRLSSG literature). */
  public static final List<DrugClass> RLS_AGGRAVATING =
      List.of(SEDATING_ANTIHISTAMINE, DOPAMINE_ANTAGONIST, SEROTONERGIC_ANTIDEPRESSANT, LITHIUM);
}
