package org.nocturne.demo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The demo EHR's OAuth 2.0 authorization server for SMART App Launch 2.x, in memory: launch
 * contexts made by the chart, single-use authorization codes bound to a PKCE S256 challenge and a
 * redirect URI, and opaque access tokens that expire and can be revoked. It stands in for an EHR's
 * own server; its one client is the questionnaire app, a public client.
 */
final class DemoAuthorizationServer {
  static final String CLIENT_ID = "nocturne-questionnaire";
  static final String FHIR_USER = "Practitioner/demo-physician";
  static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
  static final Duration LAUNCH_LIFETIME = Duration.ofMinutes(10);
  private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");
  private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9\\-_]{43}");
  private static final int MAX_ENTRIES = 10_000;

  /** A launch the chart started: the patient in view and what the card asked the app to show. */
  record Launch(String patient, String appContext, Instant expires) {}

  /** What an authorization code stands for until it is exchanged. */
  record Grant(
      String redirectUri,
      String challenge,
      String patient,
      SmartScopes scopes,
      String appContext,
      String issuer,
      Instant expires) {}

  /** A valid access token's grant. */
  record Token(String patient, SmartScopes scopes, Instant expires) {}

  /** The token endpoint's answer: the JSON to send, with its status. */
  record TokenAnswer(int status, Map<String, Object> body) {}

  private final Clock clock;
  private final Duration tokenLifetime;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Launch> launches = new ConcurrentHashMap<>();
  private final Map<String, Grant> codes = new ConcurrentHashMap<>();
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private final RSAKey signingKey;

  DemoAuthorizationServer(Clock clock, Duration tokenLifetime) {
    this.clock = clock;
    this.tokenLifetime = tokenLifetime;
    try {
      this.signingKey = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The public key of the id_token signatures (a JWKS entry). */
  Map<String, Object> publicKey() {
    return signingKey.toPublicJWK().toJSONObject();
  }

  String launch(String patient, String appContext) {
    purge();
    String id = secret();
    launches.put(id, new Launch(patient, appContext, clock.instant().plus(LAUNCH_LIFETIME)));
    return id;
  }

  /** The launch context, when it exists and is still fresh (it may serve more than one try). */
  Optional<Launch> launchContext(String id) {
    Launch launch = id == null ? null : launches.get(id);
    return launch == null || expired(launch.expires()) ? Optional.empty() : Optional.of(launch);
  }

  /** Issues a single-use code for a checked authorization request. */
  String code(Grant grant) {
    purge();
    String code = secret();
    codes.put(code, grant);
    return code;
  }

  Grant grant(
      String redirectUri,
      String challenge,
      String patient,
      SmartScopes scopes,
      String appContext,
      String issuer) {
    return new Grant(
        redirectUri,
        challenge,
        patient,
        scopes,
        appContext,
        issuer,
        clock.instant().plus(CODE_LIFETIME));
  }

  static boolean validChallenge(String challenge) {
    return challenge != null && CHALLENGE.matcher(challenge).matches();
  }

  /** RFC 6749 §4.1.3 with RFC 7636 §4.6: a code, once, with the verifier of its challenge. */
  TokenAnswer exchange(
      String grantType, String code, String redirectUri, String clientId, String verifier) {
    if (!"authorization_code".equals(grantType)) {
      return error("unsupported_grant_type", "only authorization_code is supported");
    }
    if (!CLIENT_ID.equals(clientId)) {
      return new TokenAnswer(401, failure("invalid_client", "unknown client_id"));
    }
    // removed on first use, valid or not: a code is never exchanged twice
    Grant grant = code == null ? null : codes.remove(code);
    if (grant == null || expired(grant.expires())) {
      return error("invalid_grant", "the code is unknown, used or expired");
    }
    if (!grant.redirectUri().equals(redirectUri)) {
      return error("invalid_grant", "redirect_uri differs from the authorization request's");
    }
    if (verifier == null || !VERIFIER.matcher(verifier).matches()) {
      return error("invalid_grant", "code_verifier is missing or malformed");
    }
    if (!s256(verifier).equals(grant.challenge())) {
      return error("invalid_grant", "code_verifier does not match the code_challenge");
    }
    purge();
    String accessToken = secret();
    Instant now = clock.instant();
    tokens.put(accessToken, new Token(grant.patient(), grant.scopes(), now.plus(tokenLifetime)));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", accessToken);
    body.put("token_type", "Bearer");
    body.put("expires_in", tokenLifetime.toSeconds());
    body.put("scope", grant.scopes().toString());
    body.put("patient", grant.patient());
    body.put("need_patient_banner", grant.appContext() == null);
    if (grant.appContext() != null) {
      // CDS Hooks 2.0 §Link: the app receives the card's appContext in the token response
      body.put("appContext", grant.appContext());
    }
    if (grant.scopes().has("openid") && grant.scopes().has("fhirUser")) {
      body.put("id_token", idToken(grant.issuer(), now));
    }
    return new TokenAnswer(200, body);
  }

  /** The grant of a valid token; empty for an unknown, expired or revoked one. */
  Optional<Token> token(String accessToken) {
    Token token = accessToken == null ? null : tokens.get(accessToken);
    if (token == null || expired(token.expires())) {
      return Optional.empty();
    }
    return Optional.of(token);
  }

  /** RFC 7009: the token is refused from now on; unknown tokens are no error. */
  void revoke(String accessToken) {
    if (accessToken != null) {
      tokens.remove(accessToken);
    }
  }

  private String idToken(String issuer, Instant now) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject("demo-physician")
            .audience(CLIENT_ID)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(tokenLifetime)))
            .claim("fhirUser", issuer + "/" + FHIR_USER)
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims);
    try {
      jwt.sign(new RSASSASigner(signingKey));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  static String s256(String verifier) {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              MessageDigest.getInstance("SHA-256")
                  .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private boolean expired(Instant expires) {
    return !clock.instant().isBefore(expires);
  }

  /** Drops what has expired; past the cap, the oldest go too (a demo must not grow forever). */
  private void purge() {
    Instant now = clock.instant();
    launches.values().removeIf(launch -> !now.isBefore(launch.expires()));
    codes.values().removeIf(grant -> !now.isBefore(grant.expires()));
    tokens.values().removeIf(token -> !now.isBefore(token.expires()));
    for (Map<String, ?> map : List.of(launches, codes, tokens)) {
      if (map.size() > MAX_ENTRIES) {
        map.clear();
      }
    }
  }

  private String secret() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static TokenAnswer error(String error, String description) {
    return new TokenAnswer(400, failure(error, description));
  }

  private static Map<String, Object> failure(String error, String description) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("error_description", description);
    return body;
  }
}
