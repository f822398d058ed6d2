package org.nocturne.cards;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Coding;
import org.nocturne.cdshooks.Card;
import org.nocturne.cdshooks.Indicator;
import org.nocturne.cdshooks.Link;
import org.nocturne.cdshooks.SelectionBehavior;
import org.nocturne.cdshooks.Suggestion;
import org.nocturne.clinical.Assessment;
import org.nocturne.clinical.conclusions.NextStep;
import org.nocturne.clinical.conclusions.RaisedFlag;
import org.nocturne.clinical.conclusions.Recommendation;
import org.nocturne.clinical.conclusions.RedFlag;
import org.nocturne.clinical.conclusions.Urgency;
import org.nocturne.clinical.knowledge.Knowledge;

/** One card per red flag: what was found, why it matters, what to do now, and the order for it. */
final class RedFlagCards {
  /** The same-day orders a red flag's card may carry, when the planner chose them. */
  private static final Map<RedFlag, List<NextStep>> ORDERS =
      Map.of(
          RedFlag.ACUTE_LIMB_ISCHEMIA, List.of(NextStep.EMERGENCY_VASCULAR_REFERRAL),
          RedFlag.CHRONIC_LIMB_THREATENING_ISCHEMIA,
              List.of(
                  NextStep.URGENT_VASCULAR_REFERRAL,
                  NextStep.VASCULAR_REFERRAL,
                  NextStep.TOE_BRACHIAL_INDEX),
          RedFlag.DEEP_VEIN_THROMBOSIS, List.of(NextStep.VENOUS_DUPLEX, NextStep.D_DIMER),
          RedFlag.CAUDA_EQUINA, List.of(NextStep.URGENT_LUMBAR_MRI));

  private final Knowledge knowledge;
  private final Suggestions suggestions;

  RedFlagCards(Knowledge knowledge, Suggestions suggestions) {
    this.knowledge = knowledge;
    this.suggestions = suggestions;
  }

  List<Card> render(Assessment assessment, CardContext context) {
    List<Card> cards = new ArrayList<>();
    for (RaisedFlag flag : assessment.redFlags()) {
      cards.add(card(flag, assessment, context));
    }
    return cards;
  }

  private Card card(RaisedFlag flag, Assessment assessment, CardContext context) {
    Knowledge.Guidance guidance = knowledge.flag(flag.guidance());
    String key = "flag|" + flag.flag().code();
    String found =
        flag.findings().stream()
            .limit(2)
            .map(f -> Markdown.phrase(f.text()))
            .collect(Collectors.joining(", "));
    Coding reason =
        new Coding(
            Vocabulary.RED_FLAGS, flag.flag().topicCode(), knowledge.flag(flag.flag()).display());
    List<Suggestion> orders = new ArrayList<>();
    for (NextStep step : ORDERS.getOrDefault(flag.flag(), List.of())) {
      assessment
          .step(step)
          .filter(Recommendation::urgent)
          .map(r -> suggestions.order(step, context, reason, priority(step), true, key))
          .ifPresent(orders::addAll);
    }
    CardText text = text(flag, guidance);
    // the guidelines behind what the card tells the physician to do; a finding's own basis (Wells
    // behind "one leg swollen") could contradict it (Wells is not valid in pregnancy)
    List<Link> links = GuidelineLinks.of(knowledge, List.of(guidance.source()));
    return new Card(
        context.uuid(key),
        Markdown.summary(guidance.display() + ": " + found),
        text.render(),
        flag.urgency() == Urgency.CRITICAL ? Indicator.CRITICAL : Indicator.WARNING,
        Vocabulary.source(
            Vocabulary.RED_FLAGS,
            flag.flag().topicCode(),
            knowledge.flag(flag.flag()).display(),
            context),
        orders.isEmpty() ? null : orders,
        orders.isEmpty() ? null : SelectionBehavior.ANY,
        Vocabulary.OVERRIDE_REASONS,
        links.isEmpty() ? null : links,
        null);
  }

  /** Found, do now, why; the sources become links; the record references stay in the extension. */
  static String detail(RaisedFlag flag, Knowledge.Guidance guidance) {
    return text(flag, guidance).render();
  }

  private static CardText text(RaisedFlag flag, Knowledge.Guidance guidance) {
    CardText text =
        new CardText()
            .line("Found", CardText.sentence(flag.findings().stream().map(f -> f.text()).toList()))
            .essential("Do now", guidance.action())
            .optional("Why", guidance.text())
            .source(guidance.source());
    return text;
  }

  private static String priority(NextStep step) {
    return step == NextStep.EMERGENCY_VASCULAR_REFERRAL
            || step == NextStep.URGENT_VASCULAR_REFERRAL
            || step == NextStep.URGENT_LUMBAR_MRI
        ? "stat"
        : "urgent";
  }
}
