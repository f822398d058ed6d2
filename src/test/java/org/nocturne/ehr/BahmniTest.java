package org.nocturne.ehr;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nocturne.LocalServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Bahmni's CDSS module calls as it really does: no JWT, no {@code hookInstance}, no {@code
 * context}, the service id in {@code hook}, and one Bundle {@code draftMedicationRequests} holding
 * the active orders and the one being written. Accepted only from a configured trusted network,
 * which the start-up log announces.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BahmniTest {
  /** The body of {@code CdssOrderSelectServiceImpl}: hook and prefetch, nothing else. */
  private static final String BAHMNI_QUININE =
      """
      {"hook":"nocturnal-leg-pain-order-select",
       "prefetch":{
        "patient":{"resourceType":"Patient","id":"9a6b6c3e-1f0b-4f43-a0b2-5d1b8e7c2f11",
          "gender":"female","birthDate":"1950-04-02"},
        "conditions":{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Condition",
          "id":"c1","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},
          "code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"G47.62"}],"text":"Sleep related leg cramps"},
          "subject":{"reference":"Patient/9a6b6c3e-1f0b-4f43-a0b2-5d1b8e7c2f11"}}}]},
        "draftMedicationRequests":{"resourceType":"Bundle","entry":[
          {"resource":{"resourceType":"MedicationRequest","id":"0f8c2a44-7b1d-4e57-9a83-3c2f1b6d9e20",
            "status":"active","intent":"order",
            "medicationCodeableConcept":{"coding":[{"system":"https://fhir.openmrs.org","code":"a1b2","display":"Amlodipine 5mg"}],"text":"Amlodipine 5mg"}}},
          {"resource":{"resourceType":"MedicationRequest","status":"draft","intent":"order",
            "medicationCodeableConcept":{"coding":[{"system":"https://fhir.openmrs.org","code":"c3d4","display":"Quinine Sulphate 300mg"}],"text":"Quinine Sulphate 300mg"}}}
        ]}}}""";

  @DynamicPropertySource
  static void security(DynamicPropertyRegistry registry) {
    EhrCalls.ownState(registry, "bahmni");
    registry.add("nocturne.state", () -> "memory");
    registry.add("nocturne.security.public-base-url", () -> "https://cds.hospital.example");
    registry.add("nocturne.security.trusted-issuers[0].issuer", () -> "https://ehr.example");
    registry.add(
        "nocturne.security.trusted-issuers[0].jwks-uri", () -> "https://ehr.example/jwks.json");
    registry.add("nocturne.security.trusted-networks[0]", () -> "127.0.0.0/8");
  }

  @LocalServerPort int port;
  LocalServer server;

  @BeforeEach
  void connect() {
    server = new LocalServer(port);
  }

  private HttpResponse<String> bahmni(String service, String body) {
    return server.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/cds-services/" + service))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  @Test
  void bahmnisOwnRequestFromATrustedNetworkGetsTheQuinineCard() {
    var response = bahmni("nocturnal-leg-pain-order-select", BAHMNI_QUININE);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode cards = EhrCalls.json(response.body()).path("cards");
    assertThat(cards.findValuesAsString("indicator")).contains("critical");
    assertThat(response.body()).contains("Quinine");
  }

  @Test
  void aPatientViewWithTheServiceIdInHookIsAnswered() {
    var response =
        bahmni(
            "nocturnal-leg-pain",
            "{\"hook\":\"nocturnal-leg-pain\",\"prefetch\":{\"patient\":"
                + "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"birthDate\":\"1950-01-01\"}}}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }
}
