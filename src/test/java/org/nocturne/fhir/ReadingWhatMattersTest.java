package org.nocturne.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nocturne.fhir.Fhir.RXNORM;
import static org.nocturne.fhir.Fhir.SNOMED;

import ca.uhn.fhir.parser.LenientErrorHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.nocturne.clinical.facts.Diagnosis;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.DrugClass;
import org.nocturne.clinical.facts.Measure;
import org.nocturne.clinical.facts.PatientFacts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reader builds only the entries the mappers read ({@link RelevantEntries}) and only the
 * elements they read ({@link ElementsRead}). Both are shortcuts: the facts must be exactly those
 * that HAPI reading every entry whole gives, on every example record, on a record full of the
 * elements real EHRs add, and on a record where every element the mappers read matters. An entry no
 * mapper reads is not checked at all, so its faults are no longer reported.
 */
class ReadingWhatMattersTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<String> KEYS =
      List.of(
          RecordReader.PATIENT,
          RecordReader.CONDITIONS,
          RecordReader.OBSERVATIONS,
          RecordReader.MEDICATIONS,
          RecordReader.QUESTIONNAIRE_RESPONSE);

  private final RecordReader reader = new RecordReader(Fhir.CONTEXT, Fhir.CODES);

  /** Every example the services read (a patient of another patient is refused before it is). */
  static Stream<Path> examples() throws IOException {
    return Files.walk(Path.of("hooks"))
        .filter(path -> path.toString().endsWith(".request.json"))
        .filter(ReadingWhatMattersTest::patientIsTheContexts)
        .sorted();
  }

  private static boolean patientIsTheContexts(Path example) {
    try {
      JsonNode request = JSON.readTree(Files.readString(example));
      String id = request.path("prefetch").path("patient").path("id").asString("");
      return id.isEmpty() || id.equals(request.path("context").path("patientId").asString(""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void theFactsAreThoseOfReadingEverything(Path example) throws IOException {
    JsonNode prefetch = JSON.readTree(Files.readString(example)).path("prefetch");
    Map<String, String> keys = new LinkedHashMap<>();
    for (String key : KEYS) {
      JsonNode value = prefetch.get(key);
      boolean patient = !key.equals(RecordReader.PATIENT) || isPatient(value);
      if (value != null && value.isObject() && patient) {
        keys.put(key, value.toString());
      }
    }

    assertThat(facts(reader.read(keys, List.of()))).isEqualTo(facts(readEverything(keys)));
  }

  @Test
  void aRecordFullOfUnreadElementsGivesTheSameFacts() {
    Map<String, String> keys =
        Map.of(
            RecordReader.CONDITIONS, Fhir.searchset(List.of(diabetes(), sinusitis()), false),
            RecordReader.OBSERVATIONS, Fhir.searchset(List.of(ankleBrachialIndex()), false),
            RecordReader.MEDICATIONS,
                Fhir.searchset(
                    List.of(atorvastatin(), byReference("atorva"), simvastatin(), inhaler()),
                    false));

    PatientRecord read = reader.read(keys, List.of());
    PatientFacts facts = facts(read);

    assertThat(facts).isEqualTo(facts(readEverything(keys)));
    assertThat(facts.diagnoses()).hasSize(1);
    assertThat(facts.all(Measure.ANKLE_BRACHIAL_INDEX)).hasSize(1);
    assertThat(facts.medications())
        .extracting(org.nocturne.clinical.facts.Medication::drugClass)
        .containsOnly(DrugClass.STATIN);
    assertThat(facts.skipped()).isEmpty();
    assertThat(facts.medications()).hasSize(2);
    // the sinusitis and the inhaler are never built; a Medication and an order naming one by
    // reference always are
    assertThat(read.conditions()).hasSize(1);
    assertThat(read.medications()).hasSize(3);
  }

  /**
   * A record in which every element {@link ElementsRead} lets through changes the facts (each case
   * of {@link #eachElementTheMappersReadChangesTheFacts} proves it for one), so leaving one out of
   * ElementsRead fails {@link #theRichRecordGivesTheFactsOfReadingEverything}.
   */
  private static final Map<String, String> RICH =
      Map.of(
          RecordReader.CONDITIONS,
          """
          {"resourceType":"Bundle","type":"searchset","entry":[
           {"resource":{"resourceType":"Condition","id":"dm-resolved",
            "clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"resolved"}]},
            "code":{"coding":[{"system":"http://snomed.info/sct","code":"44054006"}]},
            "onsetDateTime":"2009-03-14"}},
           {"resource":{"resourceType":"Condition","id":"dm-refuted",
            "verificationStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-ver-status","code":"refuted"}]},
            "code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"E11.9"}]}}},
           {"resource":{"resourceType":"Condition","id":"cramps",
            "code":{"coding":[{"system":"http://snomed.info/sct","code":"449918009"}]},
            "onsetPeriod":{"start":"2026-10-01"},"recordedDate":"2026-10-02"}}]}
          """,
          RecordReader.OBSERVATIONS,
          """
          {"resourceType":"Bundle","type":"searchset","entry":[
           {"resource":{"resourceType":"Observation","id":"abi-components","status":"final",
            "code":{"text":"ankle brachial index"},"effectivePeriod":{"start":"2026-10-02"},
            "component":[
             {"code":{"text":"left"},"valueQuantity":{"value":0.58,"code":"1"}},
             {"code":{"text":"right"},"valueQuantity":{"value":0.86,"code":"1"}}]}},
           {"resource":{"resourceType":"Observation","id":"ferritin","status":"final",
            "code":{"coding":[{"system":"http://loinc.org","code":"2276-4"}]},
            "effectiveInstant":"2026-09-14T08:00:00Z",
            "valueQuantity":{"value":30,"unit":"ng/mL","system":"http://unitsofmeasure.org","code":"ng/mL"},
            "referenceRange":[{"low":{"value":50,"unit":"ng/mL"}}]}},
           {"resource":{"resourceType":"Observation","id":"potassium","status":"final",
            "code":{"coding":[{"system":"http://loinc.org","code":"2823-3"}]},
            "issued":"2026-09-15T08:00:00Z",
            "valueQuantity":{"value":3.0,"unit":"mmol/L","system":"http://unitsofmeasure.org","code":"mmol/L"},
            "interpretation":[{"coding":[{"code":"L"}]}]}},
           {"resource":{"resourceType":"Observation","id":"abi-left","status":"final",
            "code":{"coding":[{"system":"http://snomed.info/sct","code":"446841001"}]},
            "effectiveDateTime":"2026-10-03","valueQuantity":{"value":0.61,"code":"1"},
            "bodySite":{"coding":[{"system":"http://snomed.info/sct","code":"7771000"}]}}},
           {"resource":{"resourceType":"Observation","id":"smoking","status":"final",
            "code":{"coding":[{"system":"http://loinc.org","code":"72166-2 "}]},
            "effectiveDateTime":"2026-10-03",
            "valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"77176002"}]}}}]}
          """,
          RecordReader.MEDICATIONS,
          """
          {"resourceType":"Bundle","type":"searchset","entry":[
           {"resource":{"resourceType":"MedicationRequest","id":"quinine","status":"active",
            "medicationCodeableConcept":{"text":"quinine sulfate 300 MG"}}},
           {"resource":{"resourceType":"MedicationRequest","id":"contained","status":"active",
            "contained":[{"resourceType":"Medication","id":"m1",
              "ingredient":[{"itemCodeableConcept":{"text":"simvastatin"}}]}],
            "medicationReference":{"reference":"#m1"}}},
           {"resource":{"resourceType":"Medication","id":"combo",
            "code":{"text":"combination tablet"},
            "ingredient":[{"itemCodeableConcept":{"text":"atorvastatin"}}]}},
           {"resource":{"resourceType":"MedicationRequest","id":"by-reference","status":"active",
            "medicationReference":{"reference":"Medication/combo"}}},
           {"resource":{"resourceType":"MedicationStatement","id":"statement","status":"active",
            "medicationCodeableConcept":{"text":"furosemide 40 MG"}}}]}
          """);

  @Test
  void theRichRecordGivesTheFactsOfReadingEverything() {
    PatientFacts facts = facts(reader.read(RICH, List.of()));

    assertThat(facts).isEqualTo(facts(readEverything(RICH)));
    assertThat(facts.skipped()).isEmpty();
    // the padded smoking-status code is read as HAPI reads it: trimmed
    assertThat(facts.diagnoses()).extracting(Diagnosis::disorder).contains(Disorder.CURRENT_SMOKER);
  }

  @ParameterizedTest(name = "{0} {1}.{2}")
  @CsvSource({
    "conditions, dm-resolved, clinicalStatus",
    "conditions, dm-resolved, onsetDateTime",
    "conditions, dm-refuted, verificationStatus",
    "conditions, cramps, code",
    "conditions, cramps, onsetPeriod",
    "conditions, cramps, recordedDate",
    "observations, abi-components, component",
    "observations, abi-components, effectivePeriod",
    "observations, ferritin, status",
    "observations, ferritin, effectiveInstant",
    "observations, ferritin, referenceRange",
    "observations, ferritin, valueQuantity",
    "observations, potassium, issued",
    "observations, potassium, interpretation",
    "observations, abi-left, bodySite",
    "observations, abi-left, effectiveDateTime",
    "observations, smoking, valueCodeableConcept",
    "medications, quinine, medicationCodeableConcept",
    "medications, quinine, status",
    "medications, contained, contained",
    "medications, contained, medicationReference",
    "medications, combo, code",
    "medications, combo, ingredient",
    "medications, statement, status"
  })
  void eachElementTheMappersReadChangesTheFacts(String key, String id, String element) {
    ObjectNode bundle = (ObjectNode) JSON.readTree(RICH.get(key));
    ObjectNode resource = null;
    for (JsonNode entry : bundle.get("entry")) {
      if (id.equals(entry.path("resource").path("id").asString(""))) {
        resource = (ObjectNode) entry.get("resource");
      }
    }
    assertThat(resource).as(id).isNotNull();
    assertThat(resource.remove(element)).as(element).isNotNull();
    Map<String, String> without = new LinkedHashMap<>(RICH);
    without.put(key, bundle.toString());

    assertThat(facts(readEverything(without))).isNotEqualTo(facts(readEverything(RICH)));
  }

  @Test
  void laterPagesAreCountedInEntriesOnThePageReadOrPassedOver() {
    String bundle =
        """
        {"resourceType":"Bundle","type":"searchset","total":10,
         "link":[{"relation":"next","url":"https://ehr.example/fhir/Condition?page=2"}],
         "entry":[
          {"resource":{"resourceType":"Condition","id":"sinus",
            "code":{"coding":[{"system":"http://snomed.info/sct","code":"444814009"}]}}},
          {"resource":{"resourceType":"Condition","id":"dm",
            "code":{"coding":[{"system":"http://snomed.info/sct","code":"44054006"}]}}}]}
        """;

    PatientRecord read = reader.read(Map.of(RecordReader.CONDITIONS, bundle), List.of());

    assertThat(read.conditions()).hasSize(1);
    assertThat(read.unavailableData())
        .containsExactly(
            "conditions beyond the first 2 entries (8 more not read: the EHR prefetched only the"
                + " first page)");
  }

  @Test
  void anEntryNoRuleReadsIsNotCheckedSoItsFaultsAreNotReported() {
    String bundle =
        """
        {"resourceType":"Bundle","type":"searchset","entry":[
          {"resource":{"resourceType":"Condition","id":"sinus",
            "clinicalStatus":{"coding":[{"code":"sort-of"}]},"onsetDateTime":"not-a-date",
            "code":{"coding":[{"system":"http://snomed.info/sct","code":"444814009"}]}}}]}
        """;

    PatientRecord read = reader.read(Map.of(RecordReader.CONDITIONS, bundle), List.of());

    assertThat(read.conditions()).isEmpty();
    assertThat(read.notes()).isEmpty();
    assertThat(facts(read).skipped()).isEmpty();
  }

  @Test
  void anEntryWhoseConceptIsNotPlainJsonStringsIsLeftToHapi() {
    String bundle =
        """
        {"resourceType":"Bundle","type":"searchset","entry":[
          {"resource":{"resourceType":"Condition","id":"c1",
            "code":{"coding":[{"system":"http://snomed.info/sct","code":44054006}]}}},
          {"resource":{"resourceType":"Condition","id":"c2","code":"diabetes"}},
          {"resource":{"resourceType":"Condition","id":"c3","code":{"coding":{"code":"x"}}}}]}
        """;
    Map<String, String> keys = Map.of(RecordReader.CONDITIONS, bundle);

    PatientRecord read = reader.read(keys, List.of());

    assertThat(read.conditions()).hasSize(3);
    assertThat(facts(read)).isEqualTo(facts(readEverything(keys)));
  }

  @Test
  void aMalformedElementTheMappersNeverReadNoLongerCostsTheEntry() {
    String bundle =
        """
        {"resourceType":"Bundle","type":"searchset","entry":[
          {"resource":{"resourceType":"Condition","id":"c1",
            "meta":{"lastUpdated":"yesterday"},
            "code":{"coding":[{"system":"http://snomed.info/sct","code":"44054006"}]}}}]}
        """;

    PatientRecord read = reader.read(Map.of(RecordReader.CONDITIONS, bundle), List.of());

    assertThat(read.notes()).isEmpty();
    assertThat(Fhir.MAPPER.map(read, Fhir.NOW).diagnoses()).hasSize(1);
  }

  @Test
  void choiceElementsArePrefixesOfTheirTypesOnly() {
    var condition = ElementsRead.of("Condition");

    assertThat(condition.test("onsetDateTime")).isTrue();
    assertThat(condition.test("_onsetDateTime")).isTrue();
    assertThat(condition.test("onsetPeriod")).isTrue();
    assertThat(condition.test("onset")).isFalse();
    assertThat(condition.test("onsetter")).isFalse();
    assertThat(condition.test("abatementDateTime")).isFalse();
    assertThat(condition.test("meta")).isFalse();
    assertThat(ElementsRead.of("Patient").test("meta")).isTrue();
  }

  /** The 412 examples hold an OperationOutcome there: no record to read. */
  private static boolean isPatient(JsonNode value) {
    return value != null && "Patient".equals(value.path("resourceType").asString(""));
  }

  private static PatientFacts facts(PatientRecord record) {
    return Fhir.MAPPER.map(record, Fhir.NOW);
  }

  /** Every entry of every key, parsed whole by HAPI: what the reader did before it chose. */
  private static PatientRecord readEverything(Map<String, String> keys) {
    Map<String, List<Resource>> resources = new LinkedHashMap<>();
    Optional<Patient> patient = Optional.empty();
    for (Map.Entry<String, String> key : keys.entrySet()) {
      IBaseResource parsed =
          Fhir.CONTEXT
              .newJsonParser()
              .setParserErrorHandler(new LenientErrorHandler(false))
              .parseResource(key.getValue());
      if (parsed instanceof Patient p) {
        patient = Optional.of(p);
        continue;
      }
      List<Resource> list = new ArrayList<>();
      if (parsed instanceof Bundle bundle) {
        bundle.getEntry().forEach(entry -> list.add(entry.getResource()));
      } else {
        list.add((Resource) parsed);
      }
      resources.put(key.getKey(), list);
    }
    return new PatientRecord(
        patient,
        resources.getOrDefault(RecordReader.CONDITIONS, List.of()),
        resources.getOrDefault(RecordReader.OBSERVATIONS, List.of()),
        resources.getOrDefault(RecordReader.MEDICATIONS, List.of()),
        resources.getOrDefault(RecordReader.QUESTIONNAIRE_RESPONSE, List.of()),
        List.of(),
        List.of());
  }

  private static <T extends DomainResource> T withEhrElements(T resource) {
    resource.getMeta().setVersionId("3").addProfile("http://hl7.org/fhir/us/core/x");
    resource.getText().setStatus(Narrative.NarrativeStatus.GENERATED);
    return resource;
  }

  private static Condition diabetes() {
    Condition condition = withEhrElements(Fhir.condition("dm", SNOMED, "44054006"));
    condition.addIdentifier(new Identifier().setSystem("urn:ehr").setValue("C-1"));
    condition.addCategory(Fhir.concept(SNOMED, "439401001", "Diagnosis"));
    condition.setSubject(new Reference("Patient/p1"));
    condition.setEncounter(new Reference("Encounter/e1"));
    condition.setOnset(new DateTimeType("2009-03-14"));
    condition.getOnsetDateTimeType().addExtension("urn:ehr:precision", new StringType("day"));
    condition.setAbatement(new DateTimeType("2030-01-01"));
    condition.setRecordedDateElement(new DateTimeType("2009-03-15"));
    condition.addNote().setText("since 2009");
    return condition;
  }

  private static Condition sinusitis() {
    return withEhrElements(Fhir.condition("sinus", SNOMED, "444814009"));
  }

  private static Observation ankleBrachialIndex() {
    Observation abi = withEhrElements(new Observation());
    abi.setId("abi");
    abi.setStatus(Observation.ObservationStatus.FINAL);
    abi.addCategory(Fhir.concept(SNOMED, "exam", null));
    abi.setCode(Fhir.concept(SNOMED, "446841001", "Ankle brachial pressure index"));
    abi.setSubject(new Reference("Patient/p1"));
    abi.setEncounter(new Reference("Encounter/e2"));
    abi.setEffective(new DateTimeType("2026-10-02"));
    abi.setIssuedElement(new InstantType("2026-10-02T10:00:00Z"));
    abi.setValue(new Quantity().setValue(new BigDecimal("0.58")).setCode("{ratio}"));
    abi.setBodySite(Fhir.concept(SNOMED, "7771000", "Left"));
    abi.addInterpretation(Fhir.concept("urn:x", "L", null));
    abi.addReferenceRange().setLow(new Quantity().setValue(0.9));
    abi.addPerformer(new Reference("Practitioner/x"));
    return abi;
  }

  private static MedicationRequest order(String id) {
    MedicationRequest order = withEhrElements(new MedicationRequest());
    order.setId(id);
    order.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
    order.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
    order.setSubject(new Reference("Patient/p1"));
    order.setRequester(new Reference("Practitioner/x"));
    order.addReasonCode(Fhir.concept(SNOMED, "55822004", null));
    order.addDosageInstruction(new Dosage().setText("1 tablet at night"));
    return order;
  }

  private static MedicationRequest simvastatin() {
    MedicationRequest order = order("simva");
    order.setMedication(Fhir.concept(RXNORM, "314231", "simvastatin 10 MG Oral Tablet"));
    return order;
  }

  private static MedicationRequest inhaler() {
    MedicationRequest order = order("inhaler");
    order.setMedication(
        new CodeableConcept(new Coding(RXNORM, "895994", "fluticasone 0.044 MG/ACTUAT Inhaler")));
    return order;
  }

  private static Medication atorvastatin() {
    Medication medication = withEhrElements(new Medication());
    medication.setId("atorva");
    medication.setCode(Fhir.concept(RXNORM, "259255", "atorvastatin 80 MG Oral Tablet"));
    return medication;
  }

  private static MedicationRequest byReference(String medication) {
    MedicationRequest order = order("by-reference");
    order.setMedication(new Reference("Medication/" + medication));
    return order;
  }
}
