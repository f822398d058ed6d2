package org.nocturne.clinical;

import java.util.List;

/** Every cause rule, one per cause of the contract. */
final class CauseRules {
  private CauseRules() {}

  static List<CauseRule> all() {
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
