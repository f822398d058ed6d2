package org.nocturne.cards;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nocturne.cdshooks.Card;
import org.nocturne.cdshooks.CdsJson;
import org.nocturne.cdshooks.Indicator;
import org.nocturne.cdshooks.LinkType;
import org.nocturne.clinical.Answers;
import org.nocturne.clinical.CauseModel;
import org.nocturne.clinical.Item;
import org.nocturne.clinical.Knowledge;
import org.nocturne.clinical.Measure;
import org.nocturne.clinical.Measurement;
import org.nocturne.clinical.PatientFacts;
import org.nocturne.clinical.Sex;
import org.nocturne.clinical.Side;
import org.nocturne.clinical.SymptomReport;

class CardRendererTest {
  private static final Knowledge KNOWLEDGE = Knowledge.load();
  private static final CardRenderer RENDERER =
      new CardRenderer(KNOWLEDGE, FhirContext.forR4Cached());
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
  private static final CardContext CONTEXT =
      new CardContext("h-1", "p1", "https://cds.example.org/", null);

  private static PatientFacts facts(SymptomReport report, Measurement... measurements) {
    return new PatientFacts(
        "Patient/p1",
        70,
        Sex.MALE,
        List.of(),
        List.of(measurements),
        List.of(),
        report,
        List.of(),
        List.of());
  }

  private static List<Card> render(PatientFacts facts, CardContext context) {
    return RENDERER.patientView(new CauseModel(KNOWLEDGE).assess(facts, TODAY), context);
  }

  @Test
  void withoutAQuestionnaireTheOnlyCardAsksForIt() {
    var cards = render(facts(null), CONTEXT);

    assertThat(cards)
        .singleElement()
        .satisfies(
            card -> {
              assertThat(card.source().topic().code()).isEqualTo("questionnaire-needed");
              assertThat(card.links().get(0).url())
                  .isEqualTo("https://cds.example.org/fhir/Questionnaire/nocturnal-leg-pain");
            });
  }

  @Test
  void aConfiguredLaunchUrlMakesTheQuestionnaireLinkASmartLink() {
    var cards =
        render(
            facts(null),
            new CardContext(
                "h-1", "p1", "https://cds.example.org", "https://app.example.org/launch"));

    assertThat(cards.get(0).links().get(0).type()).isEqualTo(LinkType.SMART);
    assertThat(cards.get(0).links().get(0).appContext()).contains("nocturnal-leg-pain");
  }

  @Test
  void aCriticalFlagComesFirstAndOffersASameDayOrder() {
    var report =
        SymptomReport.builder("QuestionnaireResponse/q")
            .yes(Item.RELIEF_DANGLING, Item.WORSE_LYING_FLAT)
            .build();
    var abi =
        new Measurement(
            Measure.ANKLE_BRACHIAL_INDEX, 0.32, Side.RIGHT, TODAY.minusDays(3), "Observation/abi");

    var cards = render(facts(report, abi), CONTEXT);

    Card first = cards.get(0);
    assertThat(first.indicator()).isEqualTo(Indicator.CRITICAL);
    assertThat(first.source().topic().code()).isEqualTo("chronic-limb-threatening-ischemia");
    var order =
        CdsJson.mapper().valueToTree(first.suggestions().get(0).actions().get(0).resource());
    assertThat(order.path("priority").asString()).isEqualTo("stat");
    assertThat(order.path("subject").path("reference").asString()).isEqualTo("Patient/p1");
    assertThat(first.suggestions().get(0).isRecommended()).isTrue();
    assertThat(first.overrideReasons()).hasSize(4);
  }

  @Test
  void theDifferentialSuggestsTheMissingAbiAndExplainsItself() {
    var report =
        SymptomReport.builder("QuestionnaireResponse/q")
            .location(Answers.Location.FOOT_TOES)
            .yes(Item.RELIEF_DANGLING, Item.WORSE_LYING_FLAT)
            .build();

    var differential =
        render(facts(report), CONTEXT).stream()
            .filter(c -> c.source().topic().code().equals("peripheral-artery-disease"))
            .findFirst()
            .orElseThrow();

    assertThat(differential.summary())
        .startsWith("Night leg pain: pattern fits arterial rest pain");
    assertThat(differential.suggestions())
        .extracting(s -> s.label())
        .containsExactly("Order: Resting ankle-brachial index (both legs)");
    assertThat(differential.detail())
        .contains("| Cause | Likelihood | Score |")
        .contains("JAMA Arch Surg 1969")
        .contains("Why high: Peripheral artery disease")
        .contains("Let the legs hang down");
    assertThat(differential.links().get(0).url())
        .isEqualTo("https://cds.example.org/education/peripheral-artery-disease");
  }

  @Test
  void uuidsAreStablePerCallAndDifferAcrossCalls() {
    var report = SymptomReport.builder("QuestionnaireResponse/q").yes(Item.FEVER).build();

    var once = render(facts(report), CONTEXT);
    var again = render(facts(report), CONTEXT);
    var other =
        render(facts(report), new CardContext("h-2", "p1", "https://cds.example.org", null));

    assertThat(once).extracting(Card::uuid).isEqualTo(again.stream().map(Card::uuid).toList());
    assertThat(once.get(0).uuid()).isNotEqualTo(other.get(0).uuid());
  }

  @Test
  void summariesStayUnder140CharactersWhateverTheFindings() {
    assertThat(Markdown.summary("x".repeat(300))).hasSizeLessThan(140).endsWith("…");
    assertThat(Markdown.phrase("ABI 0.58 left (≤0.90 abnormal)")).isEqualTo("ABI 0.58 left");
    assertThat(Markdown.phrase("Eased by moving")).isEqualTo("eased by moving");
  }
}
