package org.nocturne.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.nocturne.cdshooks.endpoint.CdsHooksConfiguration;

/** The discovery file against the contract: the three services, their hooks and prefetch keys. */
class DiscoveryDocumentTest {
  private final DiscoveryDocument document =
      DiscoveryDocument.fromClasspath(CdsHooksConfiguration.DISCOVERY_RESOURCE);

  @Test
  void theClasspathCopyIsTheFileInHooks() throws Exception {
    assertThat(document.bytes()).isEqualTo(Files.readAllBytes(Path.of("hooks/discovery.json")));
  }

  @Test
  void listsTheThreeServicesOfTheContractWithTheirHooks() {
    assertThat(document.discovery().services())
        .extracting(CdsServiceDescriptor::id, CdsServiceDescriptor::hook)
        .containsExactly(
            Tuple.tuple("nocturnal-leg-pain", "patient-view"),
            Tuple.tuple("nocturnal-leg-pain-order-select", "order-select"),
            Tuple.tuple("nocturnal-leg-pain-order-sign", "order-sign"));
  }

  @Test
  void everyServiceHasATitleADescriptionUsageRequirementsAndTheFixedPrefetchKeys() {
    for (CdsServiceDescriptor service : document.discovery().services()) {
      assertThat(service.title()).isNotBlank();
      assertThat(service.description()).isNotBlank();
      assertThat(service.usageRequirements()).isNotBlank();
      assertThat(service.prefetch())
          .containsOnlyKeys(
              "patient", "conditions", "observations", "medications", "questionnaireResponse");
      assertThat(service.prefetch()).containsEntry("patient", "Patient/{{context.patientId}}");
    }
  }

  @Test
  void searchesStayWithinTheRecommendedQuerySubset() {
    for (CdsServiceDescriptor service : document.discovery().services()) {
      for (Map.Entry<String, String> entry : service.prefetch().entrySet()) {
        String query = entry.getValue();
        assertThat(query)
            .doesNotContain("_include")
            .doesNotContain("_has")
            .doesNotContain(":missing");
        assertThat(PrefetchTemplate.parse(query).tokens()).containsOnly("context.patientId");
      }
    }
  }
}
