package org.nocturne.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.util.BigIntegers;

/**
 * The load test's EHR: one ES384 key and one RS384 key (the spec's two recommended algorithms),
 * their JWKS, and tokens minted ahead of the load, each with its own {@code jti} (the service
 * accepts a {@code jti} once) and {@code aud} the exact URL called. The RSA key's {@code kid} is
 * opaque base64 (with {@code +}, {@code /} and {@code =}), as some EHRs name their keys.
 */
final class TokenMint {
  static final String ISSUER = "https://ehr.bench.example";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration LIFETIME = Duration.ofMinutes(50);

  /** The two signing algorithms the load test sends. */
  enum Alg {
    RS384,
    ES384
  }

  private final ECKey ecKey;
  private final ECPrivateKeyParameters signingKey;
  private final RSAKey rsaKey;
  private final RSASSASigner rsaSigner;
  private final AtomicLong serial = new AtomicLong();

  TokenMint() throws JOSEException {
    ecKey = new ECKeyGenerator(Curve.P_384).keyID("bench-es384").generate();
    // Bouncy Castle signs about four times faster than the JDK: pools of 20,000 tokens in seconds
    X9ECParameters curve = CustomNamedCurves.getByName("P-384");
    signingKey =
        new ECPrivateKeyParameters(
            ecKey.getD().decodeToBigInteger(), new ECDomainParameters(curve));
    byte[] opaque = new byte[24];
    RANDOM.nextBytes(opaque);
    opaque[0] = (byte) 0xfb; // a '+' or '/' early in the base64 text
    rsaKey =
        new RSAKeyGenerator(2048)
            .keyID(Base64.getEncoder().encodeToString(opaque) + "==")
            .generate();
    rsaSigner = new RSASSASigner(rsaKey);
  }

  /** The public JWKS the service fetches: both keys. */
  String jwks() {
    return new JWKSet(List.of(ecKey.toPublicJWK(), rsaKey.toPublicJWK())).toString();
  }

  String mint(String audience) {
    return mint(audience, Alg.ES384);
  }

  String mint(String audience, Alg alg) {
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
    String input =
        new JWSHeader.Builder(alg == Alg.ES384 ? JWSAlgorithm.ES384 : JWSAlgorithm.RS384)
                .type(JOSEObjectType.JWT)
                .keyID(alg == Alg.ES384 ? ecKey.getKeyID() : rsaKey.getKeyID())
                .build()
                .toBase64URL()
            + "."
            + claims.toPayload().toBase64URL();
    byte[] bytes = input.getBytes(StandardCharsets.US_ASCII);
    return input + "." + (alg == Alg.ES384 ? es384(bytes) : rs384(input, bytes));
  }

  private Base64URL rs384(String input, byte[] bytes) {
    try {
      return rsaSigner.sign(new JWSHeader(JWSAlgorithm.RS384), bytes);
    } catch (JOSEException e) {
      throw new IllegalStateException("RS384 signing failed for " + input.length() + " bytes", e);
    }
  }

  private Base64URL es384(byte[] bytes) {
    byte[] hash;
    try {
      hash = MessageDigest.getInstance("SHA-384").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    ECDSASigner ecdsa = new ECDSASigner();
    ecdsa.init(true, new ParametersWithRandom(signingKey, RANDOM));
    BigInteger[] rs = ecdsa.generateSignature(hash);
    byte[] signature = new byte[96];
    System.arraycopy(BigIntegers.asUnsignedByteArray(48, rs[0]), 0, signature, 0, 48);
    System.arraycopy(BigIntegers.asUnsignedByteArray(48, rs[1]), 0, signature, 48, 48);
    return Base64URL.encode(signature);
  }

  /** {@code count} tokens, minted on every core (before the load, never during it). */
  List<String> mint(String audience, Alg alg, int count) {
    return IntStream.range(0, count).parallel().mapToObj(i -> mint(audience, alg)).toList();
  }
}
