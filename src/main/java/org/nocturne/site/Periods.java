package org.nocturne.site;

import java.time.Period;

/** A configured period as a page says it: "30 days", "3 months", "1 year and 2 days". */
final class Periods {
  private Periods() {}

  static String words(Period period) {
    StringBuilder words = new StringBuilder();
    part(words, period.getYears(), "year");
    part(words, period.getMonths(), "month");
    part(words, period.getDays(), "day");
    return words.isEmpty() ? "0 days" : words.toString();
  }

  private static void part(StringBuilder words, int count, String unit) {
    if (count != 0) {
      words.append(words.isEmpty() ? "" : " and ").append(count).append(' ').append(unit);
      words.append(count == 1 ? "" : "s");
    }
  }
}
