package org.nocturne.cdshooks.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
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
 * Seeded fuzzing of every resource type the services read, in process: the Patient itself is
 * mutated in place (any element but its id and birth date: a {@code gender} of {@code "robot"}, a
 * name that is a number, an extension with a broken value), and mutated copies of every Condition,
 * Observation, MedicationRequest, QuestionnaireResponse and draft order are added, each with values
 * HAPI's data types refuse at any depth (codes outside their value set, dates that are no dates,
 * the wrong JSON type, numbers out of range). Every call of all three services must answer (no 500,
 * no 4xx: the record is the EHR's, not the request's fault) and keep every red flag and safety
 * finding of its clean record. A regression test of issue 26, finding 7.
 */
@ContractAppTest
class RecordFuzzTest {
  static final long SEED = 20261206L;
  static final int CASES = 2000;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final List<String> SERVICES =
      List.of(
          "nocturnal-leg-pain", "nocturnal-leg-pain-order-select", "nocturnal-leg-pain-order-sign");
  private static final Set<String> KEPT_AS_IS = Set.of("resourceType", "id", "birthDate");

  @Autowired CdsHooksInvoker invoker;

  private final Random random = new Random(SEED);

  @Test
  void aPatientWhoseGenderIsNoCodeAndWhoseElementsHaveTheWrongShapeKeepsTheRedFlag()
      throws IOException {
    String service = "nocturnal-leg-pain";
    JsonNode clean =
        CdsJson.mapper()
            .readTree(
                LocalServer.read(
                    Path.of("hooks", service, "red-flag-deep-vein-thrombosis.request.json")));
    Set<String> flags = flags(call(service, clean, "clean"));
    ObjectNode robot = (ObjectNode) clean.deepCopy();
    ObjectNode patient = (ObjectNode) robot.path("prefetch").path("patient");
    patient.put("gender", "robot");
    ObjectNode shapeless = (ObjectNode) clean.deepCopy();
    ((ObjectNode) shapeless.path("prefetch").path("patient"))
        .put("gender", "female")
        .set("extension", JSON.objectNode().put("url", "x"));

    assertThat(flags).contains("deepVeinThrombosis");
    assertThat(flags(call(service, robot, "gender robot"))).containsAll(flags);
    assertThat(flags(call(service, shapeless, "extension an object"))).containsAll(flags);
  }

  @Test
  void noRecordValueCostsTheAnswerOrARedFlag() throws IOException {
    long start = System.nanoTime();
    record Example(String service, String name, JsonNode request, Set<String> flags) {}
    List<Example> examples = new ArrayList<>();
    for (String service : SERVICES) {
      for (Path file : Examples.recordRequestsUnder(Path.of("hooks", service))) {
        JsonNode request = CdsJson.mapper().readTree(LocalServer.read(file));
        String name = service + "/" + file.getFileName();
        examples.add(new Example(service, name, request, flags(call(service, request, name))));
      }
    }
    assertThat(examples).hasSizeGreaterThan(30);

    Map<String, String> failures = new TreeMap<>();
    for (int i = 0; i < CASES; i++) {
      Example example = examples.get(i % examples.size());
      ObjectNode dirty = (ObjectNode) example.request().deepCopy();
      dirty.put("hookInstance", "record-fuzz-" + i);
      int mutations = 1 + random.nextInt(3);
      for (int m = 0; m < mutations; m++) {
        mutate(dirty);
      }
      String label = example.name() + " case " + i + " (seed " + SEED + ")";
      try {
        Set<String> flags = flags(call(example.service(), dirty, label));
        if (!flags.containsAll(example.flags())) {
          failures.putIfAbsent(label, "lost " + example.flags() + " -> " + flags);
        }
      } catch (AssertionError | RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        failures.putIfAbsent(label, message.substring(0, Math.min(300, message.length())));
      }
    }
    System.out.printf(
        "RecordFuzzTest: %d cases, %d failed, %d ms, seed %d%n",
        CASES, failures.size(), (System.nanoTime() - start) / 1_000_000, SEED);
    assertThat(failures).as("%d of %d cases", failures.size(), CASES).isEmpty();
  }

  private JsonNode call(String service, JsonNode request, String label) {
    CdsResponse response;
    try {
      response =
          invoker.invoke(
              service, CdsJson.mapper().writeValueAsBytes(request), Caller.unverified(List.of()));
    } catch (CdsHooksException e) {
      throw new AssertionError(label + " answered " + e.status() + ": " + e.getMessage());
    } catch (RuntimeException e) {
      throw new AssertionError(label + " answered 500: " + e, e);
    }
    return CdsJson.mapper().readTree(CdsJson.mapper().writeValueAsBytes(response));
  }

  /** The red flags and order-safety findings of an answer. */
  private static Set<String> flags(JsonNode response) {
    Set<String> flags = new TreeSet<>();
    for (JsonNode card : response.path("cards")) {
      JsonNode topic = card.path("source").path("topic");
      String system = topic.path("system").asString("");
      if (system.endsWith("leg-pain-red-flag") || system.endsWith("order-safety")) {
        flags.add(topic.path("code").asString());
      }
    }
    return flags;
  }

  private void mutate(ObjectNode request) {
    List<ObjectNode> patients = new ArrayList<>();
    List<ArrayNode> bundles = new ArrayList<>();
    JsonNode prefetch = request.path("prefetch");
    if (prefetch.path("patient") instanceof ObjectNode patient
        && "Patient".equals(patient.path("resourceType").asString(""))) {
      patients.add(patient);
    }
    for (JsonNode value : prefetch) {
      if (value.path("entry") instanceof ArrayNode entries && !entries.isEmpty()) {
        bundles.add(entries);
      }
    }
    if (request.path("context").path("draftOrders").path("entry") instanceof ArrayNode drafts
        && !drafts.isEmpty()) {
      bundles.add(drafts);
    }
    if (!patients.isEmpty() && (bundles.isEmpty() || random.nextInt(3) == 0)) {
      ObjectNode patient = patients.get(0);
      List<Runnable> places = new ArrayList<>();
      for (String name : List.copyOf(patient.propertyNames())) {
        if (!KEPT_AS_IS.contains(name)) {
          places.add(() -> patient.set(name, dirt(name)));
          collect(patient.get(name), places);
        }
      }
      for (String name : List.of("gender", "deceasedBoolean", "maritalStatus", "extension")) {
        places.add(() -> patient.set(name, dirt(name)));
      }
      places.get(random.nextInt(places.size())).run();
      return;
    }
    if (bundles.isEmpty()) {
      return;
    }
    ArrayNode entries = bundles.get(random.nextInt(bundles.size()));
    JsonNode original = entries.get(random.nextInt(entries.size())).path("resource");
    if (!(original instanceof ObjectNode resource)) {
      return;
    }
    ObjectNode copy = resource.deepCopy();
    copy.put("id", "fuzz-" + random.nextInt(1_000_000));
    // old, so it never stands in for the newest value or response the flag came from
    for (String date :
        List.of("effectiveDateTime", "onsetDateTime", "authoredOn", "recordedDate", "issued")) {
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
    entries.addObject().set("resource", copy);
  }

  /** Every place below a node where a value can be replaced, at any depth. */
  private void collect(JsonNode node, List<Runnable> places) {
    if (node instanceof ObjectNode object) {
      for (String name : List.copyOf(object.propertyNames())) {
        if (!name.equals("resourceType")) {
          places.add(() -> object.set(name, dirt(name)));
        }
        collect(object.get(name), places);
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        int index = i;
        places.add(() -> array.set(index, dirt("")));
        collect(array.get(i), places);
      }
    }
  }

  /** A value HAPI's data types refuse or mistake, chosen with an eye on the element's name. */
  private JsonNode dirt(String name) {
    if (random.nextBoolean()) {
      if (name.equals("gender") || name.equals("status") || name.equals("intent")) {
        return JSON.stringNode(pick("robot", "FINAL", "active ", "", "unknown\u0000", "1"));
      }
      if (name.toLowerCase().contains("date") || name.equals("authored") || name.equals("issued")) {
        return JSON.stringNode(
            pick(
                "2020-13-45",
                "2024-02-30",
                "2024-02-29T25:61:00Z",
                "0000-00-00",
                "99999-01-01",
                "2020-01-01T10:00:00",
                "yesterday",
                "2020-01-01T10:00:00+99:00",
                "-2020"));
      }
      if (name.startsWith("value") || name.equals("value")) {
        return pick(
            JSON.stringNode("twelve"),
            JSON.numberNode(1e300),
            JSON.numberNode(Long.MAX_VALUE),
            JSON.numberNode(new BigInteger("123456789012345678901234567890")),
            JSON.objectNode().put("value", "x").put("unit", 5),
            JSON.booleanNode(true),
            JSON.arrayNode().add(1).add("a"));
      }
    }
    return switch (random.nextInt(16)) {
      case 0 -> JSON.stringNode("robot");
      case 1 -> JSON.stringNode("2020-13-45T00:00:00Z");
      case 2 -> JSON.numberNode(random.nextInt());
      case 3 -> JSON.numberNode(-1e308);
      case 4 -> JSON.booleanNode(random.nextBoolean());
      case 5 -> JSON.nullNode();
      case 6 -> JSON.stringNode("");
      case 7 -> JSON.objectNode();
      case 8 -> JSON.arrayNode();
      case 9 -> JSON.arrayNode().add(JSON.arrayNode().add("nested"));
      case 10 -> JSON.objectNode().put("coding", "not-a-list");
      case 11 ->
          JSON.arrayNode()
              .add(JSON.objectNode().put("url", 5).put("valueCode", "robot").put("valueDate", "x"));
      case 12 -> JSON.objectNode().put("reference", "Patient/../../x").put("display", 7);
      case 13 -> JSON.objectNode().set("coding", JSON.arrayNode().add(JSON.stringNode("x")));
      case 14 -> JSON.stringNode("x".repeat(10_000));
      default -> JSON.objectNode().put("resourceType", "Patient").put("gender", "robot");
    };
  }

  @SafeVarargs
  private <T> T pick(T... values) {
    return values[random.nextInt(values.length)];
  }
}
