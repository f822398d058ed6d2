package org.nocturne.cdshooks.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import java.util.SplittableRandom;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The in-place point arithmetic lands where Bouncy Castle's points land, step by step, including
 * the cases random scalars never reach: adding the sum to itself, adding its negation, and going on
 * from the point at infinity.
 */
class JacobianPointTest {

  private static int[] affine(NistField field, ECPoint point) {
    ECPoint p = point.normalize();
    int words = field.words();
    int[] coordinates = new int[2 * words];
    System.arraycopy(
        field.fromBigInteger(p.getAffineXCoord().toBigInteger()), 0, coordinates, 0, words);
    System.arraycopy(
        field.fromBigInteger(p.getAffineYCoord().toBigInteger()), 0, coordinates, words, words);
    return coordinates;
  }

  private static void assertSame(NistField field, JacobianPoint ours, ECPoint expected, int step) {
    assertThat(ours.isInfinity()).as("infinity at step %d", step).isEqualTo(expected.isInfinity());
    if (expected.isInfinity()) {
      return;
    }
    BigInteger p = field.prime();
    BigInteger[] xyz = ours.jacobian();
    BigInteger zInverse = xyz[2].modInverse(p);
    BigInteger x = xyz[0].multiply(zInverse.pow(2)).mod(p);
    BigInteger y = xyz[1].multiply(zInverse.pow(3)).mod(p);
    ECPoint normal = expected.normalize();
    assertThat(x).as("x at step %d", step).isEqualTo(normal.getAffineXCoord().toBigInteger());
    assertThat(y).as("y at step %d", step).isEqualTo(normal.getAffineYCoord().toBigInteger());
  }

  @ParameterizedTest
  @CsvSource({"P-256", "P-384", "P-521"})
  void everyStepLandsWhereBouncyCastleLands(String curveName) {
    NistField field = NistField.of(curveName);
    X9ECParameters curve = CustomNamedCurves.getByName(curveName);
    SplittableRandom random = new SplittableRandom(30);
    JacobianPoint ours = new JacobianPoint(field);
    ECPoint expected = curve.getCurve().getInfinity();
    int doublings = 0;
    int cancellations = 0;
    for (int step = 0; step < 400; step++) {
      int kind = random.nextInt(6);
      ECPoint added;
      if (kind == 0) {
        ours.twice();
        expected = expected.twice();
        assertSame(field, ours, expected, step);
        continue;
      } else if (kind == 1 && !expected.isInfinity()) {
        added = expected; // the sum itself: the addition must double
        doublings++;
      } else if (kind == 2 && !expected.isInfinity()) {
        added = expected.negate(); // its negation: the sum is infinity
        cancellations++;
      } else {
        added =
            curve
                .getG()
                .multiply(
                    new BigInteger(curve.getN().bitLength() - 1, new Random(step))
                        .add(BigInteger.ONE));
      }
      ours.add(affine(field, added), 0);
      expected = expected.add(added);
      assertSame(field, ours, expected, step);
    }
    assertThat(doublings).isGreaterThan(20);
    assertThat(cancellations).isGreaterThan(20);
  }

  @ParameterizedTest
  @CsvSource({"P-256", "P-384", "P-521"})
  void theComparisonWithRIsOfTheAffineXModuloTheOrder(String curveName) {
    NistField field = NistField.of(curveName);
    X9ECParameters curve = CustomNamedCurves.getByName(curveName);
    BigInteger n = curve.getN();
    JacobianPoint ours = new JacobianPoint(field);
    assertThat(ours.affineXModOrderIs(BigInteger.ONE, n)).as("infinity").isFalse();
    ECPoint point = curve.getG().multiply(BigInteger.valueOf(12345));
    ours.add(affine(field, point), 0);
    ours.twice(); // Z is no longer one
    BigInteger x = point.twice().normalize().getAffineXCoord().toBigInteger();
    assertThat(ours.affineXModOrderIs(x.mod(n), n)).isTrue();
    assertThat(ours.affineXModOrderIs(x.add(BigInteger.ONE).mod(n), n)).isFalse();
  }
}
