package org.nocturne.clinical;

/** Administrative sex as recorded; {@code UNKNOWN} when absent. */
public enum Sex {
  FEMALE,
  MALE,
  OTHER,
  UNKNOWN
}
