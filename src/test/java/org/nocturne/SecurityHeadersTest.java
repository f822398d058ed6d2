package org.nocturne;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nocturne.LocalApp.freePort;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every HTML page carries the browser security headers (issue 26, finding 9). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("local")
class SecurityHeadersTest {
  private static final int PORT = freePort();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    LocalApp.onPort(registry, PORT, "security-headers");
  }

  private final LocalServer server = new LocalServer(PORT);

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
