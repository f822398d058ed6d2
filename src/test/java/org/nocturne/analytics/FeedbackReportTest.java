package org.nocturne.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nocturne.cdshooks.Coding;
import org.nocturne.cdshooks.FeedbackStore.TopicTally;
import org.nocturne.cdshooks.Indicator;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The governance report's arithmetic, its CSV, and who may read it. */
class FeedbackReportTest {
  private static final Coding DVT = Coding.of("http://x/red-flag", "deepVeinThrombosis");

  /** 2,000 calls; besides the cards shown, 4 kept back in shadow and 1 suppressed. */
  private static TopicTally tally(
      Coding topic, long shown, long accepted, long overridden, Map<String, Long> reasons) {
    return new TopicTally(
        "svc", topic, Indicator.CRITICAL, 2000, shown, 4, 1, accepted, overridden, reasons);
  }

  @Test
  void theOverrideRateIsOverriddenAmongAnsweredAndTheTopThreeReasonsComeFirst() {
    TopicSummary row =
        TopicSummary.of(tally(DVT, 10, 1, 3, Map.of("a", 1L, "b", 5L, "c", 2L, "d", 2L)));

    assertThat(row.overrideRate()).isEqualTo(0.75);
    assertThat(row.topReasons())
        .containsExactly(
            new TopicSummary.Reason("b", 5),
            new TopicSummary.Reason("c", 2),
            new TopicSummary.Reason("d", 2));
  }

  @Test
  void aTopicWithoutFeedbackHasNoOverrideRate() {
    assertThat(TopicSummary.of(tally(DVT, 4, 0, 0, Map.of())).overrideRate()).isNull();
  }

  @Test
  void theCsvQuotesWhatNeedsQuotingAndDefusesFormulas() {
    String csv =
        FeedbackCsv.render(
            List.of(
                TopicSummary.of(tally(DVT, 3, 1, 2, Map.of("=HYPERLINK(x)", 2L))),
                TopicSummary.of(new TopicTally("svc", null, null, 0, 0, 0, 0, 1, 0, Map.of()))));

    assertThat(csv.split("\r\n"))
        .containsExactly(
            FeedbackCsv.HEADER,
            "svc,http://x/red-flag,deepVeinThrombosis,critical,2000,3,4,1,1.5,4.0,1,2,0.667,"
                + "'=HYPERLINK(x):2",
            "svc,,,,0,0,0,0,,,1,0,0.0,");
    assertThat(FeedbackCsv.field("a,\"b\"")).isEqualTo("\"a,\"\"b\"\"\"");
  }

  @Test
  void theAdminPageEscapesEverythingItDrawsAndChartsEachWeek() {
    ReportWindow window =
        new ReportWindow(
            Instant.parse("2026-11-16T00:00:00Z"), Instant.parse("2026-11-30T00:00:00Z"));
    AlertBurden burden =
        new AlertBurden(
            window,
            Map.of("svc", 2000L),
            List.of(
                TopicSummary.of(
                    tally(
                        Coding.of("http://x", "<script>alert(1)</script>"),
                        3,
                        1,
                        2,
                        Map.of("\"><img src=x>", 2L)))),
            List.of(
                new AlertBurden.Week(LocalDate.parse("2026-11-16"), 900, 2, 4, 1),
                new AlertBurden.Week(LocalDate.parse("2026-11-23"), 1100, 1, 0, 0)));

    String html = AlertBurdenPage.render(burden);

    assertThat(html)
        .doesNotContain("<script")
        .doesNotContain("<img")
        .contains("&lt;script&gt;")
        .contains("<svg")
        .contains("week of 16 Nov 2026: 4 would have been shown")
        .contains("67%");
    assertThat(window.weeks()).hasSize(2);
  }

  @Test
  void theWeeksOfAWindowAreCalendarWeeksCutToTheWindow() {
    ReportWindow window =
        new ReportWindow(
            Instant.parse("2026-11-18T06:00:00Z"), Instant.parse("2026-11-27T00:00:00Z"));

    assertThat(window.weeks())
        .extracting(ReportWindow::week)
        .containsExactly(LocalDate.parse("2026-11-16"), LocalDate.parse("2026-11-23"));
    assertThat(window.weeks().get(0).from()).isEqualTo(window.from());
    assertThat(window.weeks().get(1).to()).isEqualTo(window.to());
  }

  private static int status(AdminProperties properties, String authorization) throws Exception {
    var request = new MockHttpServletRequest("GET", "/admin/feedback/summary");
    if (authorization != null) {
      request.addHeader("Authorization", authorization);
    }
    var response = new MockHttpServletResponse();
    var chain = new MockFilterChain();
    new AdminAccessFilter(properties).doFilter(request, response, chain);
    return chain.getRequest() == null ? response.getStatus() : 200;
  }

  @Test
  void adminEndpointsAreClosedWithoutATokenAndOpenOnlyWhenTheLocalProfileSaysSo() throws Exception {
    assertThat(status(new AdminProperties(null, null), null)).isEqualTo(403);
    assertThat(status(new AdminProperties(null, null), "Bearer anything")).isEqualTo(403);
    assertThat(status(new AdminProperties("s3cret", null), null)).isEqualTo(401);
    assertThat(status(new AdminProperties("s3cret", null), "Bearer wrong")).isEqualTo(401);
    assertThat(status(new AdminProperties("s3cret", null), "Bearer s3cret")).isEqualTo(200);
    assertThat(status(new AdminProperties(null, true), null)).isEqualTo(200);
  }
}
