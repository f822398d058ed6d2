package org.nocturne.cdshooks.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.nocturne.CardChecks;
import org.nocturne.ContractAppTest;
import org.nocturne.Examples;
import org.nocturne.LocalServer;
import org.nocturne.cdshooks.Caller;
import org.nocturne.cdshooks.CdsHooksException;
import org.nocturne.cdshooks.CdsJson;
import org.nocturne.cdshooks.CdsResponse;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generated dirty records (seeded, reproducible): every patient-view example is called again with
 * malformed entries added to its record (mutated copies of its own entries: wrong types, dates that
 * are not dates, invalid codes, deep nesting, nulls, huge strings, markup, odd ids; and junk
 * entries). Each answer must be a 200, valid CDS Hooks whose details render without markup, and
 * keep every red flag of the clean record. One bad entry costs that entry only.
 */
@ContractAppTest
class DirtyRecordFuzzTest {
  static final long SEED = 20261127L;
  static final int CASES_PER_EXAMPLE = 60;
  static final String SERVICE = "nocturnal-leg-pain";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final List<String> SEARCH_KEYS =
      List.of("conditions", "observations", "medications", "questionnaireResponse");

  @Autowired CdsHooksInvoker invoker;

  private final Random random = new Random(SEED);

  @Test
  void generatedDirtNeverCostsARedFlagNorGivesAnErrorOrLiveMarkup() throws IOException {
    List<Path> examples = Examples.recordRequestsUnder(Path.of("hooks", SERVICE));
    assertThat(examples).hasSizeGreaterThanOrEqualTo(17);
    int generated = 0;
    int passed = 0;
    for (Path example : examples) {
      JsonNode clean = CdsJson.mapper().readTree(LocalServer.read(example));
      Set<String> cleanFlags = redFlags(call(clean, example + " (clean)"));
      for (int i = 0; i < CASES_PER_EXAMPLE; i++) {
        ObjectNode dirty = (ObjectNode) clean.deepCopy();
        dirty.put("hookInstance", "fuzz-" + generated);
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
          dirty(dirty);
        }
        generated++;
        String label = example.getFileName() + " case " + i + " (seed " + SEED + ")";
        JsonNode answer = call(dirty, label);
        CardChecks.assertValidAndInert(answer);
        assertThat(redFlags(answer)).as(label).containsAll(cleanFlags);
        passed++;
      }
    }
    System.out.printf(
        "DirtyRecordFuzzTest: %d cases generated, %d passed, seed %d%n", generated, passed, SEED);
    assertThat(generated).isGreaterThanOrEqualTo(1000);
  }

  private JsonNode call(JsonNode request, String label) {
    try {
      CdsResponse response =
          invoker.invoke(
              SERVICE, CdsJson.mapper().writeValueAsBytes(request), Caller.unverified(List.of()));
      return CdsJson.mapper().readTree(CdsJson.mapper().writeValueAsBytes(response));
    } catch (CdsHooksException e) {
      return fail("%s answered %d: %s", label, e.status(), e.getMessage());
    } catch (RuntimeException e) {
      return fail(label + " answered 500", e);
    }
  }

  private static Set<String> redFlags(JsonNode response) {
    Set<String> flags = new TreeSet<>();
    for (JsonNode card : response.path("cards")) {
      JsonNode topic = card.path("source").path("topic");
      if (topic.path("system").asString("").endsWith("leg-pain-red-flag")) {
        flags.add(topic.path("code").asString());
      }
    }
    return flags;
  }

  /** One mutation of the request's record; the clean entries stay as they were. */
  private void dirty(ObjectNode request) {
    ObjectNode prefetch = (ObjectNode) request.get("prefetch");
    String key = SEARCH_KEYS.get(random.nextInt(SEARCH_KEYS.size()));
    JsonNode bundle = prefetch.get(key);
    if (bundle == null || !bundle.isObject()) {
      return;
    }
    ObjectNode searchset = (ObjectNode) bundle;
    ArrayNode entries =
        searchset.get("entry") instanceof ArrayNode existing
            ? existing
            : searchset.putArray("entry");
    switch (random.nextInt(6)) {
      case 0, 1, 2 -> {
        if (!entries.isEmpty()) {
          JsonNode original = entries.get(random.nextInt(entries.size())).path("resource");
          if (original.isObject()) {
            entries.addObject().set("resource", mutatedCopy((ObjectNode) original));
          }
        }
      }
      case 3 -> entries.add(junkEntry());
      case 4 -> {
        searchset.put("total", "many");
        searchset.set("meta", dirt());
        searchset.put("x-" + random.nextInt(100), "unknown field");
      }
      default -> {
        if (entries.isEmpty()) {
          // a key without data may as well be no FHIR at all: unavailable, never an error
          prefetch.set(key, random.nextBoolean() ? JSON.stringNode("Bundle") : dirt());
        } else {
          entries.add(junkEntry());
        }
      }
    }
  }

  /**
   * A copy of a clean entry, made old (so it never replaces the newest value or response) and given
   * a fresh id, with one value anywhere in it replaced by dirt.
   */
  private JsonNode mutatedCopy(ObjectNode original) {
    ObjectNode copy = original.deepCopy();
    copy.put(
        "id",
        random.nextInt(8) == 0 ? "odd`id) ![x](http://e/)" : "dirty-" + random.nextInt(1_000_000));
    for (String date :
        List.of("effectiveDateTime", "onsetDateTime", "authoredOn", "recordedDate")) {
      if (copy.has(date)) {
        copy.put(date, "1990-01-01");
      }
    }
    if (copy.has("authored")) {
      copy.put("authored", "1999-01-01T00:00:00Z");
    }
    List<Runnable> places = new ArrayList<>();
    collect(copy, places);
    if (!places.isEmpty()) {
      places.get(random.nextInt(places.size())).run();
    }
    return copy;
  }

  /** Every place in the tree where a value can be replaced by dirt. */
  private void collect(JsonNode node, List<Runnable> places) {
    if (node instanceof ObjectNode object) {
      for (String name : List.copyOf(object.propertyNames())) {
        places.add(() -> object.set(name, dirt()));
        collect(object.get(name), places);
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        int index = i;
        places.add(() -> array.set(index, dirt()));
        collect(array.get(i), places);
      }
    }
  }

  private JsonNode dirt() {
    return switch (random.nextInt(20)) {
      case 0 -> JSON.stringNode("not-a-date");
      case 1 -> JSON.stringNode("done-ish");
      case 2 -> JSON.numberNode(random.nextInt());
      case 3 -> JSON.numberNode(-1e308);
      case 4 -> JSON.booleanNode(random.nextBoolean());
      case 5 -> JSON.nullNode();
      case 6 -> JSON.stringNode("");
      case 7 -> JSON.objectNode();
      case 8 -> JSON.arrayNode();
      case 9 -> nested(20 + random.nextInt(40));
      case 10 -> JSON.stringNode("x".repeat(50_000) + "ü💥");
      case 11 -> JSON.stringNode("<img src=x onerror=alert(1)>");
      case 12 -> JSON.stringNode("![p](http://evil.example/p.png)");
      case 13 -> JSON.stringNode("[x](javascript:alert(1))");
      case 14 -> JSON.stringNode("<script>alert(1)</script> # 1. - + `a` | *b* _c_ ~d~ &amp;");
      case 15 -> JSON.stringNode("line\nbreak\r\u0000\u001b[31m red");
      case 16 -> JSON.stringNode("💥 ünïcödé 名前");
      case 17 -> JSON.stringNode("1227&_count=1#../../admin");
      case 18 -> {
        ObjectNode odd = JSON.objectNode();
        odd.put("resourceType", random.nextBoolean() ? "" : "Smith-John-0042");
        yield odd;
      }
      default -> JSON.stringNode("12.5 mg");
    };
  }

  private JsonNode nested(int depth) {
    JsonNode node = JSON.objectNode().put("leaf", "x");
    for (int i = 0; i < depth; i++) {
      node = i % 2 == 0 ? JSON.arrayNode().add(node) : JSON.objectNode().set("n", node);
    }
    return node;
  }

  private JsonNode junkEntry() {
    ObjectNode entry = JSON.objectNode();
    switch (random.nextInt(8)) {
      case 0 -> {}
      case 1 -> entry.set("resource", JSON.objectNode());
      case 2 -> entry.set("resource", JSON.objectNode().put("resourceType", ""));
      case 3 -> entry.put("resource", "Condition/123");
      case 4 -> entry.set("resource", JSON.objectNode().put("resourceType", "NoSuchType"));
      case 5 ->
          entry.set(
              "resource",
              JSON.objectNode()
                  .put("resourceType", "Condition")
                  .put("onsetDateTime", "not-a-date"));
      case 6 ->
          entry.set(
              "resource",
              JSON.objectNode()
                  .put("resourceType", "Observation")
                  .put("status", "done-ish")
                  .set("valueQuantity", JSON.objectNode().put("value", "twelve")));
      default -> {
        return JSON.nullNode();
      }
    }
    return entry;
  }
}
