package org.nocturne.clinical;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A measured value in its measure's canonical unit.
 *
 * @param date when it was taken, or {@code null} when unknown (then it is never "recent")
 * @param source where it came from, e.g. {@code Observation/abi-left}
 */
public record Measurement(Measure measure, double value, Side side, LocalDate date, String source) {
  public Measurement {
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(source, "source");
    side = side == null ? Side.UNSPECIFIED : side;
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("a measurement needs a finite value");
    }
  }

  public String unit() {
    return measure.unit();
  }
}
