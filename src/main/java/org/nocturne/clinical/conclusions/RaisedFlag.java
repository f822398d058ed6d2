package org.nocturne.clinical.conclusions;

import java.util.List;

/**
 * A red flag that fired, how urgent it is, the findings that raised it, and which of its texts fits
 * (a DVT not excluded reads differently from a DVT that is likely).
 */
public record RaisedFlag(
    RedFlag flag, Urgency urgency, List<Finding> findings, FlagGuidance guidance) {
  public RaisedFlag {
    findings = List.copyOf(findings);
    guidance = guidance == null ? FlagGuidance.of(flag) : guidance;
    if (guidance.flag() != flag) {
      throw new IllegalArgumentException(guidance + " is not a text of " + flag);
    }
    if (findings.isEmpty()) {
      throw new IllegalArgumentException("a red flag is raised by at least one finding");
    }
  }

  public RaisedFlag(RedFlag flag, Urgency urgency, List<Finding> findings) {
    this(flag, urgency, findings, null);
  }

  public List<String> evidence() {
    return findings.stream().flatMap(finding -> finding.evidence().stream()).distinct().toList();
  }
}
