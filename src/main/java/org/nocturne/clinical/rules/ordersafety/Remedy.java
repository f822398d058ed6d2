package org.nocturne.clinical.rules.ordersafety;

import java.util.Objects;
import org.nocturne.clinical.conclusions.NextStep;
import org.nocturne.clinical.knowledge.Sourced;

/**
 * What a safety finding asks of the clinician. One type per remedy, so a card never has to guess
 * from a flag and an optional which suggestion fits.
 */
public sealed interface Remedy
    permits Remedy.Withdraw, Remedy.TestFirst, Remedy.ConsiderAlternative, Remedy.Caution {

  /** Delete the draft order: its harm outweighs any benefit here. */
  record Withdraw() implements Remedy {}

  /** Keep the order on hold and order this test first (the ABI before compression). */
  record TestFirst(NextStep step) implements Remedy {
    public TestFirst {
      Objects.requireNonNull(step, "step");
    }
  }

  /** An alternative that fits the drug's class, from the knowledge file with its source. */
  record ConsiderAlternative(Sourced alternative) implements Remedy {
    public ConsiderAlternative {
      Objects.requireNonNull(alternative, "alternative");
    }
  }

  /** Go ahead only with the precaution the guidance names (reduced compression, a foot check). */
  record Caution() implements Remedy {}
}
