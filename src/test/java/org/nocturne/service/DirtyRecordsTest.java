package org.nocturne.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nocturne.CardChecks;
import org.nocturne.ContractAppTest;
import org.nocturne.LocalServer;
import org.nocturne.cdshooks.CdsJson;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One kind of dirt at a time, each added to the record of a patient with a critical DVT red flag
 * (issue 12.1), in an entry the service reads (a diabetes, a ferritin): the call is a 200, the red
 * flag survives, the dirty entry is left out and the card says so without repeating it, and no
 * record text becomes markup.
 */
@ContractAppTest
class DirtyRecordsTest {
  private static final Path DVT =
      Path.of("hooks/nocturnal-leg-pain/red-flag-deep-vein-thrombosis.request.json");

  @LocalServerPort int port;
  LocalServer server;

  @BeforeEach
  void connect() {
    server = new LocalServer(port);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "a date that is not a date;conditions;{\"resourceType\":\"Condition\",\"id\":\"bad-onset\",\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"44054006\"}]},\"onsetDateTime\":\"not-a-date\"};true",
        "a quantity value given as a string;observations;{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"2276-4\"}]},\"valueQuantity\":{\"value\":\"twelve\",\"unit\":\"ng/mL\"}};true",
        "an invalid code;observations;{\"resourceType\":\"Observation\",\"status\":\"done-ish\",\"code\":{\"text\":\"ABI\"}};true",
        "an unknown resourceType;medications;{\"resourceType\":\"Smith-John-MRN-0042\"};true",
        "no resourceType;medications;{\"status\":\"active\"};true",
        "an empty resource;conditions;{};true",
        "an empty resourceType;conditions;{\"resourceType\":\"\"};true",
        "a valueBoolean that is not a boolean;questionnaireResponse;{\"resourceType\":\"QuestionnaireResponse\",\"questionnaire\":\"http://nocturne-cds.org/fhir/Questionnaire/nocturnal-leg-pain\",\"status\":\"completed\",\"authored\":\"2001-01-01T00:00:00Z\",\"item\":[{\"linkId\":\"fever\",\"answer\":[{\"valueBoolean\":\"\"}]}]};false",
        "markup in a medication text;medications;{\"resourceType\":\"MedicationRequest\",\"id\":\"m1\",\"status\":\"active\",\"intent\":\"order\",\"medicationCodeableConcept\":{\"text\":\"quinine <img src=x onerror=alert(1)> ![p](http://beacon.example/p.png) [x](javascript:alert(1))\"}};false",
        "an id that breaks out of a code span;conditions;{\"resourceType\":\"Condition\",\"id\":\"x`) ![p](http://beacon.example/p.png)\",\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"44054006\"}]}};false"
      })
  void theRedFlagSurvivesAndTheEntryIsLeftOutWithItsReason(
      String dirt, String key, String resource, boolean leftOut) {
    ObjectNode call = (ObjectNode) CdsJson.mapper().readTree(LocalServer.read(DVT));
    ArrayNode entries = (ArrayNode) call.get("prefetch").get(key).get("entry");
    entries.addObject().set("resource", CdsJson.mapper().readTree(resource));

    var response = server.postJson("/cds-services/nocturnal-leg-pain", call.toString());

    assertThat(response.statusCode()).as(dirt + ": " + response.body()).isEqualTo(200);
    JsonNode answer = CdsJson.mapper().readTree(response.body());
    CardChecks.assertValidAndInert(answer);
    assertThat(answer.get("cards").get(0).path("source").path("topic").path("code").asString())
        .as(dirt)
        .isEqualTo("deepVeinThrombosis");
    if (leftOut) {
      assertThat(response.body())
          .contains("record entries were left out")
          .contains(key + " entry ")
          .contains("not valid FHIR R4")
          .doesNotContain("not-a-date")
          .doesNotContain("twelve")
          .doesNotContain("done-ish")
          .doesNotContain("Smith");
    }
  }

  @ParameterizedTest(name = "observations holding {0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "a string;\"not FHIR\"",
        "an array;[1,2]",
        "another type;{\"resourceType\":\"Patient\"}"
      })
  void aKeyThatIsNotFhirIsUnavailableAndNamedNeverA400(String what, String value) {
    ObjectNode call = (ObjectNode) CdsJson.mapper().readTree(LocalServer.read(DVT));
    ((ObjectNode) call.get("prefetch")).set("observations", CdsJson.mapper().readTree(value));

    var response = server.postJson("/cds-services/nocturnal-leg-pain", call.toString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body())
        .contains("deepVeinThrombosis")
        .contains("Not read from the record: observations (the EHR sent");
  }
}
