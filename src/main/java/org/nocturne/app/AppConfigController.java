package org.nocturne.app;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the app in the browser needs before its SMART launch: its client id, the scopes it asks for,
 * the FHIR servers it may launch against, and where our Questionnaire and endpoints are.
 */
@RestController
@ConditionalOnBooleanProperty("nocturne.app.enabled")
class AppConfigController {
  /** The scopes of issue 17, verbatim: read the record, read and write the answers. */
  static final String DATA_SCOPES =
      "patient/Patient.rs patient/Condition.rs patient/Observation.rs"
          + " patient/MedicationRequest.rs patient/QuestionnaireResponse.cru";

  static final String EHR_SCOPE = "launch openid fhirUser " + DATA_SCOPES;
  static final String STANDALONE_SCOPE = "launch/patient openid fhirUser " + DATA_SCOPES;
  static final String QUESTIONNAIRE =
      "http://nocturne-cds.org/fhir/Questionnaire/nocturnal-leg-pain";
  static final String QUESTIONNAIRE_VERSION = "1.1.0";
  static final String VALIDATE_PATH = "/app/api/questionnaire-responses/validate";
  static final String ASSESSMENT_PATH = "/app/api/assessment";

  private final AppProperties properties;

  AppConfigController(AppProperties properties) {
    this.properties = properties;
  }

  @GetMapping(value = "/app/config.json", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> config() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("clientId", properties.clientId());
    config.put("scope", EHR_SCOPE);
    config.put("standaloneScope", STANDALONE_SCOPE);
    config.put("redirectPath", "/app/");
    config.put("launchPath", AppProperties.LAUNCH_PATH);
    config.put("allowedIssuers", properties.allowedIssuers());
    config.put(
        "questionnaire",
        Map.of(
            "canonical",
            QUESTIONNAIRE,
            "version",
            QUESTIONNAIRE_VERSION,
            "url",
            "/fhir/Questionnaire/nocturnal-leg-pain"));
    config.put("endpoints", Map.of("validate", VALIDATE_PATH, "assessment", ASSESSMENT_PATH));
    return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(config);
  }
}
