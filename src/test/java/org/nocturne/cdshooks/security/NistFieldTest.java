package org.nocturne.cdshooks.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bouncycastle.math.raw.Nat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each field's in-place arithmetic agrees with {@link BigInteger} arithmetic mod p, on random
 * elements and on those that carry the most (0, 1, p - 1, words of all ones), each operation also
 * written over its own operand as {@link JacobianPoint} does.
 */
class NistFieldTest {

  private static List<BigInteger> elements(NistField field) {
    BigInteger p = field.prime();
    List<BigInteger> elements = new ArrayList<>();
    elements.add(BigInteger.ZERO);
    elements.add(BigInteger.ONE);
    elements.add(p.subtract(BigInteger.ONE));
    elements.add(p.subtract(BigInteger.TWO));
    elements.add(BigInteger.ONE.shiftLeft(p.bitLength() - 1));
    elements.add(BigInteger.ONE.shiftLeft(p.bitLength() / 2).subtract(BigInteger.ONE));
    elements.add(p.shiftRight(1));
    Random random = new Random(30);
    while (elements.size() < 300) {
      BigInteger candidate = new BigInteger(p.bitLength(), random);
      if (candidate.compareTo(p) < 0) {
        elements.add(candidate);
      }
    }
    return elements;
  }

  @ParameterizedTest
  @EnumSource(NistField.class)
  void everyOperationIsTheOneModP(NistField field) {
    BigInteger p = field.prime();
    int words = field.words();
    int[] tt = new int[field.productWords()];
    List<BigInteger> elements = elements(field);
    for (int i = 0; i < elements.size(); i++) {
      BigInteger a = elements.get(i);
      BigInteger b = elements.get((i * 7 + 3) % elements.size());
      int[] x = field.fromBigInteger(a);
      int[] y = field.fromBigInteger(b);
      int[] z = new int[words];

      field.multiply(x, y, z, tt);
      assertThat(Nat.toBigInteger(words, z)).as("%s * %s", a, b).isEqualTo(a.multiply(b).mod(p));
      field.square(x, z, tt);
      assertThat(Nat.toBigInteger(words, z)).as("%s^2", a).isEqualTo(a.multiply(a).mod(p));
      field.add(x, y, z);
      assertThat(Nat.toBigInteger(words, z)).as("%s + %s", a, b).isEqualTo(a.add(b).mod(p));
      field.subtract(x, y, z);
      assertThat(Nat.toBigInteger(words, z)).as("%s - %s", a, b).isEqualTo(a.subtract(b).mod(p));
      field.twice(x, z);
      assertThat(Nat.toBigInteger(words, z)).as("2 %s", a).isEqualTo(a.shiftLeft(1).mod(p));
      assertThat(field.isZero(x)).isEqualTo(a.signum() == 0);

      // written over an operand, as the point formulas do
      int[] over = x.clone();
      field.multiply(over, y, over, tt);
      assertThat(Nat.toBigInteger(words, over)).isEqualTo(a.multiply(b).mod(p));
      over = x.clone();
      field.subtract(y, over, over);
      assertThat(Nat.toBigInteger(words, over)).isEqualTo(b.subtract(a).mod(p));
      over = x.clone();
      field.twice(over, over);
      assertThat(Nat.toBigInteger(words, over)).isEqualTo(a.shiftLeft(1).mod(p));
    }
  }
}
