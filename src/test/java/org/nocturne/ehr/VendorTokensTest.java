package org.nocturne.ehr;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nocturne.LocalServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tokens signed as each vendor signs them: Epic with RS384, an opaque base64 {@code kid} and an
 * {@code aud} its analyst typed (one per customer); Oracle Health with ES384 naming the URL called.
 * A JWKS that cannot be fetched is logged as such, never as "unknown kid".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class VendorTokensTest {
  private static final String BASE = "https://cds.hospital.example";
  private static final String SERVICE = "/cds-services/nocturnal-leg-pain";
  private static final String EPIC = "https://fhir.epic.example/interconnect-fhir-oauth";
  private static final String ORACLE = "https://authorization.cerner.example/tenants/ec2458f2";
  private static final String DOWN = "https://down-ehr.example";

  /** Epic's kids are opaque base64 thumbprints, '+', '/' and '=' included. */
  private static final String EPIC_KID = "Zm9vYmFyL2JhejEyMzQ1Njc4OTArL3F1eA==";

  private static final WireMockServer JWKS = new WireMockServer(options().dynamicPort());
  private static final RSAKey EPIC_KEY;
  private static final ECKey ORACLE_KEY;

  static {
    try {
      EPIC_KEY = new RSAKeyGenerator(2048).keyID(EPIC_KID).generate();
      ORACLE_KEY = new ECKeyGenerator(Curve.P_384).keyID("oracle-2024-1").generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    JWKS.start();
    JWKS.stubFor(
        get(urlPathEqualTo("/epic/jwks"))
            .willReturn(okJson(new JWKSet(EPIC_KEY.toPublicJWK()).toString())));
    JWKS.stubFor(
        get(urlPathEqualTo("/oracle/jwks"))
            .willReturn(okJson(new JWKSet(ORACLE_KEY.toPublicJWK()).toString())));
    JWKS.stubFor(get(urlPathEqualTo("/down/jwks")).willReturn(aResponse().withStatus(503)));
  }

  @DynamicPropertySource
  static void security(DynamicPropertyRegistry registry) {
    EhrCalls.ownState(registry, "vendor-tokens");
    registry.add("nocturne.state", () -> "memory");
    registry.add("nocturne.security.public-base-url", () -> BASE);
    registry.add("nocturne.security.trusted-issuers[0].issuer", () -> EPIC);
    registry.add(
        "nocturne.security.trusted-issuers[0].jwks-uri", () -> JWKS.baseUrl() + "/epic/jwks");
    // what this health system's analyst typed as the audience in Epic
    registry.add("nocturne.security.trusted-issuers[0].audiences[0]", () -> BASE + "/cds-services");
    registry.add("nocturne.security.trusted-issuers[1].issuer", () -> ORACLE);
    registry.add(
        "nocturne.security.trusted-issuers[1].jwks-uri", () -> JWKS.baseUrl() + "/oracle/jwks");
    registry.add("nocturne.security.trusted-issuers[2].issuer", () -> DOWN);
    registry.add(
        "nocturne.security.trusted-issuers[2].jwks-uri", () -> JWKS.baseUrl() + "/down/jwks");
  }

  @AfterAll
  static void stop() {
    JWKS.stop();
  }

  @LocalServerPort int port;
  LocalServer server;

  @BeforeEach
  void connect() {
    server = new LocalServer(port);
  }

  private static String token(
      JWSAlgorithm alg, JWSSigner signer, String kid, String issuer, String audience)
      throws Exception {
    Instant now = Instant.now();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).keyID(kid).build(),
            new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("client-id-of-the-ehr")
                .audience(audience)
                .expirationTime(Date.from(now.plusSeconds(300)))
                .issueTime(Date.from(now))
                .jwtID(UUID.randomUUID().toString())
                .build());
    jwt.sign(signer);
    return jwt.serialize();
  }

  private HttpResponse<String> call(String token) {
    String body =
        EhrCalls.example("nocturnal-leg-pain", "cause-leg-cramps")
            .put("hookInstance", UUID.randomUUID().toString())
            .toString();
    return server.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + SERVICE))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  @Test
  void epicsRs384TokenWithAnOpaqueKidAndItsConfiguredAudienceIsAccepted() throws Exception {
    var response =
        call(
            token(
                JWSAlgorithm.RS384,
                new RSASSASigner(EPIC_KEY),
                EPIC_KID,
                EPIC,
                BASE + "/cds-services"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  @Test
  void anAudienceConfiguredForOneCustomerIsNotAcceptedFromAnother() throws Exception {
    var response =
        call(
            token(
                JWSAlgorithm.ES384,
                new ECDSASigner(ORACLE_KEY),
                "oracle-2024-1",
                ORACLE,
                BASE + "/cds-services"));

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void oraclesEs384TokenNamingTheUrlCalledIsAccepted() throws Exception {
    var response =
        call(
            token(
                JWSAlgorithm.ES384,
                new ECDSASigner(ORACLE_KEY),
                "oracle-2024-1",
                ORACLE,
                BASE + SERVICE));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  @Test
  void aJwksThatCannotBeFetchedIsLoggedAsSuchNotAsAnUnknownKid(CapturedOutput output)
      throws Exception {
    var response =
        call(token(JWSAlgorithm.RS384, new RSASSASigner(EPIC_KEY), EPIC_KID, DOWN, BASE + SERVICE));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(output.getAll())
        .contains("the JWKS could not be fetched")
        .doesNotContain("unknown kid");
  }
}
