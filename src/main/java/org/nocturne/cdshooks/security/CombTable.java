package org.nocturne.cdshooks.security;

import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointUtil;

/**
 * The comb table of one fixed point, built as Bouncy Castle's {@code FixedPointUtil} builds it but
 * of a chosen width (Bouncy Castle fixes 6 on P-384): with {@code d = ceil(bits / width)} teeth
 * apart, entry {@code i} is {@code P + sum of 2^(k d) P} over the bits {@code k} set in {@code i},
 * and the offset {@code -(2^d - 1) P} undoes the {@code P} that every one of the {@code d} steps
 * adds. A comb multiplication is then {@code d} doublings and {@code d} additions: width 12 halves
 * the point operations of width 6 for a table of 4,096 affine points (384 KB on P-384).
 *
 * <p>The points are kept as the words of their affine coordinates in one array, x then y, entry
 * after entry, the offset last, for {@link JacobianPoint#add}.
 */
final class CombTable {
  private final int width;
  private final int spacing;
  private final int pointWords;
  private final int[] coordinates;

  private CombTable(int width, int spacing, int pointWords, int[] coordinates) {
    this.width = width;
    this.spacing = spacing;
    this.pointWords = pointWords;
    this.coordinates = coordinates;
  }

  /**
   * @param point a point of the curve of {@code field}, not the point at infinity
   * @param width bits of the scalar read per table lookup, from 2 to 16
   */
  static CombTable of(ECPoint point, NistField field, int width) {
    if (width < 2 || width > 16) {
      throw new IllegalArgumentException("comb width out of range: " + width);
    }
    ECCurve curve = point.getCurve();
    int spacing = (FixedPointUtil.getCombSize(curve) + width - 1) / width;
    ECPoint[] powers = new ECPoint[width + 1];
    powers[0] = point;
    for (int i = 1; i < width; ++i) {
      powers[i] = powers[i - 1].timesPow2(spacing);
    }
    powers[width] = powers[0].subtract(powers[1]);
    curve.normalizeAll(powers);
    int size = 1 << width;
    ECPoint[] entries = new ECPoint[size + 1];
    entries[0] = powers[0];
    for (int bit = width - 1; bit >= 0; --bit) {
      int step = 1 << bit;
      for (int i = step; i < size; i += step << 1) {
        entries[i] = entries[i - step].add(powers[bit]);
      }
    }
    entries[size] = powers[width];
    curve.normalizeAll(entries);
    int pointWords = 2 * field.words();
    int[] coordinates = new int[(size + 1) * pointWords];
    for (int i = 0; i <= size; i++) {
      int[] x = field.fromBigInteger(entries[i].getAffineXCoord().toBigInteger());
      int[] y = field.fromBigInteger(entries[i].getAffineYCoord().toBigInteger());
      System.arraycopy(x, 0, coordinates, i * pointWords, x.length);
      System.arraycopy(y, 0, coordinates, i * pointWords + field.words(), y.length);
    }
    return new CombTable(width, spacing, pointWords, coordinates);
  }

  int width() {
    return width;
  }

  /** How far apart the bits read in one lookup lie: the number of steps of a multiplication. */
  int spacing() {
    return spacing;
  }

  /** {@code sum += entry(index)}; the scalars are public, so no constant-time lookup. */
  void addEntry(JacobianPoint sum, int index) {
    sum.add(coordinates, index * pointWords);
  }

  /** {@code sum += offset} */
  void addOffset(JacobianPoint sum) {
    sum.add(coordinates, coordinates.length - pointWords);
  }
}
