package org.nocturne.clinical.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Format writes the digits {@code String.format} wrote before it, on the values a record holds. */
class FormatTest {
  private static String formatted(double value) {
    return value == Math.rint(value)
        ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.2f", value);
  }

  @Test
  void numbersAreWrittenAsStringFormatWroteThem() {
    double[] edges = {
      0,
      -0.0,
      0.005,
      0.015,
      0.125,
      0.58,
      0.9,
      0.995,
      1.005,
      1.4,
      2.675,
      9.995,
      10,
      12.5,
      99.999,
      130,
      1e21,
      -0.001,
      -3.456,
      Double.NaN,
      Double.POSITIVE_INFINITY
    };
    for (double value : edges) {
      assertThat(Format.number(value)).as("%s", value).isEqualTo(formatted(value));
    }
    Random random = new Random(13);
    for (int i = 0; i < 100_000; i++) {
      double value = Math.round(random.nextDouble() * 400_000) / 1000.0 - 50;
      assertThat(Format.number(value)).as("%s", value).isEqualTo(formatted(value));
    }
  }
}
