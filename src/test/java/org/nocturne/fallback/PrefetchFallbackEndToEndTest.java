package org.nocturne.fallback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nocturne.LocalApp.freePort;

import ca.uhn.fhir.context.FhirContext;
import com.github.benmanes.caffeine.cache.Cache;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nocturne.FixedClock;
import org.nocturne.LocalServer;
import org.nocturne.cdshooks.CdsJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The same patient answered twice: once with everything prefetched, once with nothing prefetched
 * and a real FHIR server (HAPI, in-process) to fetch from. The cards must be the same.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("local")
@Import({InProcessFhirServer.class, FixedClock.class})
class PrefetchFallbackEndToEndTest {
  private static final int PORT = freePort();
  private static final String FHIR_BASE = "http://127.0.0.1:" + PORT + InProcessFhirServer.PATH;
  private static final Path EXAMPLE =
      Path.of("hooks/nocturnal-leg-pain/full-prefetch.request.json");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
    registry.add("nocturne.prefetch.allowed-fhir-servers[0]", () -> FHIR_BASE);
    // production's cache: local has none (the demo chart must see the app's answers at once)
    registry.add("nocturne.prefetch.cache-ttl", () -> "60s");
  }

  private final LocalServer server = new LocalServer(PORT);
  private JsonNode request;

  @Autowired private Cache<String, JsonNode> prefetchCache;

  @BeforeEach
  void loadTheExamplePatientIntoTheFhirServer() {
    prefetchCache.invalidateAll(); // each test starts with nothing fetched
    request = CdsJson.mapper().readTree(LocalServer.read(EXAMPLE));
    var parser = FhirContext.forR4Cached().newJsonParser();
    List<Resource> resources = new ArrayList<>();
    request
        .get("prefetch")
        .properties()
        .forEach(
            entry -> {
              Resource resource = (Resource) parser.parseResource(entry.getValue().toString());
              resources.addAll(
                  resource instanceof Bundle bundle
                      ? InProcessFhirServer.entries(bundle)
                      : List.of(resource));
            });
    InProcessFhirServer.load(resources);
  }

  private JsonNode withoutPrefetch() {
    ObjectNode call = (ObjectNode) request.deepCopy();
    call.remove("prefetch");
    call.put("fhirServer", FHIR_BASE);
    ObjectNode auth = call.putObject("fhirAuthorization");
    auth.put("access_token", "fallback-token-7f3a");
    auth.put("token_type", "Bearer");
    auth.put("expires_in", 300);
    auth.put("scope", "patient/*.read");
    auth.put("subject", "nocturne-cds");
    return call;
  }

  @Test
  void noPrefetchGivesTheSameCardsAsFullPrefetch() {
    var full = server.postJson("/cds-services/nocturnal-leg-pain", request.toString());
    var fetched = server.postJson("/cds-services/nocturnal-leg-pain", withoutPrefetch().toString());

    assertThat(fetched.statusCode()).isEqualTo(200);
    assertThat(CdsJson.mapper().readTree(fetched.body()))
        .isEqualTo(CdsJson.mapper().readTree(full.body()));
    assertThat(CdsJson.mapper().readTree(fetched.body()).get("cards")).isNotEmpty();
  }

  @Test
  void everyFetchCarriesTheEhrsTokenAndAllFiveKeysAreFetched() {
    server.postJson("/cds-services/nocturnal-leg-pain", withoutPrefetch().toString());

    assertThat(InProcessFhirServer.AUTHORIZATIONS)
        .hasSize(5)
        .allMatch("Bearer fallback-token-7f3a"::equals);
  }

  @Test
  void aSecondCallWithinTheTtlIsServedFromTheCacheButForTheAnswers() {
    ObjectNode call = (ObjectNode) withoutPrefetch();
    server.postJson("/cds-services/nocturnal-leg-pain", call.toString());
    int afterFirst = InProcessFhirServer.AUTHORIZATIONS.size();

    call.put("hookInstance", "a-second-call");
    var second = server.postJson("/cds-services/nocturnal-leg-pain", call.toString());

    assertThat(second.statusCode()).isEqualTo(200);
    // the questionnaire answers are read again (the app may just have written them); the rest not
    assertThat(InProcessFhirServer.AUTHORIZATIONS).hasSize(afterFirst + 1);
  }

  @Test
  void aFhirServerOffTheAllowlistIsA412WithoutAnyRequest() {
    ObjectNode call = (ObjectNode) withoutPrefetch();
    call.put("fhirServer", "http://127.0.0.1:" + PORT + "/somewhere-else");
    call.put("hookInstance", "off-the-list");

    var response = server.postJson("/cds-services/nocturnal-leg-pain", call.toString());

    assertThat(response.statusCode()).isEqualTo(412);
    assertThat(InProcessFhirServer.AUTHORIZATIONS).isEmpty();
  }
}
