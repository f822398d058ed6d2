package org.nocturne.golive;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.nocturne.LocalServer;
import org.nocturne.cdshooks.CdsJson;
import org.nocturne.cdshooks.TopicCodes;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Hook calls from the {@code hooks/} examples as a chosen user, and the report, over HTTP. */
final class GoLiveCalls {
  static final String PATIENT_VIEW = "nocturnal-leg-pain";
  static final String ORDER_SELECT = "nocturnal-leg-pain-order-select";
  static final String ORDER_SIGN = "nocturnal-leg-pain-order-sign";

  /** A critical red flag with a suggestion, and two other cards. */
  static final String DVT = "red-flag-deep-vein-thrombosis";

  static final String LOW_ABI = "order-safety-compression-with-low-abi";
  static final String QUININE = "order-safety-quinine-for-leg-cramps";

  /** The report's window holds the pinned evaluation date (FixedClock). */
  static final String WINDOW = "?from=2026-11-20&to=2026-11-26";

  private GoLiveCalls() {}

  /** State of the test's own, so its counts never mix with another test's. */
  static void ownState(DynamicPropertyRegistry registry, String name) {
    registry.add(
        "spring.datasource.url",
        () ->
            "jdbc:h2:mem:"
                + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
  }

  /**
   * The example's answer, as a new call, when {@code userId} (or nobody, when {@code null}) calls.
   */
  static JsonNode call(LocalServer server, String service, String example, String userId) {
    ObjectNode request =
        (ObjectNode)
            CdsJson.mapper()
                .readTree(LocalServer.read(Path.of("hooks", service, example + ".request.json")));
    // a fresh call, as an EHR makes it: card uuids derive from the hookInstance
    request.put("hookInstance", UUID.randomUUID().toString());
    ObjectNode context = (ObjectNode) request.path("context");
    if (userId == null) {
      context.remove("userId");
    } else {
      context.put("userId", userId);
    }
    HttpResponse<String> response = server.postJson("/cds-services/" + service, request.toString());
    if (response.statusCode() != 200) {
      throw new AssertionError(service + " " + example + ": " + response.statusCode());
    }
    return CdsJson.mapper().readTree(response.body());
  }

  /** The lowerCamelCase topic codes of an answer's cards (either form is sent until the rename). */
  static List<String> topics(JsonNode answer) {
    List<String> topics = new ArrayList<>();
    answer
        .path("cards")
        .forEach(
            card -> topics.add(camel(card.path("source").path("topic").path("code").asString())));
    return topics;
  }

  static String camel(String code) {
    return TopicCodes.currentSpelling(code);
  }

  static JsonNode summary(LocalServer server) {
    HttpResponse<String> response = server.get("/admin/feedback/summary" + WINDOW);
    if (response.statusCode() != 200) {
      throw new AssertionError("summary: " + response.statusCode() + " " + response.body());
    }
    return CdsJson.mapper().readTree(response.body());
  }

  /** The report's row of a topic at a service, or a missing node. */
  static JsonNode row(JsonNode summary, String service, String topic) {
    for (JsonNode row : summary.path("topics")) {
      if (row.path("service").asString("").equals(service)
          && camel(row.path("code").asString("")).equals(topic)) {
        return row;
      }
    }
    return CdsJson.mapper().missingNode();
  }
}
