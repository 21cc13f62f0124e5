import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromWgs84 } from '../crs';
import { createDistrictLookup } from '../districts';
import type { Position } from '../feature';
import { checkDatum } from './datum';
import { createImportDistrictLookup } from './district_index';

const square = (w: number, s: number, e: number, n: number, district: string) => ({
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  },
  properties: { district },
});
// Synthetic shapes, not real places: one "district" and one north–south "water" band.
const district = createImportDistrictLookup({ features: [square(103.8, 36.0, 103.9, 36.1, '620102')] });
const water = createDistrictLookup({ features: [square(103.85, 36.0, 103.853, 36.1, 'water')] });

describe('checkDatum', () => {
  it('suggests GCJ-02 when points read as WGS-84 fall in water and read as GCJ-02 do not', () => {
    // True points 135 m west of the band; their GCJ-02 numbers sit ~220 m further east, in the band.
    const truth: Position[] = [36.01, 36.03, 36.05, 36.07].map((lat) => [103.8485, lat]);
    const raw = truth.map(([lon, lat]) => fromWgs84(lon, lat, 'GCJ02'));
    const r = checkDatum(raw, 'WGS84', { districts: district, water });
    expect(r.declared).toEqual({ crs: 'WGS84', outside: 0, inWater: 4 });
    expect(r.suggestion).toEqual({ crs: 'GCJ02', outside: 0, inWater: 0 });
    // Declared correctly, nothing to say.
    expect(checkDatum(raw, 'GCJ02', { districts: district, water }).suggestion).toBeNull();
  });

  it('suggests BD-09 when Baidu coordinates read as WGS-84 leave the district', () => {
    // True points 150 m inside the north-east corner; BD-09 moves them ~1 km north-east.
    const truth: Position[] = [
      [103.8983, 36.0986],
      [103.8983, 36.095],
      [103.895, 36.0986],
    ];
    const raw = truth.map(([lon, lat]) => fromWgs84(lon, lat, 'BD09'));
    const r = checkDatum(raw, 'WGS84', { districts: district });
    expect(r.declared.outside).toBe(3);
    expect(r.suggestion?.crs).toBe('BD09');
    expect(r.suggestion?.outside).toBe(0);
  });

  it('stays silent when only a few points are implausible, or none improve', () => {
    const inside: Position[] = Array.from({ length: 30 }, (_, i) => [103.82 + i * 0.001, 36.05]);
    const r = checkDatum([...inside, [116.39, 39.9]], 'WGS84', { districts: district });
    expect(r.declared.outside).toBe(1);
    expect(r.suggestion).toBeNull();
    expect(checkDatum([[116.39, 39.9]], 'WGS84', { districts: district }).suggestion).toBeNull();
  });

  it('cannot tell GCJ-02 from WGS-84 in central Lanzhou from the district boundaries alone (honest limit)', () => {
    const districts = createImportDistrictLookup(
      JSON.parse(
        readFileSync(new URL('../../../data/boundaries/lanzhou_districts.geojson', import.meta.url), 'utf8'),
      ),
    );
    const raw: Position[] = [];
    for (let lon = 103.75; lon <= 103.9; lon += 0.03)
      for (let lat = 36.03; lat <= 36.08; lat += 0.01) raw.push(fromWgs84(lon, lat, 'GCJ02'));
    const r = checkDatum(raw, 'WGS84', { districts });
    expect(r.declared.outside).toBe(0);
    expect(r.alternatives.every((a) => a.outside === 0)).toBe(true);
    expect(r.suggestion).toBeNull();
  });

  it('samples evenly when there are more points than the cap', () => {
    const raw: Position[] = Array.from({ length: 10_000 }, (_, i) => [103.81 + (i % 100) * 0.0008, 36.05]);
    expect(checkDatum(raw, 'WGS84', { districts: district }, 500).checked).toBe(500);
  });
});
