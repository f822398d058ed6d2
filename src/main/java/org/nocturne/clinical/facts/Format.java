package org.nocturne.clinical.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Numbers and sides as a clinician reads them in a finding. Written with BigDecimal rather than
 * {@code String.format}, which was a fifth of the cause model's time; the digits are the same
 * ({@code %.2f} also rounds the shortest decimal form half up; FormatTest compares them).
 */
public final class Format {
  /** Canonical UCUM units as a clinician writes them. */
  static final class Units {
    private Units() {}

    static String display(String ucum) {
      return switch (ucum) {
        case "mm[Hg]" -> "mmHg";
        case "m[IU]/L" -> "mIU/L";
        case "Cel" -> "°C";
        case "mL/min/{1.73_m2}" -> "mL/min/1.73m²";
        default -> ucum;
      };
    }
  }

  private Format() {}

  public static String value(Measurement measurement) {
    return value(measurement, "");
  }

  /** The value with its unit before the side: "25 mmHg left". */
  public static String value(Measurement measurement, String unit) {
    double value = measurement.value();
    String number = digits(value, value == Math.rint(value) && Math.abs(value) >= 10 ? 0 : 2);
    String side = measurement.side().label();
    return side.isEmpty() ? number + unit : number + unit + " " + side;
  }

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  /** "17 Nov 2026", as the cards write dates. */
  public static String date(LocalDate date) {
    return date == null ? "undated" : DAY.format(date);
  }

  /** "B12 168 pg/mL (17 Nov 2026)": a result with its unit and date. */
  public static String result(String name, Measurement m) {
    String unit = m.unit().equals("1") ? "" : " " + Units.display(m.unit());
    String number =
        BigDecimal.valueOf(m.value())
            .setScale(2, RoundingMode.HALF_UP)
            .stripTrailingZeros()
            .toPlainString();
    String side = m.side().label();
    return name
        + " "
        + number
        + unit
        + (side.isEmpty() ? "" : " " + side)
        + " ("
        + date(m.date())
        + ")";
  }

  public static String number(double value) {
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
