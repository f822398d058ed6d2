package org.nocturne.clinical.rules.redflags;

import java.util.List;
import java.util.Optional;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.conclusions.RaisedFlag;
import org.nocturne.clinical.conclusions.RedFlag;
import org.nocturne.clinical.rules.Evaluation;

/** Whether one red flag fires, and on which findings. */
public interface RedFlagRule {
  RedFlag flag();

  Optional<RaisedFlag> check(Evaluation evaluation);

  /** A red-flag finding: observed, not scored. */
  static Finding seen(String text, String basis, String... evidence) {
    return new Finding(text, 0, basis, List.of(evidence));
  }

  static Finding seen(String text, String basis, List<String> evidence) {
    return new Finding(text, 0, basis, evidence);
  }
}
