package org.nocturne.cdshooks;

import com.fasterxml.jackson.annotation.JsonValue;

/** Card urgency, in order of increasing urgency (CDS Hooks 2.0 §Card Attributes). */
public enum Indicator {
  INFO("info"),
  WARNING("warning"),
  CRITICAL("critical");

  private final String wire;

  Indicator(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }
}
