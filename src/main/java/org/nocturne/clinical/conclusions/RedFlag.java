package org.nocturne.clinical.conclusions;

/**
 * The red flags of the contract that raise a card, with their codes in CodeSystem {@code
 * leg-pain-red-flag}. {@code persistent-or-severe-pain} and {@code sleep-disruption} stay in the
 * CodeSystem but are a line of the differential ({@code PainBurden}), not cards.
 */
public enum RedFlag {
  ACUTE_LIMB_ISCHEMIA("acute-limb-ischemia", "acuteLimbIschemia"),
  CHRONIC_LIMB_THREATENING_ISCHEMIA(
      "chronic-limb-threatening-ischemia", "chronicLimbThreateningIschemia"),
  DEEP_VEIN_THROMBOSIS("deep-vein-thrombosis", "deepVeinThrombosis"),
  CAUDA_EQUINA("cauda-equina", "caudaEquina"),
  INFECTION_OR_MALIGNANCY("infection-or-malignancy", "infectionOrMalignancy"),
  PROGRESSIVE_NEUROLOGICAL_DEFICIT(
      "progressive-neurological-deficit", "progressiveNeurologicalDeficit"),
  NON_HEALING_WOUND_OR_SKIN_CHANGE(
      "non-healing-wound-or-skin-change", "nonHealingWoundOrSkinChange"),
  UNEXPLAINED_SWELLING("unexplained-swelling", "unexplainedSwelling");

  private final String code;
  private final String topicCode;

  RedFlag(String code, String topicCode) {
    this.code = code;
    this.topicCode = topicCode;
  }

  /** The release-1 code: the key of its texts in the knowledge files and of its page paths. */
  public String code() {
    return code;
  }

  /**
   * The code as cards send it (CodeSystem version 2): letters and digits only, because Epic accepts
   * no other topic code and ties a user's override to it, so it never changes once released.
   */
  public String topicCode() {
    return topicCode;
  }
}
