package org.nocturne.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Refused admin requests are logged without their token and rate-limited per client (429). */
@ExtendWith(OutputCaptureExtension.class)
class AdminAccessFilterTest {
  private static final String TOKEN = "a-real-admin-token-of-forty-characters!!";

  private final AtomicLong nanos = new AtomicLong();
  private final AdminAccessFilter filter =
      new AdminAccessFilter(
          new AdminProperties(TOKEN, false),
          new RefusedAdminAttempts(10, Duration.ofMinutes(1), (Ticker) nanos::get));

  private int call(String client, String token) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/admin/feedback/summary");
    request.setRemoteAddr(client);
    if (token != null) {
      request.addHeader("Authorization", "Bearer " + token);
    }
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain());
    return response.getStatus();
  }

  @Test
  void guessesAreRefusedWith429AfterTenAndOtherClientsAreNotAffected(CapturedOutput output)
      throws Exception {
    for (int i = 0; i < 10; i++) {
      assertThat(call("203.0.113.9", "guess-" + i)).isEqualTo(401);
    }

    assertThat(call("203.0.113.9", "guess-10")).isEqualTo(429);
    assertThat(call("203.0.113.9", TOKEN)).isEqualTo(429);
    assertThat(call("198.51.100.7", TOKEN)).isEqualTo(200);
    nanos.addAndGet(Duration.ofMinutes(2).toNanos());
    assertThat(call("203.0.113.9", TOKEN)).isEqualTo(200);

    assertThat(output.getAll())
        .contains("refused an admin request from 203.0.113.9 to /admin/feedback/summary")
        .doesNotContain("guess-");
  }
}
