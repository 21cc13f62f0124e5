import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDistrictLookup, type DistrictCollectionLike } from '../districts.ts';
import { gridDistrictLookup } from './district_grid.ts';

const fc = JSON.parse(
  readFileSync('data/boundaries/lanzhou_districts.geojson', 'utf8'),
) as DistrictCollectionLike;
const exact = createDistrictLookup(fc);

describe('gridDistrictLookup', () => {
  it('gives the exact lookup’s answer for random points across and around Lanzhou', () => {
    const grid = gridDistrictLookup(fc, exact);
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let inside = 0;
    for (let i = 0; i < 30_000; i++) {
      const lon = 102.4 + rand() * 2.3;
      const lat = 35.4 + rand() * 1.8;
      const want = exact.districtAt(lon, lat);
      expect(grid.districtAt(lon, lat)).toBe(want);
      if (want) inside++;
    }
    expect(inside).toBeGreaterThan(5_000);
  });

  it('is exact on boundary vertices (shared borders go to the district listed first)', () => {
    const grid = gridDistrictLookup(fc, exact);
    const g = fc.features[0]!.geometry as { type: string; coordinates: number[][][] | number[][][][] };
    const ring = (
      g.type === 'Polygon' ? (g.coordinates as number[][][])[0] : (g.coordinates as number[][][][])[0]![0]
    )!;
    for (const [lon, lat] of ring.slice(0, 200))
      expect(grid.districtAt(lon!, lat!)).toBe(exact.districtAt(lon!, lat!));
  });
});
