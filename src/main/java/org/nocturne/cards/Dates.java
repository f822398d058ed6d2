package org.nocturne.cards;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as a physician reads them: {@code 14 Mar 2023}; an unknown date says so. */
final class Dates {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private Dates() {}

  static String format(LocalDate date) {
    return date == null ? "undated" : DAY.format(date);
  }
}
