package org.nocturne.cdshooks.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.raw.Nat;
import org.bouncycastle.util.BigIntegers;

/**
 * ES256/ES384/ES512 signature checks with Bouncy Castle's ECDSA on its optimized NIST curves (no
 * JCA provider: none is registered, nothing else changes), about three times faster than the JDK 17
 * provider on P-384, and faster again per key because both points of the check (the base point and
 * the issuer's key) keep wide comb tables ({@link CombTable}) from call to call, so one check is a
 * single interleaved fixed-base comb, summed in place ({@link JacobianPoint}: no object per step,
 * where Bouncy Castle's points made 222 KB per P-384 check). The checks are those of Nimbus' {@code
 * ECDSAVerifier}: the key is a point of its curve, the algorithm is the curve's, no {@code crit}
 * header, a signature of exactly {@code 2 x} the curve's size whose r and s lie in [1, n - 1].
 */
final class EcdsaVerifier implements JWSVerifier {
  /**
   * Bits read per lookup: 32 steps on P-384 instead of Bouncy Castle's 64, a table of 4,096 points
   * (384 KB on P-384) per key and one per curve for its base point (docs/performance.md).
   */
  static final int COMB_WIDTH = 12;

  private static final Map<String, CombTable> BASE_POINTS = new ConcurrentHashMap<>();

  private final JWSAlgorithm algorithm;
  private final String digest;
  private final int half;
  private final BigInteger order;
  private final NistField field;
  private final CombTable base;
  private final CombTable publicKey;
  private final JCAContext jca = new JCAContext();

  /**
   * @throws JOSEException when the curve is not P-256, P-384 or P-521 or the key is not on it
   */
  EcdsaVerifier(ECKey jwk) throws JOSEException {
    this(jwk, COMB_WIDTH);
  }

  /** With a comb of another width, for the tests and the benchmark. */
  EcdsaVerifier(ECKey jwk, int combWidth) throws JOSEException {
    Curve curve = jwk.getCurve();
    if (Curve.P_256.equals(curve)) {
      algorithm = JWSAlgorithm.ES256;
      digest = "SHA-256";
      half = 32;
    } else if (Curve.P_384.equals(curve)) {
      algorithm = JWSAlgorithm.ES384;
      digest = "SHA-384";
      half = 48;
    } else if (Curve.P_521.equals(curve)) {
      algorithm = JWSAlgorithm.ES512;
      digest = "SHA-512";
      half = 66;
    } else {
      throw new JOSEException("unsupported curve");
    }
    field = NistField.of(curve.getName());
    X9ECParameters parameters = CustomNamedCurves.getByName(curve.getName());
    ECPoint point;
    try {
      point =
          parameters
              .getCurve()
              .createPoint(jwk.getX().decodeToBigInteger(), jwk.getY().decodeToBigInteger());
    } catch (IllegalArgumentException e) {
      throw new JOSEException("the key is not a point of its curve");
    }
    // Nimbus refuses such a JWK already; checked again where the point is made
    if (point.isInfinity() || !point.isValid()) {
      throw new JOSEException("the key is not a point of its curve");
    }
    order = parameters.getN();
    // both points of u1 G + u2 Q are fixed (the base point, the issuer's key): each gets a comb
    // table once, the base point's shared by every key of its curve, and a check is one
    // interleaved comb (issue 30)
    base =
        BASE_POINTS.computeIfAbsent(
            curve.getName() + "/" + combWidth,
            name -> CombTable.of(parameters.getG(), field, combWidth));
    publicKey = CombTable.of(point.normalize(), field, combWidth);
  }

  @Override
  public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature)
      throws JOSEException {
    if (!algorithm.equals(header.getAlgorithm())) {
      throw new JOSEException("the algorithm does not match the key's curve");
    }
    if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
      return false;
    }
    byte[] bytes = signature.decode();
    if (bytes.length != 2 * half) {
      return false;
    }
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(bytes, 0, half));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(bytes, half, 2 * half));
    if (r.signum() == 0 || s.signum() == 0 || r.compareTo(order) >= 0 || s.compareTo(order) >= 0) {
      return false;
    }
    byte[] hash;
    try {
      hash = MessageDigest.getInstance(digest).digest(signingInput);
    } catch (NoSuchAlgorithmException e) {
      throw new JOSEException(digest + " is not available", e);
    }
    return verify(hash, r, s);
  }

  /**
   * ECDSA verification (SEC 1 §4.1.4, as Bouncy Castle's {@code ECDSASigner} does it) with {@code
   * u1 G + u2 Q} as one fixed-base comb over both precomputed tables: the doublings are shared and
   * no window of either point is built per call, about twice as fast as the general two-point
   * multiplication. All inputs are public, so the table lookups need not be constant-time.
   */
  boolean verify(byte[] hash, BigInteger r, BigInteger s) {
    BigInteger e = hashToInteger(hash);
    // the order is an odd prime: Bouncy Castle's variable-time inverse (as its ECDSASigner uses)
    // costs a fraction of BigInteger.modInverse, an eighth of the check (issue 30); s is public
    BigInteger c = BigIntegers.modOddInverseVar(order, s);
    BigInteger u1 = e.multiply(c).mod(order);
    BigInteger u2 = r.multiply(c).mod(order);
    return sumOfCombs(u1, u2).affineXModOrderIs(r, order);
  }

  /** The leftmost bits of the hash, as many as the order has (SEC 1 §4.1.3 step 5). */
  private BigInteger hashToInteger(byte[] hash) {
    BigInteger e = new BigInteger(1, hash);
    int excess = hash.length * 8 - order.bitLength();
    return excess > 0 ? e.shiftRight(excess) : e;
  }

  /**
   * {@code a G + b Q} by Bouncy Castle's fixed-point comb ({@code FixedPointCombMultiplier}), the
   * two combs run in one loop: {@code R = 2R + G[i] + Q[i]}, then both offsets.
   */
  private JacobianPoint sumOfCombs(BigInteger a, BigInteger b) {
    int d = base.spacing();
    int fullComb = d * base.width();
    int[] ka = Nat.fromBigInteger(fullComb, a);
    int[] kb = Nat.fromBigInteger(fullComb, b);
    int top = fullComb - 1;
    JacobianPoint sum = new JacobianPoint(field);
    for (int i = 0; i < d; ++i) {
      int indexA = 0;
      int indexB = 0;
      for (int j = top - i; j >= 0; j -= d) {
        int bitA = ka[j >>> 5] >>> (j & 0x1F);
        indexA ^= bitA >>> 1;
        indexA <<= 1;
        indexA ^= bitA;
        int bitB = kb[j >>> 5] >>> (j & 0x1F);
        indexB ^= bitB >>> 1;
        indexB <<= 1;
        indexB ^= bitB;
      }
      sum.twice();
      base.addEntry(sum, indexA);
      publicKey.addEntry(sum, indexB);
    }
    base.addOffset(sum);
    publicKey.addOffset(sum);
    return sum;
  }

  @Override
  public Set<JWSAlgorithm> supportedJWSAlgorithms() {
    return Set.of(algorithm);
  }

  @Override
  public JCAContext getJCAContext() {
    return jca;
  }
}
