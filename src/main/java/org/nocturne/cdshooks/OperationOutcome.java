package org.nocturne.cdshooks;

import java.util.List;

/** The FHIR OperationOutcome every error answers with (the direction of CDS Hooks 3.0). */
public record OperationOutcome(String resourceType, List<Issue> issue) {

  public record Issue(String severity, String code, String diagnostics) {}

  public static OperationOutcome error(String issueType, String diagnostics) {
    return new OperationOutcome(
        "OperationOutcome", List.of(new Issue("error", issueType, diagnostics)));
  }
}
