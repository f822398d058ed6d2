package org.nocturne.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nocturne.LocalApp.freePort;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.nocturne.LocalApp;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo's settings for the app's failure tests: a short token lifetime gives an expired token,
 * and {@code nocturne.demo.fhir.reject-writes} a FHIR server that refuses the answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("local")
class DemoTestSettingsTest {
  private static final int PORT = freePort();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    LocalApp.onPort(registry, PORT, "demo-settings");
    registry.add("nocturne.demo.auth.token-lifetime", () -> "2s");
    registry.add("nocturne.demo.fhir.reject-writes", () -> "true");
  }

  private final SmartFlow smart = new SmartFlow(PORT);

  @Test
  void anExpiredTokenGets401() throws InterruptedException {
    var token = smart.tokenFor("demo-rls", null);
    assertThat(token.path("expires_in").asInt()).isEqualTo(2);
    String access = token.path("access_token").asString();
    assertThat(smart.fhir("GET", "/Patient/demo-rls", access, null).statusCode()).isEqualTo(200);

    Thread.sleep(2100);

    HttpResponse<String> expired = smart.fhir("GET", "/Patient/demo-rls", access, null);
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(expired.body()).contains("OperationOutcome").contains("expired");
  }

  @Test
  void writesAreRefusedWith422() {
    String access = smart.tokenFor("demo-rls", null).path("access_token").asString();
    String response =
        "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\","
            + "\"subject\":{\"reference\":\"Patient/demo-rls\"}}";

    HttpResponse<String> refused = smart.fhir("POST", "/QuestionnaireResponse", access, response);

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("OperationOutcome").contains("refuses writes");
    // reading still works
    assertThat(smart.fhir("GET", "/Patient/demo-rls", access, null).statusCode()).isEqualTo(200);
  }
}
