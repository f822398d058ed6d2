package org.nocturne.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.nocturne.cards.CardContext;
import org.nocturne.cdshooks.CdsHooksException;
import org.nocturne.cdshooks.HookCall;
import org.nocturne.clinical.Assessment;
import org.nocturne.clinical.CauseModel;
import org.nocturne.clinical.PatientFacts;
import org.nocturne.fhir.FactsMapper;
import org.nocturne.fhir.InvalidFhirDataException;
import org.nocturne.fhir.RecordReader;
import tools.jackson.databind.JsonNode;

/** The steps every service shares: the prefetched record, its facts, and their assessment. */
final class PatientAssessor {
  /** The facts and the assessment of one call, at one evaluation date. */
  record Assessed(PatientFacts facts, Assessment assessment, LocalDate today, CardContext cards) {}

  private final RecordReader reader;
  private final FactsMapper mapper;
  private final CauseModel model;
  private final Clock clock;
  private final Supplier<String> publicBaseUrl;
  private final AppLaunchUrl appLaunchUrl;

  PatientAssessor(
      RecordReader reader,
      FactsMapper mapper,
      CauseModel model,
      Clock clock,
      Supplier<String> publicBaseUrl,
      AppLaunchUrl appLaunchUrl) {
    this.reader = reader;
    this.mapper = mapper;
    this.model = model;
    this.clock = clock;
    this.publicBaseUrl = publicBaseUrl;
    this.appLaunchUrl = appLaunchUrl;
  }

  Assessed assess(HookCall call) {
    // the trees the request's parse (or the fetch) built, handed on as they are: parsed once
    Map<String, JsonNode> json = new LinkedHashMap<>();
    call.prefetch()
        .values()
        .keySet()
        .forEach(key -> call.prefetch().data(key).ifPresent(data -> json.put(key, data)));
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    try {
      PatientFacts facts =
          mapper.map(
              reader.readTrees(
                  json,
                  call.prefetch().fetchedKeys(),
                  call.prefetch().missingKeys(),
                  call.prefetch().referencedMedications()),
              now);
      CardContext cards =
          new CardContext(
              call.request().hookInstance(),
              call.patientId(),
              publicBaseUrl.get(),
              appLaunchUrl.get());
      return new Assessed(facts, model.assess(facts, today), today, cards);
    } catch (InvalidFhirDataException e) {
      // only an unreadable patient stops the call: without it there is no assessment (2.0 §412)
      throw CdsHooksException.preconditionFailed(e.getMessage());
    }
  }
}
