package org.nocturne.cdshooks.security;

import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECLookupTable;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointUtil;

/**
 * The comb table of one fixed point, built as Bouncy Castle's {@code FixedPointUtil} builds it but
 * of a chosen width (Bouncy Castle fixes 6 on P-384): with {@code d = ceil(bits / width)} teeth
 * apart, entry {@code i} is {@code P + sum of 2^(k d) P} over the bits {@code k} set in {@code i},
 * and {@code offset = -(2^d - 1) P} undoes the {@code P} that every one of the {@code d} steps
 * adds. A comb multiplication is then {@code d} doublings and {@code d} additions: width 12 halves
 * the point operations of width 6 for a table of 4,096 affine points (384 KB on P-384).
 */
final class CombTable {
  private final int width;
  private final int spacing;
  private final ECLookupTable points;
  private final ECPoint offset;

  private CombTable(int width, int spacing, ECLookupTable points, ECPoint offset) {
    this.width = width;
    this.spacing = spacing;
    this.points = points;
    this.offset = offset;
  }

  /**
   * @param point a point of a curve, not the point at infinity
   * @param width bits of the scalar read per table lookup, from 2 to 16
   */
  static CombTable of(ECPoint point, int width) {
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
    ECPoint[] entries = new ECPoint[size];
    entries[0] = powers[0];
    for (int bit = width - 1; bit >= 0; --bit) {
      int step = 1 << bit;
      for (int i = step; i < size; i += step << 1) {
        entries[i] = entries[i - step].add(powers[bit]);
      }
    }
    curve.normalizeAll(entries);
    return new CombTable(
        width, spacing, curve.createCacheSafeLookupTable(entries, 0, size), powers[width]);
  }

  int width() {
    return width;
  }

  /** How far apart the bits read in one lookup lie: the number of steps of a multiplication. */
  int spacing() {
    return spacing;
  }

  /** The entry for the bits of one step; the scalars are public, so no constant-time lookup. */
  ECPoint entry(int index) {
    return points.lookupVar(index);
  }

  ECPoint offset() {
    return offset;
  }
}
