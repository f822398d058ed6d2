package org.nocturne.clinical.facts;

/** The diagnoses the cause model reads from the problem list, as clinical concepts. */
public enum Disorder {
  DIABETES,
  DIABETIC_NEUROPATHY,
  OTHER_NEUROPATHY,
  PERIPHERAL_ARTERY_DISEASE,
  LIMB_THREATENING_ISCHEMIA,
  VENOUS_INSUFFICIENCY,
  DEEP_VEIN_THROMBOSIS,
  RESTLESS_LEGS,
  LEG_CRAMPS,
  SCIATICA,
  SPINAL_STENOSIS,
  OSTEOARTHRITIS,
  RHEUMATOID_ARTHRITIS,
  CHRONIC_KIDNEY_DISEASE,
  IRON_DEFICIENCY,
  ATRIAL_FIBRILLATION,
  ACTIVE_CANCER,
  CANCER_HISTORY,
  MALARIA,
  PREGNANCY,
  CURRENT_SMOKER,
  HEART_FAILURE,
  POSTPARTUM,
  DECOMPENSATED_HEART_FAILURE,
  /** A chronic ulcer, a diabetic foot ulcer or gangrene of the leg or foot. */
  TISSUE_LOSS,
  /** Swelling or oedema of a leg; its side says whether one leg is swollen. */
  LEG_SWELLING,
  GOUT,
  BAKERS_CYST,
  /** Retention or incontinence of urine or faeces. */
  BLADDER_OR_BOWEL_DYSFUNCTION,
  /** Unexplained weight loss. */
  WEIGHT_LOSS,
  /** End-stage renal disease or dialysis. */
  DIALYSIS,
  AKATHISIA,
  /** Secondary malignant neoplasm: known metastatic disease. */
  METASTATIC_CANCER,
  /** Cellulitis, erysipelas or necrotising fasciitis of the leg or foot. */
  CELLULITIS,
  /** Alcohol use disorder or alcohol-related disease. */
  ALCOHOL_MISUSE,
  /** Weakness of ankle dorsiflexion; its side says which foot. */
  FOOT_DROP,
  /** Numbness, tingling, burning or other disturbed skin sensation, as the record codes it. */
  SENSORY_SYMPTOMS,
  /** A fever recorded as a diagnosis. */
  FEVER,
  /** Varicose veins or venous hypertension with inflammation (eczema) or ulcer: CEAP C4-C6. */
  VENOUS_SKIN_DAMAGE,
  /** Muscle pain recorded as a diagnosis. */
  MYALGIA,
  /** Embolism or thrombosis of the leg arteries; acute when it began within 2 weeks. */
  ACUTE_LIMB_ISCHEMIA
}
