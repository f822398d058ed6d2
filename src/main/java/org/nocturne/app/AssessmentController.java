package org.nocturne.app;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nocturne.cdshooks.CdsJson;
import org.nocturne.cdshooks.FhirId;
import org.nocturne.cdshooks.prefetch.PatientFetch;
import org.nocturne.cdshooks.prefetch.Prefetch;
import org.nocturne.cdshooks.prefetch.PrefetchValue;
import org.nocturne.clinical.Assessment;
import org.nocturne.clinical.CauseModel;
import org.nocturne.clinical.PatientFacts;
import org.nocturne.fhir.CodeSets;
import org.nocturne.fhir.FactsMapper;
import org.nocturne.fhir.InvalidFhirDataException;
import org.nocturne.fhir.RecordReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The full assessment for the app: the patient's record fetched from the EHR's FHIR server with the
 * app's own access token, through the CDS services' fetcher (allowlist, SSRF checks, time and byte
 * budgets), mapped and assessed by the same model as the cards. The token lives in this call only:
 * never logged, stored, or used as a cache key.
 */
@RestController
@ConditionalOnBooleanProperty("nocturne.app.enabled")
class AssessmentController {
  static final String SERVICE = "nocturnal-leg-pain";
  private static final String BY_ID = "questionnaireResponseById";
  private static final int MAX_BODY = 16 * 1024;
  private static final Logger log = LoggerFactory.getLogger(AssessmentController.class);

  private final AppProperties properties;
  private final PatientFetch fetch;
  private final RecordReader reader;
  private final FactsMapper mapper;
  private final CauseModel model;
  private final AssessmentView view;
  private final Clock clock;

  AssessmentController(
      AppProperties properties,
      PatientFetch fetch,
      FhirContext fhir,
      CodeSets codes,
      CauseModel model,
      Clock clock) {
    this.properties = properties;
    this.fetch = fetch;
    this.reader = new RecordReader(fhir, codes);
    this.mapper = new FactsMapper(codes);
    this.model = model;
    this.view = new AssessmentView(model.knowledge());
    this.clock = clock;
  }

  @PostMapping(
      value = AppConfigController.ASSESSMENT_PATH,
      consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> assess(HttpServletRequest request) throws IOException {
    String token = bearer(request.getHeader("Authorization"));
    if (token == null) {
      return Outcomes.error(
          HttpStatus.UNAUTHORIZED, "login", "Sign in again: the request carries no access token.");
    }
    JsonNode body;
    try {
      body = CdsJson.readTree(BoundedBody.read(request, MAX_BODY));
    } catch (BoundedBody.TooLarge e) {
      return Outcomes.error(HttpStatus.CONTENT_TOO_LARGE, "too-long", "The request is too large.");
    } catch (JacksonException e) {
      return Outcomes.error(HttpStatus.BAD_REQUEST, "invalid", "The request is not JSON.");
    }
    String fhirServer = text(body, "fhirServer");
    String patient = text(body, "patient");
    String answers = text(body, "questionnaireResponse");
    if (answers != null && answers.startsWith("QuestionnaireResponse/")) {
      answers = answers.substring("QuestionnaireResponse/".length());
    }
    if (fhirServer == null || patient == null || !FhirId.valid(patient)) {
      return Outcomes.error(
          HttpStatus.BAD_REQUEST,
          "invalid",
          "The request needs fhirServer and patient (a FHIR id).");
    }
    if (answers != null && !FhirId.valid(answers)) {
      return Outcomes.error(
          HttpStatus.BAD_REQUEST, "invalid", "questionnaireResponse must be a FHIR id.");
    }
    fhirServer = AppProperties.withoutTrailingSlash(fhirServer);
    if (!properties.allowedIssuers().contains(fhirServer)) {
      return Outcomes.error(
          HttpStatus.FORBIDDEN,
          "forbidden",
          "This FHIR server is not one the app is registered with.");
    }
    Prefetch record =
        fetch.fetch(
            SERVICE,
            fhirServer,
            token,
            patient,
            answers == null ? Map.of() : Map.of(BY_ID, "QuestionnaireResponse/" + answers));
    ResponseEntity<Map<String, Object>> failed = failure(record.values().get(RecordReader.PATIENT));
    if (failed != null) {
      return failed;
    }
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    try {
      PatientFacts facts = mapper.map(read(record, patient), now);
      Assessment assessment = model.assess(facts, today);
      return ResponseEntity.ok()
          .cacheControl(CacheControl.noStore())
          .contentType(MediaType.APPLICATION_JSON)
          .body(view.of(patient, today, assessment));
    } catch (InvalidFhirDataException e) {
      return Outcomes.error(
          HttpStatus.BAD_GATEWAY,
          "processing",
          "The EHR's record of this patient could not be read: " + e.getMessage());
    }
  }

  /**
   * The record as the services read it; a response read by id stands in for the search the app's
   * scopes ({@code .cru}, no {@code s}) may not allow, when it is this patient's and complete.
   */
  private org.nocturne.fhir.PatientRecord read(Prefetch record, String patient) {
    Map<String, JsonNode> json = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    JsonNode byId = record.data(BY_ID).orElse(null);
    boolean answered =
        byId != null
            && "completed".equals(byId.path("status").asString(""))
            && ("Patient/" + patient).equals(byId.path("subject").path("reference").asString(""));
    record
        .values()
        .forEach(
            (key, value) -> {
              if (key.equals(BY_ID)) {
                return;
              }
              if (key.equals(RecordReader.QUESTIONNAIRE_RESPONSE) && answered) {
                json.put(key, searchset(byId));
              } else if (value instanceof PrefetchValue.Data data) {
                json.put(key, data.resource()); // the fetch's own tree: parsed once
              } else if (value instanceof PrefetchValue.Unavailable unavailable) {
                missing.add(key + " (" + unavailable.reason() + ")");
              }
            });
    return reader.readTrees(json, json.keySet(), missing);
  }

  private static ObjectNode searchset(JsonNode resource) {
    ObjectNode bundle = JsonNodeFactory.instance.objectNode();
    bundle.put("resourceType", "Bundle");
    bundle.put("type", "searchset");
    ArrayNode entries = bundle.putArray("entry");
    entries.addObject().set("resource", resource);
    return bundle;
  }

  /** The FHIR server's refusal or failure for the patient, as the app should show it. */
  private static ResponseEntity<Map<String, Object>> failure(PrefetchValue patient) {
    if (!(patient instanceof PrefetchValue.Unavailable unavailable)) {
      return null;
    }
    log.info("app assessment: the patient could not be fetched: {}", unavailable.reason());
    return switch (unavailable.failure()) {
      case UNAUTHORIZED ->
          Outcomes.error(
              HttpStatus.UNAUTHORIZED,
              "login",
              "The EHR refused the access token (expired or revoked): launch the app again.");
      case FORBIDDEN ->
          Outcomes.error(
              HttpStatus.FORBIDDEN,
              "forbidden",
              "The EHR does not allow the app to read this patient's record.");
      case NOT_FOUND ->
          Outcomes.error(HttpStatus.NOT_FOUND, "not-found", "The EHR has no such patient.");
      case TIMEOUT ->
          Outcomes.error(
              HttpStatus.GATEWAY_TIMEOUT,
              "timeout",
              "The EHR's FHIR server did not answer in time: try again in a moment.");
      default ->
          Outcomes.error(
              HttpStatus.BAD_GATEWAY,
              "transient",
              "The EHR's FHIR server could not be reached or gave no usable answer: try again in a moment.");
    };
  }

  static String bearer(String header) {
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = header.substring(7).trim();
    return token.isEmpty() ? null : token;
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body == null ? null : body.get(field);
    return value != null && value.isString() && !value.asString().isBlank()
        ? value.asString().trim()
        : null;
  }
}
