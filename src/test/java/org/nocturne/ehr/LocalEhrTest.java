package org.nocturne.ehr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.nocturne.LocalServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The service as the dialect tests that are about the record (not the token) call it: the local
 * profile, with state of its own; one application for all of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
abstract class LocalEhrTest {
  @DynamicPropertySource
  static void ownState(DynamicPropertyRegistry registry) {
    EhrCalls.ownState(registry, "ehr-dialects");
  }

  @LocalServerPort int port;
  LocalServer server;

  @BeforeEach
  void connect() {
    server = new LocalServer(port);
  }

  /** The answer to a call that must succeed. */
  JsonNode post(String service, JsonNode call) {
    var response = server.postJson("/cds-services/" + service, call.toString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return EhrCalls.json(response.body());
  }
}
