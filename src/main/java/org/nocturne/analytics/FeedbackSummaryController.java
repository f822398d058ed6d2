package org.nocturne.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nocturne.cdshooks.CdsHooksException;
import org.nocturne.cdshooks.FeedbackStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a CDS governance committee asks for: per card topic, shown, accepted, overridden, the
 * override rate and the top reasons, in {@code [from, to)} (default: the last 30 days). {@code
 * from} and {@code to} are dates ({@code to} inclusive) or RFC 3339 instants.
 */
@RestController
class FeedbackSummaryController {
  static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

  private final FeedbackStore store;
  private final Clock clock;

  FeedbackSummaryController(FeedbackStore store, ObjectProvider<Clock> clock) {
    this.store = store;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  @GetMapping(value = "/admin/feedback/summary", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> summary(
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    Window window = window(from, to);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", window.from().toString());
    body.put("to", window.to().toString());
    body.put("topics", rows(window));
    return body;
  }

  @GetMapping(value = "/admin/feedback/export.csv")
  ResponseEntity<String> export(
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    Window window = window(from, to);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header("Content-Disposition", "attachment; filename=\"nocturne-feedback.csv\"")
        .body(FeedbackCsv.render(rows(window)));
  }

  private List<TopicSummary> rows(Window window) {
    return store.tally(window.from(), window.to()).stream().map(TopicSummary::of).toList();
  }

  private record Window(Instant from, Instant to) {}

  private Window window(String from, String to) {
    Instant end = to == null || to.isBlank() ? clock.instant() : instant(to, true);
    Instant start =
        from == null || from.isBlank() ? end.minus(DEFAULT_WINDOW) : instant(from, false);
    if (!start.isBefore(end)) {
      throw CdsHooksException.badRequest("from must be before to");
    }
    return new Window(start, end);
  }

  private static Instant instant(String text, boolean end) {
    try {
      if (text.length() == 10) {
        LocalDate date = LocalDate.parse(text);
        return (end ? date.plusDays(1) : date).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw CdsHooksException.badRequest(
          "from and to must be dates (2026-11-27) or RFC 3339 date-times");
    }
  }
}
