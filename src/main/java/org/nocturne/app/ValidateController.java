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
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Validates a QuestionnaireResponse before the app writes it to the EHR: 200 when valid, 422 with
 * every error located when not, 400 when the body is no QuestionnaireResponse at all. Nothing is
 * stored and no patient data is read, so no token is needed.
 */
@RestController
@ConditionalOnBooleanProperty("nocturne.app.enabled")
class ValidateController {
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(ValidateController.class);
  private final FhirContext fhir;
  private final ResponseValidator validator;
  private final AppProperties properties;

  ValidateController(FhirContext fhir, ResponseValidator validator, AppProperties properties) {
    this.fhir = fhir;
    this.validator = validator;
    this.properties = properties;
  }

  @PostMapping(
      value = AppConfigController.VALIDATE_PATH,
      consumes = {"application/json", "application/fhir+json"})
  ResponseEntity<Map<String, Object>> validate(HttpServletRequest request) throws IOException {
    byte[] body;
    try {
      body = BoundedBody.read(request, properties.maxRequestBytes());
    } catch (BoundedBody.TooLarge e) {
      return Outcomes.error(
          HttpStatus.CONTENT_TOO_LARGE,
          "too-long",
          "The answers are larger than " + properties.maxRequestBytes() + " bytes.");
    }
    String json = new String(body, StandardCharsets.UTF_8);
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
}
