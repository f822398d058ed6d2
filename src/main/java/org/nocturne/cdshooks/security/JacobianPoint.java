package org.nocturne.cdshooks.security;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.math.raw.Nat;

/**
 * A point of a NIST curve ({@code a = -3}) in Jacobian coordinates ({@code x = X/Z^2, y = Y/Z^3}),
 * changed in place: the running sum of a comb multiplication, with no new point, field element or
 * array per step. Bouncy Castle's {@code ECPoint} makes new ones in every operation: 222 KB per
 * P-384 signature check, about 2.3 KB per point operation (JMH, issue 30). The formulas are the
 * standard ones Bouncy Castle's {@code SecP384R1Point} uses: doubling dbl-2001-b, mixed addition
 * madd-2004-hmv (the Explicit-Formulas Database, hyperelliptic.org/EFD). Not constant-time: it is
 * used on public values only.
 */
final class JacobianPoint {
  private final NistField field;
  private final int[] x;
  private final int[] y;
  private final int[] z;
  private boolean infinity = true;
  // scratch: the affine point being added, temporaries, a product
  private final int[] addedX;
  private final int[] addedY;
  private final int[] t1;
  private final int[] t2;
  private final int[] t3;
  private final int[] t4;
  private final int[] t5;
  private final int[] tt;

  /** The point at infinity. */
  JacobianPoint(NistField field) {
    this.field = field;
    int words = field.words();
    x = new int[words];
    y = new int[words];
    z = new int[words];
    addedX = new int[words];
    addedY = new int[words];
    t1 = new int[words];
    t2 = new int[words];
    t3 = new int[words];
    t4 = new int[words];
    t5 = new int[words];
    tt = new int[field.productWords()];
  }

  boolean isInfinity() {
    return infinity;
  }

  /** This point doubled. */
  void twice() {
    // no y = 0 case (2P = infinity for a point of order two): these curves' order is prime
    if (infinity) {
      return;
    }
    int[] delta = t1;
    int[] gamma = t2;
    int[] beta = t3;
    int[] alpha = t4;
    field.square(z, delta, tt);
    field.square(y, gamma, tt);
    field.multiply(x, gamma, beta, tt);
    // alpha = 3 (X - delta)(X + delta)
    field.subtract(x, delta, t5);
    field.add(x, delta, alpha);
    field.multiply(alpha, t5, alpha, tt);
    field.twice(alpha, t5);
    field.add(alpha, t5, alpha);
    // Z3 = 2 Y Z, before Y changes
    field.multiply(y, z, z, tt);
    field.twice(z, z);
    // X3 = alpha^2 - 8 beta
    field.twice(beta, beta);
    field.twice(beta, beta);
    field.square(alpha, x, tt);
    field.twice(beta, t5);
    field.subtract(x, t5, x);
    // Y3 = alpha (4 beta - X3) - 8 gamma^2
    field.square(gamma, gamma, tt);
    field.twice(gamma, gamma);
    field.twice(gamma, gamma);
    field.twice(gamma, gamma);
    field.subtract(beta, x, y);
    field.multiply(y, alpha, y, tt);
    field.subtract(y, gamma, y);
  }

  /**
   * This point plus an affine point, read from {@code coordinates} at {@code offset}: its x, then
   * its y, each of the field's words.
   */
  void add(int[] coordinates, int offset) {
    int words = field.words();
    System.arraycopy(coordinates, offset, addedX, 0, words);
    System.arraycopy(coordinates, offset + words, addedY, 0, words);
    if (infinity) {
      System.arraycopy(addedX, 0, x, 0, words);
      System.arraycopy(addedY, 0, y, 0, words);
      Arrays.fill(z, 0);
      z[0] = 1;
      infinity = false;
      return;
    }
    int[] zz = t1;
    int[] h = t2;
    int[] r = t3;
    field.square(z, zz, tt);
    // H = x2 Z^2 - X, R = y2 Z^3 - Y
    field.multiply(addedX, zz, h, tt);
    field.subtract(h, x, h);
    field.multiply(z, zz, r, tt);
    field.multiply(addedY, r, r, tt);
    field.subtract(r, y, r);
    if (field.isZero(h)) {
      // the same x: the same point (double it) or its negation (the sum is infinity)
      if (field.isZero(r)) {
        twice();
      } else {
        infinity = true;
      }
      return;
    }
    int[] hh = t4;
    int[] hhh = t5;
    int[] v = t1;
    field.square(h, hh, tt);
    field.multiply(h, hh, hhh, tt);
    field.multiply(x, hh, v, tt);
    field.multiply(z, h, z, tt);
    // X3 = R^2 - H^3 - 2 V
    field.square(r, x, tt);
    field.subtract(x, hhh, x);
    field.twice(v, h);
    field.subtract(x, h, x);
    // Y3 = R (V - X3) - Y H^3
    field.multiply(y, hhh, hhh, tt);
    field.subtract(v, x, v);
    field.multiply(v, r, y, tt);
    field.subtract(y, hhh, y);
  }

  /**
   * Whether this point's affine x, taken mod {@code order}, is {@code r} (ECDSA's last step),
   * compared without making the point affine: with {@code X = x Z^2}, whether {@code c Z^2 = X} for
   * {@code c = r, r + n, ...} while {@code c} is a field element, as Bouncy Castle's {@code
   * ECDSASigner} does; this saves a field inversion.
   *
   * @param r in [1, order)
   */
  boolean affineXModOrderIs(BigInteger r, BigInteger order) {
    if (infinity) {
      return false;
    }
    int[] zz = t1;
    int[] candidateTimesZz = t2;
    field.square(z, zz, tt);
    for (BigInteger candidate = r;
        candidate.compareTo(field.prime()) < 0;
        candidate = candidate.add(order)) {
      field.multiply(field.fromBigInteger(candidate), zz, candidateTimesZz, tt);
      if (Arrays.equals(candidateTimesZz, x)) {
        return true;
      }
    }
    return false;
  }

  /** X, Y and Z as numbers, for the tests; meaningless at infinity. */
  BigInteger[] jacobian() {
    int words = field.words();
    return new BigInteger[] {
      Nat.toBigInteger(words, x), Nat.toBigInteger(words, y), Nat.toBigInteger(words, z)
    };
  }
}
