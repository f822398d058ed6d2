package org.nocturne.clinical.rules.causes;

import java.util.List;
import java.util.Optional;
import org.nocturne.clinical.conclusions.Cause;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.rules.Evaluation;

/** The findings for and against one cause. */
public interface CauseRule {
  Cause cause();

  List<Finding> findings(Evaluation evaluation);

  /**
   * A reason this cause may not be called {@code high} for this patient, beyond the general cap for
   * a missing questionnaire; empty when there is none.
   */
  default Optional<String> highNotAllowedBecause(Evaluation evaluation) {
    return Optional.empty();
  }
}
