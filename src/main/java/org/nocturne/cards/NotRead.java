package org.nocturne.cards;

import java.util.List;

/**
 * What of the record an answer could not read, for its cards to say.
 *
 * @param lines each key or part that could not be read, with why ({@code Prefetch.missing()})
 * @param failed whether anything failed (an error, a timeout, an OperationOutcome, a limit), as
 *     opposed to keys the EHR neither sent nor let us fetch, which are how it is set up
 */
public record NotRead(List<String> lines, boolean failed) {
  public NotRead {
    lines = List.copyOf(lines);
  }

  public static NotRead nothing() {
    return new NotRead(List.of(), false);
  }
}
