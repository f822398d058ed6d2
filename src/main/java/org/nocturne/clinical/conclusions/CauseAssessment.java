package org.nocturne.clinical.conclusions;

import java.util.List;
import java.util.stream.Stream;

/**
 * One cause, ranked: its score, likelihood, the findings for and against it, and the limits that
 * capped it (for example "no questionnaire").
 */
public record CauseAssessment(
    Cause cause,
    int score,
    Likelihood likelihood,
    List<Finding> supporting,
    List<Finding> against,
    List<String> limits) {
  public CauseAssessment {
    supporting = List.copyOf(supporting);
    against = List.copyOf(against);
    limits = List.copyOf(limits);
  }

  /** Every record entry behind the findings for this cause, in order, without repeats. */
  public List<String> evidence() {
    return supporting.stream().flatMap(finding -> finding.evidence().stream()).distinct().toList();
  }

  /** All findings, strongest first. */
  public List<Finding> findings() {
    return Stream.concat(supporting.stream(), against.stream()).toList();
  }
}
