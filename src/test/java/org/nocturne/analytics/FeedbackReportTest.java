package org.nocturne.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nocturne.cdshooks.Coding;
import org.nocturne.cdshooks.FeedbackStore.TopicTally;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The governance report's arithmetic, its CSV, and who may read it. */
class FeedbackReportTest {
  private static final Coding DVT = Coding.of("http://x/red-flag", "deepVeinThrombosis");

  @Test
  void theOverrideRateIsOverriddenAmongAnsweredAndTheTopThreeReasonsComeFirst() {
    TopicSummary row =
        TopicSummary.of(new TopicTally(DVT, 10, 1, 3, Map.of("a", 1L, "b", 5L, "c", 2L, "d", 2L)));

    assertThat(row.overrideRate()).isEqualTo(0.75);
    assertThat(row.topReasons())
        .containsExactly(
            new TopicSummary.Reason("b", 5),
            new TopicSummary.Reason("c", 2),
            new TopicSummary.Reason("d", 2));
  }

  @Test
  void aTopicWithoutFeedbackHasNoOverrideRate() {
    assertThat(TopicSummary.of(new TopicTally(DVT, 4, 0, 0, Map.of())).overrideRate()).isNull();
  }

  @Test
  void theCsvQuotesWhatNeedsQuotingAndDefusesFormulas() {
    String csv =
        FeedbackCsv.render(
            List.of(
                TopicSummary.of(new TopicTally(DVT, 3, 1, 2, Map.of("=HYPERLINK(x)", 2L))),
                TopicSummary.of(new TopicTally(null, 0, 1, 0, Map.of()))));

    assertThat(csv.split("\r\n"))
        .containsExactly(
            FeedbackCsv.HEADER,
            "http://x/red-flag,deepVeinThrombosis,3,1,2,0.667,'=HYPERLINK(x):2",
            ",,0,1,0,0.0,");
    assertThat(FeedbackCsv.field("a,\"b\"")).isEqualTo("\"a,\"\"b\"\"\"");
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
