package org.nocturne.clinical;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.nocturne.clinical.conclusions.CauseAssessment;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.conclusions.Likelihood;
import org.nocturne.clinical.knowledge.Threshold;
import org.nocturne.clinical.rules.Evaluation;
import org.nocturne.clinical.rules.causes.CauseRule;

/**
 * Adds a cause's points, bands them into a likelihood, and applies the caps. A capped cause's score
 * is capped with it, so the ranking (by score) and the bands never disagree.
 */
final class Scoring {
  static final String NO_QUESTIONNAIRE =
      "Capped at moderate: without the questionnaire the symptoms are unknown";

  private Scoring() {}

  static CauseAssessment assess(CauseRule rule, Evaluation e) {
    List<Finding> findings = rule.findings(e);
    int score = findings.stream().mapToInt(Finding::points).sum();
    Likelihood likelihood = band(score, e);
    List<String> limits = new ArrayList<>();
    if (likelihood == Likelihood.HIGH) {
      Optional<String> cap =
          e.report().isEmpty() ? Optional.of(NO_QUESTIONNAIRE) : rule.highNotAllowedBecause(e);
      if (cap.isPresent()) {
        limits.add(cap.get());
        likelihood = Likelihood.MODERATE;
        score = Math.min(score, (int) e.t(Threshold.LIKELIHOOD_HIGH_MIN) - 1);
      }
    }
    List<Finding> supporting =
        findings.stream()
            .filter(f -> f.points() > 0)
            .sorted(Comparator.comparingInt(Finding::points).reversed())
            .toList();
    List<Finding> against =
        findings.stream()
            .filter(f -> f.points() < 0)
            .sorted(Comparator.comparingInt(Finding::points))
            .toList();
    return new CauseAssessment(rule.cause(), score, likelihood, supporting, against, limits);
  }

  private static Likelihood band(int score, Evaluation e) {
    if (score >= e.t(Threshold.LIKELIHOOD_HIGH_MIN)) {
      return Likelihood.HIGH;
    }
    return score >= e.t(Threshold.LIKELIHOOD_MODERATE_MIN) ? Likelihood.MODERATE : Likelihood.LOW;
  }
}
