package org.nocturne.clinical.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether patient-view has something to speak about: a current complaint (a recent questionnaire or
 * a recent leg-pain diagnosis), the questionnaire on record and whether it was used, and whether
 * the patient is an adult.
 *
 * @param evidence what makes the complaint current; empty when there is none
 * @param questionnaireOnRecord a completed Nocturne questionnaire is on record, current or not
 * @param questionnaireDate when it was answered, or {@code null} when undated or absent
 * @param questionnaireCurrent it is recent enough to be used
 * @param adult 18 or over on the evaluation date (or the age is unknown)
 */
public record Complaint(
    List<String> evidence,
    boolean questionnaireOnRecord,
    LocalDate questionnaireDate,
    boolean questionnaireCurrent,
    boolean adult) {
  public Complaint {
    evidence = List.copyOf(evidence);
  }

  public boolean current() {
    return !evidence.isEmpty();
  }

  /** The questionnaire on record is history: its date is shown and a new one asked for. */
  public boolean questionnaireOutOfDate() {
    return questionnaireOnRecord && !questionnaireCurrent;
  }

  public static Complaint of(
      PatientFacts facts, ComplaintWindow window, LocalDate today, int adultAge) {
    List<String> evidence = new ArrayList<>();
    SymptomReport report = facts.symptoms();
    boolean current = report != null && window.questionnaireCurrent(report.authored(), today);
    if (current) {
      evidence.add(report.reference());
    }
    for (LegPainComplaint complaint : facts.complaints()) {
      if (window.complaintCurrent(complaint.onset(), today)
          || window.complaintCurrent(complaint.recorded(), today)) {
        evidence.add(complaint.source());
      }
    }
    Integer age = facts.ageYears();
    return new Complaint(
        evidence,
        report != null,
        report == null ? null : report.authored(),
        current,
        age == null || age >= adultAge);
  }
}
