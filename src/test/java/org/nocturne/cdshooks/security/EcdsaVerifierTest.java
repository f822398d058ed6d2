package org.nocturne.cdshooks.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.impl.ECDSA;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Set;
import java.util.SplittableRandom;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bouncy Castle's ECDSA answers what Nimbus' own JDK-based verifier answers, case by case. */
class EcdsaVerifierTest {

  private static SignedJWT signed(JWSAlgorithm alg, ECKey key, JWSHeader.Builder header)
      throws Exception {
    SignedJWT jwt =
        new SignedJWT(header.build(), new JWTClaimsSet.Builder().jwtID("j").issuer("i").build());
    jwt.sign(new ECDSASigner(key));
    return jwt;
  }

  /** Both verdicts on one token: ours and Nimbus' reference (an exception counts as false). */
  private static boolean[] verdicts(ECKey key, JWSHeader header, byte[] input, Base64URL signature)
      throws Exception {
    boolean ours;
    try {
      ours = new EcdsaVerifier(key.toPublicJWK()).verify(header, input, signature);
    } catch (JOSEException e) {
      ours = false;
    }
    boolean reference;
    try {
      reference = new ECDSAVerifier(key.toPublicJWK()).verify(header, input, signature);
    } catch (JOSEException e) {
      reference = false;
    }
    return new boolean[] {ours, reference};
  }

  @ParameterizedTest
  @CsvSource({"ES256, P-256", "ES384, P-384", "ES512, P-521"})
  void aValidSignatureOfTheKeyPasses(String alg, String curve) throws Exception {
    ECKey key = new ECKeyGenerator(Curve.parse(curve)).generate();
    SignedJWT jwt =
        signed(JWSAlgorithm.parse(alg), key, new JWSHeader.Builder(JWSAlgorithm.parse(alg)));

    assertThat(verdicts(key, jwt.getHeader(), jwt.getSigningInput(), jwt.getSignature()))
        .containsExactly(true, true);
  }

  @ParameterizedTest
  @CsvSource({
    "another key",
    "tampered payload",
    "one bit of the signature",
    "r is zero",
    "s is the curve order",
    "a signature one byte short",
    "a DER signature",
    "a crit header",
    "the algorithm of another curve"
  })
  void aForgedOrMalformedSignatureFailsAsWithNimbus(String forgery) throws Exception {
    ECKey key = new ECKeyGenerator(Curve.P_384).generate();
    JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.ES384);
    if (forgery.equals("a crit header")) {
      header.criticalParams(Set.of("exp")).customParam("exp", 1);
    }
    SignedJWT jwt =
        signed(
            JWSAlgorithm.ES384,
            forgery.equals("another key") ? new ECKeyGenerator(Curve.P_384).generate() : key,
            header);
    byte[] input = jwt.getSigningInput();
    byte[] signature = jwt.getSignature().decode();
    JWSHeader used = jwt.getHeader();
    BigInteger n =
        new BigInteger(
            "39402006196394479212279040100143613805079739270465446667946905279627659399113263569398956308152294913554433653942643");
    switch (forgery) {
      case "tampered payload" ->
          input =
              (new String(input, StandardCharsets.US_ASCII) + "x")
                  .getBytes(StandardCharsets.US_ASCII);
      case "one bit of the signature" -> signature[10] ^= 1;
      case "r is zero" -> Arrays.fill(signature, 0, 48, (byte) 0);
      case "s is the curve order" -> {
        byte[] order = n.toByteArray();
        System.arraycopy(order, order.length - 48, signature, 48, 48);
      }
      case "a signature one byte short" -> signature = Arrays.copyOf(signature, 95);
      case "a DER signature" -> signature = ECDSA.transcodeSignatureToDER(signature);
      case "the algorithm of another curve" ->
          used = new JWSHeader.Builder(JWSAlgorithm.ES256).build();
      default -> {}
    }

    assertThat(verdicts(key, used, input, Base64URL.encode(signature)))
        .containsExactly(false, false);
  }

  @ParameterizedTest
  @CsvSource({"ES384"})
  void oneVerifierChecksManyTokensOfItsKey(String alg) throws Exception {
    ECKey key = new ECKeyGenerator(Curve.P_384).generate();
    EcdsaVerifier verifier = new EcdsaVerifier(key.toPublicJWK());
    for (int i = 0; i < 5; i++) {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.parse(alg)).build(),
              new JWTClaimsSet.Builder().jwtID("j" + i).build());
      jwt.sign(new ECDSASigner(key));
      assertThat(jwt.verify(verifier)).isTrue();
      assertThat(
              verifier.verify(jwt.getHeader(), new Payload("other").toBytes(), jwt.getSignature()))
          .isFalse();
    }
  }

  /**
   * The interleaved comb of both fixed points answers as Bouncy Castle's general ECDSA check, on
   * hundreds of random signatures per curve, valid and corrupted, at the default comb width and at
   * widths whose teeth do not divide the curve's bits evenly (issue 30).
   */
  @ParameterizedTest
  @CsvSource({
    "P-256, SHA-256, 12",
    "P-384, SHA-384, 12",
    "P-521, SHA-512, 12",
    "P-384, SHA-384, 5",
    "P-521, SHA-512, 7",
    "P-256, SHA-256, 2"
  })
  void theCombOfBothFixedPointsAnswersAsBouncyCastle(String curveName, String digest, int width)
      throws Exception {
    ECKey key = new ECKeyGenerator(Curve.parse(curveName)).generate();
    EcdsaVerifier ours = new EcdsaVerifier(key.toPublicJWK(), width);
    X9ECParameters curve = CustomNamedCurves.getByName(curveName);
    var domain = new ECDomainParameters(curve);
    var privateKey = new ECPrivateKeyParameters(key.getD().decodeToBigInteger(), domain);
    var publicKey =
        new ECPublicKeyParameters(
            curve
                .getCurve()
                .createPoint(key.getX().decodeToBigInteger(), key.getY().decodeToBigInteger()),
            domain);
    SplittableRandom random = new SplittableRandom(30);
    int valid = 0;
    for (int i = 0; i < 300; i++) {
      byte[] message = new byte[1 + random.nextInt(200)];
      for (int b = 0; b < message.length; b++) {
        message[b] = (byte) random.nextInt(256);
      }
      byte[] hash = MessageDigest.getInstance(digest).digest(message);
      var signer = new org.bouncycastle.crypto.signers.ECDSASigner();
      signer.init(true, privateKey);
      BigInteger[] rs = signer.generateSignature(hash);
      BigInteger r = rs[0];
      BigInteger sig = rs[1];
      switch (i % 4) {
        case 1 -> hash[random.nextInt(hash.length)] ^= (byte) (1 << random.nextInt(8));
        case 2 -> r = r.add(BigInteger.ONE).mod(curve.getN());
        case 3 -> sig = sig.subtract(BigInteger.ONE);
        default -> {}
      }
      var reference = new org.bouncycastle.crypto.signers.ECDSASigner();
      reference.init(false, publicKey);
      boolean expected =
          r.signum() > 0 && sig.signum() > 0 && reference.verifySignature(hash, r, sig);
      boolean actual = r.signum() > 0 && sig.signum() > 0 && ours.verify(hash, r, sig);
      assertThat(actual).as("signature %d", i).isEqualTo(expected);
      valid += expected ? 1 : 0;
    }
    assertThat(valid).isEqualTo(75);
  }

  @ParameterizedTest
  @CsvSource({"1", "17"})
  void aCombWidthOutOfRangeIsRefused(int width) {
    ECKey key;
    try {
      key = new ECKeyGenerator(Curve.P_256).generate();
    } catch (JOSEException e) {
      throw new AssertionError(e);
    }
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> new EcdsaVerifier(key.toPublicJWK(), width))
        .withMessageContaining("comb width");
  }
}
