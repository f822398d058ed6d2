package org.nocturne.app;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.nocturne.cdshooks.CdsJson;
import org.nocturne.cdshooks.FhirId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;

/**
 * Validates a QuestionnaireResponse before the app writes it to the EHR: 200 when valid, 422 with
 * every error located when not, 400 when the body is no QuestionnaireResponse at all.
 *
 * <p>Validation costs seconds of CPU and hundreds of MB of heap on a large body, so it is not open
 * to anyone: the caller shows the app's SMART access token ({@code Authorization: Bearer}) and the
 * FHIR server it was issued for ({@value #FHIR_SERVER_HEADER}, one the app is registered with), and
 * that server must read the response's subject with it ({@link LaunchCheck}). The JSON is bounded
 * before HAPI sees it (tokens, depth, string and number length, exponents: {@link
 * CdsJson#readTree(byte[], long)}), and at most a few validations run at once, each with a deadline
 * ({@link ValidationGate}): more answer 503 with {@code Retry-After}.
 */
@RestController
@ConditionalOnBooleanProperty("nocturne.app.enabled")
class ValidateController {
  static final String FHIR_SERVER_HEADER = "X-FHIR-Server";

  /**
   * JSON tokens in one response: the whole questionnaire answered, with every repeat chosen, is
   * under 2,000; the validator's time grows with them.
   */
  static final long MAX_TOKENS = 20_000;

  private static final Logger log = LoggerFactory.getLogger(ValidateController.class);
  private final FhirContext fhir;
  private final ResponseValidator validator;
  private final AppProperties properties;
  private final LaunchCheck launch;
  private final ValidationGate gate;

  ValidateController(
      FhirContext fhir,
      ResponseValidator validator,
      AppProperties properties,
      LaunchCheck launch,
      ValidationGate gate) {
    this.fhir = fhir;
    this.validator = validator;
    this.properties = properties;
    this.launch = launch;
    this.gate = gate;
  }

  @PostMapping(
      value = AppConfigController.VALIDATE_PATH,
      consumes = {"application/json", "application/fhir+json"})
  ResponseEntity<Map<String, Object>> validate(HttpServletRequest request) throws IOException {
    String token = AssessmentController.bearer(request.getHeader("Authorization"));
    if (token == null) {
      return Outcomes.error(
          HttpStatus.UNAUTHORIZED, "login", "Sign in again: the request carries no access token.");
    }
    String fhirServer = request.getHeader(FHIR_SERVER_HEADER);
    if (fhirServer == null
        || !properties
            .allowedIssuers()
            .contains(AppProperties.withoutTrailingSlash(fhirServer.trim()))) {
      return Outcomes.error(
          HttpStatus.FORBIDDEN,
          "forbidden",
          "The request names no FHIR server the app is registered with ("
              + FHIR_SERVER_HEADER
              + ").");
    }
    fhirServer = AppProperties.withoutTrailingSlash(fhirServer.trim());
    byte[] body;
    try {
      body = BoundedBody.read(request, properties.maxRequestBytes());
    } catch (BoundedBody.TooLarge e) {
      return Outcomes.error(
          HttpStatus.CONTENT_TOO_LARGE,
          "too-long",
          "The answers are larger than " + properties.maxRequestBytes() + " bytes.");
    }
    JsonNode tree;
    try {
      tree = CdsJson.readTree(body, MAX_TOKENS);
    } catch (StreamConstraintsException e) {
      return Outcomes.error(
          HttpStatus.BAD_REQUEST,
          "too-costly",
          "The answers have more values, nesting, or larger numbers than a questionnaire has.");
    } catch (JacksonException e) {
      return Outcomes.error(
          HttpStatus.BAD_REQUEST, "structure", "The body is not a readable FHIR JSON resource.");
    }
    String patient = subject(tree);
    if (patient == null) {
      return Outcomes.error(
          HttpStatus.BAD_REQUEST,
          "invalid",
          "Expected a QuestionnaireResponse whose subject is a Patient reference.");
    }
    ResponseEntity<Map<String, Object>> refused = refused(launch.check(fhirServer, token, patient));
    if (refused != null) {
      return refused;
    }
    String json = new String(body, StandardCharsets.UTF_8);
    try {
      return gate.run(() -> validate(json));
    } catch (ValidationGate.Busy e) {
      ResponseEntity<Map<String, Object>> busy =
          Outcomes.error(
              HttpStatus.SERVICE_UNAVAILABLE,
              "transient",
              "The answers could not be checked just now: try again in a moment.");
      return ResponseEntity.status(busy.getStatusCode())
          .headers(busy.getHeaders())
          .header("Retry-After", String.valueOf(gate.retryAfterSeconds()))
          .body(busy.getBody());
    }
  }

  private ResponseEntity<Map<String, Object>> validate(String json) {
    IBaseResource resource;
    try {
      // lenient: the validator below reports unknown elements, located
      IParser parser = fhir.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false));
      resource = parser.parseResource(json);
    } catch (DataFormatException | IllegalArgumentException e) {
      return Outcomes.error(
          HttpStatus.BAD_REQUEST, "structure", "The body is not a readable FHIR JSON resource.");
    }
    if (!(resource instanceof QuestionnaireResponse response)) {
      return Outcomes.error(
          HttpStatus.BAD_REQUEST,
          "invalid",
          "Expected a QuestionnaireResponse, got a " + resource.fhirType() + ".");
    }
    List<Map<String, Object>> issues = new ArrayList<>();
    boolean valid = true;
    List<ResponseValidator.Issue> found;
    try {
      found = validator.validate(json, response);
    } catch (RuntimeException e) {
      // a body HAPI's validator cannot take is the caller's fault, never a 500
      log.warn("a QuestionnaireResponse could not be validated: {}", e.getClass().getSimpleName());
      return Outcomes.error(
          HttpStatus.BAD_REQUEST, "structure", "The answers could not be validated as FHIR.");
    }
    for (ResponseValidator.Issue issue : found) {
      valid &= !issue.severity().equals("error");
      issues.add(
          Outcomes.issue(
              issue.severity(), issue.code(), issue.message(), issue.location(), issue.linkId()));
    }
    if (valid) {
      issues.add(
          0, Outcomes.issue("information", "informational", "The answers are valid.", null, null));
      return Outcomes.respond(HttpStatus.OK, issues);
    }
    return Outcomes.respond(HttpStatus.UNPROCESSABLE_CONTENT, issues);
  }

  /** The patient id of a QuestionnaireResponse's subject, or null. */
  private static String subject(JsonNode tree) {
    if (tree == null
        || !tree.isObject()
        || !"QuestionnaireResponse".equals(tree.path("resourceType").asString(""))) {
      return null;
    }
    String reference = tree.path("subject").path("reference").asString("");
    if (!reference.startsWith("Patient/")) {
      return null;
    }
    String id = reference.substring("Patient/".length());
    return FhirId.valid(id) ? id : null;
  }

  private static ResponseEntity<Map<String, Object>> refused(LaunchCheck.Result result) {
    return switch (result) {
      case ACCEPTED -> null;
      case UNAUTHORIZED ->
          Outcomes.error(
              HttpStatus.UNAUTHORIZED,
              "login",
              "The EHR refused the access token (expired or revoked): launch the app again.");
      case FORBIDDEN ->
          Outcomes.error(
              HttpStatus.FORBIDDEN,
              "forbidden",
              "The access token does not open this patient's record.");
      case UNAVAILABLE ->
          Outcomes.error(
              HttpStatus.BAD_GATEWAY,
              "transient",
              "The EHR's FHIR server could not confirm the sign-in: try again in a moment.");
    };
  }
}
