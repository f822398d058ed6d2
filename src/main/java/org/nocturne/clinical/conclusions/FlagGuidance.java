package org.nocturne.clinical.conclusions;

import java.util.Locale;

/**
 * The texts a red-flag card can carry: one per red flag, and a few presentations that need their
 * own words and action (a DVT that is not excluded is not a DVT that is likely). Each lives in the
 * knowledge file under {@code flag.<key>.*}.
 */
public enum FlagGuidance {
  ACUTE_LIMB_ISCHEMIA(RedFlag.ACUTE_LIMB_ISCHEMIA),
  CHRONIC_LIMB_THREATENING_ISCHEMIA(RedFlag.CHRONIC_LIMB_THREATENING_ISCHEMIA),
  CLTI_SUSPECTED(RedFlag.CHRONIC_LIMB_THREATENING_ISCHEMIA),
  DEEP_VEIN_THROMBOSIS(RedFlag.DEEP_VEIN_THROMBOSIS),
  DVT_NOT_EXCLUDED(RedFlag.DEEP_VEIN_THROMBOSIS),
  DVT_IN_PREGNANCY(RedFlag.DEEP_VEIN_THROMBOSIS),
  CAUDA_EQUINA(RedFlag.CAUDA_EQUINA),
  BILATERAL_RADICULAR_SYMPTOMS(RedFlag.CAUDA_EQUINA),
  INFECTION_OR_MALIGNANCY(RedFlag.INFECTION_OR_MALIGNANCY),
  KNOWN_METASTATIC_DISEASE(RedFlag.INFECTION_OR_MALIGNANCY),
  LEG_INFECTION(RedFlag.INFECTION_OR_MALIGNANCY),
  SEPTIC_ARTHRITIS(RedFlag.INFECTION_OR_MALIGNANCY),
  PROGRESSIVE_NEUROLOGICAL_DEFICIT(RedFlag.PROGRESSIVE_NEUROLOGICAL_DEFICIT),
  NON_HEALING_WOUND_OR_SKIN_CHANGE(RedFlag.NON_HEALING_WOUND_OR_SKIN_CHANGE),
  UNEXPLAINED_SWELLING(RedFlag.UNEXPLAINED_SWELLING);

  private final RedFlag flag;

  FlagGuidance(RedFlag flag) {
    this.flag = flag;
  }

  public RedFlag flag() {
    return flag;
  }

  /** The key in the knowledge file, e.g. {@code dvt-not-excluded}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The general texts of a red flag. */
  public static FlagGuidance of(RedFlag flag) {
    return valueOf(flag.name());
  }
}
