package org.nocturne.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nocturne.LocalAppTest;
import org.nocturne.LocalServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The protocol over real HTTP in the whole application: statuses, error bodies, metrics, health and
 * the local profile's host and origin checks. The edge Spring MVC and the body limits answer alone
 * (405, 406, 413, 415) is {@link CdsHooksProtocolTest}'s, in a web slice.
 */
@LocalAppTest
class CdsHooksEndpointsTest {
  private static final String SERVICE = "/cds-services/nocturnal-leg-pain";
  private static final String MINIMAL =
      """
      {"hook":"patient-view","hookInstance":"h-1",
       "context":{"userId":"Practitioner/u1","patientId":"p1"},
       "prefetch":{"patient":{"resourceType":"Patient","id":"p1"}}}""";

  @LocalServerPort int port;
  @Autowired FeedbackStore feedbackStore;
  @Autowired MeterRegistry meters;
  LocalServer server;

  @BeforeEach
  void connect() {
    server = new LocalServer(port);
  }

  private static void assertOperationOutcome(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(response.body())
        .contains("\"resourceType\":\"OperationOutcome\"")
        .contains("\"severity\":\"error\"");
  }

  @Test
  void discoveryServesTheDiscoveryFileByteForByte() throws Exception {
    var response = server.get("/cds-services");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(Files.readString(Path.of("hooks/discovery.json")));
  }

  @Test
  void aValidCallWithNoGuidanceAnswersAnEmptyCardArray() {
    String benignOrder =
        """
        {"hook":"order-sign","hookInstance":"h-2",
         "context":{"userId":"Practitioner/u1","patientId":"p1","draftOrders":{"resourceType":"Bundle","type":"collection",
           "entry":[{"resource":{"resourceType":"MedicationRequest","id":"m1","status":"draft","intent":"order",
             "medicationCodeableConcept":{"text":"Metformin 500 mg"}}}]}},
         "prefetch":{"patient":{"resourceType":"Patient","id":"p1"},"conditions":null,"observations":null,
                     "medications":null,"questionnaireResponse":null}}""";

    var response = server.postJson("/cds-services/nocturnal-leg-pain-order-sign", benignOrder);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"cards\":[]}");
  }

  @Test
  void aChartOpenedWithoutACurrentComplaintAnswersNoCards() {
    String noData =
        """
        {"hook":"patient-view","hookInstance":"h-1",
         "context":{"userId":"Practitioner/u1","patientId":"p1"},
         "prefetch":{"patient":{"resourceType":"Patient","id":"p1"},"conditions":null,
                     "observations":null,"medications":null,"questionnaireResponse":null}}""";

    var response = server.postJson(SERVICE, noData);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"cards\":[]}");
  }

  /** Issue 12.4: when data could not be had, one info card says what and why. */
  @Test
  void aNumberNoValueHasIsRefusedBeforeHapiReadsTheRecord() {
    String call =
        MINIMAL.replace(
            "\"id\":\"p1\"}",
            "\"id\":\"p1\",\"extension\":[{\"url\":\"http://x\",\"valueDecimal\":%s}]}");

    var huge = server.postJson(SERVICE, String.format(call, "1e999999999"));
    var tiny = server.postJson(SERVICE, String.format(call, "-1E-999999999"));
    var fine = server.postJson(SERVICE, String.format(call, "1.5"));

    assertOperationOutcome(huge, 400);
    assertOperationOutcome(tiny, 400);
    assertThat(fine.statusCode()).isEqualTo(200);
  }

  @Test
  void aFhirServerWithAQueryIsABadRequest() {
    String call =
        MINIMAL.replace(
            "\"hook\":\"patient-view\",",
            "\"hook\":\"patient-view\",\"fhirServer\":\"https://ehr.example.org/fhir?x=\",");

    assertOperationOutcome(server.postJson(SERVICE, call), 400);
  }

  @Test
  void aChartWhoseKeysTheEhrDoesNotSendAndWithNoFhirServerStaysSilent() {
    // how that EHR is set up, the same on every chart: a card saying so each time is noise
    var response = server.postJson(SERVICE, MINIMAL);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"cards\":[]}");
  }

  @Test
  void aChartWhoseRecordCouldNotBeReadSaysWhatWasNotRead() {
    String call =
        """
        {"hook":"patient-view","hookInstance":"h-2",
         "context":{"userId":"Practitioner/u1","patientId":"p1"},
         "prefetch":{"patient":{"resourceType":"Patient","id":"p1"},
          "conditions":{"resourceType":"OperationOutcome","issue":[{"severity":"error",
           "code":"exception"}]}}}""";

    var response = server.postJson(SERVICE, call);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"indicator\":\"info\"")
        .contains("\"code\":\"dataUnavailable\"")
        .contains("Not read from the record: conditions (the EHR could not fetch it)");
  }

  @Test
  void aLegPainDiagnosisRecordedTodayWithoutAQuestionnaireAsksForIt() {
    String call =
        """
        {"hook":"patient-view","hookInstance":"h-1",
         "context":{"userId":"Practitioner/u1","patientId":"p1"},
         "prefetch":{"patient":{"resourceType":"Patient","id":"p1"},
          "conditions":{"resourceType":"Bundle","type":"searchset","entry":[{"resource":
           {"resourceType":"Condition","id":"c1","recordedDate":"%s",
            "code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"G47.62"}]},
            "subject":{"reference":"Patient/p1"}}}]}}}"""
            .formatted(LocalDate.now(ZoneOffset.UTC));

    var response = server.postJson(SERVICE, call);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"code\":\"questionnaireNeeded\"");
  }

  @Test
  void malformedJsonIsA400ThatDoesNotEchoTheBody() {
    var response =
        server.postJson(SERVICE, "{\"hook\":\"patient-view\",\"context\":{\"name\":\"Jane Smith");

    assertOperationOutcome(response, 400);
    assertThat(response.body()).doesNotContain("Smith");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "null",
        "[]",
        "42",
        "{}",
        "{\"hook\":\"order-sign\",\"hookInstance\":\"h\",\"context\":{\"userId\":\"Practitioner/u\",\"patientId\":\"p\"}}",
        "{\"hook\":\"patient-view\",\"context\":{\"userId\":\"Practitioner/u\",\"patientId\":\"p\"}}",
        "{\"hook\":\"patient-view\",\"hookInstance\":\"h\"}",
        "{\"hook\":\"patient-view\",\"hookInstance\":\"h\",\"context\":[]}",
        "{\"hook\":\"patient-view\",\"hookInstance\":\"h\",\"context\":{\"userId\":\"Practitioner/u\"}}",
        "{\"hook\":\"patient-view\",\"hookInstance\":\"h\",\"context\":{\"userId\":\"Practitioner/u\",\"patientId\":7}}",
        "{\"hook\":\"patient-view\",\"hookInstance\":\"h\",\"context\":{\"userId\":\"Practitioner/u\",\"patientId\":\"p\"},\"fhirAuthorization\":{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"s\",\"subject\":\"c\"}}",
        "{\"hook\":\"patient-view\",\"hookInstance\":\"h\",\"fhirServer\":\"not a url\",\"context\":{\"userId\":\"Practitioner/u\",\"patientId\":\"p\"}}",
        "{\"hook\":\"patient-view\",\"hookInstance\":\"h\",\"context\":{\"userId\":\"Practitioner/u\",\"patientId\":\"p\"},\"prefetch\":[]}",
        "{\"hook\":\"patient-view\",\"hookInstance\":\"h\",\"context\":{\"userId\":\"Practitioner/u\",\"patientId\":\"p\"}} trailing"
      })
  void invalidRequestsAreA400(String body) {
    assertOperationOutcome(server.postJson(SERVICE, body), 400);
  }

  /** Not a protocol error: the patient key holds no Patient, so the patient cannot be had. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"Patient/p\"",
        "{\"resourceType\":\"Observation\"}",
        "{\"resourceType\":\"Smith-John-MRN-0042\"}"
      })
  void aPatientKeyThatHoldsNoPatientIsA412(String patient) {
    String call =
        "{\"hook\":\"patient-view\",\"hookInstance\":\"h\",\"context\":{\"userId\":\"Practitioner/u\",\"patientId\":\"p\"},\"prefetch\":{\"patient\":"
            + patient
            + "}}";
    var response = server.postJson(SERVICE, call);
    assertOperationOutcome(response, 412);
    assertThat(response.body()).doesNotContain("Smith");
  }

  @Test
  void orderHooksNeedTheirDraftOrdersAndSelections() {
    String noSelections =
        """
        {"hook":"order-select","hookInstance":"h","context":{"userId":"Practitioner/u","patientId":"p",
         "draftOrders":{"resourceType":"Bundle","type":"collection"}}}""";
    String noDraftOrders =
        """
        {"hook":"order-sign","hookInstance":"h","context":{"userId":"Practitioner/u","patientId":"p"}}""";

    assertOperationOutcome(
        server.postJson("/cds-services/nocturnal-leg-pain-order-select", noSelections), 400);
    assertOperationOutcome(
        server.postJson("/cds-services/nocturnal-leg-pain-order-sign", noDraftOrders), 400);
  }

  @Test
  void anUnknownServiceIsA404() {
    assertOperationOutcome(server.postJson("/cds-services/no-such-service", MINIMAL), 404);
    assertOperationOutcome(server.postJson("/cds-services/no-such-service/feedback", "{}"), 404);
    assertOperationOutcome(server.get("/cds-services/nocturnal-leg-pain/feedback/extra"), 404);
  }

  @Test
  void pathsOutsideCdsHooksKeepSpringsOwnErrorsNotOperationOutcomes() {
    var unknownPage = server.get("/education/no-such-cause");
    var nothing = server.get("/nothing-here");

    assertThat(unknownPage.statusCode()).isEqualTo(404);
    assertThat(unknownPage.body()).doesNotContain("OperationOutcome");
    assertThat(nothing.statusCode()).isEqualTo(404);
    assertThat(nothing.body()).doesNotContain("OperationOutcome");
  }

  @Test
  void anEducationPageVariantLeavesOutTheNamedAdvice_andIgnoresUnknownCodesUnechoed() {
    var plain = server.get("/education/leg-cramps");
    var variant = server.get("/education/leg-cramps?without=hydration,heat");
    var repeated = server.get("/education/leg-cramps?without=hydration&without=heat");
    var unknown = server.get("/education/leg-cramps?without=%3Cscript%3Ealert(1)%3C/script%3E,x");

    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(plain.body()).contains("Drink enough", "A warm bath");
    assertThat(variant.statusCode()).isEqualTo(200);
    assertThat(variant.body())
        .doesNotContain("Drink enough", "A warm bath")
        .contains("Ask them how much to drink", "Do not put a heat pad");
    assertThat(repeated.body()).isEqualTo(variant.body());
    assertThat(unknown.statusCode()).isEqualTo(200);
    assertThat(unknown.body()).isEqualTo(plain.body()).doesNotContain("script", "alert");
  }

  @Test
  void aPatientThatCannotBeHadIsA412() {
    String noPatient =
        MINIMAL.replace(
            ",\n \"prefetch\":{\"patient\":{\"resourceType\":\"Patient\",\"id\":\"p1\"}}", "");

    assertOperationOutcome(server.postJson(SERVICE, noPatient), 412);
  }

  @Test
  void feedbackIsValidatedAndRecorded() {
    // A card id and time of its own: the local store is a file that outlives one test run.
    String card = UUID.randomUUID().toString();
    String feedback =
        """
        {"feedback":[{"card":"%s","outcome":"accepted",
          "acceptedSuggestions":[{"id":"e56e1945-20b3-4393-8503-a1a20fd73152"}],
          "outcomeTimestamp":"%s"}]}"""
            .formatted(card, Instant.now().truncatedTo(ChronoUnit.SECONDS));

    var response = server.postJson(SERVICE + "/feedback", feedback);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(feedbackStore.recent(10))
        .anySatisfy(stored -> assertThat(stored.card()).isEqualTo(card));
    assertOperationOutcome(server.postJson(SERVICE + "/feedback", "{\"feedback\":{}}"), 400);
    assertOperationOutcome(
        server.postJson(SERVICE + "/feedback", "{\"feedback\":[{\"card\":\"c\"}]}"), 400);
  }

  private long calls(String service, String outcome) {
    Timer timer =
        meters
            .find("nocturne.cds.invocations")
            .tags("service", service, "outcome", outcome)
            .timer();
    return timer == null ? 0 : timer.count();
  }

  @Test
  void everyOutcomeIsCountedIncludingCallsRefusedBeforeAController() {
    String id = "nocturnal-leg-pain";
    long ok = calls(id, "ok");
    long notFound = calls("unknown", "404");
    long notAllowed = calls(id, "405");
    long notAcceptable = calls(id, "406");
    long unsupported = calls(id, "415");
    long bad = calls(id, "400");

    server.postJson(SERVICE, MINIMAL);
    server.postJson("/cds-services/no-such-service", MINIMAL);
    server.get(SERVICE);
    server.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + SERVICE))
            .header("Content-Type", "application/json")
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofString(MINIMAL))
            .build());
    server.post(SERVICE, "text/plain", MINIMAL.getBytes(StandardCharsets.UTF_8));
    server.postJson(SERVICE, "{");

    assertThat(calls(id, "ok")).isEqualTo(ok + 1);
    assertThat(calls("unknown", "404")).isEqualTo(notFound + 1);
    assertThat(calls(id, "405")).isEqualTo(notAllowed + 1);
    assertThat(calls(id, "406")).isEqualTo(notAcceptable + 1);
    assertThat(calls(id, "415")).isEqualTo(unsupported + 1);
    assertThat(calls(id, "400")).isEqualTo(bad + 1);
  }

  @Test
  void healthProbesAndMetricsAreExposed() {
    server.postJson(SERVICE, MINIMAL);

    assertThat(server.get("/actuator/health").body()).contains("\"status\":\"UP\"");
    assertThat(server.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    assertThat(server.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    assertThat(server.get("/actuator/metrics/nocturne.cds.invocations").body())
        .contains("\"COUNT\"");
    assertThat(server.get("/actuator/metrics/cache.gets?tag=cache:nocturne.prefetch").statusCode())
        .isEqualTo(200);
    assertThat(server.get("/livez").statusCode()).isEqualTo(200);
    assertThat(server.get("/readyz").statusCode()).isEqualTo(200);
    assertThat(server.get("/actuator/prometheus").body())
        .contains("nocturne_cds_invocations_seconds_bucket{");
  }

  @Test
  void infoNamesTheBuild() {
    assertThat(server.get("/actuator/info").body())
        .contains("\"build\"")
        .contains("\"artifact\":\"nocturne-cds\"")
        .contains("\"version\"");
  }

  // ---- issue 19: each test failed before its fix

  private String rawGet(String host, String path) throws Exception {
    try (var socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void localModeAnswersOnlyLoopbackHostNames() throws Exception {
    assertThat(rawGet("127.0.0.1:" + port, "/cds-services")).startsWith("HTTP/1.1 200");
    assertThat(rawGet("localhost:" + port, "/actuator/health")).startsWith("HTTP/1.1 200");
    assertThat(rawGet("[::1]:" + port, "/cds-services")).startsWith("HTTP/1.1 200");
    assertThat(rawGet("evil.example:" + port, "/cds-services")).startsWith("HTTP/1.1 403");
    assertThat(rawGet("127.0.0.1.evil.example", "/actuator/health")).startsWith("HTTP/1.1 403");
  }

  @Test
  void localModeAllowsOnlyLoopbackOrigins() {
    Function<String, HttpResponse<String>> from =
        origin ->
            server.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/cds-services"))
                    .header("Origin", origin)
                    .GET()
                    .build());

    assertThat(
            from.apply("http://localhost:3000").headers().firstValue("Access-Control-Allow-Origin"))
        .contains("http://localhost:3000");
    assertThat(
            from.apply("http://127.0.0.1:8080").headers().firstValue("Access-Control-Allow-Origin"))
        .contains("http://127.0.0.1:8080");
    for (String foreign :
        List.of("https://evil.example", "null", "http://localhost.evil.example")) {
      var response = from.apply(foreign);
      assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
          .as(foreign)
          .isEmpty();
      assertThat(response.statusCode()).as(foreign).isEqualTo(403);
    }
  }

  @Test
  void errorsRepeatNeitherRequestValuesNorClassNames() {
    String badType =
        "{\"hook\":\"patient-view\",\"hookInstance\":\"h\",\"fhirServer\":\"http://127.0.0.1:1/fhir\","
            + "\"fhirAuthorization\":{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":\"Smith-John\",\"scope\":\"s\",\"subject\":\"c\"},"
            + "\"context\":{\"userId\":\"Practitioner/u\",\"patientId\":\"p\"}}";
    String wrongHook =
        "{\"hook\":\"Smith-John-hook\",\"hookInstance\":\"h\",\"context\":{\"userId\":\"Practitioner/u\",\"patientId\":\"p\"}}";

    for (var response :
        List.of(
            server.postJson(SERVICE, badType),
            server.postJson(SERVICE, wrongHook),
            server.postJson("/cds-services/Smith-John-0042", MINIMAL))) {
      assertThat(response.statusCode()).isIn(400, 404);
      assertThat(response.body()).doesNotContain("Smith").doesNotContain("org.nocturne");
    }
    assertThat(server.postJson(SERVICE, badType).body()).contains("fhirAuthorization.expires_in");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1227&_count=1",
        "p#1",
        "a/b",
        "..",
        "p%00",
        "p 1",
        "pätient",
        "../../admin/secret?"
      })
  void everyIdTheRequestCarriesMustBeAFhirId(String id) {
    String escaped = id.replace("\\", "\\\\");
    String base =
        "{\"hook\":\"%s\",\"hookInstance\":\"h\",\"context\":{\"userId\":\"%s\",\"patientId\":\"%s\"%s}}";
    String drafts = ",\"draftOrders\":{\"resourceType\":\"Bundle\",\"type\":\"collection\"}";
    var patient =
        server.postJson(SERVICE, base.formatted("patient-view", "Practitioner/u", escaped, ""));
    var user =
        server.postJson(
            SERVICE, base.formatted("patient-view", "Practitioner/" + escaped, "p", ""));
    var encounter =
        server.postJson(
            SERVICE,
            base.formatted(
                "patient-view", "Practitioner/u", "p", ",\"encounterId\":\"" + escaped + "\""));
    var selection =
        server.postJson(
            "/cds-services/nocturnal-leg-pain-order-select",
            base.formatted(
                "order-select",
                "Practitioner/u",
                "p",
                drafts + ",\"selections\":[\"MedicationRequest/" + escaped + "\"]"));

    assertOperationOutcome(patient, 400);
    assertThat(patient.body()).contains("context.patientId").doesNotContain(id);
    assertOperationOutcome(user, 400);
    assertThat(user.body()).contains("context.userId");
    assertOperationOutcome(encounter, 400);
    assertThat(encounter.body()).contains("context.encounterId");
    assertOperationOutcome(selection, 400);
    assertThat(selection.body()).contains("context.selections");
  }
}
