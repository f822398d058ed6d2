package org.nocturne;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every way we ship the JVM ends it on OutOfMemoryError (issue 19.1): a process that survives one
 * can hang for good, and only a restart by the orchestrator brings it back. The image's flags are
 * those of a long-running server (issue 30): both JIT compilers, start-up from the class data
 * archive, and each flag explained in docs/performance.md.
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

  @Test
  void theImageAndTheLoadTestRunBothJitCompilers() throws IOException {
    // C1 only (TieredStopAtLevel=1) trades a server's peak throughput for start-up (issue 30)
    for (Path launch :
        List.of(
            Path.of("deploy/Dockerfile"),
            Path.of("pom.xml"),
            Path.of("src/bench/java/org/nocturne/bench/LoadTest.java"))) {
      String text = Files.readString(launch);
      assertThat(text).as(launch.toString()).doesNotContain("-XX:TieredStopAtLevel");
    }
  }

  @Test
  void everyFlagOfTheImageIsExplainedInTheReadme() throws IOException {
    String dockerfile = Files.readString(Path.of("deploy/Dockerfile"));
    String entrypoint = dockerfile.substring(dockerfile.lastIndexOf("ENTRYPOINT"));
    String readme = Files.readString(Path.of("docs/performance.md"));
    Matcher flag = Pattern.compile("\"(-XX:[+-]?[A-Za-z]+|-Xss)").matcher(entrypoint);
    int flags = 0;
    while (flag.find()) {
      flags++;
      assertThat(readme)
          .as("docs/performance.md explains " + flag.group(1))
          .contains("`" + flag.group(1));
    }
    assertThat(flags).isGreaterThanOrEqualTo(5);
    assertThat(entrypoint).contains("-XX:SharedArchiveFile=", "-XX:MaxRAMPercentage=");
  }
}
