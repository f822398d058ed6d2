package org.nocturne.clinical.conclusions;

import java.util.List;

/**
 * A next step for this patient.
 *
 * @param reason why here, specific to the patient (the knowledge file has the general rationale)
 * @param urgent same-day
 */
public record Recommendation(NextStep step, String reason, List<String> evidence, boolean urgent) {
  public Recommendation {
    evidence = List.copyOf(evidence);
  }
}
