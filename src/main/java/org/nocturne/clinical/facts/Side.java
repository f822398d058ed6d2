package org.nocturne.clinical.facts;

/** Which leg a measurement or a symptom concerns. */
public enum Side {
  LEFT,
  RIGHT,
  UNSPECIFIED;

  public String label() {
    return this == UNSPECIFIED ? "" : name().toLowerCase(java.util.Locale.ROOT);
  }
}
