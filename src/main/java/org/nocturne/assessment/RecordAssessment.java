package org.nocturne.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nocturne.cdshooks.Prefetch;
import org.nocturne.clinical.Assessment;
import org.nocturne.clinical.CauseModel;
import org.nocturne.clinical.facts.PatientFacts;
import org.nocturne.clinical.knowledge.Knowledge;
import org.nocturne.fhir.FactsMapper;
import org.nocturne.fhir.InvalidFhirDataException;
import org.nocturne.fhir.RecordReader;
import tools.jackson.databind.JsonNode;

/**
 * Record → facts → assessment, once, for the CDS services and the questionnaire app: both read the
 * same record the same way and reach the same conclusions.
 */
public final class RecordAssessment {
  /** The facts and the assessment of one record, at one evaluation date. */
  public record Assessed(PatientFacts facts, Assessment assessment, LocalDate today) {}

  private final RecordReader reader;
  private final FactsMapper mapper;
  private final CauseModel model;
  private final ZoneId zone;

  /**
   * @param zone where "today" is decided, for the complaint windows and the age
   */
  public RecordAssessment(RecordReader reader, FactsMapper mapper, CauseModel model, ZoneId zone) {
    this.reader = reader;
    this.mapper = mapper;
    this.model = model;
    this.zone = zone;
  }

  /**
   * @throws InvalidFhirDataException when the patient is not a readable FHIR Patient
   */
  public Assessed assess(Prefetch record, Instant now) {
    // the trees the request's parse (or the fetch) built, handed on as they are: parsed once
    Map<String, JsonNode> json = new LinkedHashMap<>();
    record
        .values()
        .keySet()
        .forEach(key -> record.data(key).ifPresent(data -> json.put(key, data)));
    LocalDate today = LocalDate.ofInstant(now, zone);
    PatientFacts facts =
        mapper.map(
            reader.readTrees(
                json,
                record.fetchedKeys(),
                record.missingKeys(),
                // Medications the orders named by reference, fetched from the FHIR server
                record.referencedMedications()),
            now);
    return new Assessed(facts, model.assess(facts, today), today);
  }

  public Knowledge knowledge() {
    return model.knowledge();
  }
}
