package org.nocturne.clinical.rules.ordersafety;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.nocturne.clinical.Assessment;
import org.nocturne.clinical.conclusions.SafetyConcern;
import org.nocturne.clinical.facts.ComplaintWindow;
import org.nocturne.clinical.facts.PatientFacts;
import org.nocturne.clinical.facts.ProposedOrder;
import org.nocturne.clinical.knowledge.Knowledge;
import org.nocturne.clinical.knowledge.Threshold;
import org.nocturne.clinical.rules.Evaluation;

/**
 * Checks draft orders against the record with every rule of {@link SafetyRules}: one finding per
 * rule and order that fires, the most severe first.
 */
public final class OrderSafety {
  private final Knowledge knowledge;
  private final ComplaintWindow window;

  /**
   * @param window the same complaint window as the cause model's, so order hooks and patient-view
   *     agree on whether a questionnaire is current
   */
  public OrderSafety(Knowledge knowledge, ComplaintWindow window) {
    this.knowledge = knowledge;
    this.window = window;
  }

  /** The thresholds each rule compares against, so tests can follow their sources to a card. */
  public static Map<SafetyConcern, List<Threshold>> thresholds() {
    Map<SafetyConcern, List<Threshold>> used = new EnumMap<>(SafetyConcern.class);
    SafetyRules.ALL.forEach(rule -> used.put(rule.concern(), rule.thresholds()));
    return used;
  }

  public List<SafetyFinding> check(
      PatientFacts facts, Assessment assessment, List<ProposedOrder> orders, LocalDate today) {
    Evaluation e = new Evaluation(facts, knowledge, today, window);
    List<SafetyFinding> found = new ArrayList<>();
    for (ProposedOrder order : orders) {
      for (SafetyRule rule : SafetyRules.ALL) {
        rule.check(e, assessment, order).ifPresent(found::add);
      }
    }
    found.sort(Comparator.comparing(SafetyFinding::severity).reversed());
    return found;
  }
}
