package org.nocturne.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nocturne.fhir.Fhir.responses;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.nocturne.clinical.facts.Answers;
import org.nocturne.clinical.facts.Item;

class QuestionnaireResponseMappingTest {
  private static final String ANSWERS = QuestionnaireResponseMapper.ANSWER_SYSTEM;

  private static QuestionnaireResponse response(String id, String authored) {
    QuestionnaireResponse response = new QuestionnaireResponse();
    response.setId(id);
    response.setQuestionnaire(QuestionnaireResponseMapper.QUESTIONNAIRE);
    response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
    response.setAuthored(Date.from(Instant.parse(authored)));
    return response;
  }

  private static QuestionnaireResponse parse(Path file) throws IOException {
    return Fhir.CONTEXT
        .newJsonParser()
        .parseResource(QuestionnaireResponse.class, Files.readString(file));
  }

  @Test
  void thePublishedExampleIsReadCompletelyThroughItsNestedGroups() throws Exception {
    var example = parse(Path.of("fhir-profiles/examples/QuestionnaireResponse-example.json"));

    var facts = responses(example);
    var report = facts.report().orElseThrow();

    assertThat(example.getQuestionnaire()).endsWith("|1.1.0");
    assertThat(report.reference()).isEqualTo("QuestionnaireResponse/example");
    assertThat(report.onset()).isEqualTo(Answers.Onset.TWO_WEEKS_TO_3_MONTHS);
    assertThat(report.painSeverity()).isEqualTo(7);
    assertThat(report.character())
        .containsExactlyInAnyOrder(
            Answers.PainCharacter.URGE_TO_MOVE, Answers.PainCharacter.CRAWLING_CREEPING);
    assertThat(report.laterality()).isEqualTo(Answers.Laterality.BOTH);
    assertThat(report.yes(Item.RELIEF_MOVING)).isTrue();
    assertThat(report.yes(Item.RETURNS_WHEN_STILL)).isTrue();
    assertThat(report.yes(Item.WORSE_SITTING_OR_LYING_STILL)).isTrue();
    assertThat(report.yes(Item.EVENING_CAFFEINE_OR_ALCOHOL)).isTrue();
    assertThat(report.no(Item.RELIEF_STRETCHING)).isTrue();
    assertThat(report.no(Item.CALF_TENDERNESS)).isTrue();
    assertThat(report.no(Item.SNORING_OR_APNOEA)).isTrue();
    assertThat(report.unsure(Item.FAMILY_HISTORY_RLS)).isTrue();
    assertThat(report.unsure(Item.WEIGHT_LOSS)).isTrue();
    assertThat(report.smoking()).isEqualTo(Answers.Smoking.FORMER);
    assertThat(report.skinChanges()).containsExactly(Answers.SkinChange.NONE);
    assertThat(report.homeMeasuresTried())
        .containsExactlyInAnyOrder(
            Answers.HomeMeasure.STRETCHING, Answers.HomeMeasure.WALKING_ABOUT);
    assertThat(report.evidence(Item.RELIEF_MOVING))
        .isEqualTo("QuestionnaireResponse/example#relief-moving");
    assertThat(facts.skipped()).isEmpty();
  }

  @Test
  void answersAlreadyOnRecordFromVersion100AreStillReadWithEveryLinkIdAndCode() throws Exception {
    var old = parse(Path.of("src/test/resources/questionnaire/QuestionnaireResponse-1.0.0.json"));

    var facts = responses(old);
    var report = facts.report().orElseThrow();

    assertThat(report.character())
        .containsExactlyInAnyOrder(
            Answers.PainCharacter.ACHING_HEAVINESS, Answers.PainCharacter.BURNING);
    assertThat(report.laterality()).isEqualTo(Answers.Laterality.LEFT);
    assertThat(report.yes(Item.RELIEF_DANGLING)).isTrue();
    assertThat(report.no(Item.RELIEF_STRETCHING)).isTrue();
    assertThat(report.no(Item.CALF_TENDERNESS)).isTrue();
    assertThat(report.skinChanges()).containsExactly(Answers.SkinChange.SHINY_HAIRLESS);
    assertThat(report.homeMeasuresTried()).containsExactly(Answers.HomeMeasure.DANGLING);
    assertThat(facts.skipped()).isEmpty();
  }

  @Test
  void notSureIsUnknownNeverNo() {
    QuestionnaireResponse response = response("qr", "2026-11-20T08:00:00Z");
    for (String linkId : List.of("calf-tenderness", "fever", "family-history-rls")) {
      response
          .addItem()
          .setLinkId(linkId)
          .addAnswer()
          .setValue(new Coding(ANSWERS, "not-sure", null));
    }
    response
        .addItem()
        .setLinkId("weight-loss")
        .addAnswer()
        .setValue(new Coding(ANSWERS, "yes", null));
    response
        .addItem()
        .setLinkId("previous-clot")
        .addAnswer()
        .setValue(new Coding(ANSWERS, "no", null));
    response
        .addItem()
        .setLinkId("skin-changes")
        .addAnswer()
        .setValue(new Coding(ANSWERS, "not-sure", null));

    var facts = responses(response);
    var report = facts.report().orElseThrow();

    for (Item item : List.of(Item.CALF_TENDERNESS, Item.FEVER, Item.FAMILY_HISTORY_RLS)) {
      assertThat(report.yes(item)).isFalse();
      assertThat(report.no(item)).isFalse();
      assertThat(report.unsure(item)).isTrue();
    }
    assertThat(report.yes(Item.WEIGHT_LOSS)).isTrue();
    assertThat(report.no(Item.PREVIOUS_CLOT)).isTrue();
    assertThat(report.skinChanges()).isEmpty();
    assertThat(report.unsure(Item.SKIN_CHANGES)).isTrue();
    assertThat(facts.skipped()).isEmpty();
  }

  @Test
  void noneSentWithOtherOptionsIsIgnoredAndNoneAloneIsKept() {
    QuestionnaireResponse response = response("qr", "2026-11-20T08:00:00Z");
    var skin = response.addItem().setLinkId("skin-changes");
    skin.addAnswer().setValue(new Coding(ANSWERS, "none", null));
    skin.addAnswer().setValue(new Coding(ANSWERS, "non-healing-sore", null));
    var home = response.addItem().setLinkId("home-measures-tried");
    home.addAnswer().setValue(new Coding(ANSWERS, "heat", null));
    home.addAnswer().setValue(new Coding(ANSWERS, "none", null));

    var facts = responses(response);
    var report = facts.report().orElseThrow();

    assertThat(report.skinChanges()).containsExactly(Answers.SkinChange.NON_HEALING_SORE);
    assertThat(report.homeMeasuresTried()).containsExactly(Answers.HomeMeasure.HEAT);
    assertThat(facts.skipped()).hasSize(2);

    QuestionnaireResponse alone = response("qr2", "2026-11-20T08:00:00Z");
    alone
        .addItem()
        .setLinkId("skin-changes")
        .addAnswer()
        .setValue(new Coding(ANSWERS, "none", null));
    assertThat(responses(alone).report().orElseThrow().skinChanges())
        .containsExactly(Answers.SkinChange.NONE);
  }

  @Test
  void theNewRiskFactorItemsAreReadAsTypedFacts() {
    QuestionnaireResponse response = response("qr", "2026-11-20T08:00:00Z");
    response
        .addItem()
        .setLinkId("smoking")
        .addAnswer()
        .setValue(new Coding(ANSWERS, "current-smoker", null));
    for (String linkId :
        List.of(
            "long-travel",
            "worse-sitting-or-coughing",
            "eased-bending-forward-or-sitting",
            "evening-caffeine-or-alcohol")) {
      response.addItem().setLinkId(linkId).addAnswer().setValue(new BooleanType(true));
    }
    for (String linkId :
        List.of("oestrogen-medicine", "pregnant-or-recent-birth", "snoring-or-apnoea")) {
      response.addItem().setLinkId(linkId).addAnswer().setValue(new Coding(ANSWERS, "yes", null));
    }

    var report = responses(response).report().orElseThrow();

    assertThat(report.smoking()).isEqualTo(Answers.Smoking.CURRENT);
    assertThat(report.yes(Item.LONG_TRAVEL)).isTrue();
    assertThat(report.yes(Item.WORSE_SITTING_OR_COUGHING)).isTrue();
    assertThat(report.yes(Item.EASED_BENDING_FORWARD_OR_SITTING)).isTrue();
    assertThat(report.yes(Item.EVENING_CAFFEINE_OR_ALCOHOL)).isTrue();
    assertThat(report.yes(Item.OESTROGEN_MEDICINE)).isTrue();
    assertThat(report.yes(Item.PREGNANT_OR_RECENT_BIRTH)).isTrue();
    assertThat(report.yes(Item.SNORING_OR_APNOEA)).isTrue();
  }

  @Test
  void aVersionedCanonicalIsOurQuestionnaire() {
    QuestionnaireResponse response = response("qr", "2026-11-20T08:00:00Z");
    response.setQuestionnaire(QuestionnaireResponseMapper.QUESTIONNAIRE + "|1.1.0");
    response.addItem().setLinkId("fever").addAnswer().setValue(new BooleanType(true));

    assertThat(responses(response).report().orElseThrow().yes(Item.FEVER)).isTrue();
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
