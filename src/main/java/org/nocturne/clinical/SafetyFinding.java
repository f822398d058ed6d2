package org.nocturne.clinical;

import java.util.List;
import java.util.Optional;

/**
 * One order that may harm this patient, why, and what to do instead.
 *
 * @param headline the finding in one line, specific to the patient ("ABI 0.52 left: compression can
 *     cause skin necrosis")
 * @param withdraw suggest deleting the draft order
 * @param instead a next step to order instead, when one fits (for example the ABI first)
 */
public record SafetyFinding(
    SafetyConcern concern,
    Severity severity,
    ProposedOrder order,
    String headline,
    List<Finding> findings,
    boolean withdraw,
    Optional<NextStep> instead) {
  public SafetyFinding {
    findings = List.copyOf(findings);
  }
}
