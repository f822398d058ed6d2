package org.nocturne.cards;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Coding;
import org.nocturne.cdshooks.Card;
import org.nocturne.cdshooks.Indicator;
import org.nocturne.cdshooks.Link;
import org.nocturne.cdshooks.SelectionBehavior;
import org.nocturne.cdshooks.Suggestion;
import org.nocturne.clinical.Advice;
import org.nocturne.clinical.Assessment;
import org.nocturne.clinical.CauseAssessment;
import org.nocturne.clinical.Complaint;
import org.nocturne.clinical.Finding;
import org.nocturne.clinical.Knowledge;
import org.nocturne.clinical.Likelihood;
import org.nocturne.clinical.Recommendation;

/**
 * The differential: one card whose topic is the leading cause, with the ranking and its reasons,
 * what is missing, the next steps (ordered by its suggestions) and self-care advice.
 */
final class DifferentialCard {
  private final Knowledge knowledge;
  private final Suggestions suggestions;

  DifferentialCard(Knowledge knowledge, Suggestions suggestions) {
    this.knowledge = knowledge;
    this.suggestions = suggestions;
  }

  /** Shown when the patient answered the questionnaire, or the record alone points somewhere. */
  Optional<Card> render(Assessment assessment, CardContext context) {
    CauseAssessment leading = assessment.leading();
    if (!assessment.questionnaireAnswered() && !leading.likelihood().atLeast(Likelihood.MODERATE)) {
      return Optional.empty();
    }
    String key = "differential";
    Coding reason =
        new Coding(Vocabulary.CAUSES, leading.cause().code(), knowledge.name(leading.cause()));
    List<Suggestion> orders = new ArrayList<>();
    // a check of a medication effect is ordered from its own card, not twice
    java.util.Set<org.nocturne.clinical.NextStep> elsewhere =
        assessment.medicationEffects().stream()
            .flatMap(effect -> effect.checks().stream())
            .collect(java.util.stream.Collectors.toSet());
    for (Recommendation step : assessment.nextSteps()) {
      if (!step.urgent() && !elsewhere.contains(step.step())) {
        suggestions
            .order(step.step(), context, reason, "routine", orders.isEmpty(), key)
            .ifPresent(orders::add);
      }
    }
    return Optional.of(
        new Card(
            context.uuid(key),
            Markdown.summary(summary(leading)),
            detail(assessment),
            Indicator.INFO,
            Vocabulary.source(
                Vocabulary.CAUSES, leading.cause().code(), knowledge.name(leading.cause())),
            orders.isEmpty() ? null : orders,
            orders.isEmpty() ? null : SelectionBehavior.ANY,
            null,
            List.of(
                Link.absolute(
                    "Self-care advice for the patient: " + knowledge.shortName(leading.cause()),
                    context.url("/education/" + leading.cause().code()))),
            Map.of(DifferentialExtension.KEY, DifferentialExtension.of(assessment))));
  }

  private String summary(CauseAssessment leading) {
    String name = knowledge.shortName(leading.cause());
    String evidence =
        leading.supporting().stream()
            .limit(2)
            .map(f -> Markdown.phrase(f.text()))
            .collect(Collectors.joining(", "));
    String because = evidence.isEmpty() ? "" : " (" + evidence + ")";
    return switch (leading.likelihood()) {
      case HIGH -> "Night leg pain: pattern fits " + name + because;
      case MODERATE -> "Night leg pain: " + name + " possible" + because;
      case LOW -> "Night leg pain: no cause stands out; ranked causes inside";
    };
  }

  private String detail(Assessment assessment) {
    StringBuilder md = new StringBuilder();
    Complaint complaint = assessment.complaint();
    md.append("**Questionnaire:** ");
    if (complaint.questionnaireCurrent()) {
      md.append("answered ").append(Dates.format(complaint.questionnaireDate()));
    } else if (complaint.questionnaireOnRecord()) {
      md.append("answered ")
          .append(Dates.format(complaint.questionnaireDate()))
          .append(" — ask again (too old to use)");
    } else {
      md.append("none on record");
    }
    md.append("\n\n");
    if (!assessment.burden().isEmpty()) {
      md.append("**Severity and sleep:** ")
          .append(Markdown.text(assessment.burden().text()))
          .append("\n\n");
    }
    md.append("| Cause | Likelihood | Score | Strongest findings |\n|---|---|---|---|\n");
    for (CauseAssessment cause : assessment.causes()) {
      String strongest =
          cause.supporting().stream()
              .limit(3)
              .map(f -> Markdown.text(f.text()))
              .collect(Collectors.joining("; "));
      md.append("| ")
          .append(Markdown.text(knowledge.name(cause.cause())))
          .append(" | ")
          .append(cause.likelihood().code())
          .append(" | ")
          .append(cause.score())
          .append(" | ")
          .append(strongest.isEmpty() ? "–" : strongest)
          .append(" |\n");
    }
    for (CauseAssessment cause : assessment.causes()) {
      if (cause.likelihood().atLeast(Likelihood.MODERATE)) {
        why(md, cause);
      }
    }
    if (!assessment.gaps().isEmpty()) {
      md.append("\n**What is missing**\n\n");
      assessment.gaps().forEach(gap -> md.append("- ").append(Markdown.text(gap)).append('\n'));
    }
    if (!assessment.nextSteps().isEmpty()) {
      md.append("\n**Next steps**\n\n");
      for (Recommendation step : assessment.nextSteps()) {
        Knowledge.StepText text = knowledge.step(step.step());
        md.append("- **")
            .append(Markdown.text(text.label()))
            .append("**")
            .append(step.urgent() ? " (today)" : "")
            .append(": ")
            .append(Markdown.text(step.reason()))
            .append(". _")
            .append(Markdown.text(text.source()))
            .append("_\n");
      }
    }
    if (!assessment.advice().isEmpty() || !assessment.withheldAdvice().isEmpty()) {
      md.append("\n**Self-care advice**\n\n");
      for (Advice advice : assessment.advice()) {
        md.append("- ").append(Markdown.text(knowledge.advice(advice).text())).append('\n');
      }
      for (Advice advice : assessment.withheldAdvice()) {
        md.append("- Not advised: ")
            .append(Markdown.text(knowledge.withheld(advice).text()))
            .append('\n');
      }
    }
    md.append("\n_Scores add points of evidence; bands (high ≥")
        .append(fmt(knowledge.value(org.nocturne.clinical.Threshold.LIKELIHOOD_HIGH_MIN)))
        .append(", moderate ≥")
        .append(fmt(knowledge.value(org.nocturne.clinical.Threshold.LIKELIHOOD_MODERATE_MIN)))
        .append(
            ") are Nocturne's and not validated against outcomes. Decision support only: examine the patient._");
    return md.toString();
  }

  private void why(StringBuilder md, CauseAssessment cause) {
    md.append("\n**")
        .append(cause.likelihood() == Likelihood.HIGH ? "Why high: " : "Why moderate: ")
        .append(Markdown.text(knowledge.name(cause.cause())))
        .append("**\n\n");
    for (Finding finding : cause.findings()) {
      md.append("- ")
          .append(finding.points() > 0 ? "+" : "")
          .append(finding.points())
          .append(" ")
          .append(Markdown.text(finding.text()))
          .append(Markdown.refs(finding.evidence()))
          .append(" · _")
          .append(Markdown.text(finding.basis()))
          .append("_\n");
    }
    cause.limits().forEach(limit -> md.append("- ").append(Markdown.text(limit)).append('\n'));
  }

  private static String fmt(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }
}
