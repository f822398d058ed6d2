package org.nocturne.clinical.plan;

import java.util.ArrayList;
import java.util.List;
import org.nocturne.clinical.conclusions.NextStep;
import org.nocturne.clinical.conclusions.Recommendation;
import org.nocturne.clinical.facts.Measure;
import org.nocturne.clinical.facts.Measurement;
import org.nocturne.clinical.rules.Evaluation;

/**
 * The steps planned so far, each once (the first reason wins: red-flag steps are planned first),
 * and the fresh results on record shown instead of a new order.
 */
final class StepList {
  private final List<Recommendation> steps = new ArrayList<>();
  private final List<Measurement> onRecord = new ArrayList<>();

  void add(NextStep step, String reason, List<String> evidence, boolean urgent) {
    if (steps.stream().noneMatch(s -> s.step() == step)) {
      steps.add(new Recommendation(step, reason, evidence, urgent));
    }
  }

  void onRecord(Evaluation e, Measure... measures) {
    for (Measure measure : measures) {
      e.results().fresh(measure).stream().filter(m -> !onRecord.contains(m)).forEach(onRecord::add);
    }
  }

  NextStepPlanner.Plan plan() {
    return new NextStepPlanner.Plan(List.copyOf(steps), List.copyOf(onRecord));
  }
}
