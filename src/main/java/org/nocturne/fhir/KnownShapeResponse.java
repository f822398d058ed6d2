package org.nocturne.fhir;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import tools.jackson.databind.JsonNode;

/**
 * A QuestionnaireResponse of the shape our questionnaire's responses have, built straight from its
 * JSON: the resource HAPI's parser would build, without the parser. Issue 30: the response is the
 * largest resource of a record with a complaint, and HAPI read it whole, element by element through
 * its reflective state machine; built here, the load test's 9 KB card call allocates a tenth less
 * (CallCost: 386 KB a call before, 346 KB after) and costs less CPU, by less than that machine's
 * noise (docs/performance.md).
 *
 * <p>Only what it knows: the elements below, each a JSON value of its FHIR type, every string
 * non-empty and without surrounding white space, every code and date one HAPI accepts. Anything
 * else (an extension, an element id, a narrative, a decimal answer, a wrong type, an invalid value)
 * gives {@link Optional#empty()}, and the caller parses the response with HAPI as before, with its
 * rules for invalid values. KnownShapeResponseTest holds it to HAPI's result on every response of
 * the project's examples and on thousands of altered ones.
 */
final class KnownShapeResponse {
  private static final String TYPE = "QuestionnaireResponse";
  private static final Set<String> RESPONSE =
      Set.of(
          "resourceType",
          "id",
          "meta",
          "questionnaire",
          "status",
          "subject",
          "authored",
          "author",
          "source",
          "item");
  private static final Set<String> META = Set.of("versionId", "lastUpdated");
  private static final Set<String> REFERENCE = Set.of("reference", "display");
  private static final Set<String> ITEM = Set.of("linkId", "text", "answer", "item");
  private static final Set<String> ANSWER =
      Set.of("valueBoolean", "valueCoding", "valueInteger", "item");
  private static final Set<String> CODING = Set.of("system", "code", "display");

  /** Not of the known shape: HAPI reads it. */
  private static final class Unknown extends Exception {
    Unknown() {
      super(null, null, false, false); // thrown per unknown shape: no stack trace to fill in
    }
  }

  private KnownShapeResponse() {}

  /** The response, or empty when its JSON is not of the known shape. */
  static Optional<QuestionnaireResponse> read(JsonNode json) {
    try {
      return Optional.of(response(json));
    } catch (Unknown | RuntimeException e) {
      // RuntimeException: HAPI's own check of a code or a date refused the value
      return Optional.empty();
    }
  }

  private static QuestionnaireResponse response(JsonNode json) throws Unknown {
    only(json, RESPONSE);
    if (!TYPE.equals(text(json.get("resourceType")))) {
      throw new Unknown();
    }
    QuestionnaireResponse response = new QuestionnaireResponse();
    String version = null;
    if (json.has("meta")) {
      JsonNode meta = json.get("meta");
      only(meta, META);
      if (meta.has("versionId")) {
        version = text(meta.get("versionId"));
        response.getMeta().setVersionId(version);
      }
      if (meta.has("lastUpdated")) {
        response.getMeta().getLastUpdatedElement().setValueAsString(text(meta.get("lastUpdated")));
      }
    }
    if (json.has("id")) {
      // as HAPI's parser sets it: typed, with the version of meta
      response.setIdElement(new IdType(TYPE, text(json.get("id")), version));
    } else if (version != null) {
      throw new Unknown();
    }
    if (json.has("questionnaire")) {
      response.setQuestionnaire(text(json.get("questionnaire")));
    }
    if (json.has("status")) {
      response.setStatus(QuestionnaireResponseStatus.fromCode(text(json.get("status"))));
    }
    if (json.has("subject")) {
      response.setSubject(reference(json.get("subject")));
    }
    if (json.has("authored")) {
      response.setAuthoredElement(new DateTimeType(text(json.get("authored"))));
    }
    if (json.has("author")) {
      response.setAuthor(reference(json.get("author")));
    }
    if (json.has("source")) {
      response.setSource(reference(json.get("source")));
    }
    for (JsonNode item : list(json.get("item"))) {
      item(item, response.addItem());
    }
    return response;
  }

  private static void item(JsonNode json, QuestionnaireResponseItemComponent item) throws Unknown {
    only(json, ITEM);
    if (json.has("linkId")) {
      item.setLinkId(text(json.get("linkId")));
    }
    if (json.has("text")) {
      item.setText(text(json.get("text")));
    }
    for (JsonNode answer : list(json.get("answer"))) {
      answer(answer, item.addAnswer());
    }
    for (JsonNode nested : list(json.get("item"))) {
      item(nested, item.addItem());
    }
  }

  private static void answer(JsonNode json, QuestionnaireResponseItemAnswerComponent answer)
      throws Unknown {
    only(json, ANSWER);
    if (json.size() - (json.has("item") ? 1 : 0) > 1) {
      throw new Unknown(); // two values of a choice element: HAPI's rules decide
    }
    JsonNode value;
    if ((value = json.get("valueBoolean")) != null) {
      answer.setValue(new BooleanType(typed(value, value.isBoolean()).booleanValue()));
    } else if ((value = json.get("valueInteger")) != null) {
      answer.setValue(new IntegerType(typed(value, value.isInt()).intValue()));
    } else if ((value = json.get("valueCoding")) != null) {
      answer.setValue(coding(value));
    }
    for (JsonNode nested : list(json.get("item"))) {
      item(nested, answer.addItem());
    }
  }

  /** The value, when it is of the JSON type its element needs. */
  private static JsonNode typed(JsonNode value, boolean ofItsType) throws Unknown {
    if (!ofItsType) {
      throw new Unknown();
    }
    return value;
  }

  private static Coding coding(JsonNode json) throws Unknown {
    only(json, CODING);
    Coding coding = new Coding();
    if (json.has("system")) {
      coding.setSystem(text(json.get("system")));
    }
    if (json.has("code")) {
      coding.setCode(text(json.get("code")));
    }
    if (json.has("display")) {
      coding.setDisplay(text(json.get("display")));
    }
    return coding;
  }

  private static Reference reference(JsonNode json) throws Unknown {
    only(json, REFERENCE);
    Reference reference = new Reference();
    if (json.has("reference")) {
      reference.setReference(text(json.get("reference")));
    }
    if (json.has("display")) {
      reference.setDisplay(text(json.get("display")));
    }
    return reference;
  }

  /** An object whose every property is one of these. */
  private static void only(JsonNode json, Set<String> known) throws Unknown {
    if (json == null || !json.isObject() || json.isEmpty()) {
      throw new Unknown();
    }
    for (Map.Entry<String, JsonNode> property : json.properties()) {
      if (!known.contains(property.getKey())) {
        throw new Unknown();
      }
    }
  }

  /** A non-empty JSON array (FHIR has no empty ones). */
  private static Iterable<JsonNode> list(JsonNode json) throws Unknown {
    if (json == null) {
      return Set.of();
    }
    if (!json.isArray() || json.isEmpty()) {
      throw new Unknown();
    }
    return json;
  }

  /** A JSON string as FHIR has them: not empty, no white space around it. */
  private static String text(JsonNode json) throws Unknown {
    if (json == null || !json.isString()) {
      throw new Unknown();
    }
    String text = json.stringValue();
    if (text.isEmpty() || text.strip().length() != text.length()) {
      throw new Unknown();
    }
    return text;
  }
}
