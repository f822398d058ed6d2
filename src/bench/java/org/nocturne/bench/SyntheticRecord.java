package org.nocturne.bench;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.nocturne.fhir.RecordReader;
import tools.jackson.databind.ObjectMapper;

/**
 * Prefetch JSON for benchmarks: the example patient of {@code hooks/} (its questionnaire response
 * and ABI), padded with realistic conditions, labs and medications to a given size.
 */
final class SyntheticRecord {
  private static final String[] CONDITIONS = {
    "44054006",
    "38341003",
    "55822004",
    "433144002",
    "239873007",
    "195967001",
    "59621000",
    "40055000"
  };
  private static final String[] LABS = {
    "4548-4", "2276-4", "2823-3", "19123-9", "17861-6", "98979-8", "2160-0", "2345-7", "718-7",
    "8867-4"
  };
  private static final String[] DRUGS = {
    "metformin",
    "lisinopril",
    "atorvastatin",
    "amlodipine",
    "omeprazole",
    "levothyroxine",
    "aspirin",
    "furosemide"
  };

  private SyntheticRecord() {}

  /** The prefetch of the example patient with {@code resources} resources in all, about. */
  static Map<String, String> prefetch(int resources) throws Exception {
    FhirContext fhir = FhirContext.forR4Cached();
    var json = fhir.newJsonParser();
    var example =
        new ObjectMapper()
            .readTree(
                Files.readString(Path.of("hooks/nocturnal-leg-pain/full-prefetch.request.json")))
            .get("prefetch");
    Bundle conditions = json.parseResource(Bundle.class, example.get("conditions").toString());
    Bundle observations = json.parseResource(Bundle.class, example.get("observations").toString());
    Bundle medications = json.parseResource(Bundle.class, example.get("medications").toString());
    int conditionCount = resources * 15 / 100;
    int medicationCount = resources * 8 / 100;
    int labCount = resources - conditionCount - medicationCount - 3;
    for (int i = 0; i < conditionCount; i++) {
      Condition condition =
          new Condition()
              .setCode(
                  new CodeableConcept()
                      .addCoding(
                          new Coding(
                              "http://snomed.info/sct", CONDITIONS[i % CONDITIONS.length], null)));
      condition.setId("c" + i);
      condition.setSubject(new Reference("Patient/pat-rest-pain"));
      condition.setClinicalStatus(
          new CodeableConcept()
              .addCoding(
                  new Coding(
                      "http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null)));
      conditions.addEntry().setResource(condition);
    }
    for (int i = 0; i < labCount; i++) {
      Observation lab = new Observation().setStatus(Observation.ObservationStatus.FINAL);
      lab.setId("o" + i);
      lab.setSubject(new Reference("Patient/pat-rest-pain"));
      lab.setCode(
          new CodeableConcept()
              .addCoding(new Coding("http://loinc.org", LABS[i % LABS.length], null)));
      lab.setEffective(new DateTimeType(String.format("202%d-%02d-15", 3 + i % 4, 1 + i % 12)));
      lab.setValue(
          new Quantity()
              .setValue(BigDecimal.valueOf(40 + i % 50))
              .setSystem("http://unitsofmeasure.org")
              .setCode(i % 2 == 0 ? "%" : "ng/mL"));
      observations.addEntry().setResource(lab);
    }
    for (int i = 0; i < medicationCount; i++) {
      MedicationRequest order =
          new MedicationRequest()
              .setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE)
              .setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
      order.setId("m" + i);
      order.setSubject(new Reference("Patient/pat-rest-pain"));
      order.setMedication(new CodeableConcept().setText(DRUGS[i % DRUGS.length] + " tablet"));
      medications.addEntry().setResource(order);
    }
    Map<String, String> prefetch = new LinkedHashMap<>();
    prefetch.put(RecordReader.PATIENT, example.get("patient").toString());
    prefetch.put(RecordReader.CONDITIONS, json.encodeResourceToString(conditions));
    prefetch.put(RecordReader.OBSERVATIONS, json.encodeResourceToString(observations));
    prefetch.put(RecordReader.MEDICATIONS, json.encodeResourceToString(medications));
    prefetch.put(
        RecordReader.QUESTIONNAIRE_RESPONSE, example.get("questionnaireResponse").toString());
    return prefetch;
  }
}
