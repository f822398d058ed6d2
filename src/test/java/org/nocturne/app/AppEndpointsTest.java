package org.nocturne.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.nocturne.LocalApp.freePort;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nocturne.LocalApp;
import org.nocturne.LocalServer;
import org.nocturne.cdshooks.CdsJson;
import org.nocturne.demo.SmartFlow;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The questionnaire app's server side over real HTTP, in the {@code local} profile: its
 * configuration, validation of the answers, and the full assessment fetched from the demo EHR with
 * a token from the demo's SMART authorization server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("local")
@ExtendWith(OutputCaptureExtension.class)
class AppEndpointsTest {
  private static final int PORT = freePort();
  private static final int DEAD_PORT = freePort();
  private static final WireMockServer SLOW =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());
  private static final String DEMO = "http://127.0.0.1:" + PORT + "/demo/fhir";
  private static final String DEAD = "http://127.0.0.1:" + DEAD_PORT + "/fhir";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    SLOW.start();
    LocalApp.onPort(registry, PORT, "app-endpoints");
    registry.add("nocturne.app.allowed-issuers[0]", () -> DEMO);
    registry.add("nocturne.app.allowed-issuers[1]", () -> DEAD);
    registry.add("nocturne.app.allowed-issuers[2]", () -> SLOW.baseUrl() + "/fhir/");
    // every request logged in detail: the token must still not appear
    registry.add("logging.level.org.nocturne", () -> "DEBUG");
    registry.add("logging.level.org.springframework.web", () -> "DEBUG");
  }

  @BeforeAll
  static void slowServer() {
    SLOW.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(5000)));
  }

  @AfterAll
  static void stop() {
    SLOW.stop();
  }

  private final LocalServer server = new LocalServer(PORT);
  private final SmartFlow smart = new SmartFlow(PORT);
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theConfigurationNamesTheClientTheIssuesScopesAndTheQuestionnaire() throws Exception {
    HttpResponse<String> response = server.get("/app/config.json");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode config = CdsJson.mapper().readTree(response.body());
    assertThat(config.path("clientId").asString()).isEqualTo("nocturne-questionnaire");
    assertThat(config.path("scope").asString())
        .isEqualTo(
            "launch openid fhirUser patient/Patient.rs patient/Condition.rs"
                + " patient/Observation.rs patient/MedicationRequest.rs"
                + " patient/QuestionnaireResponse.cru");
    assertThat(config.path("allowedIssuers").toString()).contains(DEMO);
    JsonNode questionnaire =
        CdsJson.mapper()
            .readTree(
                Files.readString(Path.of("fhir-profiles/Questionnaire-nocturnal-leg-pain.json")));
    assertThat(config.path("questionnaire").path("canonical").asString())
        .isEqualTo(questionnaire.path("url").asString());
    assertThat(config.path("questionnaire").path("version").asString())
        .isEqualTo(questionnaire.path("version").asString());
    assertThat(server.get(config.path("questionnaire").path("url").asString()).statusCode())
        .isEqualTo(200);
  }

  // validate

  private static ObjectNode example() throws Exception {
    ObjectNode response =
        (ObjectNode)
            CdsJson.mapper()
                .readTree(
                    Files.readString(
                        Path.of("fhir-profiles/examples/QuestionnaireResponse-example.json")));
    // answered in a launch for a demo patient: the validator asks the demo EHR about the token
    response.putObject("subject").put("reference", "Patient/demo-rls");
    return response;
  }

  private String rlsToken;

  private HttpResponse<String> validate(String body) {
    if (rlsToken == null) {
      rlsToken = smart.tokenFor("demo-rls", null).path("access_token").asString();
    }
    return validate(body, rlsToken, DEMO);
  }

  private HttpResponse<String> validate(String body, String token, String fhirServer) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.base() + AppConfigController.VALIDATE_PATH))
            .header("Content-Type", "application/fhir+json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (fhirServer != null) {
      request.header(ValidateController.FHIR_SERVER_HEADER, fhirServer);
    }
    return server.send(request.build());
  }

  @Test
  void validatingNeedsTheAppsTokenForTheAnswersPatientFromARegisteredServer() throws Exception {
    String body = example().toString();
    String padToken = smart.tokenFor("demo-pad", null).path("access_token").asString();
    String revoked = smart.tokenFor("demo-rls", null).path("access_token").asString();
    smart.revoke(revoked);

    assertThat(validate(body, null, DEMO).statusCode()).isEqualTo(401);
    assertThat(validate(body, revoked, DEMO).statusCode()).isEqualTo(401);
    assertThat(validate(body, padToken, DEMO).statusCode()).isEqualTo(403);
    assertThat(validate(body, padToken, null).statusCode()).isEqualTo(403);
    assertThat(validate(body, padToken, "https://elsewhere.example/fhir").statusCode())
        .isEqualTo(403);
    assertThat(validate(body).statusCode()).isEqualTo(200);
  }

  @Test
  void aNumberWithAHugeExponentIsRefusedBeforeHapiBuildsIt() throws Exception {
    for (String number : List.of("1e999999999", "-1E+999999999", "1e-999999999", "9e308")) {
      ObjectNode response = example();
      String body =
          response
              .toString()
              .replaceFirst("\\{\"valueInteger\":\\s*\\d+\\}", "{\"valueDecimal\":" + number + "}");
      assertThat(body).contains(number);

      HttpResponse<String> answer = validate(body);

      assertThat(answer.statusCode()).as(number + ": " + answer.body()).isEqualTo(400);
    }
    assertThat(validate(example().toString()).statusCode()).isEqualTo(200);
  }

  @Test
  void answersDeeperOrLongerThanAQuestionnaireAreRefused() throws Exception {
    String deep =
        "{\"resourceType\":\"QuestionnaireResponse\",\"subject\":{\"reference\":\"Patient/demo-rls\"},"
            + "\"item\":"
            + "[{\"item\":".repeat(150)
            + "[]"
            + "}]".repeat(150)
            + "}";
    StringBuilder many =
        new StringBuilder(
            "{\"resourceType\":\"QuestionnaireResponse\",\"subject\":{\"reference\":\"Patient/demo-rls\"},\"item\":[");
    for (int i = 0; i < 10_000; i++) {
      many.append(i == 0 ? "" : ",").append("{\"linkId\":\"x\"}");
    }
    many.append("]}");

    assertThat(validate(deep).statusCode()).isEqualTo(400);
    assertThat(validate(many.toString()).statusCode()).isEqualTo(400);
  }

  @Test
  void aCompleteResponseIsValid() throws Exception {
    HttpResponse<String> response = validate(example().toString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"severity\":\"information\"")
        .doesNotContain("\"error\"");
  }

  @Test
  void aCompletedResponseWithoutARequiredAnswerIsRefusedNamingTheItem() throws Exception {
    ObjectNode response = example();
    // drop the answer to "swelling", a required item of the warning-signs group
    for (JsonNode group : response.path("item")) {
      if (group.path("linkId").asString().equals("warning-signs")) {
        var items = (ArrayNode) group.path("item");
        for (int i = items.size() - 1; i >= 0; i--) {
          if (items.get(i).path("linkId").asString().equals("swelling")) {
            items.remove(i);
          }
        }
      }
    }

    HttpResponse<String> answer = validate(response.toString());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
    assertThat(answer.body())
        .contains("\"linkId\":\"swelling\"")
        .contains("\"severity\":\"error\"");
    // the same answers, still in progress, may lack it
    response.put("status", "in-progress");
    assertThat(validate(response.toString()).statusCode()).isEqualTo(200);
  }

  @Test
  void anAnswerOfTheWrongTypeIsLocated() throws Exception {
    ObjectNode response = example();
    ObjectNode pain = (ObjectNode) response.path("item").get(0);
    ObjectNode item = (ObjectNode) pain.path("item").get(0);
    ((ObjectNode) item.path("answer").get(0)).removeAll().put("valueBoolean", true);

    HttpResponse<String> answer = validate(response.toString());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
    assertThat(answer.body()).contains("\"linkId\":\"" + item.path("linkId").asString() + "\"");
    assertThat(answer.body()).contains("\"expression\":[\"QuestionnaireResponse.item[0]");
  }

  @Test
  void anotherResourceOrNoJsonIsABadRequest() {
    HttpResponse<String> patient = validate("{\"resourceType\":\"Patient\",\"id\":\"p\"}");
    HttpResponse<String> garbage = validate("{not json");

    assertThat(patient.statusCode()).isEqualTo(400);
    assertThat(patient.body()).contains("OperationOutcome").contains("Patient");
    assertThat(garbage.statusCode()).isEqualTo(400);
    assertThat(garbage.body()).contains("OperationOutcome");
  }

  @Test
  void anOversizedBodyIsRefused() {
    String big =
        "{\"resourceType\":\"QuestionnaireResponse\",\"text\":\"" + "x".repeat(300_000) + "\"}";
    assertThat(validate(big).statusCode()).isEqualTo(413);
  }

  // assessment

  private HttpResponse<String> assess(String token, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/app/api/assessment"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String body(String fhirServer, String patient, String answers) {
    return "{\"fhirServer\":\""
        + fhirServer
        + "\",\"patient\":\""
        + patient
        + "\""
        + (answers == null ? "" : ",\"questionnaireResponse\":\"" + answers + "\"")
        + "}";
  }

  @Test
  void theAssessmentRanksTheCausesWithEveryFindingFromTheAnswersTheAppWrote(CapturedOutput output)
      throws Exception {
    String token = smart.tokenFor("demo-rls", null).path("access_token").asString();

    HttpResponse<String> response = assess(token, body(DEMO, "demo-rls", "demo-rls-qr-pat-rls"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode view = CdsJson.mapper().readTree(response.body());
    assertThat(view.path("questionnaire").path("status").asString()).isEqualTo("current");
    JsonNode first = view.path("causes").get(0);
    assertThat(first.path("code").asString()).isEqualTo("restless-legs");
    assertThat(view.path("causes")).hasSize(7);
    assertThat(first.path("supporting").size()).isPositive();
    JsonNode finding = first.path("supporting").get(0);
    assertThat(finding.path("basis").asString()).isNotEmpty();
    assertThat(finding.path("evidence").toString()).contains("QuestionnaireResponse/");
    assertThat(response.body()).contains("\"guidelines\":[{\"");
    // the knowledge file's evidence tags are for its maintainers, not for the reader
    assertThat(response.body()).doesNotContain("[V]", "[V-weak]", "[M]");
    assertThat(view.path("nextSteps").isArray()).isTrue();
    assertThat(view.path("missing").isArray()).isTrue();
    assertThat(output.getAll()).doesNotContain(token);
  }

  @Test
  void aFindingJudgedAgainstAThresholdShowsTheThresholdAndItsGuideline() throws Exception {
    String token = smart.tokenFor("demo-clti", null).path("access_token").asString();

    HttpResponse<String> response = assess(token, body(DEMO, "demo-clti", "demo-clti-qr-pat-clti"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode view = CdsJson.mapper().readTree(response.body());
    // ABI 0.62 left: judged against the ABI cut-off of 0.90
    JsonNode abi = null;
    for (JsonNode threshold : view.path("thresholds")) {
      if (threshold.path("key").asString().equals("abi-abnormal-max")) {
        abi = threshold;
      }
    }
    assertThat(abi).as("thresholds %s", view.path("thresholds")).isNotNull();
    assertThat(abi.path("value").asDouble()).isEqualTo(0.9);
    assertThat(abi.path("guidelines").get(0).path("url").asString()).startsWith("https://");
    assertThat(view.path("redFlags").toString()).contains("chronic-limb-threatening-ischemia");
  }

  @Test
  void withoutTheAnswersIdTheRefusedSearchIsNamedAsMissing() throws Exception {
    String token = smart.tokenFor("demo-rls", null).path("access_token").asString();

    HttpResponse<String> response = assess(token, body(DEMO, "demo-rls", null));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode view = CdsJson.mapper().readTree(response.body());
    assertThat(view.path("questionnaire").path("status").asString()).isEqualTo("none");
    assertThat(view.path("missing").toString()).contains("could not be read");
  }

  @Test
  void aFhirServerTheAppIsNotRegisteredWithIsForbidden() throws Exception {
    HttpResponse<String> response =
        assess("some-token", body("https://elsewhere.example/fhir", "demo-rls", null));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("OperationOutcome").contains("forbidden");
  }

  @Test
  void noTokenOrARevokedTokenIs401(CapturedOutput output) throws Exception {
    String token = smart.tokenFor("demo-rls", null).path("access_token").asString();
    smart.revoke(token);

    HttpResponse<String> revoked = assess(token, body(DEMO, "demo-rls", null));
    HttpResponse<String> none = assess(null, body(DEMO, "demo-rls", null));

    assertThat(revoked.statusCode()).isEqualTo(401);
    assertThat(revoked.body()).contains("launch the app again");
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(output.getAll()).contains("the patient could not be fetched").doesNotContain(token);
  }

  @Test
  void anotherPatientThanTheTokensIsForbidden() throws Exception {
    String token = smart.tokenFor("demo-rls", null).path("access_token").asString();

    assertThat(assess(token, body(DEMO, "demo-pad", null)).statusCode()).isEqualTo(403);
  }

  @Test
  void aFhirServerThatIsDownIs502AndOneThatHangsIs504() throws Exception {
    HttpResponse<String> down = assess("t", body(DEAD, "demo-rls", null));
    HttpResponse<String> hangs = assess("t", body(SLOW.baseUrl() + "/fhir", "demo-rls", null));

    assertThat(down.statusCode()).isEqualTo(502);
    assertThat(down.body()).contains("could not be reached");
    assertThat(hangs.statusCode()).isEqualTo(504);
  }

  @Test
  void badRequestsAre400NotServerErrors() throws Exception {
    for (String bad :
        List.of(
            "{",
            "[]",
            "{\"fhirServer\":\"" + DEMO + "\"}",
            body(DEMO, "bad id!", null),
            body(DEMO, "demo-rls", "../x"))) {
      assertThat(assess("t", bad).statusCode()).as(bad).isEqualTo(400);
    }
  }
}
