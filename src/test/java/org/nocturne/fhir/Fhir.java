package org.nocturne.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.nocturne.clinical.facts.PatientFacts;

/** Real-shaped FHIR R4 resources for mapper tests, and the mapper itself. */
final class Fhir {
  static final FhirContext CONTEXT = FhirContext.forR4Cached();
  static final CodeSets CODES = CodeSets.load(CONTEXT);
  static final FactsMapper MAPPER = new FactsMapper(CODES);
  static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  static final String SNOMED = "http://snomed.info/sct";
  static final String ICD = "http://hl7.org/fhir/sid/icd-10-cm";
  static final String LOINC = "http://loinc.org";
  static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
  static final String UCUM = "http://unitsofmeasure.org";

  private Fhir() {}

  static CodeableConcept concept(String system, String code, String display) {
    return new CodeableConcept().addCoding(new Coding(system, code, display));
  }

  static Condition condition(
      String id, String system, String code, String clinicalStatus, String verificationStatus) {
    Condition condition = new Condition();
    condition.setId(id);
    condition.setCode(concept(system, code, null));
    if (clinicalStatus != null) {
      condition.setClinicalStatus(
          concept(
              "http://terminology.hl7.org/CodeSystem/condition-clinical", clinicalStatus, null));
    }
    if (verificationStatus != null) {
      condition.setVerificationStatus(
          concept(
              "http://terminology.hl7.org/CodeSystem/condition-ver-status",
              verificationStatus,
              null));
    }
    return condition;
  }

  static Condition condition(String id, String system, String code) {
    return condition(id, system, code, "active", "confirmed");
  }

  static Observation observation(String id, String system, String code, double value, String ucum) {
    Observation observation = new Observation();
    observation.setId(id);
    observation.setStatus(Observation.ObservationStatus.FINAL);
    observation.setCode(concept(system, code, null));
    observation.setEffective(new DateTimeType("2026-10-01"));
    observation.setValue(
        new Quantity()
            .setValue(BigDecimal.valueOf(value))
            .setSystem(UCUM)
            .setCode(ucum)
            .setUnit(ucum));
    return observation;
  }

  static Observation.ObservationComponentComponent component(String text, double value) {
    return new Observation.ObservationComponentComponent()
        .setCode(new CodeableConcept().setText(text))
        .setValue(new Quantity().setValue(BigDecimal.valueOf(value)).setSystem(UCUM).setCode("1"));
  }

  static BooleanType yes() {
    return new BooleanType(true);
  }

  /** Maps resources as if each list came under its prefetch key. */
  static PatientFacts map(
      List<Resource> conditions,
      List<Resource> observations,
      List<Resource> medications,
      List<Resource> responses) {
    PatientRecord record =
        new PatientRecord(
            Optional.empty(),
            conditions,
            observations,
            medications,
            responses,
            List.of(),
            List.of());
    return MAPPER.map(record, NOW);
  }

  static PatientFacts conditions(Resource... resources) {
    return map(List.of(resources), List.of(), List.of(), List.of());
  }

  static PatientFacts observations(Resource... resources) {
    return map(List.of(), List.of(resources), List.of(), List.of());
  }

  static PatientFacts medications(Resource... resources) {
    return map(List.of(), List.of(), List.of(resources), List.of());
  }

  static PatientFacts responses(Resource... resources) {
    return map(List.of(), List.of(), List.of(), List.of(resources));
  }

  /** The JSON of a searchset Bundle of the resources, as an EHR would prefetch it. */
  static String searchset(List<? extends Resource> resources, boolean nextPage) {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
    resources.forEach(resource -> bundle.addEntry().setResource(resource));
    if (nextPage) {
      bundle.addLink().setRelation("next").setUrl("https://ehr.example/fhir/Condition?page=2");
    }
    return CONTEXT.newJsonParser().encodeResourceToString(bundle);
  }

  static Map<String, String> keys(String key, String json) {
    return Map.of(key, json);
  }

  static List<Resource> list(Resource... resources) {
    return new ArrayList<>(List.of(resources));
  }
}
