package org.nocturne.clinical;

/**
 * The red flags of the contract that raise a card, with their codes in CodeSystem {@code
 * leg-pain-red-flag}. {@code persistent-or-severe-pain} and {@code sleep-disruption} stay in the
 * CodeSystem but are a line of the differential ({@link PainBurden}), not cards.
 */
public enum RedFlag {
  ACUTE_LIMB_ISCHEMIA("acute-limb-ischemia"),
  CHRONIC_LIMB_THREATENING_ISCHEMIA("chronic-limb-threatening-ischemia"),
  DEEP_VEIN_THROMBOSIS("deep-vein-thrombosis"),
  CAUDA_EQUINA("cauda-equina"),
  INFECTION_OR_MALIGNANCY("infection-or-malignancy"),
  PROGRESSIVE_NEUROLOGICAL_DEFICIT("progressive-neurological-deficit"),
  NON_HEALING_WOUND_OR_SKIN_CHANGE("non-healing-wound-or-skin-change"),
  UNEXPLAINED_SWELLING("unexplained-swelling");

  private final String code;

  RedFlag(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
