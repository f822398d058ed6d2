package org.nocturne.clinical.conclusions;

/** {@code CRITICAL} needs same-day action; {@code WARNING} needs a prompt review. */
public enum Urgency {
  WARNING,
  CRITICAL
}
