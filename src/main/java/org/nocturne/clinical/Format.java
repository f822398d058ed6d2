package org.nocturne.clinical;

import java.util.Locale;

/** Numbers and sides as a clinician reads them in a finding. */
final class Format {
  private Format() {}

  static String value(Measurement measurement) {
    return value(measurement, "");
  }

  /** The value with its unit before the side: "25 mmHg left". */
  static String value(Measurement measurement, String unit) {
    double value = measurement.value();
    String number =
        value == Math.rint(value) && Math.abs(value) >= 10
            ? String.format(Locale.ROOT, "%.0f", value)
            : String.format(Locale.ROOT, "%.2f", value);
    String side = measurement.side().label();
    return side.isEmpty() ? number + unit : number + unit + " " + side;
  }

  static String number(double value) {
    return value == Math.rint(value)
        ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.2f", value);
  }
}
