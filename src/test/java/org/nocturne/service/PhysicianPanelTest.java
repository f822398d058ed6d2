package org.nocturne.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nocturne.ContractAppTest;
import org.nocturne.Examples;
import org.nocturne.FixedClock;
import org.nocturne.LocalServer;
import org.nocturne.cards.AnswerCoherence;
import org.nocturne.cdshooks.CdsJson;
import org.nocturne.cdshooks.CdsResponse;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Replays the physicians' panels: every {@code
 * src/test/resources/panels/<panel>/NN-name.request.json} goes to the real service over HTTP (the
 * path {@link ContractExamplesTest} uses), and every expectation of {@code NN-name.expect.json} is
 * checked, each failure named.
 *
 * <p>Expectations: {@code noCards} (answer is {@code {"cards":[]}}, or when false at least one
 * card); {@code requiredTopics} (some card's {@code source.topic.code}); {@code indicators} (that
 * card's indicator); {@code forbiddenTopics}; {@code leadingCause} (topic of the card whose topic
 * system is leg-pain-cause); {@code mentions} (each group of alternative stems has one stem in the
 * summaries and details of all cards, case-insensitive); {@code forbiddenMentions}.
 *
 * <p>A panel's evaluation instant is {@code evaluationInstant} in its {@code panel.properties};
 * without one, the end of the day of the latest date-time in its requests. Cases listed in {@code
 * panels/known-gaps.txt} must still fail (a gap that closes must leave the list); all others pass.
 * Every answer also passes {@link AnswerCoherence}. The pass rates are written to {@code
 * target/panel-results/<panel>.md}.
 */
// the evaluation instant is each panel's own: FixedClock moved to it, put back after each case
@ContractAppTest
class PhysicianPanelTest {
  static final Path PANELS = Path.of("src/test/resources/panels");
  private static final String CAUSE_SYSTEM =
      "http://nocturne-cds.org/fhir/CodeSystem/leg-pain-cause";
  private static final Pattern DATE_TIME =
      Pattern.compile(
          "\"(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:\\d{2}))\"");

  private static final Path RESULTS_DIR = Path.of("target/panel-results");

  /** Per case id: the expectations it missed, written under its pass rate. */
  private static final Map<String, List<String>> MISSED = new ConcurrentSkipListMap<>();

  /** Per panel: case id → number of expectations met and total. */
  private static final Map<String, Map<String, int[]>> RESULTS = new ConcurrentSkipListMap<>();

  @LocalServerPort int port;
  LocalServer server;

  @BeforeEach
  void connect() {
    server = new LocalServer(port);
  }

  @AfterEach
  void putTheClockBack() {
    FixedClock.reset();
  }

  /** Every case, or with {@code -Dpanel=round5-b} only that panel's (while working on one). */
  static Stream<Path> cases() {
    String only = System.getProperty("panel", "");
    return Examples.requestsUnder(PANELS)
        .filter(p -> only.isEmpty() || p.getParent().getFileName().toString().equals(only));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyCaseMeetsItsExpectations(Path request) throws IOException {
    String name = request.getFileName().toString().replace(".request.json", "");
    Path panel = request.getParent();
    String id = PANELS.relativize(panel) + "/" + name;
    JsonNode expect =
        CdsJson.mapper()
            .readTree(LocalServer.read(request.resolveSibling(name + ".expect.json")))
            .path("expect");
    JsonNode body = CdsJson.mapper().readTree(LocalServer.read(request));
    String service =
        CdsJson.mapper()
            .readTree(LocalServer.read(request.resolveSibling(name + ".expect.json")))
            .path("service")
            .asString();
    if (service.isEmpty()) {
      service =
          body.path("hook").asString().equals("patient-view")
              ? "nocturnal-leg-pain"
              : "nocturnal-leg-pain-" + body.path("hook").asString();
    }

    FixedClock.moveTo(evaluationInstant(panel));
    var response = server.postJson("/cds-services/" + service, LocalServer.read(request));
    List<String> failed = new ArrayList<>();
    JsonNode answer;
    int total;
    if (response.statusCode() != 200) {
      // an answer the EHR cannot use meets none of the expectations
      total = check(expect, CdsJson.mapper().readTree("{\"cards\":[]}"), new ArrayList<>());
      failed.add("HTTP " + response.statusCode() + ": " + response.body());
      for (int i = 1; i < total; i++) {
        failed.add("(not checked: no answer)");
      }
      answer = CdsJson.mapper().readTree("{\"cards\":[]}");
    } else {
      answer = CdsJson.mapper().readTree(response.body());
      total = check(expect, answer, failed);
    }
    // each answer beside the pass rates, for the physician reading why a case failed
    Path saved = RESULTS_DIR.resolve(PANELS.relativize(panel)).resolve(name + ".response.json");
    Files.createDirectories(saved.getParent());
    Files.writeString(saved, response.body());
    RESULTS
        .computeIfAbsent(PANELS.relativize(panel).toString(), k -> new ConcurrentSkipListMap<>())
        .put(name, new int[] {total - failed.size(), total});
    MISSED.put(id, List.copyOf(failed));

    String gap = knownGaps().get(id);
    if (gap != null) {
      assertThat(failed)
          .as(
              id
                  + " is listed in known-gaps.txt ("
                  + gap
                  + ") but now passes: remove it from the list")
          .isNotEmpty();
    } else {
      assertThat(failed)
          .as(
              id
                  + ": failed expectations\n  "
                  + String.join("\n  ", failed)
                  + "\nanswer:\n"
                  + response.body())
          .isEmpty();
    }
    List<String> incoherent =
        AnswerCoherence.violations(CdsJson.mapper().treeToValue(answer, CdsResponse.class).cards());
    assertThat(incoherent).as(id + ": the cards of one answer must agree").isEmpty();
  }

  /**
   * Checks every expectation, adds each one missed to {@code failed}; returns how many there were.
   */
  static int check(JsonNode expect, JsonNode answer, List<String> failed) {
    int total = 0;
    List<JsonNode> cards = new ArrayList<>();
    answer.path("cards").forEach(cards::add);
    boolean noCards = expect.path("noCards").asBoolean(false);
    total++;
    if (noCards && !cards.isEmpty()) {
      failed.add("noCards: expected {\"cards\":[]} but got " + topics(cards));
    } else if (!noCards && cards.isEmpty()) {
      failed.add("noCards=false: expected at least one card, got none");
    }
    for (JsonNode topic : expect.path("requiredTopics")) {
      total++;
      if (card(cards, topic.asString()) == null) {
        failed.add(
            "requiredTopics: no card with topic "
                + topic.asString()
                + " (got "
                + topics(cards)
                + ")");
      }
    }
    for (var indicator : expect.path("indicators").properties()) {
      total++;
      JsonNode card = card(cards, indicator.getKey());
      String actual = card == null ? "no card" : card.path("indicator").asString();
      if (!indicator.getValue().asString().equals(actual)) {
        failed.add(
            "indicators: "
                + indicator.getKey()
                + " expected "
                + indicator.getValue().asString()
                + ", got "
                + actual);
      }
    }
    for (JsonNode topic : expect.path("forbiddenTopics")) {
      total++;
      if (card(cards, topic.asString()) != null) {
        failed.add("forbiddenTopics: a card carries topic " + topic.asString());
      }
    }
    if (expect.hasNonNull("leadingCause")) {
      total++;
      String leading =
          cards.stream()
              .filter(
                  c ->
                      CAUSE_SYSTEM.equals(c.path("source").path("topic").path("system").asString()))
              .map(c -> c.path("source").path("topic").path("code").asString())
              .findFirst()
              .orElse("no cause card");
      if (!expect.get("leadingCause").asString().equals(leading)) {
        failed.add(
            "leadingCause: expected " + expect.get("leadingCause").asString() + ", got " + leading);
      }
    }
    String text =
        cards.stream()
            .map(c -> c.path("summary").asString() + "\n" + c.path("detail").asString())
            .collect(Collectors.joining("\n"))
            .toLowerCase(Locale.ROOT);
    for (JsonNode group : expect.path("mentions")) {
      total++;
      List<String> stems = new ArrayList<>();
      group.forEach(stem -> stems.add(stem.asString()));
      if (stems.stream().noneMatch(stem -> text.contains(stem.toLowerCase(Locale.ROOT)))) {
        failed.add("mentions: none of " + stems + " appears in the cards");
      }
    }
    for (JsonNode stem : expect.path("forbiddenMentions")) {
      total++;
      if (text.contains(stem.asString().toLowerCase(Locale.ROOT))) {
        failed.add("forbiddenMentions: \"" + stem.asString() + "\" appears in the cards");
      }
    }
    return total;
  }

  private static JsonNode card(List<JsonNode> cards, String topic) {
    return cards.stream()
        .filter(c -> topic.equals(c.path("source").path("topic").path("code").asString()))
        .findFirst()
        .orElse(null);
  }

  private static List<String> topics(List<JsonNode> cards) {
    return cards.stream()
        .map(
            c ->
                c.path("source").path("topic").path("code").asString()
                    + "("
                    + c.path("indicator").asString()
                    + ")")
        .toList();
  }

  static Instant evaluationInstant(Path panel) {
    Path settings = panel.resolve("panel.properties");
    if (Files.exists(settings)) {
      Properties properties = new Properties();
      try (Reader in = Files.newBufferedReader(settings)) {
        properties.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String instant = properties.getProperty("evaluationInstant");
      if (instant != null) {
        return Instant.parse(instant.strip());
      }
    }
    // the end of the day of the latest date-time any request of the panel carries
    try (Stream<Path> files = Files.list(panel)) {
      Instant latest = Instant.EPOCH;
      for (Path file : files.filter(f -> f.toString().endsWith(".request.json")).toList()) {
        Matcher m = DATE_TIME.matcher(LocalServer.read(file));
        while (m.find()) {
          Instant at = OffsetDateTime.parse(m.group(1)).toInstant();
          latest = at.isAfter(latest) ? at : latest;
        }
      }
      return latest
          .atZone(ZoneOffset.UTC)
          .toLocalDate()
          .plusDays(1)
          .atStartOfDay(ZoneOffset.UTC)
          .toInstant()
          .minusSeconds(1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code panels/known-gaps.txt}: {@code <panel>/<case> <reason>} per line, {@code #} comments.
   */
  static Map<String, String> knownGaps() {
    Path file = PANELS.resolve("known-gaps.txt");
    Map<String, String> gaps = new TreeMap<>();
    if (!Files.exists(file)) {
      return gaps;
    }
    for (String line : LocalServer.read(file).split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] parts = trimmed.split("\\s+", 2);
      gaps.put(parts[0], parts.length > 1 ? parts[1] : "");
    }
    return gaps;
  }

  @AfterAll
  static void writeResults() throws IOException {
    Path out = RESULTS_DIR;
    Files.createDirectories(out);
    for (var panel : RESULTS.entrySet()) {
      int cases = panel.getValue().size();
      long passing = panel.getValue().values().stream().filter(r -> r[0] == r[1]).count();
      int met = panel.getValue().values().stream().mapToInt(r -> r[0]).sum();
      int all = panel.getValue().values().stream().mapToInt(r -> r[1]).sum();
      StringBuilder md = new StringBuilder();
      md.append("cases fully passing: ").append(passing).append('/').append(cases).append('\n');
      md.append("expectations passing: ").append(met).append('/').append(all).append("\n\n");
      panel
          .getValue()
          .forEach(
              (name, r) ->
                  md.append("- ")
                      .append(name)
                      .append(": ")
                      .append(r[0])
                      .append('/')
                      .append(r[1])
                      .append(
                          MISSED.getOrDefault(panel.getKey() + "/" + name, List.of()).stream()
                              .map(miss -> "\n  - " + miss)
                              .collect(Collectors.joining()))
                      .append('\n'));
      Files.writeString(out.resolve(panel.getKey() + ".md"), md.toString());
      System.out.println("panel " + panel.getKey() + ": " + md);
    }
  }
}
