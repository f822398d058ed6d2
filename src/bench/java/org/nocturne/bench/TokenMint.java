package org.nocturne.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * The load test's EHR: one ES384 key (the spec's recommended algorithm), its JWKS, and tokens
 * minted ahead of the load, each with its own {@code jti} (the service accepts a {@code jti} once)
 * and {@code aud} the exact URL called.
 */
final class TokenMint {
  static final String ISSUER = "https://ehr.bench.example";
  private static final Duration LIFETIME = Duration.ofMinutes(50);

  private final ECKey key;
  private final JWSSigner signer;
  private final AtomicLong serial = new AtomicLong();

  TokenMint() throws JOSEException {
    key = new ECKeyGenerator(Curve.P_384).keyID("bench-es384").generate();
    signer = new ECDSASigner(key);
  }

  /** The public JWKS the service fetches. */
  String jwks() {
    return new JWKSet(key.toPublicJWK()).toString();
  }

  String mint(String audience) {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject("bench-client")
            .audience(audience)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(LIFETIME)))
            .jwtID("bench-" + serial.incrementAndGet() + "-" + now.toEpochMilli())
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES384)
                .type(JOSEObjectType.JWT)
                .keyID(key.getKeyID())
                .build(),
            claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  /** {@code count} tokens, minted on every core (before the load, never during it). */
  List<String> mint(String audience, int count) {
    return IntStream.range(0, count).parallel().mapToObj(i -> mint(audience)).toList();
  }
}
