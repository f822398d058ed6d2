package org.nocturne.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.nocturne.LocalApp;

/**
 * Every command of the documentation that starts the service (README, docs/, deploy/README.md, the
 * Dockerfile's header, src/docs/) is started as written, in a JVM of its own without the tests'
 * configuration, and must come up: ready on its port and, outside {@code local}, healthy on the
 * management port. A documented start that the service refuses (no database, a missing issuer)
 * fails here before a reader meets it.
 */
class DocumentedStartsTest {
  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Duration START_TIME = Duration.ofSeconds(150);

  /** The starts, each once, with every place that documents it. */
  static Map<DocumentedStart, List<String>> starts() {
    Map<DocumentedStart, List<String>> starts = new LinkedHashMap<>();
    for (Path file : ShellCommands.documentation(ROOT)) {
      for (ShellCommands.Command command : ShellCommands.in(file, ROOT)) {
        DocumentedStart.of(command)
            .ifPresent(
                start ->
                    starts
                        .computeIfAbsent(
                            new DocumentedStart(
                                "",
                                "",
                                start.local(),
                                start.environment(),
                                start.jvmOptions(),
                                start.arguments()),
                            key -> new ArrayList<>())
                        .add(start.where() + ": " + start.command()));
      }
    }
    return starts;
  }

  @Test
  void theDocumentationShowsEveryWayToStart() {
    List<String> places = starts().values().stream().flatMap(List::stream).toList();
    // file and what its command contains: the local start, the production walkthrough, the
    // sandbox, the container, the conformance recipe
    List<List<String>> expected =
        List.of(
            List.of("README.md:", "spring-boot:run"),
            List.of("docs/production.md:", "java -jar"),
            List.of("docs/ehr-integration.md:", "sandbox.yml"),
            List.of("src/docs/sandbox.yml:", "java -jar"),
            List.of("deploy/README.md:", "docker run"),
            List.of("deploy/Dockerfile:", "docker run"),
            List.of("src/docs/conformance-tester.md:", "spring-boot:run"));
    List<List<String>> missing =
        expected.stream()
            .filter(
                pair ->
                    places.stream()
                        .noneMatch(p -> p.startsWith(pair.get(0)) && p.contains(pair.get(1))))
            .toList();
    assertThat(missing).as("documented starts found: %s", places).isEmpty();
  }

  @Test
  void everyStartOutsideLocalChoosesItsState() {
    starts()
        .forEach(
            (start, places) -> {
              if (!start.local()) {
                boolean database =
                    start.property("spring.datasource.url", "SPRING_DATASOURCE_URL").isPresent();
                boolean memory = start.property("nocturne.state", "NOCTURNE_STATE").isPresent();
                boolean file =
                    start.arguments().stream().anyMatch(a -> a.startsWith("--spring.config."));
                assertThat(database || memory || file)
                    .as("%s names a database or nocturne.state=memory", places)
                    .isTrue();
              }
            });
  }

  @TestFactory
  Stream<DynamicTest> everyDocumentedStartComesUp() {
    return starts().entrySet().stream()
        .map(
            entry ->
                DynamicTest.dynamicTest(
                    entry.getValue().get(0), () -> comesUp(entry.getKey(), entry.getValue())));
  }

  private static void comesUp(DocumentedStart start, List<String> places) throws Exception {
    int port = LocalApp.freePort();
    int management = start.local() ? port : LocalApp.freePort();
    Path log = ROOT.resolve("target/documented-starts/" + Math.abs(places.hashCode()) + ".log");
    Optional<DocumentedDatabase> database = DocumentedDatabase.forStart(start);
    try (ServiceProcess service = ServiceProcess.start(start, port, management, log)) {
      boolean ready = service.answers("http://127.0.0.1:" + port + "/readyz", START_TIME);
      assertThat(ready)
          .as(
              "%s%nstarted as written, it is not ready; its log ends:%n%s",
              places, service.tail(40))
          .isTrue();
      String health = "http://127.0.0.1:" + management + "/actuator/health";
      assertThat(ServiceProcess.status(health)).as("%s: %s", places, health).isEqualTo(200);
      if (start.local()) { // a newcomer finds the demo in the start log, and it answers there
        String demo = "http://127.0.0.1:" + port + "/demo";
        assertThat(service.output()).as("%s: the start log", places).contains("open " + demo + " ");
        assertThat(ServiceProcess.status(demo + "/index.html")).as(demo).isEqualTo(200);
      }
    } finally {
      if (database.isPresent()) {
        database.get().close();
      }
    }
  }
}
