package org.nocturne.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nocturne.cdshooks.CdsJson;
import tools.jackson.databind.JsonNode;

/**
 * The governance counters count what the admin summary counts: an EHR that resends a call with the
 * same hookInstance (a retry after a timeout) gets the same cards, the same card uuids, and neither
 * the summary nor {@code nocturne_cards_shown_total} counts them twice; feedback sent twice is
 * stored, and counted, once.
 */
class CountersAgreeWithSummaryTest {
  private static final String PATH = "/cds-services/nocturnal-leg-pain";
  private static final String ADMIN_TOKEN = "a-governance-token-for-this-test-only-0123456789";

  @Test
  void aResentHookInstanceAndARepeatedFeedbackAreCountedOnceAsInTheSummary() throws Exception {
    List<String> args = new ArrayList<>();
    Postgres.springProperties(Postgres.shared().newDatabase())
        .forEach((key, value) -> args.add("--" + key + "=" + value));
    args.add("--nocturne.security.jwt-required=false");
    args.add("--nocturne.security.trusted-networks=127.0.0.1/32");
    args.add("--nocturne.security.public-base-url=http://localhost:8080");
    args.add("--nocturne.admin.token=" + ADMIN_TOKEN);
    try (ServiceInstance service = ServiceInstance.start(args)) {
      String body = ServiceInstance.example("nocturnal-leg-pain", "full-prefetch");
      JsonNode first = CdsJson.mapper().readTree(service.post(PATH, body, null).body());
      JsonNode again = CdsJson.mapper().readTree(service.post(PATH, body, null).body());
      assertThat(again.path("cards")).isEqualTo(first.path("cards")); // same uuids
      String card = first.path("cards").get(0).path("uuid").asText();
      String feedback =
          """
          {"feedback":[{"card":"%s","outcome":"overridden",
            "outcomeTimestamp":"%s"}]}"""
              .formatted(card, Instant.now().truncatedTo(ChronoUnit.SECONDS));
      assertThat(service.post(PATH + "/feedback", feedback, null).statusCode()).isEqualTo(200);
      assertThat(service.post(PATH + "/feedback", feedback, null).statusCode()).isEqualTo(200);

      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      JsonNode topics =
          CdsJson.mapper()
              .readTree(
                  service
                      .get(
                          "/admin/feedback/summary?from=" + today.minusDays(1) + "&to=" + today,
                          ADMIN_TOKEN)
                      .body())
              .path("topics");
      long shown = 0;
      long overridden = 0;
      for (JsonNode topic : topics) {
        shown += topic.path("shown").asLong();
        overridden += topic.path("overridden").asLong();
      }
      MeterRegistry meters = service.context.getBean(MeterRegistry.class);

      assertThat(shown).isEqualTo(first.path("cards").size());
      assertThat(total(meters, "nocturne.cards.shown")).isEqualTo(shown);
      assertThat(overridden).isEqualTo(1);
      assertThat(total(meters, "nocturne.feedback.outcomes")).isEqualTo(overridden);
    }
  }

  private static long total(MeterRegistry meters, String name) {
    return (long) meters.find(name).counters().stream().mapToDouble(Counter::count).sum();
  }
}
