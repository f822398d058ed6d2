package org.nocturne.clinical;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers and sides as a clinician reads them in a finding. Written with BigDecimal rather than
 * {@code String.format}, which was a fifth of the cause model's time; the digits are the same
 * ({@code %.2f} also rounds the shortest decimal form half up; FormatTest compares them).
 */
final class Format {
  private Format() {}

  static String value(Measurement measurement) {
    return value(measurement, "");
  }

  /** The value with its unit before the side: "25 mmHg left". */
  static String value(Measurement measurement, String unit) {
    double value = measurement.value();
    String number = digits(value, value == Math.rint(value) && Math.abs(value) >= 10 ? 0 : 2);
    String side = measurement.side().label();
    return side.isEmpty() ? number + unit : number + unit + " " + side;
  }

  static String number(double value) {
    return digits(value, value == Math.rint(value) ? 0 : 2);
  }

  private static String digits(double value, int places) {
    if (!Double.isFinite(value)) {
      return String.valueOf(value);
    }
    String digits =
        BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).toPlainString();
    boolean negative = Math.copySign(1.0, value) < 0;
    return negative && isZero(digits) ? "-" + digits : digits;
  }

  /** "-0.001" shows as "-0.00", as {@code %.2f} writes it. */
  private static boolean isZero(String digits) {
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c != '0' && c != '.') {
        return false;
      }
    }
    return true;
  }
}
