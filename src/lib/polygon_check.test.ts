import kinks from '@turf/kinks';
import { describe, expect, it } from 'vitest';
import type { Position } from './feature';
import { dropRepeats, findRingCrossing, insideRing, signedArea } from './polygon_check';

/** A tiny seeded generator (mulberry32) so that failures reproduce. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const close = (ring: Position[]): Position[] => [...ring, ring[0] as Position];

describe('findRingCrossing', () => {
  it('agrees with turf kinks (brute force) on 400 random rings, simple and crossing', () => {
    const rand = rng(12);
    let crossing = 0;
    for (let k = 0; k < 400; k++) {
      const n = 4 + Math.floor(rand() * 30);
      let pts: Position[] = Array.from({ length: n }, () => [103.8 + rand() * 0.1, 36 + rand() * 0.1]);
      // Half of them sorted by angle around the centre: a star-shaped, simple ring.
      if (k % 2 === 0)
        pts = pts.sort(
          (a, b) => Math.atan2(a[1] - 36.05, a[0] - 103.85) - Math.atan2(b[1] - 36.05, b[0] - 103.85),
        );
      const ring = close(pts);
      const brute = kinks({ type: 'Polygon', coordinates: [ring] }).features.length > 0;
      const ours = findRingCrossing([ring]) !== null;
      expect(ours, JSON.stringify(ring)).toBe(brute);
      if (ours) crossing++;
    }
    // Both kinds were exercised.
    expect(crossing).toBeGreaterThan(50);
    expect(crossing).toBeLessThan(350);
  });

  it('finds a bow-tie crossing and where it is', () => {
    const at = findRingCrossing([
      [
        [0, 0],
        [2, 2],
        [2, 0],
        [0, 2],
        [0, 0],
      ],
    ]);
    expect(at).toEqual([1, 1]);
  });

  it('accepts a simple square, and a square with a hole inside', () => {
    const shell: Position[] = [
      [0, 0],
      [4, 0],
      [4, 4],
      [0, 4],
      [0, 0],
    ];
    const hole: Position[] = [
      [1, 1],
      [1, 2],
      [2, 2],
      [2, 1],
      [1, 1],
    ];
    expect(findRingCrossing([shell])).toBeNull();
    expect(findRingCrossing([shell, hole])).toBeNull();
  });

  it('finds a hole crossing its shell, a ring touching itself at a vertex, and a spike', () => {
    const shell: Position[] = [
      [0, 0],
      [4, 0],
      [4, 4],
      [0, 4],
      [0, 0],
    ];
    const crossingHole: Position[] = [
      [3, 1],
      [5, 1],
      [5, 2],
      [3, 2],
      [3, 1],
    ];
    expect(findRingCrossing([shell, crossingHole])).not.toBeNull();
    // A figure of eight through (2, 2).
    const eight: Position[] = [
      [0, 0],
      [2, 2],
      [4, 0],
      [4, 4],
      [2, 2],
      [0, 4],
      [0, 0],
    ];
    expect(findRingCrossing([eight])).toEqual([2, 2]);
    const spike: Position[] = [
      [0, 0],
      [4, 0],
      [4, 4],
      [4, 2],
      [0, 4],
      [0, 0],
    ];
    expect(findRingCrossing([spike])).toEqual([4, 4]);
  });

  it('reports progress in units that add up to the number of segments', () => {
    const n = 10_000;
    const ring = close(
      Array.from(
        { length: n },
        (_, i): Position => [Math.cos((2 * Math.PI * i) / n), Math.sin((2 * Math.PI * i) / n)],
      ),
    );
    let units = 0;
    expect(findRingCrossing([ring], (u) => (units += u))).toBeNull();
    expect(units).toBe(n);
  });
});

describe('dropRepeats, signedArea, insideRing', () => {
  it('drops consecutive repeated positions only', () => {
    const ring: Position[] = [
      [0, 0],
      [1, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ];
    expect(dropRepeats(ring)).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ]);
    const clean = dropRepeats(ring);
    expect(dropRepeats(clean)).toBe(clean);
  });

  it('measures counter-clockwise rings positive and collinear rings zero', () => {
    expect(
      signedArea([
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ]),
    ).toBe(0.5);
    expect(
      signedArea([
        [0, 0],
        [1, 1],
        [2, 2],
        [0, 0],
      ]),
    ).toBe(0);
  });

  it('tells inside from outside and on the edge', () => {
    const sq: Position[] = [
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
      [0, 0],
    ];
    expect(insideRing([1, 1], sq)).toBe(true);
    expect(insideRing([3, 1], sq)).toBe(false);
    expect(insideRing([2, 1], sq)).toBe(false);
  });
});
