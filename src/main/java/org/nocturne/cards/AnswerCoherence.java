package org.nocturne.cards;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.nocturne.cdshooks.Action;
import org.nocturne.cdshooks.Card;
import org.nocturne.cdshooks.Indicator;
import org.nocturne.cdshooks.Suggestion;

/**
 * The rules that make the cards of one answer agree with each other (contract, "Card budget"; issue
 * 24, "Coherence across the cards of one answer"). A raised red flag governs its companions:
 *
 * <ol>
 *   <li>every card has a topic and a {@code source.url} (the service's page about itself);
 *   <li>cards are ordered critical, warning, info, and no topic appears twice;
 *   <li>beside a suspected deep-vein thrombosis or unexplained swelling, no card names chronic
 *       venous disease as the cause or suggests putting it on the problem list, and no card advises
 *       compression;
 *   <li>beside limb-threatening or acute ischaemia, no card suggests exercise therapy or
 *       compression, and the leading cause, when there is one, is arterial disease;
 *   <li>beside a suspected infection or malignancy, no card offers a benign cramp explanation as
 *       the leading cause;
 * </ol>
 *
 * The services' answers are checked against these rules in tests on every answer; the planner and
 * the renderers are built to satisfy them.
 */
public final class AnswerCoherence {
  private static final Set<String> VENOUS_CONFLICTS =
      Set.of("deepVeinThrombosis", "unexplainedSwelling");
  private static final Set<String> ISCHAEMIA =
      Set.of("chronicLimbThreateningIschemia", "acuteLimbIschemia");
  private static final Pattern EXERCISE =
      Pattern.compile("supervised exercise|exercise therapy|walking programme|walking program");
  private static final Pattern COMPRESSION_ADVICE =
      Pattern.compile("(start|try|wear|fit|consider) (graduated )?compression");
  private static final Pattern MALIGNANCY = Pattern.compile("cancer|metasta|calcium");
  private static final Pattern VENOUS_CODE = Pattern.compile("\"I87\\.2\"|\"I83|\"I87\\.0");

  private AnswerCoherence() {}

  /** Each rule the answer breaks, in words; empty when the cards agree. */
  public static List<String> violations(List<Card> cards) {
    List<String> broken = new ArrayList<>();
    Set<String> topics = new HashSet<>();
    int last = -1;
    for (Card card : cards) {
      String topic = topic(card);
      if (topic == null) {
        broken.add("a card has no source.topic: " + card.summary());
      } else if (!topics.add(topic)) {
        broken.add("two cards carry the topic " + topic);
      }
      if (card.source().url() == null) {
        broken.add("card " + topic + " has no source.url");
      }
      int rank =
          List.of(Indicator.CRITICAL, Indicator.WARNING, Indicator.INFO).indexOf(card.indicator());
      if (rank < last) {
        broken.add("card " + topic + " is more urgent than a card before it");
      }
      last = Math.max(last, rank);
    }
    String leadingCause =
        cards.stream()
            .filter(c -> Vocabulary.CAUSES.equals(c.source().topic().system()))
            .map(AnswerCoherence::topic)
            .findFirst()
            .orElse(null);
    if (topics.stream().anyMatch(VENOUS_CONFLICTS::contains)) {
      if (topics.contains("venousInsufficiency")) {
        broken.add(
            "chronic venous disease named as a cause beside a suspected DVT or unexplained swelling");
      }
      for (Card card : cards) {
        if (VENOUS_CODE.matcher(suggestionText(card)).find()) {
          broken.add(
              "card "
                  + topic(card)
                  + " suggests chronic venous disease for the problem list beside a suspected DVT");
        }
        if (COMPRESSION_ADVICE.matcher(text(card)).find()) {
          broken.add("card " + topic(card) + " advises compression beside a suspected DVT");
        }
      }
    }
    if (topics.stream().anyMatch(ISCHAEMIA::contains)) {
      for (Card card : cards) {
        if (EXERCISE.matcher(text(card)).find() || EXERCISE.matcher(suggestionText(card)).find()) {
          broken.add(
              "card "
                  + topic(card)
                  + " suggests exercise therapy beside limb-threatening ischaemia");
        }
        if (COMPRESSION_ADVICE.matcher(text(card)).find()) {
          broken.add(
              "card " + topic(card) + " advises compression beside limb-threatening ischaemia");
        }
      }
      if (leadingCause != null && !"peripheralArteryDisease".equals(leadingCause)) {
        broken.add("limb-threatening ischaemia raised but the leading cause is " + leadingCause);
      }
    }
    // a suspected bone metastasis (cancer, calcium) is not explained away as cramps
    if ("legCramps".equals(leadingCause)
        && cards.stream()
            .anyMatch(
                c ->
                    "infectionOrMalignancy".equals(topic(c))
                        && c.indicator() == Indicator.CRITICAL
                        && MALIGNANCY.matcher(found(c)).find())) {
      broken.add("benign cramps named as the leading cause beside a suspected malignancy");
    }
    return broken;
  }

  private static String topic(Card card) {
    return card.source() == null || card.source().topic() == null
        ? null
        : card.source().topic().code();
  }

  private static String text(Card card) {
    return ((card.summary() == null ? "" : card.summary())
            + "\n"
            + (card.detail() == null ? "" : card.detail()))
        .toLowerCase(Locale.ROOT);
  }

  /** The summary and the first line of the detail: what the card found. */
  private static String found(Card card) {
    String detail = card.detail() == null ? "" : card.detail();
    int end = detail.indexOf("\n\n");
    return (card.summary() + "\n" + (end < 0 ? detail : detail.substring(0, end)))
        .toLowerCase(Locale.ROOT);
  }

  private static String suggestionText(Card card) {
    if (card.suggestions() == null) {
      return "";
    }
    StringBuilder all = new StringBuilder();
    for (Suggestion suggestion : card.suggestions()) {
      all.append(suggestion.label().toLowerCase(Locale.ROOT)).append('\n');
      if (suggestion.actions() != null) {
        for (Action action : suggestion.actions()) {
          all.append(action.description().toLowerCase(Locale.ROOT)).append('\n');
          if (action.resource() != null) {
            all.append(action.resource().toString()).append('\n');
          }
        }
      }
    }
    return all.toString();
  }
}
