package org.nocturne.cdshooks.security;

import java.util.List;

/** Settings without which the service must not start, each named with how to set it. */
final class MissingSettings extends IllegalStateException {
  private final List<String> problems;

  MissingSettings(List<String> problems) {
    super(
        String.join("; ", problems)
            + ". Or run on a workstation with the local profile (./mvnw spring-boot:run).");
    this.problems = List.copyOf(problems);
  }

  List<String> problems() {
    return problems;
  }
}
