package org.nocturne.clinical.rules.ordersafety;

import java.util.List;
import java.util.Objects;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.conclusions.SafetyConcern;
import org.nocturne.clinical.facts.ProposedOrder;

/**
 * One order that may harm this patient, why, and what to do instead.
 *
 * @param headline the finding in one line, specific to the patient ("ABI 0.52 left: compression is
 *     contraindicated")
 * @param findings what was found, each with the source that makes it count
 * @param remedy what the card offers: withdraw, a test first, an alternative, or a caution
 */
public record SafetyFinding(
    SafetyConcern concern,
    Severity severity,
    ProposedOrder order,
    String headline,
    List<Finding> findings,
    Remedy remedy) {
  public SafetyFinding {
    Objects.requireNonNull(remedy, "remedy");
    findings = List.copyOf(findings);
  }
}
