package org.nocturne.site;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nocturne.Readability;
import org.nocturne.cards.CardContext;
import org.nocturne.cards.CardRenderer;
import org.nocturne.cards.NotRead;
import org.nocturne.cdshooks.Card;
import org.nocturne.clinical.CauseModel;
import org.nocturne.clinical.conclusions.Advice;
import org.nocturne.clinical.conclusions.Cause;
import org.nocturne.clinical.facts.Answers;
import org.nocturne.clinical.facts.ComplaintWindow;
import org.nocturne.clinical.facts.Diagnosis;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.facts.PatientFacts;
import org.nocturne.clinical.facts.Sex;
import org.nocturne.clinical.facts.SymptomReport;
import org.nocturne.clinical.knowledge.Knowledge;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Issue 11 §2: the education page a card links to leaves out the advice the card withheld for its
 * patient, and says nothing the card forbids.
 */
class EducationPageVariantsTest {
  private static final Knowledge KNOWLEDGE = Knowledge.load();
  private static final EducationPages PAGES = new EducationPages(KNOWLEDGE);
  private static final CardRenderer RENDERER =
      new CardRenderer(KNOWLEDGE, FhirContext.forR4Cached());
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
  private static final CardContext CONTEXT =
      new CardContext("h-1", "p1", "https://cds.example.org/", null);

  /** Words that recommend the advice, which must not appear outside a "do not" warning. */
  private static List<String> recommending(Advice advice) {
    return switch (advice) {
      case HYDRATION -> List.of("Drink enough", "drink more");
      case HEAT -> List.of("warm bath", "heat pad can");
      case LEG_ELEVATION -> List.of("legs up", "raising your legs");
      default -> List.of(KNOWLEDGE.patientAdvice(advice));
    };
  }

  private static PatientFacts patient(List<Diagnosis> diagnoses, SymptomReport report) {
    return new PatientFacts(
        "Patient/p1",
        72,
        Sex.FEMALE,
        diagnoses,
        List.of(),
        List.of(),
        report,
        List.of(),
        List.of());
  }

  /** The card's education link and the page it leads to. */
  private record Followed(String url, String page) {}

  /** Follows the differential card's education link as the patient's browser would. */
  private static Followed followEducationLink(PatientFacts facts) {
    List<Card> cards =
        RENDERER.patientView(
            new CauseModel(KNOWLEDGE, ComplaintWindow.DEFAULT).assess(facts, TODAY),
            CONTEXT,
            NotRead.nothing());
    String url =
        cards.stream()
            .flatMap(c -> c.links() == null ? Stream.empty() : c.links().stream())
            .map(link -> link.url())
            .filter(u -> u.contains("/education/"))
            .findFirst()
            .orElseThrow();
    UriComponents uri = UriComponentsBuilder.fromUriString(url).build();
    List<String> without =
        uri.getQueryParams().getOrDefault("without", List.of()).stream()
            .flatMap(value -> Arrays.stream(value.split(",")))
            .toList();
    return new Followed(url, PAGES.page(uri.getPathSegments().get(1), without).orElseThrow());
  }

  /** The page without its "do not" warnings: what it recommends. */
  private static String recommendations(String page) {
    return page.replaceAll("<p class=\"warn\">.*?</p>", "");
  }

  private static SymptomReport cramps() {
    return SymptomReport.builder("QuestionnaireResponse/q")
        .authored(TODAY)
        .character(Answers.PainCharacter.CRAMP_HARD_MUSCLE)
        .yes(Item.RELIEF_STRETCHING)
        .build();
  }

  @Test
  void heartFailureCrampsLinkToAPageWithoutFluidAdvice_andSayWhy() {
    Followed failing =
        followEducationLink(
            patient(List.of(Diagnosis.current(Disorder.HEART_FAILURE, "Condition/hf")), cramps()));
    Followed well = followEducationLink(patient(List.of(), cramps()));
    String withFailure = failing.page();
    String withoutFailure = well.page();

    assertThat(failing.url())
        .isEqualTo("https://cds.example.org/education/leg-cramps?without=hydration");
    assertThat(well.url()).isEqualTo("https://cds.example.org/education/leg-cramps");

    assertThat(withoutFailure).contains(KNOWLEDGE.patientAdvice(Advice.HYDRATION));
    assertThat(recommendations(withFailure))
        .doesNotContain(KNOWLEDGE.patientAdvice(Advice.HYDRATION))
        .doesNotContain("Drink enough")
        .contains(KNOWLEDGE.patientAdvice(Advice.CALF_AND_HAMSTRING_STRETCHING));
    assertThat(withFailure).contains(KNOWLEDGE.patientWithheld(Advice.HYDRATION).orElseThrow());
  }

  @Test
  void crampsWithPadOnRecordLinkToAPageWithoutHeat() {
    Followed followed =
        followEducationLink(
            patient(
                List.of(Diagnosis.current(Disorder.PERIPHERAL_ARTERY_DISEASE, "Condition/pad")),
                cramps()));

    assertThat(followed.url()).contains("without=").contains("heat");
    assertThat(recommendations(followed.page())).doesNotContain(recommending(Advice.HEAT));
    assertThat(followed.page()).contains(KNOWLEDGE.patientWithheld(Advice.HEAT).orElseThrow());
  }

  @Test
  void heavySwollenLegsWithPadOnRecordLinkToAPageWithoutElevationOrHeat() {
    var report =
        SymptomReport.builder("QuestionnaireResponse/q")
            .authored(TODAY)
            .character(Answers.PainCharacter.ACHING_HEAVINESS)
            .yes(Item.RELIEF_ELEVATION, Item.SWELLING)
            .build();
    Followed followed =
        followEducationLink(
            patient(
                List.of(Diagnosis.current(Disorder.PERIPHERAL_ARTERY_DISEASE, "Condition/pad")),
                report));
    String page = followed.page();

    assertThat(followed.url()).contains("/education/venous-insufficiency?without=leg-elevation");
    assertThat(PAGES.page("venous-insufficiency").orElseThrow())
        .contains("legs up")
        .contains("raising your legs");

    String recommended = recommendations(page);
    for (Advice unsafe : List.of(Advice.LEG_ELEVATION, Advice.HEAT)) {
      assertThat(recommended).doesNotContain(recommending(unsafe));
    }
    assertThat(page).contains(KNOWLEDGE.patientWithheld(Advice.LEG_ELEVATION).orElseThrow());
  }

  @ParameterizedTest
  @EnumSource(Cause.class)
  void noVariantRecommendsWhatItWithholds_andEachReadsAsPlainEnglish(Cause cause) {
    for (Advice withheld : List.of(Advice.HYDRATION, Advice.HEAT, Advice.LEG_ELEVATION)) {
      String page = PAGES.page(cause.code(), List.of(withheld.key())).orElseThrow();

      assertThat(recommendations(page))
          .as("%s without %s", cause.code(), withheld.key())
          .doesNotContain(recommending(withheld));
      assertThat(page).contains(KNOWLEDGE.patientWithheld(withheld).orElseThrow());
      assertThat(Readability.fleschReadingEase(EducationPagesTest.blocks(page)))
          .isGreaterThanOrEqualTo(60);
    }
  }

  @ParameterizedTest
  @EnumSource(Cause.class)
  void unknownOrNoCodesGiveThePlainPage(Cause cause) {
    String plain = PAGES.page(cause.code()).orElseThrow();

    assertThat(PAGES.page(cause.code(), List.of())).contains(plain);
    assertThat(
            PAGES.page(
                cause.code(), List.of("no-such-advice", "<script>", "", "HEAT", "legs-down")))
        .contains(plain);
  }
}
