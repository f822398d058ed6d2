package org.nocturne.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.nocturne.fhir.OfflineValidator;

/** The synthetic patients load, and keep a current complaint on whatever day the demo runs. */
class DemoDataTest {
  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final LocalDate TODAY = LocalDate.of(2028, 2, 29);
  private static final Clock CLOCK =
      Clock.fixed(
          TODAY.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(43_200), ZoneOffset.UTC);

  private static DemoFhirServer loaded() {
    DemoFhirServer server = new DemoFhirServer(FHIR);
    new DemoData(FHIR, CLOCK).loadInto(server);
    return server;
  }

  @Test
  void twelveSyntheticAdultsLoad_eachWithAName() {
    List<Patient> patients = loaded().all(Patient.class);

    assertThat(patients).hasSize(12);
    assertThat(patients).allSatisfy(p -> assertThat(p.getNameFirstRep().getFamily()).isNotBlank());
    assertThat(patients)
        .allSatisfy(
            p ->
                assertThat(ChronoUnit.YEARS.between(toLocalDate(p.getBirthDateElement()), TODAY))
                    .isGreaterThanOrEqualTo(18));
  }

  @Test
  void everyPatientButTheTwoWithoutAnswers_answeredTheQuestionnaireWithinThirtyDaysOfToday() {
    DemoFhirServer server = loaded();
    Map<String, QuestionnaireResponse> latest =
        server.all(QuestionnaireResponse.class).stream()
            .collect(
                Collectors.toMap(
                    r -> r.getSubject().getReference().substring("Patient/".length()),
                    Function.identity(),
                    (a, b) -> a.getAuthored().after(b.getAuthored()) ? a : b));

    for (Patient patient : server.all(Patient.class)) {
      String id = patient.getIdElement().getIdPart();
      // no complaint; a complaint on the problem list but no answers yet (the app's browser tests)
      if (id.equals("demo-no-complaint") || id.equals("demo-unanswered")) {
        assertThat(latest).doesNotContainKey(id);
        continue;
      }
      assertThat(latest).as(id).containsKey(id);
      long age = ChronoUnit.DAYS.between(latest.get(id).getAuthored().toInstant(), CLOCK.instant());
      assertThat(age).as(id + " questionnaire age in days").isBetween(0L, 30L);
    }
  }

  @Test
  // The questionnaire responses are 1.0.0 answers (the mapper reads 1.0.0 and 1.1.0; the parity
  // and browser tests prove they are read); the validator knows only Questionnaire 1.1.0.
  void everyDemoPatientConditionObservationAndMedicationIsValidFhir() {
    DemoFhirServer server = loaded();
    List<Resource> all = new ArrayList<>();
    for (Class<? extends Resource> type :
        List.of(Patient.class, Condition.class, Observation.class, MedicationRequest.class)) {
      all.addAll(server.all(type));
    }

    assertThat(all).hasSizeGreaterThan(30);
    for (Resource resource : all) {
      assertThat(OfflineValidator.errors(resource)).as(resource.getId()).isEmpty();
    }
  }

  @Test
  void theQuininePatientIsOnQuinine() {
    List<String> active =
        loaded().all(MedicationRequest.class).stream()
            .filter(m -> m.getSubject().getReference().equals("Patient/demo-quinine"))
            .filter(m -> m.getStatus() == MedicationRequest.MedicationRequestStatus.ACTIVE)
            .map(m -> m.getMedicationCodeableConcept().getCodingFirstRep().getDisplay())
            .toList();

    assertThat(active).containsExactly("quinine");
  }

  @Test
  void thePatientWithoutAComplaintHasNoLegPainProblem() {
    List<Condition> conditions =
        loaded().all(Condition.class).stream()
            .filter(c -> c.getSubject().getReference().equals("Patient/demo-no-complaint"))
            .toList();

    assertThat(conditions)
        .extracting(c -> c.getCode().getText())
        .containsExactly("Hypertensive disorder");
  }

  @Test
  void datesMoveByTheDaysSinceTheFilesWereWritten_birthDatesDoNot() {
    Patient patient = new Patient();
    patient.setBirthDateElement(new DateType("1950-06-01"));
    QuestionnaireResponse response = new QuestionnaireResponse();
    response.setAuthoredElement(new DateTimeType("2026-11-20T08:30:00Z"));
    DemoData data = new DemoData(FHIR, CLOCK);

    data.shift(patient, 10);
    data.shift(response, 10);

    assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1950-06-01");
    assertThat(response.getAuthored().toInstant()).isEqualTo(Instant.parse("2026-11-30T08:30:00Z"));
  }

  private static LocalDate toLocalDate(DateType date) {
    return LocalDate.of(date.getYear(), date.getMonth() + 1, date.getDay());
  }
}
