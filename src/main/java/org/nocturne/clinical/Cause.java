package org.nocturne.clinical;

/**
 * The seven causes of night-time leg pain, with their codes in CodeSystem {@code leg-pain-cause}.
 */
public enum Cause {
  LEG_CRAMPS("leg-cramps"),
  RESTLESS_LEGS("restless-legs"),
  SCIATICA("sciatica"),
  PERIPHERAL_NEUROPATHY("peripheral-neuropathy"),
  ARTHRITIS("arthritis"),
  PERIPHERAL_ARTERY_DISEASE("peripheral-artery-disease"),
  VENOUS_INSUFFICIENCY("venous-insufficiency");

  private final String code;

  Cause(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
