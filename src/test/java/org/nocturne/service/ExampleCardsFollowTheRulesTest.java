package org.nocturne.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nocturne.Examples;
import org.nocturne.LocalServer;
import org.nocturne.cdshooks.CdsJson;
import tools.jackson.databind.JsonNode;

/**
 * Every card of every example response in {@code hooks/} checked on the wire JSON, independently of
 * the records that produced it: the CDS Hooks 2.0 card rules and the contract's topics and
 * extension. ({@code ContractExamplesTest} keeps these files equal to what the service answers.)
 */
class ExampleCardsFollowTheRulesTest {
  private static final String BASE = "http://nocturne-cds.org/fhir/CodeSystem/";

  /**
   * The contract's topic codes, written out here on purpose: renaming one must fail a test. {@code
   * persistent-or-severe-pain} and {@code sleep-disruption} are in the CodeSystem but are lines of
   * the differential, never a card's topic (contract, "Cards").
   */
  private static final Map<String, Set<String>> TOPICS =
      Map.of(
          BASE + "leg-pain-cause",
          Set.of(
              "legCramps",
              "restlessLegs",
              "sciatica",
              "peripheralNeuropathy",
              "arthritis",
              "peripheralArteryDisease",
              "venousInsufficiency"),
          BASE + "leg-pain-red-flag",
          Set.of(
              "acuteLimbIschemia",
              "chronicLimbThreateningIschemia",
              "deepVeinThrombosis",
              "caudaEquina",
              "infectionOrMalignancy",
              "progressiveNeurologicalDeficit",
              "nonHealingWoundOrSkinChange",
              "unexplainedSwelling"),
          BASE + "order-safety",
          Set.of(
              "quinineForLegCramps",
              "compressionWithLowAbi",
              "dopamineAgonistForRls",
              "compressionContraindication",
              "drugMayCauseCramps",
              "drugMayWorsenRls"),
          BASE + "leg-pain-card",
          Set.of("questionnaireNeeded", "medicationEffect", "adultsOnly", "dataUnavailable"));

  static Stream<Path> responses() {
    return Examples.answersUnder(Path.of("hooks"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("responses")
  void everyCardFollowsTheSpecAndTheContract(Path file) {
    JsonNode response = CdsJson.mapper().readTree(LocalServer.read(file));
    assertThat(response.get("cards").isArray()).isTrue();
    assertNoNullOrEmpty(response, "$", true);
    Set<String> uuids = new HashSet<>();
    List<Integer> urgency = new ArrayList<>();
    for (JsonNode card : response.get("cards")) {
      urgency.add(
          List.of("critical", "warning", "info").indexOf(card.path("indicator").asString()));
      // Epic accepts letters and digits only, at most 100, and ties overrides to the code
      assertThat(card.path("source").path("topic").path("code").asString(""))
          .matches("[A-Za-z0-9]{1,100}");
      assertThat(uuids.add(card.get("uuid").asString())).as("card uuids are unique").isTrue();
      assertThat(card.get("summary").asString()).hasSizeLessThan(140);
      assertThat(card.get("indicator").asString()).isIn("info", "warning", "critical");
      assertThat(card.path("source").path("label").asString("")).isNotBlank();
      JsonNode topic = card.path("source").path("topic");
      assertThat(TOPICS).containsKey(topic.path("system").asString(""));
      assertThat(TOPICS.get(topic.get("system").asString()))
          .contains(topic.path("code").asString(""));
      suggestions(card, uuids);
      card.path("overrideReasons")
          .forEach(reason -> assertThat(reason.path("display").asString("")).isNotBlank());
      card.path("links").forEach(ExampleCardsFollowTheRulesTest::link);
      if (topic.get("system").asString().equals(BASE + "leg-pain-cause")) {
        differential(card, topic.get("code").asString());
      }
    }
    assertThat(urgency).as("most urgent first: critical, warning, info").isSorted();
  }

  private static void suggestions(JsonNode card, Set<String> uuids) {
    if (!card.has("suggestions")) {
      assertThat(card.has("selectionBehavior")).isFalse();
      return;
    }
    assertThat(card.path("selectionBehavior").asString("")).isIn("at-most-one", "any");
    for (JsonNode suggestion : card.get("suggestions")) {
      assertThat(suggestion.path("label").asString("")).isNotBlank();
      assertThat(uuids.add(suggestion.path("uuid").asString("")))
          .as("suggestion uuids are unique")
          .isTrue();
      for (JsonNode action : suggestion.get("actions")) {
        assertThat(action.path("description").asString("")).isNotBlank();
        switch (action.path("type").asString("")) {
          case "delete" -> {
            assertThat(action.path("resourceId").asString(""))
                .matches("[A-Za-z]+/[A-Za-z0-9\\-.]+");
            assertThat(action.has("resource")).isFalse();
          }
          case "create", "update" ->
              assertThat(action.path("resource").path("resourceType").asString("")).isNotBlank();
          default -> throw new AssertionError("unknown action type " + action.get("type"));
        }
      }
    }
  }

  private static void link(JsonNode link) {
    assertThat(link.path("label").asString("")).isNotBlank();
    assertThat(URI.create(link.get("url").asString()).isAbsolute()).isTrue();
    assertThat(link.path("type").asString("")).isIn("absolute", "smart");
    if (link.has("appContext")) {
      assertThat(link.get("type").asString()).isEqualTo("smart");
    }
  }

  private static void differential(JsonNode card, String topic) {
    JsonNode causes = card.path("extension").path("org.nocturne.differential").path("causes");
    assertThat(causes.isArray()).isTrue();
    assertThat(causes.size()).isEqualTo(7);
    assertThat(causes.get(0).get("code").asString()).isEqualTo(topic);
    List<Integer> scores = new ArrayList<>();
    for (JsonNode cause : causes) {
      assertThat(TOPICS.get(BASE + "leg-pain-cause")).contains(cause.get("code").asString());
      assertThat(cause.get("likelihood").asString()).isIn("high", "moderate", "low");
      scores.add(cause.get("score").asInt());
    }
    assertThat(scores).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
  }

  /** 2.0 §JSON: no null, "", [] or {} anywhere, except the top-level "cards": []. */
  private static void assertNoNullOrEmpty(JsonNode node, String path, boolean top) {
    assertThat(node.isNull()).as(path + " is null").isFalse();
    if (node.isString()) {
      assertThat(node.asString()).as(path + " is empty").isNotEmpty();
    }
    if (node.isContainer() && !(top && path.equals("$.cards"))) {
      assertThat(node.isEmpty()).as(path + " is empty").isFalse();
    }
    if (node.isObject()) {
      node.properties()
          .forEach(
              entry ->
                  assertNoNullOrEmpty(
                      entry.getValue(), path + "." + entry.getKey(), top && path.equals("$")));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        assertNoNullOrEmpty(node.get(i), path + "[" + i + "]", false);
      }
    }
  }
}
