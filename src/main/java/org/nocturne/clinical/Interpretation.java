package org.nocturne.clinical;

/** The laboratory's own reading of a value, from its interpretation code or reference range. */
public enum Interpretation {
  LOW,
  NORMAL,
  HIGH,
  UNKNOWN
}
