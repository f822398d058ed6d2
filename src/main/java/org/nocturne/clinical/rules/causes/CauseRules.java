package org.nocturne.clinical.rules.causes;

import java.util.List;

/** Every cause rule, one per cause of the contract. */
public final class CauseRules {
  private CauseRules() {}

  public static List<CauseRule> all() {
    return List.of(
        new LegCrampRule(),
        new RestlessLegsRule(),
        new SciaticaRule(),
        new NeuropathyRule(),
        new ArthritisRule(),
        new ArterialDiseaseRule(),
        new VenousDiseaseRule());
  }
}
