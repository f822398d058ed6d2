package org.nocturne.clinical.facts;

/** Administrative sex as recorded; {@code UNKNOWN} when absent. */
public enum Sex {
  FEMALE,
  MALE,
  OTHER,
  UNKNOWN
}
