package org.nocturne.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link KnownShapeResponse} builds the resource HAPI's parser builds, or leaves the response to
 * HAPI: on every QuestionnaireResponse in the project's example calls and test fixtures, and on
 * thousands of them altered at random (a value of another type, an invalid code or date, an element
 * it does not know). Whenever it accepts a response, HAPI's strict parse of the same JSON succeeds
 * and encodes to the same text.
 */
class KnownShapeResponseTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** HAPI's result: strict, so that any value HAPI would have had to drop fails here. */
  private static Optional<String> hapi(JsonNode json) {
    IParser parser = Fhir.CONTEXT.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    try {
      return Optional.of(
          encode(parser.parseResource(QuestionnaireResponse.class, json.toString())));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String encode(QuestionnaireResponse response) {
    return Fhir.CONTEXT.newJsonParser().encodeResourceToString(response);
  }

  /** Every QuestionnaireResponse in the example calls and the test fixtures. */
  private static List<JsonNode> responses() throws IOException {
    List<JsonNode> found = new ArrayList<>();
    for (Path root : List.of(Path.of("hooks"), Path.of("src/test/resources"))) {
      try (Stream<Path> files = Files.walk(root)) {
        files
            .filter(f -> f.toString().endsWith(".json"))
            .forEach(
                f -> {
                  try {
                    collect(JSON.readTree(Files.readString(f)), found);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  } catch (RuntimeException notJson) {
                    // a fixture of broken JSON
                  }
                });
      }
    }
    return found;
  }

  private static void collect(JsonNode node, List<JsonNode> found) {
    if (node.isObject() && "QuestionnaireResponse".equals(node.path("resourceType").asString(""))) {
      found.add(node);
    }
    for (JsonNode child : node) {
      collect(child, found);
    }
  }

  private static void assertSameAsHapi(JsonNode json) {
    Optional<QuestionnaireResponse> known = KnownShapeResponse.read(json);
    if (known.isPresent()) {
      assertThat(hapi(json))
          .as("accepted, so HAPI reads it to the same resource: %s", json)
          .contains(encode(known.get()));
      QuestionnaireResponse parsed =
          Fhir.CONTEXT.newJsonParser().parseResource(QuestionnaireResponse.class, json.toString());
      assertThat(known.get().equalsDeep(parsed)).as("equal deep: %s", json).isTrue();
      assertThat(known.get().getIdElement().getValue()).isEqualTo(parsed.getIdElement().getValue());
    }
  }

  @Test
  void readsEveryExampleResponseAsHapiDoes() throws IOException {
    List<JsonNode> responses = responses();
    responses.forEach(KnownShapeResponseTest::assertSameAsHapi);

    long accepted = responses.stream().filter(r -> KnownShapeResponse.read(r).isPresent()).count();
    assertThat(responses).hasSizeGreaterThan(30);
    assertThat(accepted)
        .as("most responses are of the known shape: it is the path they take")
        .isGreaterThan(responses.size() * 3 / 4);
  }

  @Test
  void leavesToHapiWhatItDoesNotKnow() {
    String base =
        """
        {"resourceType":"QuestionnaireResponse","id":"qr1",
         "questionnaire":"http://nocturne-cds.org/fhir/Questionnaire/nocturnal-leg-pain",
         "status":"completed","authored":"2026-11-20T08:30:00Z",
         "item":[{"linkId":"pain-severity","answer":[{"valueInteger":7}]}]}
        """;
    assertThat(KnownShapeResponse.read(JSON.readTree(base))).isPresent();
    for (String altered :
        List.of(
            base.replace("\"id\":\"qr1\",", "\"id\":\"qr1\",\"extension\":[],"),
            base.replace("\"linkId\"", "\"id\":\"x\",\"linkId\""),
            base.replace("\"completed\"", "\"done\""),
            base.replace("2026-11-20T08:30:00Z", "2026-13-20"),
            base.replace("7}", "7.5}"),
            base.replace("7}", "\"7\"}"),
            base.replace("7}", "70000000000}"),
            base.replace("\"valueInteger\":7", "\"valueDecimal\":7"),
            base.replace("\"valueInteger\":7", "\"valueInteger\":7,\"valueBoolean\":true"),
            base.replace("\"qr1\"", "\" qr1\""),
            base.replace("\"qr1\"", "\"\""),
            base.replace("\"qr1\"", "null"),
            base.replace("[{\"valueInteger\":7}]", "[]"),
            base.replace("[{\"valueInteger\":7}]", "{\"valueInteger\":7}"),
            base.replace("\"QuestionnaireResponse\"", "\"Observation\""))) {
      assertThat(KnownShapeResponse.read(JSON.readTree(altered))).as(altered).isEmpty();
    }
  }

  @Test
  void readsAlteredResponsesAsHapiDoesOrLeavesThemToHapi() throws IOException {
    List<JsonNode> responses = responses();
    Random random = new Random(30);
    int accepted = 0;
    for (int round = 0; round < 4000; round++) {
      JsonNode copy = responses.get(random.nextInt(responses.size())).deepCopy();
      List<Slot> slots = new ArrayList<>();
      slots(copy, slots);
      Slot slot = slots.get(random.nextInt(slots.size()));
      slot.set(ODD.get(random.nextInt(ODD.size())));
      assertSameAsHapi(copy);
      if (KnownShapeResponse.read(copy).isPresent()) {
        accepted++;
      }
    }
    assertThat(accepted)
        .as("some alterations keep the known shape (a value HAPI also reads), so both sides ran")
        .isBetween(100, 3900);
  }

  /** Values put in place of one value of a response. */
  private static final List<JsonNode> ODD =
      List.of(
          NODES.stringNode(""),
          NODES.stringNode(" padded "),
          NODES.stringNode("completed"),
          NODES.stringNode("in-progress"),
          NODES.stringNode("amended"),
          NODES.stringNode("2026-11-20"),
          NODES.stringNode("2026-11-20T08:30:00+01:00"),
          NODES.stringNode("2026-02-30"),
          NODES.stringNode("yes"),
          NODES.stringNode("Patient/123"),
          NODES.stringNode("http://nocturne-cds.org/fhir/CodeSystem/leg-pain-answer"),
          NODES.stringNode("line\nbreak"),
          NODES.stringNode("<b>markup</b>"),
          NODES.booleanNode(true),
          NODES.booleanNode(false),
          NODES.numberNode(0),
          NODES.numberNode(-3),
          NODES.numberNode(Integer.MAX_VALUE),
          NODES.numberNode(Long.MAX_VALUE),
          NODES.numberNode(2.5),
          NODES.nullNode(),
          NODES.arrayNode(),
          NODES.objectNode(),
          NODES.objectNode().put("url", "http://example.org/x"),
          NODES.arrayNode().add(NODES.objectNode().put("linkId", "swelling")));

  /** One place in the tree a value can be put: an object's property or an array's element. */
  private interface Slot {
    void set(JsonNode value);
  }

  private static void slots(JsonNode node, List<Slot> slots) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>(object.propertyNames());
      for (String name : names) {
        slots.add(value -> object.set(name, value));
        slots(object.get(name), slots);
      }
      // a property it may not know, next to those it does
      slots.add(value -> object.set("extension", value));
      slots.add(value -> object.set("text", value));
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        int index = i;
        slots.add(value -> array.set(index, value));
        slots(array.get(i), slots);
      }
    }
  }

  @Test
  void theRecordReaderTakesTheResponseItKnowsAndGivesTheSameFacts() {
    String record =
        """
        {"patient":{"resourceType":"Patient","id":"p1","gender":"female","birthDate":"1950-01-01"},
         "questionnaireResponse":{"resourceType":"Bundle","type":"searchset","entry":[{"resource":
          {"resourceType":"QuestionnaireResponse","id":"qr1",
           "questionnaire":"http://nocturne-cds.org/fhir/Questionnaire/nocturnal-leg-pain",
           "status":"completed","subject":{"reference":"Patient/p1"},
           "authored":"2026-11-20T08:30:00Z",
           "item":[{"linkId":"pain-severity","answer":[{"valueInteger":7}]},
                   {"linkId":"sudden-onset","answer":[{"valueBoolean":false}]}]}}]}}
        """;
    JsonNode known = JSON.readTree(record);
    ObjectNode unknown = (ObjectNode) known.deepCopy();
    // the same response with an element the known shape leaves to HAPI
    ((ObjectNode) unknown.at("/questionnaireResponse/entry/0/resource"))
        .set("language", NODES.stringNode("en"));
    assertThat(KnownShapeResponse.read(known.at("/questionnaireResponse/entry/0/resource")))
        .isPresent();
    assertThat(KnownShapeResponse.read(unknown.at("/questionnaireResponse/entry/0/resource")))
        .isEmpty();

    RecordReader reader = new RecordReader(Fhir.CONTEXT, Fhir.CODES);
    PatientRecord viaKnown = reader.readTrees(map(known), Set.of(), List.of());
    PatientRecord viaHapi = reader.readTrees(map(unknown), Set.of(), List.of());

    assertThat(viaKnown.notes()).isEqualTo(viaHapi.notes());
    assertThat(Fhir.MAPPER.map(viaKnown, Fhir.NOW).report())
        .isPresent()
        .isEqualTo(Fhir.MAPPER.map(viaHapi, Fhir.NOW).report());
  }

  private static Map<String, JsonNode> map(JsonNode record) {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    record.properties().forEach(p -> values.put(p.getKey(), p.getValue()));
    return values;
  }
}
