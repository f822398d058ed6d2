package org.nocturne.analytics;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nocturne.cdshooks.FeedbackStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a CDS governance committee asks for, the alert-burden report: per service, card topic and
 * indicator, the calls, cards shown, kept back (shadow) and withheld (suppressed), per 1,000 calls,
 * accepted, overridden, the override rate and the top reasons, in {@code [from, to)} (default: the
 * last 30 days), as JSON, CSV and a page for clinicians at {@code /admin}.
 */
@RestController
class FeedbackSummaryController {
  private final FeedbackStore store;
  private final Clock clock;

  FeedbackSummaryController(FeedbackStore store, ObjectProvider<Clock> clock) {
    this.store = store;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  @GetMapping(value = "/admin/feedback/summary", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> summary(
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    AlertBurden burden = AlertBurden.read(store, ReportWindow.parse(from, to, clock), true);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", burden.window().from().toString());
    body.put("to", burden.window().to().toString());
    body.put("calls", burden.calls());
    body.put("topics", burden.topics());
    body.put("weeks", burden.weeks());
    return body;
  }

  @GetMapping(value = "/admin/feedback/export.csv")
  ResponseEntity<String> export(
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    AlertBurden burden = AlertBurden.read(store, ReportWindow.parse(from, to, clock), false);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header("Content-Disposition", "attachment; filename=\"nocturne-feedback.csv\"")
        .body(FeedbackCsv.render(burden.topics()));
  }

  /** The report as a page a clinician reads: a chart per week and the table, no script. */
  @GetMapping(value = {"/admin", "/admin/"})
  ResponseEntity<String> page(
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    AlertBurden burden = AlertBurden.read(store, ReportWindow.parse(from, to, clock), true);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
        .header(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none';"
                + " form-action 'self'")
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .header("Cache-Control", "no-store")
        .body(AlertBurdenPage.render(burden));
  }
}
