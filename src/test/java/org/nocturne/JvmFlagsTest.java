package org.nocturne;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every way we ship the JVM ends it on OutOfMemoryError (issue 19.1): a process that survives one
 * can hang for good, and only a restart by the orchestrator brings it back.
 */
class JvmFlagsTest {
  @Test
  void everyJavaLaunchInDeployAndTheReadmeExitsOnOutOfMemory() throws IOException {
    List<Path> dockerfiles;
    try (Stream<Path> files = Files.walk(Path.of("deploy"))) {
      dockerfiles = files.filter(p -> p.getFileName().toString().startsWith("Dockerfile")).toList();
    }
    assertThat(dockerfiles).isNotEmpty();
    for (Path dockerfile : dockerfiles) {
      String text = Files.readString(dockerfile);
      int entrypoint = text.indexOf("ENTRYPOINT");
      assertThat(entrypoint).as(dockerfile + " has an ENTRYPOINT").isNotNegative();
      // the instruction may continue over several lines
      assertThat(text.substring(entrypoint))
          .as(dockerfile.toString())
          .contains("-XX:+ExitOnOutOfMemoryError");
    }
    String readme = Files.readString(Path.of("docs/production.md"));
    assertThat(readme).contains("-XX:+ExitOnOutOfMemoryError");
  }
}
