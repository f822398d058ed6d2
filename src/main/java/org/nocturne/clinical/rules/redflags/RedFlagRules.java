package org.nocturne.clinical.rules.redflags;

import java.util.List;

/** Every red-flag rule, one per red flag of the contract. */
public final class RedFlagRules {
  private RedFlagRules() {}

  public static List<RedFlagRule> all() {
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
