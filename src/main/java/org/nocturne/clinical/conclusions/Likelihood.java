package org.nocturne.clinical.conclusions;

import java.util.Locale;

/** How likely a cause is, in three bands a clinician reads at a glance. */
public enum Likelihood {
  LOW,
  MODERATE,
  HIGH;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean atLeast(Likelihood other) {
    return compareTo(other) >= 0;
  }
}
