package org.nocturne.clinical.facts;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A diagnosis from the record.
 *
 * @param onset when it began, or {@code null} when the record does not say
 * @param historical resolved or in remission: it counts as history (a past DVT), not as current
 * @param source where it came from, e.g. {@code Condition/abc}
 * @param side the leg it concerns, from the body site or the words of the diagnosis; {@code
 *     UNSPECIFIED} when it does not say or concerns both
 */
public record Diagnosis(
    Disorder disorder, LocalDate onset, boolean historical, String source, Side side) {
  public Diagnosis {
    Objects.requireNonNull(disorder, "disorder");
    Objects.requireNonNull(source, "source");
    side = side == null ? Side.UNSPECIFIED : side;
  }

  public Diagnosis(Disorder disorder, LocalDate onset, boolean historical, String source) {
    this(disorder, onset, historical, source, Side.UNSPECIFIED);
  }

  public static Diagnosis current(Disorder disorder, String source) {
    return new Diagnosis(disorder, null, false, source);
  }
}
