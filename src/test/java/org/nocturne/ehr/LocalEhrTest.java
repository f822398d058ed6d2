package org.nocturne.ehr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.nocturne.LocalAppTest;
import org.nocturne.LocalServer;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The service as the dialect tests that are about the record (not the token) call it: the local
 * profile, the suite's shared application ({@link LocalAppTest}); feedback is found by a card of
 * the test's own.
 */
@LocalAppTest
abstract class LocalEhrTest {
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
