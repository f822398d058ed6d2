package org.nocturne.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nocturne.LocalAppTest;
import org.nocturne.LocalServer;
import org.nocturne.cdshooks.CdsJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's FHIR server answers the service's own prefetch queries: every demo patient gets the
 * same cards whether the EHR prefetches or the service fetches from {@code /demo/fhir} itself.
 */
@LocalAppTest
class DemoFhirServerTest {
  private static final int PORT = LocalAppTest.PORT;
  private static final String FHIR = "http://127.0.0.1:" + PORT + DemoFhirServer.PATH;

  private final LocalServer server = new LocalServer(PORT);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "demo-clti",
        "demo-cauda",
        "demo-quinine",
        "demo-cramps",
        "demo-rls",
        "demo-sciatica",
        "demo-neuropathy",
        "demo-arthritis",
        "demo-pad",
        "demo-venous",
        "demo-unanswered",
        "demo-no-complaint"
      })
  void theServiceFetchingFromTheDemoServer_givesTheSameCardsAsAFullPrefetch(String patientId) {
    JsonNode fetched = call(patientId, false);
    JsonNode prefetched = call(patientId, true);

    assertThat(cardKeys(fetched)).isEqualTo(cardKeys(prefetched));
    if (!patientId.equals("demo-no-complaint")) {
      assertThat(cardKeys(fetched)).as("a current complaint gets cards").isNotEmpty();
    }
  }

  @Test
  void theCltiPatientWithoutPrefetch_getsTheLimbThreateningIschemiaCardWithAnOrder() {
    JsonNode cards = call("demo-clti", false).get("cards");

    JsonNode clti = null;
    for (JsonNode card : cards) {
      if ("chronicLimbThreateningIschemia"
          .equals(card.path("source").path("topic").path("code").asString(""))) {
        clti = card;
      }
    }
    assertThat(clti).as("CLTI card in %s", cards).isNotNull();
    String created =
        clti.path("suggestions")
            .get(0)
            .path("actions")
            .get(0)
            .path("resource")
            .path("resourceType")
            .asString("");
    assertThat(created).isEqualTo("ServiceRequest");
  }

  @Test
  void aWriteWithANumberNoValueHasIsRefusedBeforeHapiParsesIt() {
    String observation =
        "{\"resourceType\":\"Observation\",\"status\":\"final\","
            + "\"code\":{\"text\":\"x\"},\"subject\":{\"reference\":\"Patient/demo-rls\"},"
            + "\"valueQuantity\":{\"value\":%s}}";

    HttpResponse<String> huge =
        server.post(
            "/demo/fhir/Observation",
            "application/fhir+json",
            String.format(observation, "1e999999999").getBytes());
    HttpResponse<String> deep =
        server.post(
            "/demo/fhir/Observation",
            "application/fhir+json",
            ("[".repeat(300) + "]".repeat(300)).getBytes());
    HttpResponse<String> fine =
        server.post(
            "/demo/fhir/Observation",
            "application/fhir+json",
            String.format(observation, "1.5").getBytes());

    assertThat(huge.statusCode()).isEqualTo(400);
    assertThat(deep.statusCode()).isEqualTo(400);
    assertThat(fine.statusCode()).as(fine.body()).isEqualTo(201);
  }

  @Test
  void theChartIsServedAtSlashDemo() {
    HttpResponse<String> root = server.get("/demo");
    HttpResponse<String> page = server.get("/demo/index.html");

    assertThat(root.statusCode()).isEqualTo(302);
    assertThat(root.headers().firstValue("Location"))
        .hasValueSatisfying(l -> l.endsWith("/demo/index.html"));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Nocturne demo EHR");
  }

  private JsonNode call(String patientId, boolean withPrefetch) {
    ObjectNode request = CdsJson.mapper().createObjectNode();
    request.put("hook", "patient-view");
    request.put("hookInstance", UUID.randomUUID().toString());
    request.put("fhirServer", FHIR);
    request.putObject("context").put("userId", "Practitioner/demo").put("patientId", patientId);
    if (withPrefetch) {
      ObjectNode prefetch = request.putObject("prefetch");
      JsonNode discovery = CdsJson.mapper().readTree(server.get("/cds-services").body());
      discovery
          .get("services")
          .get(0)
          .get("prefetch")
          .properties()
          .forEach(
              entry -> {
                String query =
                    entry.getValue().asString().replace("{{context.patientId}}", patientId);
                HttpResponse<String> answer =
                    server.get(DemoFhirServer.PATH + "/" + query.replace("|", "%7C"));
                assertThat(answer.statusCode()).as(query).isEqualTo(200);
                prefetch.set(entry.getKey(), CdsJson.mapper().readTree(answer.body()));
              });
    }
    HttpResponse<String> response =
        server.postJson("/cds-services/nocturnal-leg-pain", request.toString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return CdsJson.mapper().readTree(response.body());
  }

  private static List<String> cardKeys(JsonNode response) {
    List<String> keys = new ArrayList<>();
    for (JsonNode card : response.get("cards")) {
      keys.add(
          card.path("source").path("topic").path("code").asString("")
              + " "
              + card.get("summary").asString());
    }
    return keys;
  }
}
