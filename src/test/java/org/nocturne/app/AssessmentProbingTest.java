package org.nocturne.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nocturne.LocalApp.freePort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.nocturne.LocalApp;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The app's assessment cannot be used to test bearer tokens and patient ids against the EHR. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("local")
class AssessmentProbingTest {
  private static final int PORT = freePort();
  private static final String DEMO = "http://127.0.0.1:" + PORT + "/demo/fhir";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    LocalApp.onPort(registry, PORT, "assessment-probing");
    registry.add("nocturne.app.allowed-issuers[0]", () -> DEMO);
    registry.add("nocturne.app.max-refused-per-minute", () -> "3");
  }

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aClientTheEhrKeepsRefusingIsThrottledBeforeAnythingIsFetched() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(assess("guessed-token-" + i).statusCode()).isEqualTo(401);
    }

    HttpResponse<String> throttled = assess("guessed-token-4");

    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).hasValue("60");
    assertThat(throttled.body()).contains("OperationOutcome").contains("wait a minute");
  }

  private HttpResponse<String> assess(String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/app/api/assessment"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"fhirServer\":\"" + DEMO + "\",\"patient\":\"demo-rls\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
