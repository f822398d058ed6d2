package org.nocturne.clinical;

import java.util.ArrayList;
import java.util.List;
import org.nocturne.clinical.conclusions.Cause;
import org.nocturne.clinical.conclusions.CauseAssessment;
import org.nocturne.clinical.conclusions.Likelihood;
import org.nocturne.clinical.facts.Answers;
import org.nocturne.clinical.facts.Format;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.facts.Measure;
import org.nocturne.clinical.facts.SymptomReport;
import org.nocturne.clinical.knowledge.Threshold;
import org.nocturne.clinical.rules.Evaluation;

/** What the model did not see, or saw contradicted, said plainly so the card can say it. */
final class Gaps {
  private Gaps() {}

  static List<String> of(Evaluation e, List<CauseAssessment> causes) {
    List<String> gaps = new ArrayList<>();
    if (e.complaint().questionnaireOutOfDate()) {
      gaps.add(
          "The questionnaire on record is too old to use: ranked from the record alone, every likelihood capped at moderate. Ask the patient again.");
    } else if (e.report().isEmpty()) {
      gaps.add(
          "No questionnaire response: ranked from the record alone, every likelihood capped at moderate. The patient questionnaire would sharpen it.");
    }
    for (String section : e.facts().unavailableData()) {
      gaps.add(
          "The record's "
              + section
              + " could not be read, so they are not part of this assessment.");
    }
    List<String> skipped = e.facts().skipped();
    if (!skipped.isEmpty()) {
      String shown = String.join("; ", skipped.subList(0, Math.min(3, skipped.size())));
      gaps.add(
          skipped.size()
              + " record entries were left out: "
              + shown
              + (skipped.size() > 3 ? "; …" : "")
              + ".");
    }
    if (e.facts().ageYears() == null) {
      gaps.add("No birth date: age-related risk was not counted.");
    }
    boolean padConsidered =
        causes.stream()
            .anyMatch(
                c ->
                    c.cause() == Cause.PERIPHERAL_ARTERY_DISEASE
                        && c.likelihood().atLeast(Likelihood.MODERATE));
    if (padConsidered
        && !e.facts().all(Measure.ANKLE_BRACHIAL_INDEX).isEmpty()
        && !e.results().hasRecent(Measure.ANKLE_BRACHIAL_INDEX)) {
      gaps.add(
          "The ABI on record is older than "
              + Format.number(e.t(Threshold.RECENT_TEST_MONTHS))
              + " months and was not used.");
    }
    e.report().ifPresent(r -> contradictions(r, gaps));
    if (causes.stream().noneMatch(c -> c.likelihood().atLeast(Likelihood.MODERATE))) {
      gaps.add("No cause stands out: the findings are too few or point different ways.");
    }
    return gaps;
  }

  private static void contradictions(SymptomReport r, List<String> gaps) {
    if (r.yes(Item.RELIEF_DANGLING) && r.yes(Item.RELIEF_ELEVATION)) {
      gaps.add(
          "Contradictory answers: eased both by hanging the legs down and by raising them. Ask the patient which helps.");
    }
    if (r.has(Answers.SkinChange.NONE) && r.skinChanges().size() > 1) {
      gaps.add(
          "Contradictory answers: skin changes marked both 'none' and present. Examine the skin.");
    }
  }
}
