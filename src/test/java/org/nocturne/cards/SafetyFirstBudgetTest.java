package org.nocturne.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nocturne.cdshooks.Card;
import org.nocturne.cdshooks.Coding;
import org.nocturne.cdshooks.Indicator;
import org.nocturne.cdshooks.Source;

/** Issue 24: safety first within the 700 characters, and one checker for the cards' agreement. */
class SafetyFirstBudgetTest {
  private static final String LONG = "word ".repeat(200).strip();

  @Test
  void theActionIsNeverCut_theSecondaryLinesGoFirst() {
    String action = "Refer to vascular surgery today; do not elevate or compress the leg.";
    String detail =
        new CardText()
            .line("Found", LONG)
            .essential("Do now", action)
            .optional("Why", LONG)
            .render();

    assertThat(detail).contains("**Do now:** " + action).doesNotContain("**Why:**");
    assertThat(detail.length()).isLessThanOrEqualTo(CardText.MAX);
  }

  @Test
  void aShortenedLineEndsAtAWholeWord() {
    String detail =
        new CardText()
            .line("Likely", "peripheral neuropathy " + "alphabetical ".repeat(80))
            .essential("Do", "Replace B12.")
            .render();

    String likely = detail.substring(0, detail.indexOf("\n\n"));
    assertThat(likely).endsWith("alphabetical…");
    assertThat(detail).endsWith("**Do:** Replace B12.");
    assertThat(detail.length()).isLessThanOrEqualTo(CardText.MAX);
  }

  private static Card card(String system, String code, Indicator indicator, String detail) {
    return new Card(
        "u-" + code,
        code,
        detail,
        indicator,
        new Source(
            "Nocturne CDS", "https://cds.example.org/about", null, new Coding(system, code, code)),
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void chronicVenousDiseaseBesideASuspectedDvt_isIncoherent() {
    var cards =
        List.of(
            card(Vocabulary.RED_FLAGS, "deepVeinThrombosis", Indicator.CRITICAL, "Ultrasound."),
            card(Vocabulary.CAUSES, "venousInsufficiency", Indicator.INFO, "Likely venous."));

    assertThat(AnswerCoherence.violations(cards))
        .anyMatch(v -> v.contains("chronic venous disease"));
  }

  @Test
  void exerciseBesideLimbThreateningIschaemia_andAnotherLeadingCause_areIncoherent() {
    var cards =
        List.of(
            card(
                Vocabulary.RED_FLAGS,
                "chronicLimbThreateningIschemia",
                Indicator.CRITICAL,
                "Refer today."),
            card(
                Vocabulary.CAUSES,
                "legCramps",
                Indicator.INFO,
                "Do: supervised exercise for 12 weeks."));

    assertThat(AnswerCoherence.violations(cards))
        .anyMatch(v -> v.contains("exercise"))
        .anyMatch(v -> v.contains("leading cause is legCramps"));
  }

  @Test
  void aCardWithoutItsServicePage_orOutOfUrgencyOrder_isIncoherent() {
    var noUrl =
        new Card(
            "u",
            "s",
            "d",
            Indicator.INFO,
            new Source("Nocturne CDS", null, null, new Coding(Vocabulary.CARD_KINDS, "x", "x")),
            null,
            null,
            null,
            null,
            null);
    var critical = card(Vocabulary.RED_FLAGS, "caudaEquina", Indicator.CRITICAL, "MRI today.");

    assertThat(AnswerCoherence.violations(List.of(noUrl, critical)))
        .anyMatch(v -> v.contains("source.url"))
        .anyMatch(v -> v.contains("more urgent"));
  }
}
