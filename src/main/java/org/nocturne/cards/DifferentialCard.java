package org.nocturne.cards;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Coding;
import org.nocturne.cdshooks.Card;
import org.nocturne.cdshooks.Indicator;
import org.nocturne.cdshooks.Link;
import org.nocturne.cdshooks.SelectionBehavior;
import org.nocturne.cdshooks.Suggestion;
import org.nocturne.clinical.Assessment;
import org.nocturne.clinical.conclusions.Advice;
import org.nocturne.clinical.conclusions.Cause;
import org.nocturne.clinical.conclusions.CauseAssessment;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.conclusions.Likelihood;
import org.nocturne.clinical.conclusions.NextStep;
import org.nocturne.clinical.conclusions.Recommendation;
import org.nocturne.clinical.facts.Complaint;
import org.nocturne.clinical.knowledge.Knowledge;
import org.nocturne.clinical.rules.causes.Findings;

/**
 * The differential: one card whose topic is the leading cause, with the ranking and its reasons,
 * what is missing, the next steps (ordered by its suggestions) and self-care advice.
 */
final class DifferentialCard {
  /** The gap the model reports when no cause leads; the Likely line says it already. */
  private static final String NOTHING_STANDS_OUT = "No cause stands out";

  /** A guideline's rule-out list: clauses split by "; ", items by ", " (compiled once). */
  private static final Pattern CLAUSES = Pattern.compile("; ");

  private static final Pattern ITEMS = Pattern.compile(", ");

  private final Knowledge knowledge;
  private final Suggestions suggestions;
  private final ProblemListTemplates problems;

  DifferentialCard(Knowledge knowledge, Suggestions suggestions, ProblemListTemplates problems) {
    this.knowledge = knowledge;
    this.suggestions = suggestions;
    this.problems = problems;
  }

  /** Shown when the patient answered the questionnaire, or the record alone points somewhere. */
  Optional<Card> render(Assessment assessment, CardContext context) {
    return render(assessment, context, List.of());
  }

  /** Whether {@link #render} answers a card, without rendering it. */
  boolean shows(Assessment assessment) {
    return assessment.questionnaireAnswered()
        || assessment.leading().likelihood().atLeast(Likelihood.MODERATE);
  }

  /**
   * @param alsoFlagged the cards left out by the budget, named in one line so nothing is lost
   */
  Optional<Card> render(Assessment assessment, CardContext context, List<String> alsoFlagged) {
    CauseAssessment leading = assessment.leading();
    if (!shows(assessment)) {
      return Optional.empty();
    }
    String key = "differential";
    Coding reason =
        new Coding(Vocabulary.CAUSES, leading.cause().topicCode(), knowledge.name(leading.cause()));
    List<Suggestion> orders = new ArrayList<>();
    // a check of a medication effect is ordered from its own card, not twice
    Set<NextStep> elsewhere =
        assessment.medicationEffects().stream()
            .flatMap(effect -> effect.checks().stream())
            .collect(Collectors.toSet());
    for (Recommendation step : assessment.nextSteps()) {
      if (!step.urgent() && !elsewhere.contains(step.step())) {
        orders.addAll(
            suggestions.order(step.step(), context, reason, "routine", orders.isEmpty(), key));
      }
    }
    problem(leading, context, key).ifPresent(orders::add);
    CardText text = detail(assessment, alsoFlagged);
    List<Link> links = new ArrayList<>();
    // self-care advice for a cause that does not stand out could contradict a red flag (a venous
    // page advising elevation beside "DVT not excluded"): only the leading cause's page, if likely
    if (leading.likelihood().atLeast(Likelihood.MODERATE)) {
      links.add(
          Link.absolute(
              "Self-care advice for the patient: " + knowledge.shortName(leading.cause()),
              context.url(EducationLinks.path(leading.cause(), assessment.withheldAdvice()))));
    }
    links.addAll(GuidelineLinks.of(knowledge, text.sources()));
    // the full reasoning (every finding, thresholds, what is missing) does not fit a card
    context.app("Full assessment in the Nocturne app", "assessment").ifPresent(links::add);
    return Optional.of(
        new Card(
            context.uuid(key),
            Markdown.summary(summary(leading)),
            text.render(),
            Indicator.INFO,
            Vocabulary.source(
                Vocabulary.CAUSES,
                leading.cause().topicCode(),
                knowledge.name(leading.cause()),
                context),
            orders.isEmpty() ? null : orders,
            orders.isEmpty() ? null : SelectionBehavior.ANY,
            null,
            links.isEmpty() ? null : links,
            Map.of(DifferentialExtension.KEY, DifferentialExtension.of(assessment))));
  }

  /**
   * The cause's "rule out" list without what the record already shows (issue 24): no "rule out iron
   * deficiency" beside a ferritin that calls for iron, no "B12 deficiency" beside a low B12, no
   * "drugs that worsen it" when a card names them.
   */
  private String ruleOut(Assessment assessment, CauseAssessment leading) {
    Set<String> shown = new HashSet<>();
    if (assessment.step(NextStep.IRON_REPLETION).isPresent()) {
      shown.add("iron deficiency");
    }
    if (assessment.step(NextStep.CORRECT_ELECTROLYTES).isPresent()) {
      shown.add("low k, mg or ca");
    }
    boolean lowB12 =
        leading.supporting().stream().anyMatch(f -> f.text().startsWith("Vitamin B12"));
    if (lowB12) {
      shown.add("b12 deficiency");
    }
    if (leading.supporting().stream().anyMatch(f -> f.text().equals("Diabetes"))) {
      shown.add("diabetes");
    }
    if (leading.supporting().stream().anyMatch(f -> f.text().startsWith("Alcohol misuse"))) {
      shown.add("alcohol");
    }
    if (Results.normalAnkleBrachialIndex(assessment.onRecord(), knowledge)) {
      // a normal ABI on the card has ruled out what these clauses ask for
      shown.add("pad before compression");
      shown.add("claudication if the calf hurts on walking");
    }
    if (Results.normalElectrolytes(assessment.onRecord())) {
      // fresh K, Mg and Ca on the card, none low: nothing left to rule out there
      shown.add("low k, mg or ca");
    }
    for (var effect : assessment.medicationEffects()) {
      switch (effect.kind()) {
        case DRUGS_WORSENING_RLS, DRUG_INDUCED_AKATHISIA -> shown.add("drugs that worsen it");
        case METFORMIN_B12_DEFICIENCY -> shown.add("b12 deficiency");
        case DRUGS_CAUSING_CRAMPS, PPI_HYPOMAGNESAEMIA -> shown.add("low k, mg or ca");
        default -> {}
      }
    }
    String all = knowledge.ruleOut(leading.cause()).strip();
    boolean stop = all.endsWith(".");
    List<String> clauses = new ArrayList<>();
    for (String clause : CLAUSES.split(stop ? all.substring(0, all.length() - 1) : all)) {
      List<String> items = new ArrayList<>();
      for (String item : ITEMS.split(clause)) {
        String lower = item.toLowerCase(Locale.ROOT);
        if (shown.stream().noneMatch(lower::startsWith)) {
          items.add(item);
        }
      }
      if (!items.isEmpty()) {
        clauses.add(String.join(", ", items));
      }
    }
    return clauses.isEmpty() ? "" : String.join("; ", clauses) + (stop ? "." : "");
  }

  /** A problem-list entry when the cause is highly likely and not recorded already. */
  private Optional<Suggestion> problem(CauseAssessment leading, CardContext context, String key) {
    boolean recorded =
        leading.findings().stream().anyMatch(f -> f.basis().equals(Findings.RECORDED_DIAGNOSIS));
    if (leading.likelihood() != Likelihood.HIGH || recorded) {
      return Optional.empty();
    }
    return problems
        .problem(leading.cause(), context.patientId())
        .map(
            p ->
                new Suggestion(
                    p.label(), context.uuid(key + "|problem"), null, List.of(p.action())));
  }

  /**
   * Arterial disease named as what it is: rest pain (relieved by dependency) or claudication (calf
   * pain on walking), from the findings that scored it; otherwise the cause's short name.
   */
  private String shortName(CauseAssessment cause) {
    if (cause.cause() == Cause.PERIPHERAL_ARTERY_DISEASE) {
      boolean rest =
          cause.supporting().stream().anyMatch(f -> f.basis().startsWith("Ischemic rest pain"));
      boolean claudication =
          cause.supporting().stream().anyMatch(f -> f.basis().startsWith("Edinburgh Claudication"));
      if (rest) {
        return "arterial rest pain";
      }
      if (claudication) {
        return "arterial claudication";
      }
    }
    return knowledge.shortName(cause.cause());
  }

  /** The display name, with arterial disease named as rest pain or claudication. */
  private String name(CauseAssessment cause) {
    String name = knowledge.name(cause.cause());
    String specific = shortName(cause);
    return specific.equals("arterial rest pain")
        ? name + " (ischemic rest pain)"
        : specific.equals("arterial claudication") ? name + " (claudication)" : name;
  }

  private String summary(CauseAssessment leading) {
    String name = shortName(leading);
    String evidence =
        leading.supporting().stream()
            .limit(2)
            .map(f -> Markdown.phrase(f.text()))
            .collect(Collectors.joining(", "));
    String because = evidence.isEmpty() ? "" : " (" + evidence + ")";
    return switch (leading.likelihood()) {
      case HIGH -> "Night leg pain: pattern fits " + name + because;
      case MODERATE -> "Night leg pain: " + name + " possible" + because;
      case LOW -> "Night leg pain: no single cause stands out";
    };
  }

  /**
   * Likely, do, rule out; one line for severity and sleep and the questionnaire date; what is
   * missing; the sources once. The ranking with every finding stays in the extension.
   */
  private CardText detail(Assessment assessment, List<String> alsoFlagged) {
    CauseAssessment leading = assessment.leading();
    CardText text = new CardText();
    text.line("Likely", likely(assessment));
    Complaint complaint = assessment.complaint();
    String questionnaire =
        complaint.questionnaireCurrent()
            ? "answered " + Dates.format(complaint.questionnaireDate())
            : complaint.questionnaireOnRecord()
                ? "answered " + Dates.format(complaint.questionnaireDate()) + " — ask again"
                : "none on record";
    text.optional(
        "Severity and sleep",
        (assessment.burden().isEmpty() ? "not reported" : assessment.burden().text())
            + ". Questionnaire "
            + questionnaire
            + ".");
    if (!assessment.onRecord().isEmpty()) {
      // low by our threshold, not only by the lab's flag: ferritin ≤75 is low in restless legs
      List<String> low = new ArrayList<>();
      for (NextStep acting : List.of(NextStep.CORRECT_ELECTROLYTES, NextStep.IRON_REPLETION)) {
        assessment.step(acting).map(Recommendation::evidence).ifPresent(low::addAll);
      }
      text.line("On record", Results.line(assessment.onRecord(), low, knowledge));
    }
    if (!assessment.context().isEmpty()) {
      text.line(
          "Bear in mind",
          assessment.context().stream().map(Finding::text).collect(Collectors.joining("; ")));
      assessment.context().forEach(f -> text.source(f.basis()));
    }
    List<String> steps = new ArrayList<>();
    Set<NextStep> onOtherCards =
        assessment.medicationEffects().stream()
            .flatMap(effect -> effect.checks().stream())
            .collect(Collectors.toSet());
    for (Recommendation step : assessment.nextSteps()) {
      if (!step.urgent() && !onOtherCards.contains(step.step())) {
        steps.add(
            step.step() == NextStep.IRON_REPLETION
                ? knowledge.step(step.step()).label() + ": " + step.reason()
                : knowledge.step(step.step()).label());
        text.source(knowledge.step(step.step()).source());
      }
    }
    for (Advice advice : assessment.withheldAdvice()) {
      steps.add(
          switch (advice) {
            case LEG_ELEVATION -> "no leg elevation until PAD is excluded";
            case HYDRATION -> "no extra fluids (heart failure or advanced CKD)";
            default -> "no heat (reduced sensation or blood flow)";
          });
    }
    if (steps.isEmpty()
        && !assessment.advice().isEmpty()
        && leading.likelihood().atLeast(Likelihood.MODERATE)) {
      steps.add("self-care advice for the patient (page linked below)");
    }
    text.line("Do", String.join("; ", steps));
    if (leading.likelihood().atLeast(Likelihood.MODERATE)) {
      String ruleOut = ruleOut(assessment, leading);
      if (!ruleOut.isBlank()) {
        text.line("Rule out", ruleOut);
      }
    }
    if (!alsoFlagged.isEmpty()) {
      text.optional("Also flagged", String.join("; ", alsoFlagged));
    }
    assessment.gaps().stream()
        .filter(gap -> !gap.contains("questionnaire") && !gap.startsWith(NOTHING_STANDS_OUT))
        .findFirst()
        .ifPresent(gap -> text.optional("Missing", gap));
    if (leading.likelihood().atLeast(Likelihood.MODERATE)) {
      // the sources of a cause that does not stand out would only mislead
      leading.supporting().stream().limit(3).forEach(f -> text.source(f.basis()));
    }
    return text;
  }

  private String likely(Assessment assessment) {
    CauseAssessment leading = assessment.leading();
    List<String> others =
        assessment.causes().stream()
            .skip(1)
            .filter(c -> c.likelihood().atLeast(Likelihood.MODERATE))
            .map(c -> shortName(c) + " (" + c.likelihood().code() + ")")
            .toList();
    if (!leading.likelihood().atLeast(Likelihood.MODERATE)) {
      return "no single cause stands out: the findings are too few or point different ways";
    }
    String findings =
        leading.supporting().stream()
            .limit(3)
            .map(f -> Markdown.phrase(f.text()))
            .collect(Collectors.joining(", "));
    return name(leading)
        + " ("
        + leading.likelihood().code()
        + ")"
        + (findings.isEmpty() ? "" : " — " + findings)
        + (others.isEmpty() ? "" : "; also " + String.join(", ", others));
  }

  private static String fmt(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }
}
