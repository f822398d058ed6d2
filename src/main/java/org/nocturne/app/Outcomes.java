package org.nocturne.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The OperationOutcome every answer of the app's endpoints is, or carries on error. */
final class Outcomes {
  static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

  private Outcomes() {}

  static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String text) {
    return respond(status, List.of(issue("error", code, text, null, null)));
  }

  static ResponseEntity<Map<String, Object>> respond(
      HttpStatus status, List<Map<String, Object>> issues) {
    Map<String, Object> outcome = new LinkedHashMap<>();
    outcome.put("resourceType", "OperationOutcome");
    outcome.put("issue", new ArrayList<>(issues));
    return ResponseEntity.status(status).contentType(FHIR_JSON).body(outcome);
  }

  /**
   * @param location a FHIRPath expression, or {@code null}
   * @param linkId the Questionnaire item concerned (not FHIR: for the form), or {@code null}
   */
  static Map<String, Object> issue(
      String severity, String code, String diagnostics, String location, String linkId) {
    Map<String, Object> issue = new LinkedHashMap<>();
    issue.put("severity", severity);
    issue.put("code", code);
    issue.put("diagnostics", diagnostics);
    if (location != null) {
      issue.put("expression", List.of(location));
      issue.put("location", List.of(location));
    }
    if (linkId != null) {
      issue.put("linkId", linkId);
    }
    return issue;
  }
}
