package org.nocturne.clinical;

import java.util.ArrayList;
import java.util.List;
import org.nocturne.clinical.facts.Answers;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.facts.SymptomReport;
import org.nocturne.clinical.knowledge.Threshold;
import org.nocturne.clinical.rules.Evaluation;

/**
 * How much the pain weighs on the patient, as one line of the differential ("7/10 (severe), 6–7
 * nights a week for over 3 months, not improving with home care, wakes the patient"). The physician
 * is already seeing the patient, so severity and sleep are context, not red flags.
 *
 * @param text the line, or empty when the questionnaire says nothing about it
 * @param evidence the answers it rests on
 */
public record PainBurden(String text, List<String> evidence) {
  public PainBurden {
    evidence = List.copyOf(evidence);
  }

  public boolean isEmpty() {
    return text.isEmpty();
  }

  static PainBurden of(Evaluation e) {
    return e.report().map(r -> of(e, r)).orElse(new PainBurden("", List.of()));
  }

  private static PainBurden of(Evaluation e, SymptomReport r) {
    List<String> parts = new ArrayList<>();
    List<String> evidence = new ArrayList<>();
    if (r.painSeverity() != null) {
      boolean severe = r.painSeverity() >= e.t(Threshold.SEVERE_PAIN_MIN);
      parts.add(r.painSeverity() + "/10" + (severe ? " (severe)" : ""));
      evidence.add(r.evidence(Item.PAIN_SEVERITY));
    }
    String nights = nights(r.nightsPerWeek());
    if (!nights.isEmpty()) {
      parts.add(nights + (r.onset() == null ? "" : " for " + duration(r.onset())));
      evidence.add(r.evidence(Item.NIGHTS_PER_WEEK));
    }
    if (r.yes(Item.NOT_IMPROVING_WITH_HOME_CARE)) {
      parts.add("not improving with home care");
      evidence.add(r.evidence(Item.NOT_IMPROVING_WITH_HOME_CARE));
    }
    if (r.yes(Item.SLEEP_DISRUPTED)) {
      parts.add("wakes the patient");
      evidence.add(r.evidence(Item.SLEEP_DISRUPTED));
    }
    return new PainBurden(String.join(", ", parts), evidence);
  }

  private static String nights(Answers.NightsPerWeek nights) {
    if (nights == null) {
      return "";
    }
    return switch (nights) {
      case UNDER_1 -> "under 1 night a week";
      case ONE_TO_TWO -> "1–2 nights a week";
      case THREE_TO_FIVE -> "3–5 nights a week";
      case SIX_TO_SEVEN -> "6–7 nights a week";
    };
  }

  private static String duration(Answers.Onset onset) {
    return switch (onset) {
      case UNDER_2_WEEKS -> "under 2 weeks";
      case TWO_WEEKS_TO_3_MONTHS -> "2 weeks to 3 months";
      case OVER_3_MONTHS -> "over 3 months";
    };
  }
}
