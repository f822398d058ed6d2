package org.nocturne.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nocturne.fhir.Fhir.LOINC;
import static org.nocturne.fhir.Fhir.SNOMED;
import static org.nocturne.fhir.Fhir.condition;
import static org.nocturne.fhir.Fhir.observation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.nocturne.clinical.facts.Measure;
import org.nocturne.clinical.facts.Sex;

class RecordReaderTest {
  private final RecordReader reader = new RecordReader(Fhir.CONTEXT, Fhir.CODES);

  @Test
  void aThousandEntryBundleIsReadAndMapped() {
    List<Observation> many = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      many.add(observation("o" + i, LOINC, i % 2 == 0 ? "2276-4" : "8867-4", 50 + i % 40, "ng/mL"));
    }

    var record =
        reader.read(Map.of(RecordReader.OBSERVATIONS, Fhir.searchset(many, false)), List.of());
    var facts = Fhir.MAPPER.map(record, Fhir.NOW);

    // the heart rates (8867-4) are no measure the service reads: never built (RelevantEntries)
    assertThat(record.observations()).hasSize(500);
    assertThat(facts.all(Measure.FERRITIN)).hasSize(500);
  }

  @Test
  void operationOutcomeEntriesAreIgnoredAndAMissingNextPageIsNoted() {
    List<Resource> entries = List.of(condition("dm", SNOMED, "44054006"), new OperationOutcome());

    var record =
        reader.read(Map.of(RecordReader.CONDITIONS, Fhir.searchset(entries, true)), List.of());
    var facts = Fhir.MAPPER.map(record, Fhir.NOW);

    assertThat(facts.diagnoses()).hasSize(1);
    assertThat(facts.skipped()).isEmpty();
    assertThat(facts.unavailableData())
        .containsExactly(
            "conditions beyond the first 1 entries (later pages not read: the EHR prefetched only"
                + " the first page)");
  }

  @Test
  void aSingleResourceUnderASearchKeyIsAccepted() {
    String json =
        Fhir.CONTEXT.newJsonParser().encodeResourceToString(condition("ra", SNOMED, "69896004"));

    assertThat(reader.read(Map.of(RecordReader.CONDITIONS, json), List.of()).conditions())
        .hasSize(1);
  }

  @Test
  void anEntryWhoseSubjectIsAnotherPatientCostsOnlyThatEntry_andItsIdIsNotRepeated() {
    Patient patient = new Patient();
    patient.setId("p1");
    var own = condition("dm", SNOMED, "44054006");
    own.getSubject().setReference("https://ehr.example/fhir/Patient/p1/_history/3");
    var other = condition("rls", SNOMED, "32914008");
    other.getSubject().setReference("Patient/someone-else");
    var unstated = condition("ra", SNOMED, "69896004");

    var record =
        reader.read(
            Map.of(
                RecordReader.PATIENT,
                Fhir.CONTEXT.newJsonParser().encodeResourceToString(patient),
                RecordReader.CONDITIONS,
                Fhir.searchset(List.of(own, other, unstated), false)),
            List.of());

    assertThat(record.conditions()).extracting(c -> c.getIdPart()).containsExactly("dm", "ra");
    assertThat(record.notes())
        .anyMatch(n -> n.contains("entry 2") && n.contains("another patient"))
        .noneMatch(n -> n.contains("someone-else"));
  }

  @Test
  void thePatientGivesAgeAtTheEvaluationInstantAndSex() {
    Patient patient = new Patient().setGender(Enumerations.AdministrativeGender.FEMALE);
    patient.setId("p1");
    patient.getBirthDateElement().setValueAsString("1957-03");
    String json = Fhir.CONTEXT.newJsonParser().encodeResourceToString(patient);

    var facts =
        Fhir.MAPPER.map(reader.read(Map.of(RecordReader.PATIENT, json), List.of()), Fhir.NOW);

    assertThat(facts.ageYears()).isEqualTo(69);
    assertThat(facts.sex()).isEqualTo(Sex.FEMALE);
    assertThat(facts.patient()).isEqualTo("Patient/p1");
  }

  @Test
  void aResourceOfUnknownTypeIsLeftOutWithAReasonThatNamesNoValue() {
    var record =
        reader.read(
            Map.of(RecordReader.CONDITIONS, "{\"resourceType\":\"Smith-John-0042\"}"), List.of());

    assertThat(record.conditions()).isEmpty();
    assertThat(record.notes())
        .containsExactly("conditions entry 1 (unknown resourceType): not valid FHIR R4, left out");
  }

  @Test
  void aPatientThatIsNotFhirStopsTheCall() {
    assertThatThrownBy(
            () -> reader.read(Map.of(RecordReader.PATIENT, "{\"resourceType\":\"X\"}"), List.of()))
        .isInstanceOf(InvalidFhirDataException.class)
        .hasMessageContaining("patient");
  }

  @Test
  void laterPagesOfFetchedDataAreNamedAsTheFetchLimitWithTheCountOfEntries() {
    List<Resource> entries = List.of(condition("dm", SNOMED, "44054006"));

    var record =
        reader.read(
            Map.of(RecordReader.CONDITIONS, Fhir.searchset(entries, true)),
            Set.of(RecordReader.CONDITIONS),
            List.of());

    assertThat(record.unavailableData())
        .containsExactly(
            "conditions beyond the first 1 entries (later pages not read: the FHIR server had more"
                + " pages than the fetch limit allows)");
    assertThat(record.notes()).isEmpty();
  }

  @Test
  void theQuestionnaireKeysNextLinkIsExpectedAndNotMissingData() {
    var response = new QuestionnaireResponse();
    response.setId("qr1");

    var record =
        reader.read(
            Map.of(RecordReader.QUESTIONNAIRE_RESPONSE, Fhir.searchset(List.of(response), true)),
            List.of());

    assertThat(record.questionnaireResponses()).hasSize(1);
    assertThat(record.unavailableData()).isEmpty();
  }

  @Test
  void anIdThatIsNotAFhirIdIsDroppedButTheEntryIsRead() {
    String json =
        "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Condition\","
            + "\"id\":\"x`) ![p](http://e/p)\",\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"44054006\"}]}}}]}";

    var record = reader.read(Map.of(RecordReader.CONDITIONS, json), List.of());

    assertThat(record.conditions()).hasSize(1);
    assertThat(record.conditions().get(0).getIdElement().getIdPart()).isNull();
  }

  @Test
  void oneMalformedEntryIsLeftOutAndTheOthersAreRead() {
    String json =
        "{\"resourceType\":\"Bundle\",\"entry\":["
            + "{\"resource\":{\"resourceType\":\"Condition\",\"id\":\"ok\"}},"
            + "{\"resource\":{\"resourceType\":\"Condition\",\"id\":\"bad\",\"onsetDateTime\":\"not-a-date\"}},"
            + "{\"fullUrl\":\"x\"},"
            + "{\"resource\":{\"resourceType\":\"Condition\",\"id\":\"ok2\"}}]}";

    var record = reader.read(Map.of(RecordReader.CONDITIONS, json), List.of());

    assertThat(record.conditions())
        .extracting(r -> r.getIdElement().getIdPart())
        .containsExactly("ok", "ok2");
    assertThat(record.notes())
        .containsExactly(
            "conditions entry 2 (Condition): not valid FHIR R4, left out",
            "conditions entry 3: no resource");
  }
}
