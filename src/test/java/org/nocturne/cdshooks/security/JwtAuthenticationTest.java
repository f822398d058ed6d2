package org.nocturne.cdshooks.security;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
 * JWT authentication as an EHR and an attacker see it: an attack catalogue where each attempt is a
 * 401, valid ES384 and RS384 tokens that pass, CORS preflights before authentication, and the SSRF
 * allowlist of the calling issuer. WireMock serves the JWKS and plays the EHR's FHIR server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class JwtAuthenticationTest {
  private static final String ISSUER = "https://ehr.example.org";
  private static final String TENANT_ISSUER = "https://tenant-ehr.example.org";
  private static final String BASE = "https://cds.example.org";
  private static final String DISCOVERY = "/cds-services";
  private static final String SERVICE = "/cds-services/nocturnal-leg-pain";
  private static final WireMockServer EHR = new WireMockServer(options().dynamicPort());
  private static final RSAKey RSA;
  private static final ECKey EC;
  private static final RSAKey STRANGER;
  private static final RSAKey JKU_KEY;

  static {
    try {
      RSA = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
      EC = new ECKeyGenerator(Curve.P_384).keyID("ec-1").generate();
      STRANGER = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
      JKU_KEY = new RSAKeyGenerator(2048).keyID("jku-1").generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    EHR.start();
    EHR.stubFor(
        get(urlPathEqualTo("/jwks"))
            .willReturn(
                okJson(new JWKSet(List.of(RSA.toPublicJWK(), EC.toPublicJWK())).toString())));
    EHR.stubFor(
        get(urlPathEqualTo("/jku-jwks"))
            .willReturn(okJson(new JWKSet(List.of(JKU_KEY.toPublicJWK())).toString())));
    // an attacker's JWKS: it would verify, so only the jku allowlist keeps it out
    EHR.stubFor(
        get(urlPathEqualTo("/evil-jwks"))
            .willReturn(okJson(new JWKSet(List.of(JKU_KEY.toPublicJWK())).toString())));
  }

  private static final String RATE_ISSUER = "https://rate-ehr.example.org";
  private static final String COLD_ISSUER = "https://cold-ehr.example.org";
  private static final String FLAKY_ISSUER = "https://flaky-ehr.example.org";

  @DynamicPropertySource
  static void security(DynamicPropertyRegistry registry) {
    registry.add("nocturne.security.trusted-issuers[2].issuer", () -> RATE_ISSUER);
    registry.add(
        "nocturne.security.trusted-issuers[2].jwks-uri", () -> EHR.baseUrl() + "/jwks-rate");
    registry.add("nocturne.security.jwt-required", () -> "true");
    registry.add("nocturne.security.public-base-url", () -> BASE);
    registry.add("nocturne.security.allowed-origins[0]", () -> "https://ehr-app.example.org");
    registry.add("nocturne.security.trusted-issuers[0].issuer", () -> ISSUER);
    registry.add("nocturne.security.trusted-issuers[0].jwks-uri", () -> EHR.baseUrl() + "/jwks");
    registry.add(
        "nocturne.security.trusted-issuers[0].allowed-jku[0]", () -> EHR.baseUrl() + "/jku-jwks");
    registry.add(
        "nocturne.security.trusted-issuers[0].fhir-servers[0]", () -> EHR.baseUrl() + "/fhir");
    registry.add("nocturne.security.trusted-issuers[1].issuer", () -> TENANT_ISSUER);
    registry.add("nocturne.security.trusted-issuers[1].jwks-uri", () -> EHR.baseUrl() + "/jwks");
    registry.add("nocturne.security.trusted-issuers[1].tenants[0]", () -> "hospital-a");
    registry.add("nocturne.security.trusted-issuers[3].issuer", () -> COLD_ISSUER);
    registry.add(
        "nocturne.security.trusted-issuers[3].jwks-uri", () -> EHR.baseUrl() + "/jwks-cold");
    registry.add("nocturne.security.trusted-issuers[4].issuer", () -> FLAKY_ISSUER);
    registry.add(
        "nocturne.security.trusted-issuers[4].jwks-uri", () -> EHR.baseUrl() + "/jwks-flaky");
  }

  @AfterAll
  static void stop() {
    EHR.stop();
  }

  @LocalServerPort int port;
  LocalServer server;

  @BeforeEach
  void connect() {
    server = new LocalServer(port);
  }

  private static String token(
      JWSAlgorithm alg,
      JWSSigner signer,
      String kid,
      String audience,
      Consumer<JWTClaimsSet.Builder> claims)
      throws Exception {
    Instant now = Instant.now();
    JWTClaimsSet.Builder builder =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(BASE + audience)
            .expirationTime(Date.from(now.plusSeconds(300)))
            .issueTime(Date.from(now))
            .jwtID(UUID.randomUUID().toString());
    claims.accept(builder);
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).keyID(kid).build(),
            builder.build());
    jwt.sign(signer);
    return jwt.serialize();
  }

  private static String rs384(String audience, Consumer<JWTClaimsSet.Builder> claims)
      throws Exception {
    return token(JWSAlgorithm.RS384, new RSASSASigner(RSA), "rsa-1", audience, claims);
  }

  private HttpResponse<String> discovery(String token) {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + DISCOVERY)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return server.send(request.build());
  }

  private void assertRejected(String token) {
    var response = discovery(token);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    assertThat(response.body())
        .contains("\"code\":\"login\"")
        .doesNotContain("kid")
        .doesNotContain("signature");
  }

  @Test
  void validRs384AndEs384TokensPass() throws Exception {
    assertThat(discovery(rs384(DISCOVERY, c -> {})).statusCode()).isEqualTo(200);
    assertThat(
            discovery(token(JWSAlgorithm.ES384, new ECDSASigner(EC), "ec-1", DISCOVERY, c -> {}))
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void noTokenIsRejected() {
    assertRejected(null);
    assertThat(server.postJson(SERVICE, "{}").statusCode()).isEqualTo(401);
  }

  @Test
  void anUnsignedTokenIsRejected() throws Exception {
    String header =
        Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"rsa-1\"}").toString();
    String payload = SignedJWT.parse(rs384(DISCOVERY, c -> {})).getParsedParts()[1].toString();
    assertRejected(header + "." + payload + ".");
  }

  @Test
  void anHmacTokenSignedWithThePublicKeyIsRejected() throws Exception {
    assertRejected(
        token(
            JWSAlgorithm.HS256,
            new MACSigner(RSA.toRSAPublicKey().getEncoded()),
            "rsa-1",
            DISCOVERY,
            c -> {}));
  }

  @Test
  void expiredAndFutureTokensAreRejected() throws Exception {
    assertRejected(
        rs384(DISCOVERY, c -> c.expirationTime(Date.from(Instant.now().minusSeconds(600)))));
    assertRejected(rs384(DISCOVERY, c -> c.issueTime(Date.from(Instant.now().plusSeconds(600)))));
  }

  @Test
  void aTokenForAnotherEndpointIsRejected() throws Exception {
    assertRejected(rs384(SERVICE, c -> {}));
    assertRejected(
        rs384(DISCOVERY, c -> c.audience("https://other-service.example.org/cds-services")));
  }

  @Test
  void anUntrustedIssuerIsRejected() throws Exception {
    assertRejected(rs384(DISCOVERY, c -> c.issuer("https://evil.example.org")));
  }

  @Test
  void aJkuOffTheAllowlistIsRejectedAndOneOnItIsUsed() throws Exception {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(BASE + DISCOVERY)
            .expirationTime(Date.from(now.plusSeconds(300)))
            .issueTime(Date.from(now))
            .jwtID(UUID.randomUUID().toString())
            .build();
    SignedJWT evil =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS384)
                .type(JOSEObjectType.JWT)
                .keyID("jku-1")
                .jwkURL(URI.create(EHR.baseUrl() + "/evil-jwks"))
                .build(),
            claims);
    evil.sign(new RSASSASigner(JKU_KEY));
    assertRejected(evil.serialize());

    JWTClaimsSet fresh =
        new JWTClaimsSet.Builder(claims).jwtID(UUID.randomUUID().toString()).build();
    SignedJWT allowed =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS384)
                .type(JOSEObjectType.JWT)
                .keyID("jku-1")
                .jwkURL(URI.create(EHR.baseUrl() + "/jku-jwks"))
                .build(),
            fresh);
    allowed.sign(new RSASSASigner(JKU_KEY));
    assertThat(discovery(allowed.serialize()).statusCode()).isEqualTo(200);
  }

  @Test
  void anUnknownKidIsRejected() throws Exception {
    assertRejected(
        token(JWSAlgorithm.RS384, new RSASSASigner(RSA), "no-such-kid", DISCOVERY, c -> {}));
  }

  @Test
  void aReplayedJtiIsRejected() throws Exception {
    String once = rs384(DISCOVERY, c -> {});
    assertThat(discovery(once).statusCode()).isEqualTo(200);
    assertRejected(once);
  }

  @Test
  void aTamperedPayloadOrSignatureIsRejected() throws Exception {
    String[] parts = rs384(DISCOVERY, c -> {}).split("\\.");
    String otherPayload =
        SignedJWT.parse(rs384(DISCOVERY, c -> c.subject("someone-else")))
            .getParsedParts()[1]
            .toString();
    assertRejected(parts[0] + "." + otherPayload + "." + parts[2]);
    char flipped = parts[2].charAt(10) == 'A' ? 'B' : 'A';
    assertRejected(
        parts[0]
            + "."
            + parts[1]
            + "."
            + parts[2].substring(0, 10)
            + flipped
            + parts[2].substring(11));
  }

  @Test
  void aKeyFromAnotherIssuerIsRejected() throws Exception {
    assertRejected(
        token(JWSAlgorithm.RS384, new RSASSASigner(STRANGER), "rsa-1", DISCOVERY, c -> {}));
  }

  @Test
  void aTenantOffTheIssuersListIsRejected() throws Exception {
    assertRejected(rs384(DISCOVERY, c -> c.issuer(TENANT_ISSUER).claim("tenant", "hospital-b")));
    assertThat(
            discovery(rs384(DISCOVERY, c -> c.issuer(TENANT_ISSUER).claim("tenant", "hospital-a")))
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void aCorsPreflightPassesWithoutAToken() {
    var preflight =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + SERVICE))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", "https://ehr-app.example.org")
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "authorization,content-type")
            .build();

    var response = server.send(preflight);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("https://ehr-app.example.org");
  }

  @Test
  void theFhirServerIsContactedOnlyWhenOnTheCallersAllowlist() throws Exception {
    EHR.stubFor(
        get(urlPathEqualTo("/fhir/Patient/p1"))
            .willReturn(okJson("{\"resourceType\":\"Patient\",\"id\":\"p1\"}")));
    EHR.stubFor(
        get(urlPathEqualTo("/other/Patient/p1"))
            .willReturn(okJson("{\"resourceType\":\"Patient\",\"id\":\"p1\"}")));
    String call =
        """
        {"hook":"patient-view","hookInstance":"h-ssrf","fhirServer":"%s",
         "fhirAuthorization":{"access_token":"ehr-token","token_type":"Bearer","expires_in":300,"scope":"patient/*.read","subject":"nocturne"},
         "context":{"userId":"Practitioner/u1","patientId":"p1"},
         "prefetch":{"conditions":null,"observations":null,"medications":null,"questionnaireResponse":null}}""";

    var refused = post(SERVICE, call.formatted(EHR.baseUrl() + "/other"), rs384(SERVICE, c -> {}));
    var allowed = post(SERVICE, call.formatted(EHR.baseUrl() + "/fhir"), rs384(SERVICE, c -> {}));

    assertThat(refused.statusCode()).isEqualTo(412);
    EHR.verify(0, getRequestedFor(urlPathEqualTo("/other/Patient/p1")));
    assertThat(allowed.statusCode()).isEqualTo(200);
    EHR.verify(
        1,
        getRequestedFor(urlPathEqualTo("/fhir/Patient/p1"))
            .withHeader("Authorization", equalTo("Bearer ehr-token")));
    assertThat(EHR.findAll(anyRequestedFor(anyUrl())))
        .noneMatch(r -> r.getUrl().startsWith("/other"));
  }

  private HttpResponse<String> post(String path, String body, String token) {
    return server.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  @Test
  void tokensAreNeverLogged(CapturedOutput output) throws Exception {
    String rejected = rs384(SERVICE, c -> {});
    String accepted = rs384(DISCOVERY, c -> {});

    assertRejected(rejected);
    assertThat(discovery(accepted).statusCode()).isEqualTo(200);

    assertThat(output.getAll())
        .contains("rejected a call")
        .doesNotContain(rejected)
        .doesNotContain(accepted)
        .doesNotContain(rejected.split("\\.")[2]);
  }

  @Test
  void unknownKidsRefreshTheJwksAtMostOncePerMinute() throws Exception {
    EHR.stubFor(
        get(urlPathEqualTo("/jwks-rate"))
            .willReturn(okJson(new JWKSet(List.of(RSA.toPublicJWK())).toString())));

    for (String kid : List.of("x1", "x2", "x3")) {
      assertRejected(
          token(
              JWSAlgorithm.RS384,
              new RSASSASigner(RSA),
              kid,
              DISCOVERY,
              c -> c.issuer(RATE_ISSUER)));
    }
    var known =
        discovery(
            token(
                JWSAlgorithm.RS384,
                new RSASSASigner(RSA),
                "rsa-1",
                DISCOVERY,
                c -> c.issuer(RATE_ISSUER)));

    EHR.verify(1, getRequestedFor(urlPathEqualTo("/jwks-rate")));
    assertThat(known.statusCode()).isEqualTo(200);
  }

  // ---- issue 19 and 15: each test failed before its fix

  private static String rawToken(String headerJson) throws Exception {
    String payload = SignedJWT.parse(rs384(DISCOVERY, c -> {})).getParsedParts()[1].toString();
    return Base64URL.encode(headerJson).toString() + "." + payload + ".c2ln";
  }

  @Test
  void aForgedAlgHeaderCannotForgeALogLine(CapturedOutput output) throws Exception {
    String forged =
        "{\"alg\":\"RS384\\r\\n2026-01-01T00:00:00Z  INFO 1 --- FORGED admin logged in\\u001b[31m\",\"typ\":\"JWT\",\"kid\":\"rsa-1\"}";

    assertRejected(rawToken(forged));

    assertThat(output.getAll())
        .contains("rejected a call")
        .doesNotContain("\u001b")
        .doesNotContainPattern("(?m)^2026-01-01T00:00:00Z");
  }

  @Test
  void a401LogLineSaysWhyWithTheExpectedAndReceivedValuesButNeverTheToken(CapturedOutput output)
      throws Exception {
    String token = rs384(SERVICE, c -> {});

    assertRejected(token);

    assertThat(output.getAll())
        .contains("rejected a call to \"/cds-services\": aud does not name this endpoint")
        .contains("expected aud=\"" + BASE + DISCOVERY + "\"")
        .contains("received iss=\"" + ISSUER + "\" aud=\"[" + BASE + SERVICE + "]\" kid=\"rsa-1\"")
        .doesNotContain(token.split("\\.")[2]);
  }

  @Test
  void a401ToAnAllowedOriginCarriesCorsHeaders() {
    var response =
        server.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + SERVICE))
                .header("Origin", "https://ehr-app.example.org")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("https://ehr-app.example.org");
  }

  @Test
  void tokensThatLiveTooLongOrAreNotValidYetAreRejected() throws Exception {
    Instant now = Instant.now();
    assertRejected(
        rs384(DISCOVERY, c -> c.expirationTime(Date.from(now.plus(Duration.ofDays(3650))))));
    assertRejected(rs384(DISCOVERY, c -> c.notBeforeTime(Date.from(now.plusSeconds(86_400)))));
    assertRejected(
        rs384(
            DISCOVERY,
            c ->
                c.issueTime(Date.from(now.minus(Duration.ofDays(2))))
                    .expirationTime(Date.from(now.plusSeconds(300)))));
    assertThat(
            discovery(
                    rs384(
                        DISCOVERY,
                        c ->
                            c.issueTime(Date.from(now.minusSeconds(600)))
                                .expirationTime(Date.from(now.plusSeconds(300)))))
                .statusCode())
        .as("a few minutes old and short-lived is fine")
        .isEqualTo(200);
  }

  @Test
  void aJtiLongerThanTheLimitIsRejected() throws Exception {
    assertRejected(rs384(DISCOVERY, c -> c.jwtID("j".repeat(2_000))));
  }

  @Test
  void aFhirServerOrPatientIdThatClimbsOutOfTheAllowedPathIsNeverContacted() throws Exception {
    EHR.stubFor(get(urlPathEqualTo("/admin/secret")).willReturn(okJson("{}")));
    String call =
        """
        {"hook":"patient-view","hookInstance":"h-dots","fhirServer":"%s",
         "fhirAuthorization":{"access_token":"ehr-token","token_type":"Bearer","expires_in":300,"scope":"patient/*.read","subject":"nocturne"},
         "context":{"userId":"Practitioner/u1","patientId":"%s"},
         "prefetch":{"conditions":null,"observations":null,"medications":null,"questionnaireResponse":null}}""";

    for (String server :
        List.of(
            EHR.baseUrl() + "/fhir/../admin",
            EHR.baseUrl() + "/fhir/%2e%2e/admin",
            EHR.baseUrl() + "/fhir/%2E%2E/admin")) {
      var response = post(SERVICE, call.formatted(server, "p1"), rs384(SERVICE, c -> {}));
      assertThat(response.statusCode()).as(server).isEqualTo(412);
    }
    var climbing =
        post(
            SERVICE,
            call.formatted(EHR.baseUrl() + "/fhir", "../../admin/secret?"),
            rs384(SERVICE, c -> {}));

    assertThat(climbing.statusCode()).isEqualTo(400);
    assertThat(climbing.body()).contains("context.patientId").doesNotContain("admin");
    EHR.verify(0, getRequestedFor(urlPathEqualTo("/admin/secret")));
    assertThat(EHR.findAll(anyRequestedFor(anyUrl()))).noneMatch(r -> r.getUrl().contains("admin"));
  }

  @Test
  void callersArrivingDuringTheFirstJwksFetchWaitForIt() throws Exception {
    EHR.stubFor(
        get(urlPathEqualTo("/jwks-cold"))
            .willReturn(
                okJson(new JWKSet(List.of(RSA.toPublicJWK())).toString()).withFixedDelay(800)));
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      tokens.add(
          token(
              JWSAlgorithm.RS384,
              new RSASSASigner(RSA),
              "rsa-1",
              DISCOVERY,
              c -> c.issuer(COLD_ISSUER)));
    }

    var statuses = tokens.parallelStream().map(t -> discovery(t).statusCode()).toList();

    assertThat(statuses).containsOnly(200);
    EHR.verify(1, getRequestedFor(urlPathEqualTo("/jwks-cold")));
  }

  @Test
  void aFailedJwksFetchIsRetriedWithinSecondsNotAMinute() throws Exception {
    EHR.stubFor(
        get(urlPathEqualTo("/jwks-flaky"))
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(WireMock.aResponse().withStatus(503))
            .willSetStateTo("up"));
    EHR.stubFor(
        get(urlPathEqualTo("/jwks-flaky"))
            .inScenario("flaky")
            .whenScenarioStateIs("up")
            .willReturn(okJson(new JWKSet(List.of(RSA.toPublicJWK())).toString())));
    Supplier<String> flaky =
        () -> {
          try {
            return token(
                JWSAlgorithm.RS384,
                new RSASSASigner(RSA),
                "rsa-1",
                DISCOVERY,
                c -> c.issuer(FLAKY_ISSUER));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        };

    assertRejected(flaky.get());
    Thread.sleep(1_500);

    assertThat(discovery(flaky.get()).statusCode()).isEqualTo(200);
  }

  @Test
  void aSlowBodyAfterA401IsNotWaitedFor() throws Exception {
    try (var socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(15_000);
      var out = socket.getOutputStream();
      out.write(
          ("POST "
                  + SERVICE
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  + "Content-Length: 1000000\r\n\r\n{\"hook\":")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      long start = System.nanoTime();

      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

      assertThat(answer).startsWith("HTTP/1.1 401").containsIgnoringCase("Connection: close");
      // Tomcat still tries one read of the unread body; the connection timeout (5 s, Tomcat's
      // default is 60 s) bounds how long a client that sends nothing holds the worker thread
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .as("the server closed the connection instead of waiting for the body")
          .isLessThan(Duration.ofSeconds(10));
    }
  }
}
