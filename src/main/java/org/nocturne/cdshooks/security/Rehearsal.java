package org.nocturne.cdshooks.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.nocturne.cdshooks.Caller;

/**
 * The tokens of the service's own warm-up calls, made over HTTP to itself before readiness so that
 * the whole request path (Tomcat, Spring MVC, the JWT check and its {@code jti} claim, binding,
 * writing the answer) is compiled before an EHR's traffic arrives, not only the assessment.
 *
 * <p>Issuer {@link Caller#REHEARSAL_ISSUER}, signed RS384 or ES384 by keys generated in memory at
 * start-up: never written, logged or published in a JWKS, so no one else can sign such a token.
 * They are accepted only while the rehearsal is {@linkplain #open() open}; {@link #close()} at the
 * end of the warm-up refuses them for good. A call made with one is answered without a trace: no
 * audit row, metric or call log line ({@link Caller#rehearsal()}).
 */
public final class Rehearsal {
  private static final Duration LIFETIME = Duration.ofMinutes(1);

  private final String publicBaseUrl;
  private final Clock clock;
  // the private keys, let go when the rehearsal closes: open while they are held
  private volatile RSAKey rsa;
  private volatile ECKey ec;
  private final JWK rsaPublic;
  private final JWK ecPublic;

  private Rehearsal(String publicBaseUrl, Clock clock, RSAKey rsa, ECKey ec) {
    this.publicBaseUrl = publicBaseUrl;
    this.clock = clock;
    this.rsa = rsa;
    this.ec = ec;
    this.rsaPublic = rsa == null ? null : rsa.toPublicJWK();
    this.ecPublic = ec == null ? null : ec.toPublicJWK();
  }

  /**
   * @param publicBaseUrl the URL the service is reached at, as the audience of its calls names it
   */
  public static Rehearsal open(String publicBaseUrl, Clock clock) {
    try {
      return new Rehearsal(
          publicBaseUrl,
          clock,
          new RSAKeyGenerator(2048).keyID("rehearsal-rsa").generate(),
          new ECKeyGenerator(Curve.P_384).keyID("rehearsal-ec").generate());
    } catch (JOSEException e) {
      throw new IllegalStateException("the rehearsal keys could not be made", e);
    }
  }

  /** A rehearsal that accepts nothing: without a warm-up, and for verifiers made without one. */
  public static Rehearsal closed() {
    return new Rehearsal(null, Clock.systemUTC(), null, null);
  }

  public boolean open() {
    return rsa != null;
  }

  /** From now on, every rehearsal token is refused, and none can be signed. */
  public void close() {
    rsa = null;
    ec = null;
  }

  /**
   * A token for one call to {@code path} (for example {@code /cds-services/nocturnal-leg-pain}),
   * its audience the URL the service checks, a {@code jti} of its own.
   *
   * @param ec ES384 rather than RS384
   */
  public String token(String path, boolean ec) {
    RSAKey rsaKey = rsa;
    ECKey ecKey = this.ec;
    if (rsaKey == null || ecKey == null) {
      throw new IllegalStateException("the rehearsal is closed");
    }
    Instant now = clock.instant();
    JWK key = ec ? ecKey : rsaKey;
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(ec ? JWSAlgorithm.ES384 : JWSAlgorithm.RS384)
                .type(JOSEObjectType.JWT)
                .keyID(key.getKeyID())
                .build(),
            new JWTClaimsSet.Builder()
                .issuer(Caller.REHEARSAL_ISSUER)
                .subject("warm-up")
                .audience(List.of(publicBaseUrl + path))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .build());
    try {
      jwt.sign(ec ? new ECDSASigner(ecKey) : new RSASSASigner(rsaKey));
    } catch (JOSEException e) {
      throw new IllegalStateException("a rehearsal token could not be signed", e);
    }
    return jwt.serialize();
  }

  /** The public key of {@code kid}, while the rehearsal is open. */
  Optional<JWK> key(String kid) {
    if (!open()) {
      return Optional.empty();
    }
    if (rsaPublic.getKeyID().equals(kid)) {
      return Optional.of(rsaPublic);
    }
    if (ecPublic.getKeyID().equals(kid)) {
      return Optional.of(ecPublic);
    }
    return Optional.empty();
  }
}
