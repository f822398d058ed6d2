package org.nocturne.clinical.facts;

import java.util.Locale;

/** Which leg a measurement or a symptom concerns. */
public enum Side {
  LEFT,
  RIGHT,
  UNSPECIFIED;

  public String label() {
    return this == UNSPECIFIED ? "" : name().toLowerCase(Locale.ROOT);
  }
}
