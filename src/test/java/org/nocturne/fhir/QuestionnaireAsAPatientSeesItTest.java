package org.nocturne.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemEnableWhenComponent;
import org.hl7.fhir.r4.model.Type;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nocturne.Readability;
import org.nocturne.clinical.facts.Item;

/**
 * The questionnaire as a patient meets it: which items a patient sees for the answers given (the
 * FHIR R4 enableWhen rules, evaluated here as a renderer does), the urgent-care messages, "not
 * sure", exclusive "none", the controls, the readability of its words, and how many items a typical
 * patient answers.
 */
class QuestionnaireAsAPatientSeesItTest {
  private static final String ANSWERS = QuestionnaireResponseMapper.ANSWER_SYSTEM;
  private static final String EXCLUSIVE =
      "http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive";
  private static final String ITEM_CONTROL =
      "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";
  private static Questionnaire questionnaire;
  private static final Map<String, QuestionnaireItemComponent> ITEMS = new LinkedHashMap<>();

  @BeforeAll
  static void load() throws IOException {
    questionnaire =
        Fhir.CONTEXT
            .newJsonParser()
            .parseResource(
                Questionnaire.class,
                Files.readString(Path.of("fhir-profiles/Questionnaire-nocturnal-leg-pain.json")));
    index(questionnaire.getItem());
  }

  private static void index(List<QuestionnaireItemComponent> items) {
    for (QuestionnaireItemComponent item : items) {
      ITEMS.put(item.getLinkId(), item);
      index(item.getItem());
    }
  }

  /** A patient filling the form in: answers given, read in order, only for items shown. */
  private static final class Patient {
    private final Map<String, List<Type>> given = new HashMap<>();

    Patient yes(String... linkIds) {
      for (String linkId : linkIds) {
        given.put(linkId, answer(linkId, true));
      }
      return this;
    }

    Patient no(String... linkIds) {
      for (String linkId : linkIds) {
        given.put(linkId, answer(linkId, false));
      }
      return this;
    }

    Patient choose(String linkId, String... codes) {
      List<Type> answers = new ArrayList<>();
      for (String code : codes) {
        answers.add(new Coding(ANSWERS, code, null));
      }
      given.put(linkId, answers);
      return this;
    }

    /** A yes/no item answers with a boolean, or with the codes when it offers "not sure". */
    private static List<Type> answer(String linkId, boolean value) {
      QuestionnaireItemComponent item = ITEMS.get(linkId);
      return item.getType() == Questionnaire.QuestionnaireItemType.BOOLEAN
          ? List.of(new BooleanType(value))
          : List.of(new Coding(ANSWERS, value ? "yes" : "no", null));
    }

    /** The linkIds shown, in order; answers to hidden items are dropped, as a renderer does. */
    List<String> shown() {
      Map<String, List<Type>> kept = new HashMap<>();
      List<String> shown = new ArrayList<>();
      walk(questionnaire.getItem(), kept, shown);
      return shown;
    }

    private void walk(
        List<QuestionnaireItemComponent> items, Map<String, List<Type>> kept, List<String> shown) {
      for (QuestionnaireItemComponent item : items) {
        if (!enabled(item, kept)) {
          continue;
        }
        shown.add(item.getLinkId());
        if (given.containsKey(item.getLinkId())) {
          kept.put(item.getLinkId(), given.get(item.getLinkId()));
        }
        walk(item.getItem(), kept, shown);
      }
    }

    private static boolean enabled(QuestionnaireItemComponent item, Map<String, List<Type>> kept) {
      if (!item.hasEnableWhen()) {
        return true;
      }
      boolean all =
          item.getEnableBehavior() == Questionnaire.EnableWhenBehavior.ALL
              || !item.hasEnableBehavior();
      boolean result = all;
      for (QuestionnaireItemEnableWhenComponent when : item.getEnableWhen()) {
        boolean holds = holds(when, kept.getOrDefault(when.getQuestion(), List.of()));
        result = all ? result && holds : result || holds;
      }
      return result;
    }

    private static boolean holds(QuestionnaireItemEnableWhenComponent when, List<Type> answers) {
      return switch (when.getOperator()) {
        case EXISTS -> answers.isEmpty() != when.getAnswerBooleanType().booleanValue();
        case EQUAL -> answers.stream().anyMatch(a -> same(a, when.getAnswer()));
        case NOT_EQUAL -> answers.stream().noneMatch(a -> same(a, when.getAnswer()));
        default -> throw new IllegalStateException("operator not used: " + when.getOperator());
      };
    }

    private static boolean same(Type answer, Type expected) {
      if (answer instanceof BooleanType b && expected instanceof BooleanType e) {
        return b.booleanValue() == e.booleanValue();
      }
      return answer instanceof Coding a
          && expected instanceof Coding e
          && a.getCode().equals(e.getCode());
    }

    /** The questions shown (groups and messages are not items a patient answers). */
    List<String> questions() {
      return shown().stream()
          .filter(
              linkId -> {
                var type = ITEMS.get(linkId).getType();
                return type != Questionnaire.QuestionnaireItemType.GROUP
                    && type != Questionnaire.QuestionnaireItemType.DISPLAY;
              })
          .toList();
    }
  }

  private static Patient patient() {
    return new Patient()
        .choose("swelling", "none")
        .no("calf-tenderness", "cold-pale-leg", "new-weakness-or-numbness")
        .no("bladder-or-bowel-change", "saddle-numbness", "recent-immobility-or-surgery")
        .choose("skin-changes", "none")
        .no("fever", "weight-loss");
  }

  private static boolean shows(UnaryOperator<Patient> answers, String linkId) {
    return answers.apply(patient()).shown().contains(linkId);
  }

  // --- Safety: the urgent-care messages appear exactly when they should ---

  @Test
  void aColdPaleLegShowsTheEmergencyMessage() {
    assertThat(shows(p -> p.yes("cold-pale-leg"), "help-cold-pale-leg")).isTrue();
    assertThat(shows(p -> p, "help-cold-pale-leg")).isFalse();
    assertThat(ITEMS.get("help-cold-pale-leg").getText())
        .contains("call emergency services or go to an emergency department");
  }

  @Test
  void newBladderOrBowelTroubleShowsTheEmergencyMessage() {
    assertThat(shows(p -> p.yes("bladder-or-bowel-change"), "help-bladder-or-bowel")).isTrue();
    assertThat(shows(p -> p, "help-bladder-or-bowel")).isFalse();
    assertThat(ITEMS.get("help-bladder-or-bowel").getText()).contains("emergency department");
  }

  @Test
  void saddleNumbnessShowsTheEmergencyMessage() {
    assertThat(shows(p -> p.yes("saddle-numbness"), "help-saddle-numbness")).isTrue();
    assertThat(shows(p -> p, "help-saddle-numbness")).isFalse();
    assertThat(ITEMS.get("help-saddle-numbness").getText()).contains("emergency department");
  }

  @Test
  void aSwollenOrTenderCalfShowsTheSameDayMessageWithItsEmergencyLine() {
    assertThat(shows(p -> p.yes("calf-tenderness"), "help-swollen-calf")).isTrue();
    assertThat(shows(p -> p.choose("swelling", "one-leg"), "help-swollen-calf")).isTrue();
    assertThat(shows(p -> p.choose("swelling", "both-legs"), "help-swollen-calf")).isFalse();
    assertThat(shows(p -> p.choose("calf-tenderness", "not-sure"), "help-swollen-calf")).isFalse();
    assertThat(shows(p -> p, "help-swollen-calf")).isFalse();
    assertThat(ITEMS.get("help-swollen-calf").getText())
        .contains("today", "short of breath", "call emergency services now");
  }

  @Test
  void newWeaknessShowsTheSameDayMessage() {
    assertThat(shows(p -> p.yes("new-weakness-or-numbness"), "help-weakness")).isTrue();
    assertThat(shows(p -> p, "help-weakness")).isFalse();
  }

  @Test
  void eachUrgentMessageComesRightAfterItsQuestionBeforeTheFormGoesOn() {
    var shown =
        patient()
            .yes("cold-pale-leg", "bladder-or-bowel-change", "saddle-numbness")
            .yes("calf-tenderness", "new-weakness-or-numbness")
            .shown();
    assertThat(shown.indexOf("help-cold-pale-leg")).isEqualTo(shown.indexOf("cold-pale-leg") + 1);
    assertThat(shown.indexOf("help-bladder-or-bowel"))
        .isEqualTo(shown.indexOf("bladder-or-bowel-change") + 1);
    assertThat(shown.indexOf("help-saddle-numbness"))
        .isEqualTo(shown.indexOf("saddle-numbness") + 1);
    assertThat(shown.indexOf("help-swollen-calf")).isEqualTo(shown.indexOf("calf-tenderness") + 1);
    assertThat(shown.indexOf("help-weakness"))
        .isEqualTo(shown.indexOf("new-weakness-or-numbness") + 1);
  }

  // --- New items shown only where they matter ---

  @Test
  void clotRiskQuestionsAppearOnlyWithOneSwollenLegOrATenderCalf() {
    for (String risk :
        List.of("long-travel", "previous-clot", "oestrogen-medicine", "pregnant-or-recent-birth")) {
      assertThat(shows(p -> p.choose("swelling", "one-leg"), risk)).as(risk).isTrue();
      assertThat(shows(p -> p.yes("calf-tenderness"), risk)).as(risk).isTrue();
      assertThat(shows(p -> p.choose("swelling", "both-legs"), risk)).as(risk).isFalse();
      assertThat(shows(p -> p, risk)).as(risk).isFalse();
    }
  }

  @Test
  void snoringIsAskedOnlyWhenSleepIsDisturbed() {
    assertThat(shows(p -> p.yes("sleep-disrupted"), "snoring-or-apnoea")).isTrue();
    assertThat(shows(p -> p.no("sleep-disrupted"), "snoring-or-apnoea")).isFalse();
  }

  @Test
  void restlessLegsQuestionsAppearOnlyForRestlessLegsFeelings() {
    for (String linkId :
        List.of(
            "evening-caffeine-or-alcohol", "worse-sitting-or-lying-still", "family-history-rls")) {
      assertThat(shows(p -> p.choose("character", "urge-to-move"), linkId)).as(linkId).isTrue();
      assertThat(shows(p -> p.choose("character", "crawling-creeping"), linkId))
          .as(linkId)
          .isTrue();
      assertThat(shows(p -> p.choose("character", "cramp-hard-muscle"), linkId))
          .as(linkId)
          .isFalse();
    }
  }

  @Test
  void comingBackWhenStillIsAskedOnlyWhenMovingHelps() {
    assertThat(shows(p -> p.yes("relief-moving"), "returns-when-still")).isTrue();
    assertThat(shows(p -> p.no("relief-moving"), "returns-when-still")).isFalse();
  }

  @Test
  void discAndStenosisQuestionsAppearOnlyForPainFromTheBack() {
    for (String linkId : List.of("worse-sitting-or-coughing", "eased-bending-forward-or-sitting")) {
      assertThat(shows(p -> p.choose("location", "radiates-from-back-or-buttock"), linkId))
          .isTrue();
      assertThat(shows(p -> p.choose("character", "shooting-electric"), linkId)).isTrue();
      assertThat(shows(p -> p.choose("location", "calf"), linkId)).isFalse();
    }
    assertThat(ITEMS).doesNotContainKey("worse-sitting-bending-coughing");
  }

  @Test
  void veinQuestionsAppearOnlyForAchingHeavyOrThrobbingLegs() {
    for (String linkId : List.of("worse-after-standing", "relief-elevation")) {
      assertThat(shows(p -> p.choose("character", "aching-heaviness"), linkId)).isTrue();
      assertThat(shows(p -> p.choose("character", "throbbing"), linkId)).isTrue();
      assertThat(shows(p -> p.choose("character", "cramp-hard-muscle"), linkId)).isFalse();
    }
  }

  @Test
  void theHomeCareFollowUpWaitsForAChoiceOtherThanNothing() {
    assertThat(shows(p -> p, "not-improving-with-home-care")).isFalse();
    assertThat(shows(p -> p.choose("home-measures-tried", "none"), "not-improving-with-home-care"))
        .isFalse();
    assertThat(shows(p -> p.choose("home-measures-tried", "heat"), "not-improving-with-home-care"))
        .isTrue();
  }

  // --- Form behaviour ---

  @Test
  void notSureIsOfferedWhereAPatientCannotKnow() {
    for (String linkId :
        List.of(
            "calf-tenderness",
            "family-history-rls",
            "skin-changes",
            "fever",
            "weight-loss",
            "previous-clot",
            "oestrogen-medicine",
            "snoring-or-apnoea")) {
      assertThat(codes(linkId)).as(linkId).contains("not-sure");
    }
  }

  @Test
  void noneAndNotSureAreExclusiveInMultiSelectLists() {
    for (QuestionnaireItemComponent item : ITEMS.values()) {
      for (var option : item.getAnswerOption()) {
        String code = option.getValueCoding().getCode();
        boolean exclusive =
            option.getExtension().stream()
                .anyMatch(
                    e -> e.getUrl().equals(EXCLUSIVE) && e.getValue().toString().contains("true"));
        if (item.getRepeats() && Set.of("none", "not-sure").contains(code)) {
          assertThat(exclusive).as(item.getLinkId() + " " + code).isTrue();
        } else {
          assertThat(exclusive).as(item.getLinkId() + " " + code).isFalse();
        }
      }
    }
    assertThat(codes("home-measures-tried")).contains("none", "walking-about", "other");
  }

  @Test
  void shortListsUseRadioButtonsAndMultiSelectListsCheckBoxes() {
    for (QuestionnaireItemComponent item : ITEMS.values()) {
      if (item.getType() != Questionnaire.QuestionnaireItemType.CHOICE) {
        continue;
      }
      Extension control = item.getExtensionByUrl(ITEM_CONTROL);
      assertThat(control).as(item.getLinkId()).isNotNull();
      String code = ((CodeableConcept) control.getValue()).getCodingFirstRep().getCode();
      assertThat(code)
          .as(item.getLinkId())
          .isEqualTo(item.getRepeats() ? "check-box" : "radio-button");
    }
  }

  @Test
  void theDescriptionOpensTheFormAndTheWarningGroupSaysWhy() {
    assertThat(questionnaire.getItemFirstRep().getType())
        .isEqualTo(Questionnaire.QuestionnaireItemType.DISPLAY);
    assertThat(questionnaire.getDescription())
        .startsWith(questionnaire.getItemFirstRep().getText());
    assertThat(ITEMS.get("warning-signs").getText())
        .isEqualTo("A few more questions we ask everyone");
    assertThat(ITEMS.get("warning-signs").getItemFirstRep().getType())
        .isEqualTo(Questionnaire.QuestionnaireItemType.DISPLAY);
  }

  @Test
  void everyQuestionIsReadByTheMapperAndEveryContractLinkIdStillIs() {
    Set<String> read = Arrays.stream(Item.values()).map(Item::linkId).collect(Collectors.toSet());
    for (QuestionnaireItemComponent item : ITEMS.values()) {
      var type = item.getType();
      if (type != Questionnaire.QuestionnaireItemType.GROUP
          && type != Questionnaire.QuestionnaireItemType.DISPLAY) {
        assertThat(read).as(item.getLinkId()).contains(item.getLinkId());
      }
    }
    assertThat(read)
        .contains(
            "onset",
            "nights-per-week",
            "sudden-onset",
            "pain-severity",
            "character",
            "location",
            "laterality",
            "episode-duration",
            "relief-stretching",
            "relief-moving",
            "relief-dangling",
            "relief-elevation",
            "worse-lying-flat",
            "worse-evening-at-rest",
            "worse-after-standing",
            "worse-sitting-bending-coughing",
            "exertional-calf-pain",
            "morning-stiffness-over-30-minutes",
            "family-history-rls",
            "swelling",
            "calf-tenderness",
            "recent-immobility-or-surgery",
            "skin-changes",
            "cold-pale-leg",
            "new-weakness-or-numbness",
            "bladder-or-bowel-change",
            "saddle-numbness",
            "fever",
            "weight-loss",
            "not-improving-with-home-care",
            "sleep-disrupted",
            "home-measures-tried");
  }

  @Test
  void everyContractAnswerCodeIsStillOffered() {
    Set<String> offered = new HashSet<>();
    ITEMS.values().forEach(item -> offered.addAll(codes(item.getLinkId())));
    assertThat(offered)
        .contains(
            "under-2-weeks",
            "2-weeks-to-3-months",
            "over-3-months",
            "under-1",
            "1-2",
            "3-5",
            "6-7",
            "cramp-hard-muscle",
            "urge-to-move",
            "crawling-creeping",
            "burning",
            "tingling",
            "numbness",
            "aching-heaviness",
            "throbbing",
            "shooting-electric",
            "joint-pain-stiffness",
            "calf",
            "foot-toes",
            "thigh",
            "shin",
            "whole-leg",
            "radiates-from-back-or-buttock",
            "knee-or-hip-joint",
            "left",
            "right",
            "both",
            "alternating",
            "under-10-minutes",
            "10-to-60-minutes",
            "hours",
            "constant",
            "none",
            "one-leg",
            "both-legs",
            "non-healing-sore",
            "dark-discoloration",
            "pale-or-blue",
            "red-warm",
            "shiny-hairless",
            "stretching",
            "heat",
            "hydration",
            "elevation",
            "dangling",
            "pillows");
  }

  // --- Plain words and length ---

  @Test
  void theFormReadsAsPlainEnglish() {
    List<String> texts = new ArrayList<>();
    ITEMS.values().forEach(item -> texts.add(item.getText()));
    double form = Readability.fleschReadingEase(texts);
    System.out.printf("[questionnaire] Flesch reading ease of the form: %.1f%n", form);
    ITEMS.values().stream()
        .sorted(Comparator.comparingDouble(item -> Readability.fleschReadingEase(item.getText())))
        .limit(5)
        .forEach(
            item ->
                System.out.printf(
                    "[questionnaire] hardest: %.1f %s%n",
                    Readability.fleschReadingEase(item.getText()), item.getLinkId()));
    assertThat(form).isGreaterThanOrEqualTo(60);
    assertThat(String.join(" ", texts)).doesNotContainIgnoringCase("stools");
    assertThat(String.join(" ", texts)).doesNotContainIgnoringCase("discoloration");
  }

  @Test
  void aTypicalPatientAnswersAtMostThirtyItems() {
    Map<String, Patient> patients = new LinkedHashMap<>();
    patients.put(
        "cramps (typical)",
        patient()
            .choose("character", "cramp-hard-muscle")
            .choose("location", "calf")
            .yes("relief-stretching", "sleep-disrupted")
            .choose("home-measures-tried", "stretching"));
    patients.put(
        "restless legs",
        patient()
            .choose("character", "urge-to-move", "crawling-creeping")
            .yes("relief-moving", "sleep-disrupted")
            .choose("home-measures-tried", "walking-about"));
    patients.put(
        "sciatica",
        patient()
            .choose("character", "shooting-electric")
            .choose("location", "radiates-from-back-or-buttock")
            .choose("home-measures-tried", "heat"));
    patients.put(
        "arterial",
        patient()
            .choose("character", "aching-heaviness")
            .choose("location", "foot-toes")
            .yes("relief-dangling", "worse-lying-flat", "sleep-disrupted")
            .choose("home-measures-tried", "dangling"));
    patients.put(
        "swollen calf",
        patient()
            .choose("character", "aching-heaviness")
            .choose("swelling", "one-leg")
            .yes("calf-tenderness")
            .choose("home-measures-tried", "elevation"));
    Map<String, Integer> counts = new LinkedHashMap<>();
    patients.forEach((name, p) -> counts.put(name, p.questions().size()));
    System.out.println("[questionnaire] items answered: " + counts);

    assertThat(counts.get("cramps (typical)")).isLessThanOrEqualTo(30);
    // Time: every shown text and answer option read at 200 words a minute (adults read about
    // 240; Brysbaert 2019), plus 5 s to choose each answer.
    Patient typical = patients.get("cramps (typical)");
    long words =
        typical.shown().stream()
            .map(ITEMS::get)
            .mapToLong(
                item ->
                    item.getText().split("\\s+").length
                        + item.getAnswerOption().stream()
                            .mapToLong(o -> o.getValueCoding().getDisplay().split("\\s+").length)
                            .sum())
            .sum();
    double minutes = words / 200.0 + typical.questions().size() * 5 / 60.0;
    System.out.printf(
        "[questionnaire] typical patient: %d words to read, about %.1f minutes%n", words, minutes);
    assertThat(minutes).isLessThanOrEqualTo(6);
    assertThat(counts.values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(36));
  }

  private static List<String> codes(String linkId) {
    return ITEMS.get(linkId).getAnswerOption().stream()
        .map(option -> option.getValueCoding().getCode())
        .toList();
  }
}
