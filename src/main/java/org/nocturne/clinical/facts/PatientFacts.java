package org.nocturne.clinical.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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

  // The queries below are asked hundreds of times per assessment by the rules: plain loops, not
  // streams, whose pipelines were a tenth of what a call allocated (issue 30).

  /** A current (not historical) diagnosis of the disorder. */
  public Optional<Diagnosis> current(Disorder disorder) {
    for (Diagnosis d : diagnoses) {
      if (d.disorder() == disorder && !d.historical()) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /** A current or historical diagnosis of the disorder. */
  public Optional<Diagnosis> ever(Disorder disorder) {
    for (Diagnosis d : diagnoses) {
      if (d.disorder() == disorder) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  public boolean isPregnant() {
    return current(Disorder.PREGNANCY).isPresent();
  }

  private static final Comparator<Measurement> NEWEST_FIRST =
      Comparator.comparing(
              Measurement::date, Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()))
          .reversed();

  /** Every value of a measure, newest first (undated values last). */
  public List<Measurement> all(Measure measure) {
    List<Measurement> values = new ArrayList<>();
    for (Measurement m : measurements) {
      if (m.measure() == measure) {
        values.add(m);
      }
    }
    values.sort(NEWEST_FIRST); // stable: values of one date keep the record's order
    return Collections.unmodifiableList(values);
  }

  /** The newest value per leg (or unspecified side) of a measure. */
  public List<Measurement> latestPerSide(Measure measure) {
    List<Measurement> latest = new ArrayList<>();
    Set<Side> seen = EnumSet.noneOf(Side.class);
    for (Measurement m : all(measure)) {
      if (seen.add(m.side())) {
        latest.add(m);
      }
    }
    return Collections.unmodifiableList(latest);
  }

  public List<Medication> taking(DrugClass drugClass) {
    List<Medication> taking = new ArrayList<>();
    for (Medication m : medications) {
      if (m.drugClass() == drugClass) {
        taking.add(m);
      }
    }
    return Collections.unmodifiableList(taking);
  }
}
