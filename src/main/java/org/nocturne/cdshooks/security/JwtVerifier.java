package org.nocturne.cdshooks.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.nocturne.cdshooks.Caller;

/**
 * Verifies the JWT an EHR sends on every call (2.0 §Trusting CDS Clients): an asymmetric signature
 * by a trusted issuer's key ({@code none} and HMAC are refused), {@code typ} JWT, a {@code kid}, a
 * {@code jku} only from the issuer's allowlist, {@code aud} equal to the URL called, {@code exp}
 * and {@code iat} within the clock skew, a {@code jti} never seen before, and an allowed tenant.
 */
final class JwtVerifier {
  /** ES384 and RS384 are recommended by the spec; the others are accepted. */
  private static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.ES256,
          JWSAlgorithm.ES384,
          JWSAlgorithm.ES512,
          JWSAlgorithm.PS256,
          JWSAlgorithm.PS384,
          JWSAlgorithm.PS512);

  /**
   * The warm-up's issuer: no FHIR server, no audience or tenant of its own; its keys are {@link
   * Rehearsal}'s, so the JWKS URL (a reserved name that never resolves) is never fetched.
   */
  private static final SecurityProperties.TrustedIssuer REHEARSAL =
      new SecurityProperties.TrustedIssuer(
          Caller.REHEARSAL_ISSUER,
          "https://rehearsal.invalid/jwks",
          List.of(),
          List.of(),
          List.of(),
          List.of());

  private final Map<String, SecurityProperties.TrustedIssuer> issuers;
  private final JwksKeys keys;
  private final Clock clock;
  private final Duration skew;
  private final Duration maxLifetime;
  private final Duration maxAge;
  private final ReplayGuard replayGuard;
  private final JwsVerifiers verifiers = new JwsVerifiers();
  private final Rehearsal rehearsal;

  JwtVerifier(SecurityProperties properties, JwksKeys keys, Clock clock, ReplayGuard replayGuard) {
    this(properties, keys, clock, replayGuard, Rehearsal.closed());
  }

  /**
   * @param rehearsal the warm-up's own tokens, accepted while it is open
   */
  JwtVerifier(
      SecurityProperties properties,
      JwksKeys keys,
      Clock clock,
      ReplayGuard replayGuard,
      Rehearsal rehearsal) {
    this.issuers =
        properties.trustedIssuers().stream()
            .collect(
                Collectors.toMap(SecurityProperties.TrustedIssuer::issuer, Function.identity()));
    this.keys = keys;
    this.clock = clock;
    this.skew = properties.clockSkew();
    this.maxLifetime = properties.maxTokenLifetime();
    this.maxAge = properties.maxTokenAge();
    this.replayGuard = replayGuard;
    this.rehearsal = rehearsal;
    if (issuers.containsKey(Caller.REHEARSAL_ISSUER)) {
      throw new IllegalStateException(
          Caller.REHEARSAL_ISSUER + " is the service's own warm-up issuer, not a trusted issuer");
    }
  }

  /**
   * The warm-up's own caller when the token is a rehearsal token (in {@code local}, where other
   * tokens are not read at all), else empty.
   */
  Optional<Caller> rehearsalCaller(String token, String audience) {
    if (!rehearsal.open()) {
      return Optional.empty();
    }
    try {
      SignedJWT jwt = parse(token);
      if (!Caller.REHEARSAL_ISSUER.equals(claims(jwt).getIssuer())) {
        return Optional.empty();
      }
      return Optional.of(verify(jwt, audience));
    } catch (Unauthorized e) {
      return Optional.empty();
    }
  }

  /** The caller proven by the token, or {@link Unauthorized} with a reason for the log. */
  Caller verify(String token, String audience) throws Unauthorized {
    SignedJWT jwt = parse(token);
    try {
      return verify(jwt, audience);
    } catch (Unauthorized e) {
      throw e.with(claimed(jwt));
    }
  }

  /** What the token claims, read without trusting it, for the rejection's log line. */
  private static Unauthorized.Claimed claimed(SignedJWT jwt) {
    String kid = jwt.getHeader().getKeyID();
    try {
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      return new Unauthorized.Claimed(claims.getIssuer(), claims.getAudience(), kid);
    } catch (ParseException | RuntimeException e) {
      return new Unauthorized.Claimed(null, null, kid);
    }
  }

  private Caller verify(SignedJWT jwt, String audience) throws Unauthorized {
    JWSHeader header = jwt.getHeader();
    if (!ALGORITHMS.contains(header.getAlgorithm())) {
      // a fixed phrase: the header value is the caller's and once forged log lines
      throw new Unauthorized("algorithm not accepted");
    }
    if (!JOSEObjectType.JWT.equals(header.getType())) {
      throw new Unauthorized("typ is not JWT");
    }
    if (header.getKeyID() == null || header.getKeyID().isBlank()) {
      throw new Unauthorized("no kid");
    }
    JWTClaimsSet claims = claims(jwt);
    if (Caller.REHEARSAL_ISSUER.equals(claims.getIssuer())) {
      JWK key =
          rehearsal.key(header.getKeyID()).orElseThrow(() -> new Unauthorized("untrusted issuer"));
      return verified(jwt, key, claims, audience, REHEARSAL);
    }
    SecurityProperties.TrustedIssuer issuer = issuers.get(claims.getIssuer());
    if (issuer == null) {
      throw new Unauthorized("untrusted issuer");
    }
    String jwksUrl = issuer.jwksUri();
    if (header.getJWKURL() != null) {
      if (!issuer.allowedJku().contains(header.getJWKURL().toString())) {
        throw new Unauthorized("jku not on the issuer's allowlist");
      }
      jwksUrl = header.getJWKURL().toString();
    }
    String url = jwksUrl;
    JWK key =
        keys.key(jwksUrl, header.getKeyID())
            // an unreachable JWKS is an outage to fix, not a forged token: say which it is
            .orElseThrow(() -> new Unauthorized(keys.unknownKeyReason(url)));
    return verified(jwt, key, claims, audience, issuer);
  }

  private Caller verified(
      SignedJWT jwt,
      JWK key,
      JWTClaimsSet claims,
      String audience,
      SecurityProperties.TrustedIssuer issuer)
      throws Unauthorized {
    if (!signatureValid(jwt, key)) {
      throw new Unauthorized("bad signature");
    }
    checkClaims(claims, audience, issuer);
    return new Caller(issuer.issuer(), issuer.fhirServers(), claims.getSubject());
  }

  private void checkClaims(
      JWTClaimsSet claims, String audience, SecurityProperties.TrustedIssuer issuer)
      throws Unauthorized {
    Instant now = clock.instant();
    List<String> audiences = claims.getAudience();
    // per customer: an EHR that types its own aud (Epic) is configured with it; the others name
    // the URL called
    List<String> expected = issuer.audiences().isEmpty() ? List.of(audience) : issuer.audiences();
    if (audiences == null || audiences.stream().noneMatch(expected::contains)) {
      throw new Unauthorized("aud does not name this endpoint");
    }
    Date exp = claims.getExpirationTime();
    if (exp == null || exp.toInstant().plus(skew).isBefore(now)) {
      throw new Unauthorized("expired or no exp");
    }
    Date iat = claims.getIssueTime();
    if (iat == null || iat.toInstant().minus(skew).isAfter(now)) {
      throw new Unauthorized("iat in the future or missing");
    }
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && nbf.toInstant().minus(skew).isAfter(now)) {
      throw new Unauthorized("not valid yet (nbf)");
    }
    // CDS Hooks tokens are signed per call and live minutes: a ten-year token is not one
    if (Duration.between(iat.toInstant(), exp.toInstant()).compareTo(maxLifetime) > 0) {
      throw new Unauthorized("lifetime exp - iat over the maximum");
    }
    if (Duration.between(iat.toInstant(), now).compareTo(maxAge.plus(skew)) > 0) {
      throw new Unauthorized("iat older than the maximum token age");
    }
    if (!issuer.tenants().isEmpty() && !issuer.tenants().contains(stringClaim(claims, "tenant"))) {
      throw new Unauthorized("tenant not allowed");
    }
    String jti = claims.getJWTID();
    if (jti == null || jti.isBlank()) {
      throw new Unauthorized("no jti");
    }
    if (jti.length() > ReplayGuard.MAX_JTI_LENGTH) {
      throw new Unauthorized("jti too long");
    }
    // kept until the token itself expires, so a replay is refused for as long as it could pass
    if (!replayGuard.claim(issuer.issuer(), jti, exp.toInstant().plus(skew))) {
      throw new Unauthorized("jti replayed");
    }
  }

  private static SignedJWT parse(String token) throws Unauthorized {
    try {
      return SignedJWT.parse(token);
    } catch (ParseException | RuntimeException e) {
      throw new Unauthorized("not a signed JWT");
    }
  }

  private static JWTClaimsSet claims(SignedJWT jwt) throws Unauthorized {
    try {
      return jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new Unauthorized("claims are not JSON");
    }
  }

  private boolean signatureValid(SignedJWT jwt, JWK key) throws Unauthorized {
    JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
    boolean rsa = key instanceof RSAKey && JWSAlgorithm.Family.RSA.contains(alg);
    boolean ec = key instanceof ECKey && JWSAlgorithm.Family.EC.contains(alg);
    if (!rsa && !ec) {
      throw new Unauthorized("key type does not match the algorithm");
    }
    try {
      return jwt.verify(verifiers.of(key));
    } catch (JOSEException e) {
      return false;
    }
  }

  private static String stringClaim(JWTClaimsSet claims, String name) {
    Object value = claims.getClaim(name);
    return value instanceof String text ? text : null;
  }
}
