import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import { rng } from '../walk/test_support';
import { BandedPolygon, ringsOf } from './pip';

const districts = JSON.parse(readFileSync('data/boundaries/lanzhou_districts.geojson', 'utf8')) as {
  features: { geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] } }[];
};

describe('BandedPolygon', () => {
  it('agrees with turf on the real district boundaries (random points)', () => {
    const r = rng(7);
    for (const f of districts.features) {
      const poly = new BandedPolygon(ringsOf(f.geometry));
      const [w, s, e, n] = poly.bbox;
      let inside = 0;
      for (let i = 0; i < 2000; i++) {
        const lon = w - 0.05 + r() * (e - w + 0.1);
        const lat = s - 0.05 + r() * (n - s + 0.1);
        const want = booleanPointInPolygon([lon, lat], f.geometry as never);
        expect(poly.contains(lon, lat)).toBe(want);
        if (want) inside++;
      }
      expect(inside).toBeGreaterThan(100);
    }
  });

  it('handles holes and multipolygons by the even–odd rule', () => {
    const outer = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ];
    const hole = [
      [4, 4],
      [6, 4],
      [6, 6],
      [4, 6],
      [4, 4],
    ];
    const island = [
      [20, 20],
      [21, 20],
      [21, 21],
      [20, 20],
    ];
    const p = new BandedPolygon([outer, hole, island], 3);
    expect(p.contains(1, 1)).toBe(true);
    expect(p.contains(5, 5)).toBe(false);
    expect(p.contains(20.9, 20.5)).toBe(true);
    expect(p.contains(20.1, 20.9)).toBe(false);
    expect(p.contains(15, 15)).toBe(false);
    expect(p.contains(-1, 5)).toBe(false);
  });

  it('is empty for no rings', () => {
    expect(new BandedPolygon([]).contains(0, 0)).toBe(false);
    expect(ringsOf({ type: 'Point', coordinates: [0, 0] })).toEqual([]);
  });
});
