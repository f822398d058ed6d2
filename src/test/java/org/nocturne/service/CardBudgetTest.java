package org.nocturne.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nocturne.CardBudget;
import org.nocturne.Examples;
import org.nocturne.LocalServer;
import org.nocturne.cdshooks.CdsJson;

/**
 * Every patient-view answer in {@code hooks/} holds the card budget (contract, "Card budget").
 * Every clinical scenario test holds it too: {@code PatientFixture.assess()} checks its cards.
 */
class CardBudgetTest {

  static Stream<Path> patientViewAnswers() {
    return Examples.answersUnder(Path.of("hooks", "nocturnal-leg-pain"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("patientViewAnswers")
  void everyPatientViewExampleHoldsTheBudget(Path file) {
    var response = CdsJson.mapper().readTree(LocalServer.read(file));

    assertThat(CardBudget.patientView(response)).isEmpty();
  }

  @Test
  void theCheckCatchesALongDetailAReferenceAGradeAndAFourthCard() {
    String card =
        """
        {"uuid":"%s","summary":"s%s","indicator":"warning","detail":"%s",
         "source":{"label":"Nocturne CDS","url":"https://x.org/about"}}""";
    String response =
        "{\"cards\":["
            + card.formatted("1", "1", "x".repeat(701))
            + ","
            + card.formatted("2", "2", "see Observation/abi-left")
            + ","
            + card.formatted("3", "3", "ABI [V]")
            + ","
            + card.formatted("4", "4", "fine")
            + "]}";

    assertThat(CardBudget.patientView(CdsJson.mapper().readTree(response)))
        .hasSize(4)
        .anyMatch(p -> p.contains("701 characters"))
        .anyMatch(p -> p.contains("record reference"))
        .anyMatch(p -> p.contains("evidence grade"))
        .anyMatch(p -> p.contains("4 cards besides"));
  }
}
