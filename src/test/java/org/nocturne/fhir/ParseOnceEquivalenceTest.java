package org.nocturne.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.parser.IJsonLikeParser;
import ca.uhn.fhir.parser.IParser;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HAPI reading the request's own tree ({@link JsonTree}) gives exactly the resource it gave when
 * each value was written back to text and parsed again, on the JSON real EHRs send and on odd JSON.
 */
class ParseOnceEquivalenceTest {
  /** The request's parse: Jackson 3 defaults, as the SDK's mapper reads numbers. */
  private static final JsonMapper REQUEST = JsonMapper.builder().build();

  private final RecordReader reader = new RecordReader(Fhir.CONTEXT, Fhir.CODES);

  /**
   * The old path: the tree written back to text and parsed by HAPI; then encoded to compare (or
   * HAPI's error, which must be the same too).
   */
  private static String viaText(JsonNode tree) {
    return outcome(() -> Fhir.CONTEXT.newJsonParser().parseResource(tree.toString()));
  }

  private static String viaTree(JsonNode tree) {
    IJsonLikeParser parser = (IJsonLikeParser) Fhir.CONTEXT.newJsonParser();
    return outcome(() -> parser.parseResource(new JsonTree(tree)));
  }

  private static String outcome(Supplier<IBaseResource> parse) {
    try {
      return encode(parse.get());
    } catch (RuntimeException e) {
      return "error: " + e.getMessage();
    }
  }

  private static String encode(IBaseResource resource) {
    IParser parser = Fhir.CONTEXT.newJsonParser();
    return parser.encodeResourceToString(resource);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // escapes, unicode (raw, escaped, a surrogate pair), whitespace everywhere
        """
        { "resourceType" : "Patient" , "id":"p1",
          "name":[{"family":"O\\u2019Brien \\"Jr\\"\\\\ \\n\\t","given":["Zo\u00eb","\\ud83d\\ude00 \u6771"]}],
          "gender" :"female",   "birthDate": "1950-02-28" }
        """,
        // duplicate keys: the last one wins, in both paths
        """
        {"resourceType":"Patient","id":"dup","gender":"male","gender":"female","active":false,"active":true}
        """,
        // nested arrays, extensions in extensions, primitive extensions, nulls in arrays
        """
        {"resourceType":"Patient","id":"ext","extension":[{"url":"http://x.org/a","extension":[
          {"url":"inner","valueCoding":{"system":"urn:s","code":"c"}},{"url":"n","valueInteger":-7}]}],
         "birthDate":"1960-01-01","_birthDate":{"extension":[{"url":"http://x.org/t","valueTime":"12:00:00"}]},
         "name":[{"given":["A",null,"C"],"_given":[null,{"id":"g2"},null]}],
         "telecom":[],"address":[{"line":["1","2"]}]}
        """,
        // decimals as EHRs write them, exponents, big and negative numbers, zero scale
        """
        {"resourceType":"Observation","id":"o1","status":"final","code":{"text":"x"},
         "valueQuantity":{"value":0.58,"unit":"{ratio}"},
         "component":[{"code":{"text":"a"},"valueQuantity":{"value":0.50}},
                      {"code":{"text":"b"},"valueQuantity":{"value":1e21}},
                      {"code":{"text":"c"},"valueQuantity":{"value":1.0E-7}},
                      {"code":{"text":"d"},"valueQuantity":{"value":-0.0}},
                      {"code":{"text":"e"},"valueQuantity":{"value":100.0}},
                      {"code":{"text":"f"},"valueQuantity":{"value":2e-3}},
                      {"code":{"text":"g"},"valueQuantity":{"value":12345678901234567890}},
                      {"code":{"text":"h"},"valueQuantity":{"value":123456789.123456789}},
                      {"code":{"text":"i"},"valueInteger":2147483647},
                      {"code":{"text":"j"},"valueBoolean":false}]}
        """,
        // unknown elements, a contained resource, comments, a null element, numbers as strings
        """
        {"resourceType":"Condition","id":"c1","fhir_comments":["a comment"],"unknownThing":{"x":[1,[2,[3]]]},
         "contained":[{"resourceType":"Practitioner","id":"pr","name":[{"family":"Lee"}]}],
         "recorder":{"reference":"#pr"},"note":null,
         "code":{"coding":[{"system":"http://snomed.info/sct","code":"44054006","display":"Diabetes"}]},
         "subject":{"reference":"Patient/p1"},"onsetAge":{"value":"42"}}
        """,
        // an invalid value: the same error either way
        """
        {"resourceType":"Patient","birthDate":"1950-02-29"}
        """,
        // a Bundle: entries, fullUrl, links
        """
        {"resourceType":"Bundle","type":"searchset","total":2,"link":[{"relation":"self","url":"https://e.org/x"}],
         "entry":[{"fullUrl":"https://e.org/fhir/Observation/a","resource":{"resourceType":"Observation","id":"a","status":"final","code":{"text":"t"}}},
                  {"fullUrl":"urn:uuid:0c3151bd-1cbf-4d64-b04d-cd9187a4c6e0","resource":{"resourceType":"Observation","status":"final","code":{"text":"u"}}}]}
        """
      })
  void hapiReadsTheTreeAsItReadTheText(String json) {
    JsonNode tree = REQUEST.readTree(json);

    assertThat(viaTree(tree)).isEqualTo(viaText(tree));
  }

  @Test
  void decimalsKeepTheDigitsTheTextPathGave() {
    JsonNode tree =
        REQUEST.readTree(
            "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},"
                + "\"valueQuantity\":{\"value\":1e21}}");
    IJsonLikeParser parser = (IJsonLikeParser) Fhir.CONTEXT.newJsonParser();

    Observation observation = (Observation) parser.parseResource(new JsonTree(tree));

    assertThat(observation.getValueQuantity().getValue())
        .isEqualTo(new BigDecimal("1000000000000000000000"));
  }

  @Test
  void theRecordReadFromTreesEqualsTheRecordReadFromText() throws Exception {
    String example =
        Files.readString(Path.of("hooks/nocturnal-leg-pain/full-prefetch.request.json"));
    JsonNode prefetch = REQUEST.readTree(example).get("prefetch");
    Map<String, JsonNode> trees = new LinkedHashMap<>();
    Map<String, String> texts = new LinkedHashMap<>();
    prefetch
        .properties()
        .forEach(
            entry -> {
              trees.put(entry.getKey(), entry.getValue());
              texts.put(entry.getKey(), entry.getValue().toString());
            });

    PatientRecord fromTrees = reader.readTrees(trees, Set.of(), List.of());
    PatientRecord fromText = reader.read(texts, Set.of(), List.of());

    assertThat(encoded(fromTrees)).isEqualTo(encoded(fromText)).isNotEmpty();
    assertThat(fromTrees.unavailableData()).isEqualTo(fromText.unavailableData());
    assertThat(fromTrees.notes()).isEqualTo(fromText.notes());
  }

  @Test
  void aBadEntryIsSkippedAndNotJsonOrNotAnObjectIsMissingAsBefore() {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put(
        RecordReader.CONDITIONS,
        "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":["
            + "{\"resource\":{\"resourceType\":\"Condition\",\"onsetDateTime\":\"not a date\","
            + "\"subject\":{\"reference\":\"Patient/p\"}}},"
            + "{\"resource\":{\"resourceType\":\"Condition\",\"id\":\"ok\","
            + "\"subject\":{\"reference\":\"Patient/p\"}}},{\"resource\":[1]},null]}");
    texts.put(RecordReader.OBSERVATIONS, "{not json");
    texts.put(RecordReader.MEDICATIONS, "[]");
    texts.put(RecordReader.QUESTIONNAIRE_RESPONSE, "");

    PatientRecord record = reader.read(texts, Set.of(), List.of());

    assertThat(record.conditions()).extracting(Resource::getIdPart).containsExactly("ok");
    assertThat(record.notes())
        .containsExactly(
            "conditions entry 1 (Condition): not valid FHIR R4, left out",
            "conditions entry 3: no resource",
            "conditions entry 4: no resource");
    assertThat(record.unavailableData())
        .containsExactlyInAnyOrder(
            "observations (not JSON)",
            "medications (not a FHIR resource)",
            "questionnaireResponse (not a FHIR resource)");
  }

  @Test
  void aPatientThatIsNotAnObjectIsInvalidData() {
    assertThatThrownBy(
            () ->
                reader.readTrees(
                    Map.of(RecordReader.PATIENT, REQUEST.readTree("[1,2]")), Set.of(), List.of()))
        .isInstanceOf(InvalidFhirDataException.class);
  }

  private static List<String> encoded(PatientRecord record) {
    List<String> all = new ArrayList<>();
    record.patient().ifPresent(p -> all.add(encode(p)));
    for (List<? extends Resource> list :
        List.of(
            record.conditions(),
            record.observations(),
            record.medications(),
            record.questionnaireResponses())) {
      list.forEach(r -> all.add(encode(r)));
    }
    return all;
  }
}
