package org.nocturne.clinical;

import java.util.List;

/** Every red-flag rule, one per red flag of the contract. */
final class RedFlagRules {
  private RedFlagRules() {}

  static List<RedFlagRule> all() {
    return List.of(
        new AcuteLimbIschemiaRule(),
        new LimbThreateningIschemiaRule(),
        new DeepVeinThrombosisRule(),
        new CaudaEquinaRule(),
        new InfectionOrMalignancyRule(),
        new NeurologicalDeficitRule(),
        new SkinChangeRule(),
        new UnexplainedSwellingRule());
  }
}
