package org.nocturne.fallback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nocturne.LocalApp.freePort;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nocturne.FixedClock;
import org.nocturne.LocalServer;
import org.nocturne.cdshooks.CdsJson;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Synthea-sized record (207 conditions, 755 matching observations, two questionnaire responses)
 * on HAPI's RestfulServer paging by 20 with {@code _getpages} links, as the HAPI JPA server does.
 * The example patient's own entries sit on the last pages: the cards with nothing prefetched must
 * equal the cards with everything prefetched, so every page must have been read.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = {"nocturne.prefetch.max-pages=60", "nocturne.prefetch.budget=30s"})
@ActiveProfiles("local")
@Import({PagingFhirServer.class, FixedClock.class})
class PagedFallbackEndToEndTest {
  private static final int PORT = freePort();
  private static final String FHIR_BASE = "http://127.0.0.1:" + PORT + PagingFhirServer.PATH;
  private static final Path EXAMPLE =
      Path.of("hooks/nocturnal-leg-pain/full-prefetch.request.json");
  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final int FILLER_CONDITIONS = 205;
  private static final int FILLER_OBSERVATIONS = 751;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
    registry.add("nocturne.prefetch.allowed-fhir-servers[0]", () -> FHIR_BASE);
  }

  private final LocalServer server = new LocalServer(PORT);
  private ObjectNode fullPrefetch;
  private String patientId;

  @BeforeEach
  void loadASyntheaSizedRecord() {
    JsonNode example = CdsJson.mapper().readTree(LocalServer.read(EXAMPLE));
    patientId = example.path("context").path("patientId").asString();
    var parser = FHIR.newJsonParser();
    List<Resource> conditions = new ArrayList<>();
    for (int i = 0; i < FILLER_CONDITIONS; i++) {
      conditions.add(fillerCondition(i));
    }
    List<Resource> observations = new ArrayList<>();
    for (int i = 0; i < FILLER_OBSERVATIONS; i++) {
      observations.add(fillerObservation(i));
    }
    List<Resource> responses = new ArrayList<>();
    List<Resource> all = new ArrayList<>();
    example
        .get("prefetch")
        .properties()
        .forEach(
            entry -> {
              Resource resource = (Resource) parser.parseResource(entry.getValue().toString());
              List<Resource> own =
                  resource instanceof Bundle bundle
                      ? InProcessFhirServer.entries(bundle)
                      : List.of(resource);
              switch (entry.getKey()) {
                case "conditions" -> conditions.addAll(own); // the last page
                case "observations" -> observations.addAll(own); // oldest: the last page
                case "questionnaireResponse" -> responses.addAll(own);
                default -> all.addAll(own);
              }
            });
    responses.add(olderResponse());
    all.addAll(conditions);
    all.addAll(observations);
    all.addAll(responses);
    PagingFhirServer.load(all);

    fullPrefetch = (ObjectNode) example.deepCopy();
    ObjectNode prefetch = (ObjectNode) fullPrefetch.get("prefetch");
    prefetch.set("conditions", searchset(conditions));
    prefetch.set("observations", searchset(observations));
  }

  private JsonNode withoutPrefetch() {
    ObjectNode call = fullPrefetch.deepCopy();
    call.remove("prefetch");
    call.put("fhirServer", FHIR_BASE);
    return call;
  }

  @Test
  void everyPageIsReadSoNoPrefetchGivesTheSameCardsAsFullPrefetch() {
    var full = server.postJson("/cds-services/nocturnal-leg-pain", fullPrefetch.toString());
    var fetched = server.postJson("/cds-services/nocturnal-leg-pain", withoutPrefetch().toString());

    assertThat(full.statusCode()).isEqualTo(200);
    assertThat(fetched.statusCode()).isEqualTo(200);
    JsonNode fetchedCards = CdsJson.mapper().readTree(fetched.body());
    assertThat(fetchedCards).isEqualTo(CdsJson.mapper().readTree(full.body()));
    // 207 conditions and 755 observations in pages of 20: 10 + 37 pages after the first ones
    int pages = PagingFhirServer.PAGES.get();
    System.out.printf(
        "PagedFallbackEndToEndTest: %d searches and %d _getpages pages read%n",
        PagingFhirServer.SEARCHES.get(), pages);
    assertThat(pages)
        .as("pages after the first: conditions 10, observations 37, questionnaire none")
        .isEqualTo(10 + 37);
    assertThat(fetched.body())
        .contains("ABI 0.58 left")
        .doesNotContain("not read")
        .doesNotContain("left out");
  }

  private static JsonNode searchset(List<Resource> resources) {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
    bundle.setTotal(resources.size());
    resources.forEach(r -> bundle.addEntry().setResource(r));
    return CdsJson.mapper().readTree(FHIR.newJsonParser().encodeResourceToString(bundle));
  }

  /** Synthea's everyday diagnoses, none of which bears on night-time leg pain. */
  private Condition fillerCondition(int i) {
    String[][] codes = {
      {"444814009", "Viral sinusitis (disorder)"},
      {"10509002", "Acute bronchitis (disorder)"},
      {"195662009", "Acute viral pharyngitis (disorder)"},
      {"43878008", "Streptococcal sore throat (disorder)"},
      {"65363002", "Otitis media (disorder)"}
    };
    String[] code = codes[i % codes.length];
    Condition condition = new Condition();
    condition.setId("synthea-c" + i);
    condition.setSubject(new Reference("Patient/" + patientId));
    condition.setClinicalStatus(
        new CodeableConcept(
            new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-clinical", "resolved", null)));
    condition.setCode(new CodeableConcept(new Coding("http://snomed.info/sct", code[0], code[1])));
    condition.setOnset(new DateTimeType("20" + (10 + i % 15) + "-03-01"));
    return condition;
  }

  /** Routine potassium results, newer than the example's ABI so that sits on the last page. */
  private Observation fillerObservation(int i) {
    Observation observation = new Observation();
    observation.setId("synthea-o" + i);
    observation.setStatus(Observation.ObservationStatus.FINAL);
    observation.setSubject(new Reference("Patient/" + patientId));
    observation.setCode(
        new CodeableConcept(
            new Coding(
                "http://loinc.org", "2823-3", "Potassium [Moles/volume] in Serum or Plasma")));
    observation.setValue(
        new Quantity().setValue(4.2).setUnit("mmol/L").setSystem("http://unitsofmeasure.org"));
    observation.setEffective(
        new DateTimeType(
            String.format("2026-10-%02dT%02d:%02d:00Z", 3 + i / 60, (i / 60) % 24, i % 60)));
    return observation;
  }

  /** A second, older response: the questionnaire query's {@code _count=1} then has a next page. */
  private QuestionnaireResponse olderResponse() {
    QuestionnaireResponse response = new QuestionnaireResponse();
    response.setId("qr-older");
    response.setQuestionnaire("http://nocturne-cds.org/fhir/Questionnaire/nocturnal-leg-pain");
    response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
    response.setSubject(new Reference("Patient/" + patientId));
    response.setAuthoredElement(new DateTimeType("2020-01-01T00:00:00Z"));
    return response;
  }
}
