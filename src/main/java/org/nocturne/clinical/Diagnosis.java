package org.nocturne.clinical;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A diagnosis from the record.
 *
 * @param onset when it began, or {@code null} when the record does not say
 * @param historical resolved or in remission: it counts as history (a past DVT), not as current
 * @param source where it came from, e.g. {@code Condition/abc}
 */
public record Diagnosis(Disorder disorder, LocalDate onset, boolean historical, String source) {
  public Diagnosis {
    Objects.requireNonNull(disorder, "disorder");
    Objects.requireNonNull(source, "source");
  }

  public static Diagnosis current(Disorder disorder, String source) {
    return new Diagnosis(disorder, null, false, source);
  }
}
