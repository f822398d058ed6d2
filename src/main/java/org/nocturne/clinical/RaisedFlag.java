package org.nocturne.clinical;

import java.util.List;

/** A red flag that fired, how urgent it is, and the findings that raised it. */
public record RaisedFlag(RedFlag flag, Urgency urgency, List<Finding> findings) {
  public RaisedFlag {
    findings = List.copyOf(findings);
    if (findings.isEmpty()) {
      throw new IllegalArgumentException("a red flag is raised by at least one finding");
    }
  }

  public List<String> evidence() {
    return findings.stream().flatMap(finding -> finding.evidence().stream()).distinct().toList();
  }
}
