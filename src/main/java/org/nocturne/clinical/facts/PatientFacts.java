package org.nocturne.clinical.facts;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the cause model knows about a patient, typed, each fact with its provenance.
 *
 * @param patient the patient reference, e.g. {@code Patient/p1}
 * @param ageYears age at the evaluation instant, or {@code null} when the birth date is unknown
 * @param symptoms the questionnaire answers, or {@code null} when there is no response
 * @param unavailableData record sections that could not be read (for example {@code observations}),
 *     so the assessment can say what it did not see
 * @param complaints active leg-pain diagnoses (ValueSet {@code leg-pain-complaint}) with their
 *     dates
 */
public record PatientFacts(
    String patient,
    Integer ageYears,
    Sex sex,
    List<Diagnosis> diagnoses,
    List<Measurement> measurements,
    List<Medication> medications,
    SymptomReport symptoms,
    List<String> unavailableData,
    List<String> skipped,
    List<LegPainComplaint> complaints) {

  public PatientFacts {
    Objects.requireNonNull(patient, "patient");
    sex = sex == null ? Sex.UNKNOWN : sex;
    diagnoses = List.copyOf(diagnoses);
    measurements = List.copyOf(measurements);
    medications = List.copyOf(medications);
    unavailableData = List.copyOf(unavailableData);
    skipped = List.copyOf(skipped);
    complaints = complaints == null ? List.of() : List.copyOf(complaints);
  }

  /** Facts without a leg-pain diagnosis on the record. */
  public PatientFacts(
      String patient,
      Integer ageYears,
      Sex sex,
      List<Diagnosis> diagnoses,
      List<Measurement> measurements,
      List<Medication> medications,
      SymptomReport symptoms,
      List<String> unavailableData,
      List<String> skipped) {
    this(
        patient,
        ageYears,
        sex,
        diagnoses,
        measurements,
        medications,
        symptoms,
        unavailableData,
        skipped,
        List.of());
  }

  public Optional<SymptomReport> report() {
    return Optional.ofNullable(symptoms);
  }

  /** A current (not historical) diagnosis of the disorder. */
  public Optional<Diagnosis> current(Disorder disorder) {
    return diagnoses.stream().filter(d -> d.disorder() == disorder && !d.historical()).findFirst();
  }

  /** A current or historical diagnosis of the disorder. */
  public Optional<Diagnosis> ever(Disorder disorder) {
    return diagnoses.stream().filter(d -> d.disorder() == disorder).findFirst();
  }

  public boolean isPregnant() {
    return current(Disorder.PREGNANCY).isPresent();
  }

  /** Every value of a measure, newest first (undated values last). */
  public List<Measurement> all(Measure measure) {
    return measurements.stream()
        .filter(m -> m.measure() == measure)
        .sorted(
            Comparator.comparing(
                    Measurement::date, Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()))
                .reversed())
        .toList();
  }

  /** The newest value per leg (or unspecified side) of a measure. */
  public List<Measurement> latestPerSide(Measure measure) {
    return all(measure).stream()
        .collect(
            Collectors.toMap(
                Measurement::side, m -> m, (newer, older) -> newer, LinkedHashMap::new))
        .values()
        .stream()
        .toList();
  }

  public List<Medication> taking(DrugClass drugClass) {
    return medications.stream().filter(m -> m.drugClass() == drugClass).toList();
  }
}
