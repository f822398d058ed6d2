package org.nocturne.fhir;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Resource;
import org.nocturne.clinical.facts.Answers;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.facts.SymptomReport;

/**
 * The latest completed response to the Nocturne questionnaire, read by linkId at any depth. Unknown
 * linkIds are ignored; an answer of the wrong type or with an unknown code is left out with its
 * reason; a response to another questionnaire is ignored with a note.
 *
 * <p>Every version's answers are read: a yes/no item answers with a boolean (1.0.0) or with the
 * codes {@code yes}, {@code no}, {@code not-sure} (1.1.0); "not sure" is unknown, never no. In
 * multi-select lists "none" is exclusive: sent with other options, it is ignored.
 */
final class QuestionnaireResponseMapper {
  static final String QUESTIONNAIRE =
      "http://nocturne-cds.org/fhir/Questionnaire/nocturnal-leg-pain";
  static final String ANSWER_SYSTEM = "http://nocturne-cds.org/fhir/CodeSystem/leg-pain-answer";

  private final QuestionnaireMapping mapping;

  QuestionnaireResponseMapper() {
    this(QuestionnaireMapping.NONE);
  }

  QuestionnaireResponseMapper(QuestionnaireMapping mapping) {
    this.mapping = mapping;
  }

  Optional<SymptomReport> map(List<Resource> resources, Skipped skipped) {
    Optional<QuestionnaireResponse> latest =
        resources.stream()
            .filter(QuestionnaireResponse.class::isInstance)
            .map(QuestionnaireResponse.class::cast)
            .peek(mapping::apply) // a portal build of our questionnaire, read as ours
            .filter(response -> usable(response, skipped))
            .max(Comparator.comparing(r -> r.hasAuthored() ? r.getAuthored() : new Date(0)));
    return latest.map(response -> read(response, skipped));
  }

  private static boolean usable(QuestionnaireResponse response, Skipped skipped) {
    String canonical =
        response.getQuestionnaire() == null ? "" : response.getQuestionnaire().split("\\|")[0];
    if (!canonical.equals(QUESTIONNAIRE)) {
      skipped.add(
          References.of(response),
          "answers another questionnaire (" + canonical + ") and was ignored");
      return false;
    }
    return response.getStatus() == QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED
        || response.getStatus() == QuestionnaireResponse.QuestionnaireResponseStatus.AMENDED;
  }

  private static SymptomReport read(QuestionnaireResponse response, Skipped skipped) {
    String reference = References.of(response);
    SymptomReport.Builder report = SymptomReport.builder(reference);
    walk(response.getItem(), item -> answer(item, report, reference, skipped));
    return report.build();
  }

  private static void walk(
      List<QuestionnaireResponseItemComponent> items,
      Consumer<QuestionnaireResponseItemComponent> visit) {
    for (QuestionnaireResponseItemComponent item : items) {
      visit.accept(item);
      walk(item.getItem(), visit);
      item.getAnswer().forEach(answer -> walk(answer.getItem(), visit));
    }
  }

  private static void answer(
      QuestionnaireResponseItemComponent item,
      SymptomReport.Builder report,
      String reference,
      Skipped skipped) {
    Optional<Item> known = Item.byLinkId(item.getLinkId());
    if (known.isEmpty() || item.getAnswer().isEmpty()) {
      return;
    }
    new AnswerReader(known.get(), item.getAnswer(), reference + "#" + item.getLinkId(), skipped)
        .into(report);
  }

  /** Reads the answers of one item into the report, by the item's type in the contract. */
  private record AnswerReader(
      Item item,
      List<QuestionnaireResponseItemAnswerComponent> answers,
      String where,
      Skipped skipped) {
    void into(SymptomReport.Builder report) {
      switch (item) {
        case ONSET -> single(Answers.Onset.class).ifPresent(report::onset);
        case NIGHTS_PER_WEEK ->
            single(Answers.NightsPerWeek.class).ifPresent(report::nightsPerWeek);
        case PAIN_SEVERITY -> severity().ifPresent(report::painSeverity);
        case CHARACTER -> all(Answers.PainCharacter.class).forEach(report::character);
        case LOCATION -> all(Answers.Location.class).forEach(report::location);
        case LATERALITY -> single(Answers.Laterality.class).ifPresent(report::laterality);
        case EPISODE_DURATION ->
            single(Answers.EpisodeDuration.class).ifPresent(report::episodeDuration);
        case SWELLING -> single(Answers.Swelling.class).ifPresent(report::swelling);
        case SKIN_CHANGES -> {
          List<Answers.SkinChange> changes =
              exclusive(all(Answers.SkinChange.class), Answers.SkinChange.NONE);
          changes.stream()
              .filter(change -> change != Answers.SkinChange.NOT_SURE)
              .forEach(report::skinChanges);
          if (changes.equals(List.of(Answers.SkinChange.NOT_SURE))) {
            report.unsure(item);
          }
        }
        case HOME_MEASURES_TRIED ->
            report.homeMeasuresTried(
                exclusive(all(Answers.HomeMeasure.class), Answers.HomeMeasure.NONE));
        case SMOKING -> single(Answers.Smoking.class).ifPresent(report::smoking);
        default -> yesNo(report);
      }
    }

    /** A boolean, or a coded yes / no / not sure. */
    private void yesNo(SymptomReport.Builder report) {
      QuestionnaireResponseItemAnswerComponent answer = answers.get(0);
      if (answer.hasValueBooleanType() && answer.getValueBooleanType().getValue() != null) {
        report.answer(item, answer.getValueBooleanType().booleanValue());
        return;
      }
      if (!answer.hasValueCoding()) {
        skipped.add(where, "expected a yes/no answer");
        return;
      }
      single(Answers.YesNoNotSure.class)
          .ifPresent(
              value -> {
                switch (value) {
                  case YES -> report.answer(item, true);
                  case NO -> report.answer(item, false);
                  case NOT_SURE -> report.unsure(item);
                }
              });
    }

    /** "None" with other options is a slip of the hand: the options win. */
    private <E extends Enum<E>> List<E> exclusive(List<E> values, E none) {
      if (values.contains(none) && values.size() > 1) {
        skipped.add(where, "'none' was sent with other options and was ignored");
        return values.stream().filter(value -> value != none).toList();
      }
      return values;
    }

    private Optional<Integer> severity() {
      QuestionnaireResponseItemAnswerComponent answer = answers.get(0);
      if (answer.hasValueIntegerType() && answer.getValueIntegerType().getValue() != null) {
        int value = answer.getValueIntegerType().getValue();
        if (value >= 0 && value <= 10) {
          return Optional.of(value);
        }
      }
      skipped.add(where, "expected a whole number from 0 to 10");
      return Optional.empty();
    }

    private <E extends Enum<E> & Answers.Coded> Optional<E> single(Class<E> type) {
      List<E> values = all(type);
      return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private <E extends Enum<E> & Answers.Coded> List<E> all(Class<E> type) {
      List<E> values = new ArrayList<>();
      for (QuestionnaireResponseItemAnswerComponent answer : answers) {
        if (!answer.hasValueCoding()) {
          skipped.add(where, "expected a coded answer");
          continue;
        }
        Coding coding = answer.getValueCoding();
        boolean ours = !coding.hasSystem() || ANSWER_SYSTEM.equals(coding.getSystem());
        Optional<E> value = ours ? Answers.byCode(type, coding.getCode()) : Optional.empty();
        if (value.isPresent()) {
          values.add(value.get());
        } else {
          skipped.add(where, "unknown answer code '" + coding.getCode() + "'");
        }
      }
      return values;
    }
  }
}
