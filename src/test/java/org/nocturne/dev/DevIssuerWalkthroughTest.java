package org.nocturne.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.nocturne.LocalServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The workstation walkthrough of docs/production.md of the production mode, step by step: the dev
 * issuer's JWKS and tokens, fetched over HTTP as curl would, make the service answer; without a
 * token, or with a token for another URL, it refuses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DevIssuerWalkthroughTest {
  private static final DevIssuer ISSUER;

  static {
    try {
      ISSUER = new DevIssuer(0);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void asTheReadmeSays(DynamicPropertyRegistry registry) {
    registry.add("nocturne.security.public-base-url", () -> "http://localhost:8080");
    registry.add("nocturne.security.trusted-issuers[0].issuer", ISSUER::issuer);
    registry.add("nocturne.security.trusted-issuers[0].jwks-uri", ISSUER::jwksUri);
  }

  @AfterAll
  static void stop() {
    ISSUER.close();
  }

  @LocalServerPort int port;

  private static String token(String audience) {
    return new LocalServer(URI.create(ISSUER.issuer()).getPort())
        .get("/token?aud=" + audience)
        .body();
  }

  private HttpRequest.Builder call(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
  }

  @Test
  void aTokenMintedForTheUrlCalledIsAccepted() {
    LocalServer service = new LocalServer(port);
    String request =
        LocalServer.read(Path.of("hooks/nocturnal-leg-pain/cause-sciatica.request.json"));

    var discovery =
        service.send(
            call("/cds-services")
                .header("Authorization", "Bearer " + token("http://localhost:8080/cds-services"))
                .GET()
                .build());
    var invocation =
        service.send(
            call("/cds-services/nocturnal-leg-pain")
                .header(
                    "Authorization",
                    "Bearer " + token("http://localhost:8080/cds-services/nocturnal-leg-pain"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request))
                .build());

    assertThat(discovery.statusCode()).isEqualTo(200);
    assertThat(invocation.statusCode()).isEqualTo(200);
    assertThat(invocation.body()).contains("\"cards\"");
  }

  @Test
  void noTokenOrATokenForAnotherUrlIsRefused() {
    LocalServer service = new LocalServer(port);

    assertThat(service.get("/cds-services").statusCode()).isEqualTo(401);
    assertThat(
            service
                .send(
                    call("/cds-services")
                        .header(
                            "Authorization",
                            "Bearer " + token("http://localhost:8080/cds-services/other"))
                        .GET()
                        .build())
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void theTokenEndpointExplainsItselfWithoutAnAudience() {
    var response = new LocalServer(URI.create(ISSUER.issuer()).getPort()).get("/token");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("usage");
  }
}
