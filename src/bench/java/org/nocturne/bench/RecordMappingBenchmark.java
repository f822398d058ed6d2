package org.nocturne.bench;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.nocturne.clinical.facts.PatientFacts;
import org.nocturne.fhir.CodeSets;
import org.nocturne.fhir.FactsMapper;
import org.nocturne.fhir.RecordReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parse the prefetched JSON and map it to facts, for a 500-resource record (100 conditions, 400
 * labs).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RecordMappingBenchmark {
  private static final String[] LABS = {
    "4548-4", "2276-4", "2502-3", "98979-8", "2823-3", "19123-9", "17861-6", "2132-9", "8867-4",
    "2345-7"
  };
  private static final String[] CONDITIONS = {
    "44054006", "368581000119106", "433144002", "239873007", "38341003", "59621000", "195967001"
  };

  private RecordReader reader;
  private FactsMapper mapper;
  private Map<String, String> prefetch;
  private final Instant now = Instant.parse("2026-11-26T12:00:00Z");

  @Setup
  public void setUp() {
    FhirContext fhir = FhirContext.forR4Cached();
    CodeSets codes = CodeSets.load(fhir);
    reader = new RecordReader(fhir, codes);
    mapper = new FactsMapper(codes);
    Bundle conditions = new Bundle().setType(Bundle.BundleType.SEARCHSET);
    for (int i = 0; i < 100; i++) {
      Condition condition =
          new Condition()
              .setCode(
                  new CodeableConcept()
                      .addCoding(
                          new Coding(
                              "http://snomed.info/sct", CONDITIONS[i % CONDITIONS.length], null)));
      condition.setId("c" + i);
      condition.setClinicalStatus(
          new CodeableConcept()
              .addCoding(
                  new Coding(
                      "http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null)));
      conditions.addEntry().setResource(condition);
    }
    Bundle labs = new Bundle().setType(Bundle.BundleType.SEARCHSET);
    for (int i = 0; i < 400; i++) {
      Observation lab = new Observation().setStatus(Observation.ObservationStatus.FINAL);
      lab.setId("o" + i);
      lab.setCode(
          new CodeableConcept()
              .addCoding(new Coding("http://loinc.org", LABS[i % LABS.length], null)));
      lab.setEffective(new DateTimeType("2026-0" + (1 + i % 9) + "-15"));
      lab.setValue(
          new Quantity()
              .setValue(BigDecimal.valueOf(40 + i % 50))
              .setSystem("http://unitsofmeasure.org")
              .setCode(i % 2 == 0 ? "%" : "ng/mL"));
      labs.addEntry().setResource(lab);
    }
    var json = fhir.newJsonParser();
    prefetch =
        Map.of(
            RecordReader.PATIENT,
                "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"gender\":\"female\",\"birthDate\":\"1957-03-14\"}",
            RecordReader.CONDITIONS, json.encodeResourceToString(conditions),
            RecordReader.OBSERVATIONS, json.encodeResourceToString(labs));
  }

  @Benchmark
  public PatientFacts parseAndMap500Resources() {
    return mapper.map(reader.read(prefetch, List.of()), now);
  }
}
