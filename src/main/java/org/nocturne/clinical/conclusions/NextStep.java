package org.nocturne.clinical.conclusions;

import java.util.Locale;

/** The work-up the model can recommend; label, rationale and source live in the knowledge file. */
public enum NextStep {
  ANKLE_BRACHIAL_INDEX,
  TOE_BRACHIAL_INDEX,
  EMERGENCY_VASCULAR_REFERRAL,
  URGENT_VASCULAR_REFERRAL,
  VASCULAR_REFERRAL,
  IRON_STUDIES,
  IRON_REPLETION,
  VENOUS_DUPLEX,
  D_DIMER,
  URGENT_LUMBAR_MRI,
  HBA1C,
  VITAMIN_B12,
  ELECTROLYTES_AND_MAGNESIUM,
  CORRECT_ELECTROLYTES,
  CREATINE_KINASE,
  MEDICATION_REVIEW,
  PAD_STATIN,
  PAD_ANTIPLATELET,
  SMOKING_CESSATION,
  SUPERVISED_EXERCISE,
  DIABETIC_FOOT_CARE,
  IRON_SOURCE_WORKUP,
  VENOUS_REFERRAL,
  COMPRESSION_STOCKINGS;

  /** The key in the knowledge file, e.g. {@code ankle-brachial-index}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
