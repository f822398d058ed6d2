package org.nocturne.fhir;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.StringType;

/**
 * A health system's own build of the Nocturne questionnaire (a patient-portal questionnaire, with
 * the EHR's item ids and answer codes), mapped to ours so its answers are read. One file per
 * deployment, in properties form:
 *
 * <pre>
 * questionnaire=urn:oid:1.2.840.114350.1.13.0.1.7.2.123|456     (the EHR's canonical or reference)
 * item.&lt;EHR item id&gt;=&lt;our linkId&gt;
 * answer.&lt;EHR item id&gt;.&lt;EHR answer code or text&gt;=&lt;our answer code, or true / false&gt;
 * </pre>
 *
 * A response to that questionnaire is rewritten to ours before it is read; any other response is
 * left as it is. Unmapped items and answers are kept as sent (and so read only if they are ours).
 */
public record QuestionnaireMapping(
    String questionnaire, Map<String, String> items, Map<String, String> answers) {
  /** No mapping: only responses to the Nocturne questionnaire are read. */
  public static final QuestionnaireMapping NONE =
      new QuestionnaireMapping(null, Map.of(), Map.of());

  public QuestionnaireMapping {
    items = Map.copyOf(items);
    answers = Map.copyOf(answers);
    if (questionnaire == null && (!items.isEmpty() || !answers.isEmpty())) {
      throw new IllegalArgumentException("a questionnaire mapping names the questionnaire it maps");
    }
  }

  /**
   * @throws IllegalArgumentException naming the file when it cannot be read
   */
  public static QuestionnaireMapping load(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new IllegalArgumentException("questionnaire mapping " + file + " cannot be read", e);
    }
    Map<String, String> items = new HashMap<>();
    Map<String, String> answers = new HashMap<>();
    for (String key : properties.stringPropertyNames()) {
      String value = properties.getProperty(key).strip();
      if (key.startsWith("item.")) {
        items.put(key.substring("item.".length()), value);
      } else if (key.startsWith("answer.")) {
        answers.put(key.substring("answer.".length()), value);
      } else if (!key.equals("questionnaire")) {
        throw new IllegalArgumentException(
            "questionnaire mapping " + file + ": unknown key " + key);
      }
    }
    String questionnaire = properties.getProperty("questionnaire");
    return new QuestionnaireMapping(
        questionnaire == null || questionnaire.isBlank() ? null : questionnaire.strip(),
        items,
        answers);
  }

  /** Whether the response answers the mapped questionnaire. */
  boolean maps(QuestionnaireResponse response) {
    if (questionnaire == null || response.getQuestionnaire() == null) {
      return false;
    }
    String canonical = response.getQuestionnaire();
    return canonical.equals(questionnaire) || canonical.split("\\|")[0].equals(questionnaire);
  }

  /** Rewrites a response to the mapped questionnaire into a response to ours, in place. */
  void apply(QuestionnaireResponse response) {
    if (!maps(response)) {
      return;
    }
    response.setQuestionnaire(QuestionnaireResponseMapper.QUESTIONNAIRE);
    rewrite(response.getItem());
  }

  private void rewrite(List<QuestionnaireResponse.QuestionnaireResponseItemComponent> items) {
    for (var item : items) {
      String theirs = item.getLinkId();
      for (var answer : item.getAnswer()) {
        String sent =
            answer.hasValueCoding()
                ? answer.getValueCoding().getCode()
                : answer.getValue() instanceof StringType text ? text.getValue() : null;
        String ours = sent == null ? null : answers.get(theirs + "." + sent);
        if (ours == null) {
          rewrite(answer.getItem());
          continue;
        }
        if (ours.equals("true") || ours.equals("false")) {
          answer.setValue(new BooleanType(Boolean.parseBoolean(ours)));
        } else {
          answer.setValue(new Coding(QuestionnaireResponseMapper.ANSWER_SYSTEM, ours, null));
        }
        rewrite(answer.getItem());
      }
      if (theirs != null && items().containsKey(theirs)) {
        item.setLinkId(items().get(theirs));
      }
      rewrite(item.getItem());
    }
  }
}
