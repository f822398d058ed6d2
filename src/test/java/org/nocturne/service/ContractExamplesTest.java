package org.nocturne.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nocturne.ContractAppTest;
import org.nocturne.Examples;
import org.nocturne.LocalServer;
import org.nocturne.cards.AnswerCoherence;
import org.nocturne.cdshooks.CdsJson;
import org.nocturne.cdshooks.CdsResponse;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Replays every {@code hooks/<service>/<case>.request.json} over HTTP and compares the answer with
 * {@code <case>.response.json}, so no example can go stale. A case named {@code NNN-...} expects
 * HTTP status NNN; all others expect 200. The evaluation date is pinned ({@link FixedClock}).
 *
 * <p>After a deliberate change of the cards, {@code ./mvnw test -Dtest=ContractExamplesTest
 * -Dnocturne.examples.write=true} rewrites the responses; read the diff before committing it.
 */
// the examples show the links an EHR gets from a service published at http://localhost:8080
@ContractAppTest
class ContractExamplesTest {
  private static final boolean WRITE = Boolean.getBoolean("nocturne.examples.write");

  @LocalServerPort int port;
  LocalServer server;

  @BeforeEach
  void connect() {
    server = new LocalServer(port);
  }

  static Stream<Path> examples() {
    return Examples.requestsUnder(Path.of("hooks"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void everyExampleProducesItsResponse(Path request) throws IOException {
    String name = request.getFileName().toString().replace(".request.json", "");
    String service = request.getParent().getFileName().toString();
    Path expected = request.resolveSibling(name + ".response.json");
    int status = name.matches("\\d{3}-.*") ? Integer.parseInt(name.substring(0, 3)) : 200;

    var response = server.postJson("/cds-services/" + service, LocalServer.read(request));

    assertThat(response.statusCode()).isEqualTo(status);
    var actual = CdsJson.mapper().readTree(response.body());
    if (WRITE) {
      Files.writeString(
          expected,
          CdsJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n");
    }
    assertThat(actual).isEqualTo(CdsJson.mapper().readTree(LocalServer.read(expected)));
    if (status == 200) {
      // the cards of every example answer agree with each other (one checker, issue 24)
      assertThat(
              AnswerCoherence.violations(
                  CdsJson.mapper().treeToValue(actual, CdsResponse.class).cards()))
          .as(name)
          .isEmpty();
    }
  }
}
