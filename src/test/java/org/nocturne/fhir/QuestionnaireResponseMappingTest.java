package org.nocturne.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nocturne.fhir.Fhir.responses;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.nocturne.clinical.Answers;
import org.nocturne.clinical.Item;

class QuestionnaireResponseMappingTest {
  private static final String ANSWERS = QuestionnaireResponseMapper.ANSWER_SYSTEM;

  private static QuestionnaireResponse response(String id, String authored) {
    QuestionnaireResponse response = new QuestionnaireResponse();
    response.setId(id);
    response.setQuestionnaire(QuestionnaireResponseMapper.QUESTIONNAIRE);
    response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
    response.setAuthored(Date.from(java.time.Instant.parse(authored)));
    return response;
  }

  @Test
  void thePublishedExampleIsReadCompletelyThroughItsNestedGroups() throws Exception {
    var example =
        Fhir.CONTEXT
            .newJsonParser()
            .parseResource(
                QuestionnaireResponse.class,
                Files.readString(
                    Path.of("fhir-profiles/examples/QuestionnaireResponse-example.json")));

    var report = responses(example).report().orElseThrow();

    assertThat(report.reference()).isEqualTo("QuestionnaireResponse/example");
    assertThat(report.onset()).isEqualTo(Answers.Onset.TWO_WEEKS_TO_3_MONTHS);
    assertThat(report.painSeverity()).isEqualTo(7);
    assertThat(report.character())
        .containsExactlyInAnyOrder(
            Answers.PainCharacter.ACHING_HEAVINESS, Answers.PainCharacter.BURNING);
    assertThat(report.laterality()).isEqualTo(Answers.Laterality.LEFT);
    assertThat(report.yes(Item.RELIEF_DANGLING)).isTrue();
    assertThat(report.no(Item.RELIEF_STRETCHING)).isTrue();
    assertThat(report.skinChanges()).containsExactly(Answers.SkinChange.SHINY_HAIRLESS);
    assertThat(report.homeMeasuresTried()).containsExactly(Answers.HomeMeasure.DANGLING);
    assertThat(report.evidence(Item.RELIEF_DANGLING))
        .isEqualTo("QuestionnaireResponse/example#relief-dangling");
  }

  @Test
  void answersNestedUnderAnAnswerAreFoundAndUnknownLinkIdsIgnored() {
    QuestionnaireResponse response = response("qr", "2026-11-20T08:00:00Z");
    var swelling = response.addItem().setLinkId("swelling");
    var answer = swelling.addAnswer().setValue(new Coding(ANSWERS, "one-leg", null));
    answer.addItem().setLinkId("calf-tenderness").addAnswer().setValue(new BooleanType(true));
    response
        .addItem()
        .setLinkId("free-text-comment")
        .addAnswer()
        .setValue(new StringType("It hurts"));

    var facts = responses(response);

    assertThat(facts.report().orElseThrow().swelling()).isEqualTo(Answers.Swelling.ONE_LEG);
    assertThat(facts.report().orElseThrow().yes(Item.CALF_TENDERNESS)).isTrue();
    assertThat(facts.skipped()).isEmpty();
  }

  @Test
  void answersOfTheWrongTypeOrWithUnknownCodesAreSkippedWithTheirReason() {
    QuestionnaireResponse response = response("qr", "2026-11-20T08:00:00Z");
    response.addItem().setLinkId("fever").addAnswer().setValue(new StringType("yes"));
    response
        .addItem()
        .setLinkId("onset")
        .addAnswer()
        .setValue(new Coding(ANSWERS, "last-tuesday", null));
    response.addItem().setLinkId("pain-severity").addAnswer().setValue(new IntegerType(14));

    var facts = responses(response);

    var report = facts.report().orElseThrow();
    assertThat(report.yesNo()).isEmpty();
    assertThat(report.onset()).isNull();
    assertThat(report.painSeverity()).isNull();
    assertThat(facts.skipped())
        .containsExactly(
            "QuestionnaireResponse/qr#fever: expected a yes/no answer",
            "QuestionnaireResponse/qr#onset: unknown answer code 'last-tuesday'",
            "QuestionnaireResponse/qr#pain-severity: expected a whole number from 0 to 10");
  }

  @Test
  void theLatestCompletedResponseToOurQuestionnaireIsUsed() {
    QuestionnaireResponse older = response("older", "2026-10-01T08:00:00Z");
    older.addItem().setLinkId("fever").addAnswer().setValue(new BooleanType(true));
    QuestionnaireResponse newer = response("newer", "2026-11-20T08:00:00Z");
    newer.addItem().setLinkId("fever").addAnswer().setValue(new BooleanType(false));
    QuestionnaireResponse draft = response("draft", "2026-11-25T08:00:00Z");
    draft.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.INPROGRESS);
    QuestionnaireResponse versioned = response("versioned", "2026-11-21T08:00:00Z");
    versioned.setQuestionnaire(QuestionnaireResponseMapper.QUESTIONNAIRE + "|1.0.0");

    var report = responses(older, newer, draft, versioned).report().orElseThrow();

    assertThat(report.reference()).isEqualTo("QuestionnaireResponse/versioned");
  }

  @Test
  void aResponseToAnotherQuestionnaireIsIgnoredWithANote() {
    QuestionnaireResponse phq = response("phq9", "2026-11-20T08:00:00Z");
    phq.setQuestionnaire("http://loinc.org/q/44249-1");

    var facts = responses(phq);

    assertThat(facts.report()).isEmpty();
    assertThat(facts.skipped())
        .singleElement()
        .satisfies(
            note ->
                assertThat(note)
                    .startsWith("QuestionnaireResponse/phq9: answers another questionnaire"));
  }
}
