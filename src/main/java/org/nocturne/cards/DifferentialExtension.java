package org.nocturne.cards;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.nocturne.clinical.Assessment;

/** The {@code org.nocturne.differential} card extension: the ranking, for machines. */
record DifferentialExtension(List<Entry> causes) {
  static final String KEY = "org.nocturne.differential";

  /** One ranked cause; {@code evidence} is omitted when no record entry supports it. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Entry(String code, String likelihood, int score, List<String> evidence) {}

  static DifferentialExtension of(Assessment assessment) {
    return new DifferentialExtension(
        assessment.causes().stream()
            .map(
                c ->
                    new Entry(
                        c.cause().topicCode(), c.likelihood().code(), c.score(), c.evidence()))
            .toList());
  }
}
