package org.nocturne.app;

import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nocturne.assessment.RecordAssessment;
import org.nocturne.cdshooks.CdsJson;
import org.nocturne.cdshooks.FhirId;
import org.nocturne.cdshooks.Prefetch;
import org.nocturne.cdshooks.PrefetchValue;
import org.nocturne.cdshooks.prefetch.PatientFetch;
import org.nocturne.cdshooks.security.RefusedAttempts;
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
  private final RecordAssessment assessment;
  private final AssessmentView view;
  private final Clock clock;

  /**
   * The EHR's refusals (401, 403, 404) per client address: past {@code
   * nocturne.app.max-refused-per-minute} the client is refused before anything is fetched, so the
   * endpoint cannot be used to test tokens and patient ids.
   */
  private final RefusedAttempts refusals;

  AssessmentController(
      AppProperties properties, PatientFetch fetch, RecordAssessment assessment, Clock clock) {
    this.properties = properties;
    this.fetch = fetch;
    this.assessment = assessment;
    this.view = new AssessmentView(assessment.knowledge());
    this.clock = clock;
    this.refusals =
        new RefusedAttempts(
            properties.maxRefusedPerMinute(), Duration.ofMinutes(1), Ticker.systemTicker());
  }

  @PostMapping(
      value = AppConfigController.ASSESSMENT_PATH,
      consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> assess(HttpServletRequest request) throws IOException {
    String client = request.getRemoteAddr();
    if (refusals.exhausted(client)) {
      return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
          .header("Retry-After", String.valueOf(refusals.retryAfterSeconds()))
          .body(
              Outcomes.error(
                      HttpStatus.TOO_MANY_REQUESTS,
                      "throttled",
                      "Too many refused requests: wait a minute.")
                  .getBody());
    }
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
      if (failed.getStatusCode().is4xxClientError()) { // the EHR refused: a token or id tried
        refusals.refused(client);
      }
      return failed;
    }
    try {
      RecordAssessment.Assessed assessed =
          assessment.assess(withAnswersById(record, patient), clock.instant());
      return ResponseEntity.ok()
          .cacheControl(CacheControl.noStore())
          .contentType(MediaType.APPLICATION_JSON)
          .body(view.of(patient, assessed.today(), assessed.assessment()));
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
  private static Prefetch withAnswersById(Prefetch record, String patient) {
    Map<String, PrefetchValue> values = new LinkedHashMap<>(record.values());
    values.remove(BY_ID);
    JsonNode byId = record.data(BY_ID).orElse(null);
    if (byId != null
        && "completed".equals(byId.path("status").asString(""))
        && ("Patient/" + patient).equals(byId.path("subject").path("reference").asString(""))) {
      values.put(
          RecordReader.QUESTIONNAIRE_RESPONSE,
          new PrefetchValue.Data(searchset(byId), PrefetchValue.Origin.FETCHED));
    }
    return new Prefetch(values);
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
