package org.nocturne.clinical.facts;

/** The laboratory's own reading of a value, from its interpretation code or reference range. */
public enum Interpretation {
  LOW,
  NORMAL,
  HIGH,
  UNKNOWN
}
