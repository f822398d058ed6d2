package org.nocturne.service;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.nocturne.LocalServer;
import org.nocturne.cdshooks.CdsJson;
import org.nocturne.fhir.OfflineValidator;
import tools.jackson.databind.JsonNode;

/** Every resource a suggestion in {@code hooks/} would create is valid FHIR R4 (HAPI validator). */
class SuggestedOrdersAreValidFhirTest {

  @Test
  void everySuggestedResourceValidatesWithoutErrors() throws IOException {
    List<JsonNode> resources = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("hooks"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".response.json")).toList()) {
        CdsJson.mapper()
            .readTree(LocalServer.read(file))
            .path("cards")
            .forEach(
                card ->
                    card.path("suggestions")
                        .forEach(
                            s ->
                                s.path("actions")
                                    .forEach(
                                        a -> {
                                          if (a.has("resource")) {
                                            resources.add(a.get("resource"));
                                          }
                                        })));
      }
    }

    assertThat(resources).as("the examples suggest orders").hasSizeGreaterThan(5);
    for (JsonNode resource : resources) {
      var parsed = FhirContext.forR4Cached().newJsonParser().parseResource(resource.toString());
      assertThat(OfflineValidator.errors(parsed)).as(resource.toString()).isEmpty();
      assertThat(resource.path("subject").path("reference").asString()).startsWith("Patient/");
      if (resource.path("resourceType").asString().equals("Condition")) {
        // a problem-list suggestion: provisional until the physician accepts it
        assertThat(resource.path("verificationStatus").toString()).contains("provisional");
        assertThat(resource.path("category").toString()).contains("problem-list-item");
        assertThat(resource.path("code").toString())
            .contains("http://snomed.info/sct")
            .contains("http://hl7.org/fhir/sid/icd-10-cm");
        continue;
      }
      assertThat(resource.path("status").asString()).isEqualTo("draft");
      assertThat(resource.path("intent").asString()).isEqualTo("proposal");
    }
  }
}
