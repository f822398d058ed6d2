package org.nocturne.cdshooks.security;

import java.math.BigInteger;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.custom.sec.SecP256R1Field;
import org.bouncycastle.math.ec.custom.sec.SecP384R1Field;
import org.bouncycastle.math.ec.custom.sec.SecP521R1Field;
import org.bouncycastle.math.raw.Nat;
import org.bouncycastle.math.raw.Nat192;

/**
 * The prime field of a NIST curve as Bouncy Castle's static arithmetic on 32-bit words: elements
 * are {@code int[]} of {@link #words()} words, always fully reduced (in [0, p)), and every
 * operation writes into a given array, so {@link JacobianPoint} makes no object per step. Results
 * may be written over an operand; a product passes through the scratch array {@code tt} of {@link
 * #productWords()} words.
 */
enum NistField {
  P256("P-256", 8, 16) {
    @Override
    void multiply(int[] x, int[] y, int[] z, int[] tt) {
      SecP256R1Field.multiply(x, y, z, tt);
    }

    @Override
    void square(int[] x, int[] z, int[] tt) {
      SecP256R1Field.square(x, z, tt);
    }

    @Override
    void add(int[] x, int[] y, int[] z) {
      SecP256R1Field.add(x, y, z);
    }

    @Override
    void subtract(int[] x, int[] y, int[] z) {
      SecP256R1Field.subtract(x, y, z);
    }

    @Override
    void twice(int[] x, int[] z) {
      SecP256R1Field.twice(x, z);
    }

    @Override
    int[] fromBigInteger(BigInteger value) {
      return SecP256R1Field.fromBigInteger(value);
    }
  },
  P384("P-384", 12, 48) {
    // Bouncy Castle's Karatsuba product, as in Nat384, but its halves' difference and their
    // product kept in tt after the 24-word result instead of three new arrays per call (those
    // made most of the 222 KB per P-384 signature check, issue 30)
    @Override
    void multiply(int[] x, int[] y, int[] z, int[] tt) {
      Nat192.mul(x, 0, y, 0, tt, 0);
      Nat192.mul(x, 6, y, 6, tt, 12);
      int c18 = Nat192.addToEachOther(tt, 6, tt, 12);
      int c12 = c18 + Nat192.addTo(tt, 0, tt, 6, 0);
      c18 += Nat192.addTo(tt, 18, tt, 12, c12);
      boolean negative = Nat192.diff(x, 6, x, 0, tt, 24) != Nat192.diff(y, 6, y, 0, tt, 30);
      Nat192.mul(tt, 24, tt, 30, tt, 36);
      c18 += negative ? Nat.addTo(12, tt, 36, tt, 6) : Nat.subFrom(12, tt, 36, tt, 6);
      Nat.addWordAt(24, c18, tt, 18);
      SecP384R1Field.reduce(tt, z);
    }

    @Override
    void square(int[] x, int[] z, int[] tt) {
      Nat192.square(x, 0, tt, 0);
      Nat192.square(x, 6, tt, 12);
      int c18 = Nat192.addToEachOther(tt, 6, tt, 12);
      int c12 = c18 + Nat192.addTo(tt, 0, tt, 6, 0);
      c18 += Nat192.addTo(tt, 18, tt, 12, c12);
      Nat192.diff(x, 6, x, 0, tt, 24);
      Nat192.square(tt, 24, tt, 36);
      c18 += Nat.subFrom(12, tt, 36, tt, 6);
      Nat.addWordAt(24, c18, tt, 18);
      SecP384R1Field.reduce(tt, z);
    }

    @Override
    void add(int[] x, int[] y, int[] z) {
      SecP384R1Field.add(x, y, z);
    }

    @Override
    void subtract(int[] x, int[] y, int[] z) {
      SecP384R1Field.subtract(x, y, z);
    }

    @Override
    void twice(int[] x, int[] z) {
      SecP384R1Field.twice(x, z);
    }

    @Override
    int[] fromBigInteger(BigInteger value) {
      return SecP384R1Field.fromBigInteger(value);
    }
  },
  P521("P-521", 17, 33) {
    @Override
    void multiply(int[] x, int[] y, int[] z, int[] tt) {
      SecP521R1Field.multiply(x, y, z, tt);
    }

    @Override
    void square(int[] x, int[] z, int[] tt) {
      SecP521R1Field.square(x, z, tt);
    }

    @Override
    void add(int[] x, int[] y, int[] z) {
      SecP521R1Field.add(x, y, z);
    }

    @Override
    void subtract(int[] x, int[] y, int[] z) {
      SecP521R1Field.subtract(x, y, z);
    }

    @Override
    void twice(int[] x, int[] z) {
      SecP521R1Field.twice(x, z);
    }

    @Override
    int[] fromBigInteger(BigInteger value) {
      return SecP521R1Field.fromBigInteger(value);
    }
  };

  private final int words;
  private final int productWords;
  private final BigInteger prime;

  NistField(String curve, int words, int productWords) {
    this.words = words;
    this.productWords = productWords;
    this.prime = CustomNamedCurves.getByName(curve).getCurve().getField().getCharacteristic();
  }

  /** The field of a curve by its JOSE name, or null. */
  static NistField of(String curve) {
    return switch (curve) {
      case "P-256" -> P256;
      case "P-384" -> P384;
      case "P-521" -> P521;
      default -> null;
    };
  }

  int words() {
    return words;
  }

  int productWords() {
    return productWords;
  }

  BigInteger prime() {
    return prime;
  }

  /** {@code z = x y mod p} */
  abstract void multiply(int[] x, int[] y, int[] z, int[] tt);

  /** {@code z = x^2 mod p} */
  abstract void square(int[] x, int[] z, int[] tt);

  /** {@code z = x + y mod p} */
  abstract void add(int[] x, int[] y, int[] z);

  /** {@code z = x - y mod p} */
  abstract void subtract(int[] x, int[] y, int[] z);

  /** {@code z = 2 x mod p} */
  abstract void twice(int[] x, int[] z);

  /**
   * @param value in [0, p)
   */
  abstract int[] fromBigInteger(BigInteger value);

  boolean isZero(int[] x) {
    return Nat.isZero(words, x);
  }
}
