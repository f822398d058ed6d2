package org.nocturne.fhir;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.hl7.fhir.r4.model.BaseDateTimeType;

/**
 * FHIR dates of any precision as a {@link LocalDate}: a year or a month counts from its first day.
 */
final class FhirDates {
  private FhirDates() {}

  static LocalDate localDate(BaseDateTimeType date) {
    if (date == null || date.isEmpty()) {
      return null;
    }
    return localDate(date.getValueAsString());
  }

  static LocalDate localDate(String text) {
    if (text == null || text.length() < 4) {
      return null;
    }
    String day =
        text.length() >= 10
            ? text.substring(0, 10)
            : text + "-01-01".substring(Math.min(6, text.length() - 4));
    try {
      return LocalDate.parse(day);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
