package org.nocturne.clinical.conclusions;

/**
 * The seven causes of night-time leg pain, with their codes in CodeSystem {@code leg-pain-cause}.
 */
public enum Cause {
  LEG_CRAMPS("leg-cramps", "legCramps"),
  RESTLESS_LEGS("restless-legs", "restlessLegs"),
  SCIATICA("sciatica", "sciatica"),
  PERIPHERAL_NEUROPATHY("peripheral-neuropathy", "peripheralNeuropathy"),
  ARTHRITIS("arthritis", "arthritis"),
  PERIPHERAL_ARTERY_DISEASE("peripheral-artery-disease", "peripheralArteryDisease"),
  VENOUS_INSUFFICIENCY("venous-insufficiency", "venousInsufficiency");

  private final String code;
  private final String topicCode;

  Cause(String code, String topicCode) {
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
