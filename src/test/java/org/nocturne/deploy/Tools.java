package org.nocturne.deploy;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests that need a command-line tool (kubectl, promtool): on a workstation without it they are
 * skipped and say so; in CI ({@code CI=true}, where {@code .ci/run} installs them) they fail
 * instead, so a missing tool can never pass a build unnoticed.
 */
final class Tools {
  private Tools() {}

  static void assumeInstalledOutsideCi(boolean installed, String tool) {
    if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(tool + " is not installed, and CI must run this test (.ci/run installs it)");
    }
    assumeTrue(installed, tool + " is not installed (.ci/run installs it; CI runs this test)");
  }
}
