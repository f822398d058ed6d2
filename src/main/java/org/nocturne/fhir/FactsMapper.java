package org.nocturne.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.nocturne.clinical.facts.Diagnosis;
import org.nocturne.clinical.facts.PatientFacts;
import org.nocturne.clinical.facts.Sex;
import org.nocturne.clinical.facts.SymptomReport;

/**
 * Maps a {@link PatientRecord} to {@link PatientFacts} at an evaluation instant. Never throws on
 * valid FHIR.
 */
public final class FactsMapper {
  private final ConditionMapper conditions;
  private final ObservationMapper observations;
  private final MedicationMapper medications;
  private final QuestionnaireResponseMapper responses;

  public FactsMapper(CodeSets codes) {
    this(codes, QuestionnaireMapping.NONE);
  }

  /**
   * @param mapping a health system's own build of the questionnaire, mapped to ours
   */
  public FactsMapper(CodeSets codes, QuestionnaireMapping mapping) {
    this.responses = new QuestionnaireResponseMapper(mapping);
    this.conditions = new ConditionMapper(codes);
    this.observations = new ObservationMapper(codes);
    this.medications = new MedicationMapper(codes);
  }

  public PatientFacts map(PatientRecord record, Instant at) {
    Skipped skipped = new Skipped();
    Patient patient = record.patient().orElse(null);
    ObservationMapper.Result results = observations.map(record.observations(), skipped);
    List<Diagnosis> diagnoses = new ArrayList<>(conditions.map(record.conditions(), skipped));
    diagnoses.addAll(results.diagnoses());
    SymptomReport report =
        responses
            .map(record.questionnaireResponses(), skipped)
            .map(r -> r.authoredOn(authored(record, r.reference())))
            .orElse(null);
    return new PatientFacts(
        patient == null || !patient.hasIdElement() ? "Patient/(unknown)" : References.of(patient),
        age(patient, at),
        sex(patient),
        diagnoses,
        results.measurements(),
        medications.map(record.medications(), skipped),
        report,
        record.unavailableData(),
        concat(record.notes(), skipped.reasons()),
        conditions.complaints(record.conditions()));
  }

  /** The date the response was answered: its age decides whether it is a current complaint. */
  private static LocalDate authored(PatientRecord record, String reference) {
    return record.questionnaireResponses().stream()
        .filter(QuestionnaireResponse.class::isInstance)
        .map(QuestionnaireResponse.class::cast)
        .filter(r -> References.of(r).equals(reference))
        .findFirst()
        .map(r -> FhirDates.localDate(r.getAuthoredElement()))
        .orElse(null);
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private static Integer age(Patient patient, Instant at) {
    if (patient == null || !patient.hasBirthDateElement()) {
      return null;
    }
    LocalDate born = FhirDates.localDate(patient.getBirthDateElement().getValueAsString());
    LocalDate today = LocalDate.ofInstant(at, ZoneOffset.UTC);
    return born == null || born.isAfter(today) ? null : Period.between(born, today).getYears();
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
