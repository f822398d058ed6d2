package org.nocturne.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shipped alert rules ({@code deploy/prometheus}) are valid and fire as their unit tests say:
 * {@code promtool test rules}, Prometheus's own evaluator (Debian package {@code prometheus}).
 */
class PrometheusRulesTest {
  private static final Path RULES = Path.of("deploy/prometheus");

  @Test
  void everyAlertFiresOnItsFailureAndStaysQuietOnAHealthyService() throws Exception {
    Tools.assumeInstalledOutsideCi(installed(), "promtool");

    Process promtool =
        new ProcessBuilder("promtool", "test", "rules", "nocturne-cds.rules.test.yml")
            .directory(RULES.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(promtool.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(promtool.exitValue()).as(output).isZero();
    assertThat(output).contains("SUCCESS");
  }

  private static boolean installed() {
    try {
      Process version =
          new ProcessBuilder("promtool", "--version").redirectErrorStream(true).start();
      version.getInputStream().readAllBytes();
      return version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
