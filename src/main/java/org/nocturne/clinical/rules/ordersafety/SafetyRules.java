package org.nocturne.clinical.rules.ordersafety;

import java.util.List;

/** Every order-safety rule, in the order their cards are built (severity sorts them after). */
final class SafetyRules {
  static final List<SafetyRule> ALL =
      List.of(
          new QuinineForCrampsRule(),
          new CompressionWithLowAbiRule(),
          new CompressionContraindicationRule(),
          new DopamineAgonistForRlsRule(),
          new DrugMayCauseCrampsRule(),
          new DrugMayWorsenRlsRule());

  private SafetyRules() {}
}
