package org.nocturne.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Results' numbers are written with BigDecimal: the digits stay those of String.format. */
class ResultsTest {
  private static String formatted(double value) {
    return value == Math.rint(value) && Math.abs(value) >= 10
        ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.2f", value).replaceAll("0$", "");
  }

  @Test
  void numbersAreWrittenAsStringFormatWroteThem() {
    double[] edges = {
      0,
      -0.0,
      0.005,
      0.015,
      0.125,
      1.005,
      2.675,
      3.1,
      3.10,
      9.999,
      10,
      10.5,
      12,
      99.995,
      140,
      -0.001,
      -3.456,
      0.36,
      0.9,
      1e-7,
      123456.785,
      -12,
      0.1 + 0.2
    };
    for (double value : edges) {
      assertThat(Results.number(value)).as(Double.toString(value)).isEqualTo(formatted(value));
    }
    SplittableRandom random = new SplittableRandom(30);
    for (int i = 0; i < 200_000; i++) {
      double value =
          switch (i % 4) {
            case 0 -> random.nextInt(-20_000, 20_000) / 1000.0;
            case 1 -> random.nextInt(0, 2000) / 8.0;
            case 2 -> random.nextDouble(-500, 500);
            default -> random.nextInt(0, 400);
          };
      assertThat(Results.number(value)).as(Double.toString(value)).isEqualTo(formatted(value));
    }
  }
}
