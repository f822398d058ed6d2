package org.nocturne;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every HTML page carries the browser security headers (issue 26, finding 9). */
@LocalAppTest
class SecurityHeadersTest {
  @LocalServerPort int port;
  private LocalServer server;

  @BeforeEach
  void connect() {
    server = new LocalServer(port);
  }

  @Test
  void everyHtmlPageForbidsForeignScriptsFramingSniffingAndReferrers() {
    for (String path :
        List.of(
            "/about",
            "/education/leg-cramps",
            "/app/index.html",
            "/app/launch.html",
            "/demo/index.html",
            "/no-such-page")) {
      HttpResponse<String> page = server.get(path);

      assertThat(page.headers().firstValue("Content-Security-Policy"))
          .as(path)
          .hasValueSatisfying(
              csp ->
                  assertThat(csp)
                      .contains("script-src 'self'")
                      .contains("frame-ancestors 'self'")
                      .contains("object-src 'none'")
                      .doesNotContain("unsafe-eval"));
      assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(page.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
    }
  }
}
