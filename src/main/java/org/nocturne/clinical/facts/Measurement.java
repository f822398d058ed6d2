package org.nocturne.clinical.facts;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A measured value in its measure's canonical unit.
 *
 * @param date when it was taken, or {@code null} when unknown (then it is never "recent")
 * @param source where it came from, e.g. {@code Observation/abi-left}
 * @param interpretation the lab's reading (its flag or reference range); it takes precedence over
 *     the typical ranges for labs without a guideline threshold
 */
public record Measurement(
    Measure measure,
    double value,
    Side side,
    LocalDate date,
    String source,
    Interpretation interpretation) {
  public Measurement {
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(source, "source");
    side = side == null ? Side.UNSPECIFIED : side;
    interpretation = interpretation == null ? Interpretation.UNKNOWN : interpretation;
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("a measurement needs a finite value");
    }
  }

  public Measurement(Measure measure, double value, Side side, LocalDate date, String source) {
    this(measure, value, side, date, source, Interpretation.UNKNOWN);
  }

  public String unit() {
    return measure.unit();
  }
}
