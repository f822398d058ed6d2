package org.nocturne.clinical;

import java.time.Instant;

/** Turns facts into an assessment at a given instant. Deterministic. */
public final class CauseModel {

  public Assessment assess(PatientFacts facts, Instant at) {
    return new Assessment(facts.unavailableData());
  }
}
