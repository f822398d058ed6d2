package org.nocturne.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.hl7.fhir.r4.model.Patient;
import org.nocturne.clinical.PatientFacts;
import org.nocturne.clinical.Sex;

/** Maps a {@link PatientRecord} to {@link PatientFacts} at an evaluation instant. */
public final class FactsMapper {

  public PatientFacts map(PatientRecord record, Instant at) {
    Patient patient = record.patient().orElse(null);
    String reference =
        patient != null && patient.hasIdElement()
            ? "Patient/" + patient.getIdElement().getIdPart()
            : "Patient";
    return new PatientFacts(
        reference,
        age(patient, at),
        sex(patient),
        List.of(),
        List.of(),
        List.of(),
        null,
        record.unavailableData());
  }

  /** FHIR birth dates may be a year or a year-month; the first day of that period is used. */
  private static Integer age(Patient patient, Instant at) {
    if (patient == null || !patient.hasBirthDateElement()) {
      return null;
    }
    String text = patient.getBirthDateElement().getValueAsString();
    if (text == null || text.length() < 4) {
      return null;
    }
    try {
      LocalDate born = LocalDate.parse(text + "-01-01".substring(Math.min(6, text.length() - 4)));
      return Period.between(born, LocalDate.ofInstant(at, ZoneOffset.UTC)).getYears();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Sex sex(Patient patient) {
    if (patient == null || !patient.hasGender()) {
      return Sex.UNKNOWN;
    }
    return switch (patient.getGender()) {
      case FEMALE -> Sex.FEMALE;
      case MALE -> Sex.MALE;
      case OTHER -> Sex.OTHER;
      default -> Sex.UNKNOWN;
    };
  }
}
