package org.nocturne.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nocturne.cdshooks.Card;
import org.nocturne.cdshooks.Coding;
import org.nocturne.cdshooks.Indicator;
import org.nocturne.cdshooks.Source;

class MissingDataNoticeTest {
  private static final CardContext CONTEXT =
      new CardContext("h-1", "p1", "https://cds.example.org/", null);
  private static final NotRead MISSING =
      new NotRead(List.of("conditions (the FHIR server did not answer)"), true);

  private static Card card(String detail) {
    return new Card(
        "c-1",
        "A card",
        detail,
        Indicator.WARNING,
        new Source("Nocturne CDS", null, null, Coding.of("http://x", "legCramps")),
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void nothingMissingLeavesTheAnswerAsItIs() {
    List<Card> answer = List.of(card("text"));

    assertThat(MissingDataNotice.apply(answer, NotRead.nothing(), CONTEXT)).isSameAs(answer);
  }

  @Test
  void aSilentAnswerStaysSilentWhenAKeyWasOnlyNotSentAndNothingFailed() {
    NotRead notSent =
        new NotRead(
            List.of("questionnaireResponse (not prefetched and no fhirServer was given)"), false);

    assertThat(MissingDataNotice.apply(List.of(), notSent, CONTEXT)).isEmpty();
    assertThat(MissingDataNotice.apply(List.of(card("text")), notSent, CONTEXT))
        .singleElement()
        .extracting(Card::detail)
        .asString()
        .contains("questionnaireResponse (not prefetched");
  }

  @Test
  void theLineJoinsTheFirstCardWithRoom() {
    List<Card> cards = MissingDataNotice.apply(List.of(card("text")), MISSING, CONTEXT);

    assertThat(cards)
        .singleElement()
        .extracting(Card::detail)
        .asString()
        .endsWith("Not read from the record: conditions (the FHIR server did not answer).");
  }

  @Test
  void aloneTheNoticeIsACardWithAUuidAndATopic() {
    Card notice = MissingDataNotice.apply(List.of(), MISSING, CONTEXT).get(0);

    assertThat(notice.uuid()).isNotBlank();
    assertThat(notice.source().topic().code()).isEqualTo("dataUnavailable");
    assertThat(notice.source().url()).isEqualTo("https://cds.example.org/about");
    assertThat(notice.summary()).contains("no guidance is due on what was read");
  }

  @Test
  void besideAFullCardTheNoticeSaysTheOtherCardsMayBeIncomplete() {
    List<Card> cards = MissingDataNotice.apply(List.of(card("x".repeat(690))), MISSING, CONTEXT);

    assertThat(cards).hasSize(2);
    assertThat(cards.get(1).summary())
        .contains("the other cards may be incomplete")
        .doesNotContain("no guidance is due");
    assertThat(cards.get(1).uuid()).isNotEqualTo(cards.get(0).uuid());
  }
}
