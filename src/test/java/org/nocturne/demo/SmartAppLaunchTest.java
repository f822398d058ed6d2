package org.nocturne.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nocturne.LocalAppTest;
import org.nocturne.cdshooks.CdsJson;
import tools.jackson.databind.JsonNode;

/**
 * The demo EHR as the app's SMART authorization server, over real HTTP: discovery, the chart's
 * launch context, authorize with PKCE S256, the token response, and the FHIR server's token checks.
 */
@LocalAppTest
class SmartAppLaunchTest {
  private static final int PORT = LocalAppTest.PORT;
  private final SmartFlow smart = new SmartFlow(PORT);

  @Test
  void theSmartConfigurationNamesTheEndpointsAndRequiresS256() {
    HttpResponse<String> response = smart.get("/demo/fhir/.well-known/smart-configuration");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode config = CdsJson.mapper().readTree(response.body());
    String origin = "http://127.0.0.1:" + PORT;
    assertThat(config.path("authorization_endpoint").asString())
        .isEqualTo(origin + "/demo/auth/authorize");
    assertThat(config.path("token_endpoint").asString()).isEqualTo(origin + "/demo/auth/token");
    assertThat(config.path("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
    assertThat(config.path("capabilities").toString())
        .contains(
            "launch-ehr",
            "launch-standalone",
            "client-public",
            "context-ehr-patient",
            "context-standalone-patient",
            "permission-v2");
  }

  @Test
  void theCapabilityStatementDeclaresSmartOnFhirWithItsOauthEndpoints() {
    HttpResponse<String> metadata = smart.fhir("GET", "/metadata", null, null);

    assertThat(metadata.statusCode()).isEqualTo(200);
    assertThat(metadata.body())
        .contains("SMART-on-FHIR")
        .contains(SmartCapabilities.OAUTH_URIS)
        .contains("http://127.0.0.1:" + PORT + "/demo/auth/token");
  }

  @Test
  void anEhrLaunchGivesATokenForTheChartsPatientWithTheCardsAppContext() {
    JsonNode token = smart.tokenFor("demo-rls", "{\"view\":\"assessment\"}");

    assertThat(token.path("patient").asString()).isEqualTo("demo-rls");
    assertThat(token.path("appContext").asString()).isEqualTo("{\"view\":\"assessment\"}");
    assertThat(token.path("scope").asString()).isEqualTo(SmartFlow.SCOPE);
    assertThat(token.path("token_type").asString()).isEqualTo("Bearer");
    assertThat(token.path("expires_in").asInt()).isPositive();
    assertThat(token.path("id_token").asString()).isNotEmpty();
  }

  @Test
  void theStateComesBackWithTheCode() {
    Map<String, String> back =
        SmartFlow.redirectParameters(
            smart.authorize(smart.authorizeParameters(smart.launch("demo-rls", null))));
    assertThat(back).containsEntry("state", "state-123").containsKey("code");
  }

  @Test
  void withoutPkceOrWithPlainPkceTheAppGetsAnErrorRedirect() {
    var missing = smart.authorizeParameters(smart.launch("demo-rls", null));
    missing.remove("code_challenge");
    missing.remove("code_challenge_method");
    var plain = smart.authorizeParameters(smart.launch("demo-rls", null));
    plain.put("code_challenge_method", "plain");
    plain.put("code_challenge", SmartFlow.VERIFIER);

    for (var parameters : List.of(missing, plain)) {
      HttpResponse<String> response = smart.authorize(parameters);
      assertThat(response.statusCode()).isEqualTo(302);
      assertThat(SmartFlow.redirectParameters(response))
          .containsEntry("error", "invalid_request")
          .containsEntry("state", "state-123")
          .doesNotContainKey("code");
    }
  }

  @Test
  void aWrongVerifierAndASecondUseOfTheCodeAreRefused() {
    String code =
        SmartFlow.redirectParameters(
                smart.authorize(smart.authorizeParameters(smart.launch("demo-rls", null))))
            .get("code");

    assertThat(smart.token(code, "y".repeat(60)).statusCode()).isEqualTo(400);
    // the failed try used the code up
    assertThat(smart.token(code, SmartFlow.VERIFIER).body()).contains("invalid_grant");
  }

  @Test
  void anUnregisteredRedirectUriGetsAnErrorPageNotARedirect() {
    var parameters = smart.authorizeParameters(smart.launch("demo-rls", null));
    parameters.put("redirect_uri", "http://127.0.0.1:" + PORT + "/app/elsewhere");

    HttpResponse<String> response = smart.authorize(parameters);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Location")).isEmpty();
    assertThat(response.body()).contains("Unregistered redirect URI");
  }

  @Test
  void anAudienceOtherThanTheFhirBaseOrAnUnknownLaunchIsRefused() {
    var wrongAud = smart.authorizeParameters(smart.launch("demo-rls", null));
    wrongAud.put("aud", "https://elsewhere.example/fhir");
    var unknownLaunch = smart.authorizeParameters("no-such-launch");

    assertThat(SmartFlow.redirectParameters(smart.authorize(wrongAud)))
        .containsEntry("error", "invalid_request");
    assertThat(SmartFlow.redirectParameters(smart.authorize(unknownLaunch)))
        .containsEntry("error", "invalid_request");
  }

  @Test
  void aStandaloneLaunchShowsAPatientPickerThenIssuesACodeForThePatientChosen() {
    var parameters = smart.authorizeParameters(null);
    parameters.remove("launch");
    parameters.put("scope", SmartFlow.SCOPE.replace("launch ", "launch/patient "));

    HttpResponse<String> picker = smart.authorize(parameters);
    assertThat(picker.statusCode()).isEqualTo(200);
    assertThat(picker.body()).contains("Choose a patient").contains("demo_patient=demo-rls");

    parameters.put("demo_patient", "demo-rls");
    String code = SmartFlow.redirectParameters(smart.authorize(parameters)).get("code");
    JsonNode token = CdsJson.mapper().readTree(smart.token(code, SmartFlow.VERIFIER).body());
    assertThat(token.path("patient").asString()).isEqualTo("demo-rls");
    assertThat(token.has("appContext")).isFalse();
  }

  @Test
  void theTokenOpensItsPatientsRecordAndNoOtherPatients() {
    String token = smart.tokenFor("demo-rls", null).path("access_token").asString();

    assertThat(smart.fhir("GET", "/Patient/demo-rls", token, null).statusCode()).isEqualTo(200);
    assertThat(smart.fhir("GET", "/Condition?patient=demo-rls", token, null).statusCode())
        .isEqualTo(200);
    assertThat(smart.fhir("GET", "/Patient/demo-pad", token, null).statusCode()).isEqualTo(403);
    assertThat(smart.fhir("GET", "/Condition?patient=demo-pad", token, null).statusCode())
        .isEqualTo(403);
    // the scopes grant no write of a Condition, and no delete at all
    assertThat(
            smart
                .fhir(
                    "POST",
                    "/Condition",
                    token,
                    "{\"resourceType\":\"Condition\",\"subject\":{\"reference\":\"Patient/demo-rls\"}}")
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void theAppCreatesUpdatesAndReadsItsPatientsQuestionnaireResponsesButCannotSearchThem() {
    String token = smart.tokenFor("demo-neuropathy", null).path("access_token").asString();
    String response =
        "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"in-progress\","
            + "\"questionnaire\":\"http://nocturne-cds.org/fhir/Questionnaire/nocturnal-leg-pain\","
            + "\"subject\":{\"reference\":\"Patient/demo-neuropathy\"},\"authored\":\"2026-11-27\"}";

    HttpResponse<String> created = smart.fhir("POST", "/QuestionnaireResponse", token, response);
    assertThat(created.statusCode()).isEqualTo(201);
    String id = CdsJson.mapper().readTree(created.body()).path("id").asString();
    HttpResponse<String> updated =
        smart.fhir(
            "PUT",
            "/QuestionnaireResponse/" + id,
            token,
            response
                .replace("in-progress", "completed")
                .replace("{\"resourceType\"", "{\"id\":\"" + id + "\",\"resourceType\""));
    assertThat(updated.statusCode()).isEqualTo(200);
    HttpResponse<String> read = smart.fhir("GET", "/QuestionnaireResponse/" + id, token, null);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).contains("completed");
    // .cru grants no search (SMART v2: "s"): the app reads its response by id
    assertThat(
            smart
                .fhir("GET", "/QuestionnaireResponse?patient=demo-neuropathy", token, null)
                .statusCode())
        .isEqualTo(403);
    // another patient's answers cannot be written with this token
    assertThat(
            smart
                .fhir(
                    "POST",
                    "/QuestionnaireResponse",
                    token,
                    response.replace("demo-neuropathy", "demo-pad"))
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void aRevokedOrUnknownTokenGets401WithAnOperationOutcome() {
    String token = smart.tokenFor("demo-rls", null).path("access_token").asString();
    assertThat(smart.revoke(token).statusCode()).isEqualTo(200);

    for (String refused : List.of(token, "not-a-token")) {
      HttpResponse<String> response = smart.fhir("GET", "/Patient/demo-rls", refused, null);
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.body()).contains("OperationOutcome");
      assertThat(response.headers().firstValue("WWW-Authenticate").orElse(""))
          .contains("invalid_token");
    }
  }

  @Test
  void anAppOnTheOtherLoopbackOriginMayCallTheFhirServerAndTheTokenEndpoint() {
    String app = "http://localhost:" + PORT;
    HttpResponse<String> preflight =
        smart.fromOrigin(
            "OPTIONS",
            "/demo/fhir/QuestionnaireResponse",
            app,
            Map.of(
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type"));
    HttpResponse<String> discovery =
        smart.fromOrigin("GET", "/demo/fhir/.well-known/smart-configuration", app, Map.of());
    HttpResponse<String> token =
        smart.fromOrigin(
            "OPTIONS", "/demo/auth/token", app, Map.of("Access-Control-Request-Method", "POST"));

    assertThat(preflight.statusCode()).as("no 401 for a preflight").isEqualTo(200);
    for (HttpResponse<String> response : List.of(preflight, discovery, token)) {
      assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
          .as("%s %s", response.request().uri(), response.headers().map())
          .contains(app);
    }
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse(""))
        .containsIgnoringCase("authorization");
  }

  @Test
  void anOriginElsewhereGetsNoCorsHeaders() {
    HttpResponse<String> response =
        smart.fromOrigin(
            "GET", "/demo/fhir/.well-known/smart-configuration", "https://evil.example", Map.of());
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void aSearchWithoutAVersionFindsAnswersToAVersionedCanonical() {
    String response =
        "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\","
            + "\"questionnaire\":\"http://nocturne-cds.org/fhir/Questionnaire/nocturnal-leg-pain|1.1.0\","
            + "\"subject\":{\"reference\":\"Patient/demo-sciatica\"},\"authored\":\"2026-11-27\"}";
    String id =
        CdsJson.mapper()
            .readTree(smart.fhir("POST", "/QuestionnaireResponse", null, response).body())
            .path("id")
            .asString();
    String q = "/QuestionnaireResponse?patient=demo-sciatica&questionnaire=";

    assertThat(ids(q + "http://nocturne-cds.org/fhir/Questionnaire/nocturnal-leg-pain"))
        .contains(id);
    assertThat(ids(q + "http://nocturne-cds.org/fhir/Questionnaire/nocturnal-leg-pain%7C1.0.0"))
        .doesNotContain(id);
  }

  private List<String> ids(String search) {
    List<String> ids = new ArrayList<>();
    for (JsonNode entry :
        CdsJson.mapper().readTree(smart.fhir("GET", search, null, null).body()).path("entry")) {
      ids.add(entry.path("resource").path("id").asString());
    }
    return ids;
  }

  @Test
  void theChartWithoutATokenStillReadsEveryPatient() {
    assertThat(smart.fhir("GET", "/Patient/demo-pad", null, null).statusCode()).isEqualTo(200);
  }
}
