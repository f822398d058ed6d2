package org.nocturne.cdshooks.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a refused start into Spring Boot's "APPLICATION FAILED TO START" report that names each
 * missing setting, instead of a stack trace an operator has to read through.
 */
class MissingSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingSettings> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MissingSettings cause) {
    return new FailureAnalysis(
        "Nocturne CDS refuses to start with this configuration (every problem listed):\n  - "
            + String.join("\n  - ", cause.problems()),
        "Change the settings named above (environment variables: README, Configuration), or run"
            + " on a workstation with the local profile (./mvnw spring-boot:run).",
        cause);
  }
}
