import turfDistance from '@turf/distance';
import { describe, expect, it } from 'vitest';
import { PointIndex } from './point_index.ts';
import { rng } from './test_support.ts';

describe('PointIndex', () => {
  const r = rng(3);
  const pts = Array.from({ length: 2000 }, () => ({ lon: 103.5 + r() * 0.8, lat: 35.9 + r() * 0.4 }));
  const index = new PointIndex(pts);
  const dist = (lon: number, lat: number, i: number) =>
    turfDistance([lon, lat], [pts[i]!.lon, pts[i]!.lat], { units: 'meters' });

  it('radius queries match a @turf/distance brute force', () => {
    for (let q = 0; q < 100; q++) {
      const lon = 103.5 + r() * 0.8;
      const lat = 35.9 + r() * 0.4;
      const radius = 200 + r() * 3000;
      const got = index.within(lon, lat, radius).sort((a, b) => a - b);
      const want = pts.map((_, i) => i).filter((i) => dist(lon, lat, i) <= radius);
      expect(got).toEqual(want);
    }
  });

  it('k-nearest matches a brute-force sort', () => {
    for (let q = 0; q < 100; q++) {
      const lon = 103.5 + r() * 0.8;
      const lat = 35.9 + r() * 0.4;
      const k = 1 + Math.floor(r() * 8);
      const got = index.nearest(lon, lat, k);
      const want = pts
        .map((_, i) => ({ i, d: dist(lon, lat, i) }))
        .sort((a, b) => a.d - b.d)
        .slice(0, k);
      expect(got.map((g) => g.distanceM)).toHaveLength(k);
      got.forEach((g, i) => {
        expect(g.distanceM).toBeCloseTo(want[i]!.d, 3);
      });
    }
    const capped = index.nearest(103.9, 36.1, 50, 1500);
    expect(capped.every((h) => h.distanceM <= 1500)).toBe(true);
    expect(capped.length).toBe(pts.filter((_, i) => dist(103.9, 36.1, i) <= 1500).length);
  });

  it('handles an empty index', () => {
    const empty = new PointIndex([]);
    expect(empty.within(103.8, 36, 1000)).toEqual([]);
    expect(empty.nearest(103.8, 36, 3)).toEqual([]);
    expect(empty.size).toBe(0);
  });
});
