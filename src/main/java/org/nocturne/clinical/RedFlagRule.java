package org.nocturne.clinical;

import java.util.List;
import java.util.Optional;

/** Whether one red flag fires, and on which findings. */
interface RedFlagRule {
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
