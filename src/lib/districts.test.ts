import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { distance } from '@turf/distance';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createDistrictLookup, type DistrictCollectionLike } from './districts.ts';
import type { Position } from './feature.ts';

const readJson = (rel: string) => JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8'));
const FIXTURE: DistrictCollectionLike = readJson('./fixtures/districts_fixture.geojson');
const REAL: DistrictCollectionLike = readJson('../../data/boundaries/lanzhou_districts.geojson');

/** Deterministic PRNG (mulberry32) so failures reproduce. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const polygonsOf = (g: { type: string; coordinates: unknown }): Position[][][] =>
  g.type === 'Polygon' ? [g.coordinates as Position[][]] : (g.coordinates as Position[][][]);

/** Brute force: every polygon of every feature, in collection order, no index. */
function bruteDistrictAt(fc: DistrictCollectionLike, lon: number, lat: number): string | null {
  for (const f of fc.features) {
    for (const poly of polygonsOf(f.geometry)) {
      const p: Polygon = { type: 'Polygon', coordinates: poly };
      if (booleanPointInPolygon([lon, lat], p)) return f.properties.district;
    }
  }
  return null;
}

/**
 * Independent distance to a district's boundary: local equirectangular projection around the query
 * point and exact point-to-segment distance in the plane (≲0.5 % off within ~100 km).
 */
function planarDistanceToBoundaryM(
  fc: DistrictCollectionLike,
  lon: number,
  lat: number,
  adcode: string,
): number {
  const R = 6371008.8;
  const k = Math.PI / 180;
  const cos0 = Math.cos(lat * k);
  const xy = (p: Position): [number, number] => [(p[0] - lon) * k * R * cos0, (p[1] - lat) * k * R];
  let best = Number.POSITIVE_INFINITY;
  for (const f of fc.features) {
    if (f.properties.district !== adcode) continue;
    for (const ring of polygonsOf(f.geometry).flat()) {
      for (let i = 1; i < ring.length; i++) {
        const [ax, ay] = xy(ring[i - 1]!);
        const [bx, by] = xy(ring[i]!);
        const dx = bx - ax;
        const dy = by - ay;
        const t = Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy || 1)));
        best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
      }
    }
  }
  return best;
}

describe('createDistrictLookup on the synthetic fixture', () => {
  const lookup = createDistrictLookup(FIXTURE);

  it('lists adcodes in collection order', () => {
    expect(lookup.adcodes).toEqual(['900001', '900002', '900003']);
  });

  it('finds the district of interior points, respecting holes and multipolygon parts', () => {
    expect(lookup.districtAt(103.02, 36.1)).toBe('900001'); // A's ring around the hole
    expect(lookup.districtAt(103.1, 36.1)).toBe('900002'); // B's part inside A's hole
    expect(lookup.districtAt(103.06, 36.06)).toBeNull(); // in A's hole but outside B
    expect(lookup.districtAt(103.55, 36.05)).toBe('900002'); // B's far part
    expect(lookup.districtAt(103.3, 36.1)).toBe('900003');
    expect(lookup.districtAt(103.45, 36.1)).toBeNull();
    expect(lookup.districtAt(0, 0)).toBeNull();
    expect(lookup.districtAt(Number.NaN, 36.1)).toBeNull();
  });

  it('gives a point on a shared border to the district listed first', () => {
    expect(lookup.districtAt(103.2, 36.1)).toBe('900001');
    expect(createDistrictLookup({ features: [...FIXTURE.features].reverse() }).districtAt(103.2, 36.1)).toBe(
      '900003',
    );
  });

  it('measures 0 inside and metres to the boundary outside', () => {
    expect(lookup.distanceToDistrictM(103.02, 36.1, '900001')).toBe(0);
    expect(lookup.distanceToDistrictM(103.2, 36.1, '900003')).toBe(0); // on the border
    // 0.1° of longitude east of C's east edge, same latitude.
    const expected = distance([103.4, 36.1], [103.5, 36.1], { units: 'meters' });
    expect(lookup.distanceToDistrictM(103.5 - 1e-9, 36.1, '900003')).toBeCloseTo(expected, -1);
    // Inside A's hole: the nearest boundary of A is the hole's ring, 0.01° away.
    const toHole = lookup.distanceToDistrictM(103.06, 36.1, '900001');
    expect(toHole).toBeCloseTo(distance([103.05, 36.1], [103.06, 36.1], { units: 'meters' }), -1);
  });

  it('throws on an unknown adcode', () => {
    expect(() => lookup.distanceToDistrictM(103, 36, '999999')).toThrow(RangeError);
  });

  it('handles an empty collection', () => {
    const empty = createDistrictLookup({ features: [] });
    expect(empty.districtAt(103, 36)).toBeNull();
    expect(empty.adcodes).toEqual([]);
  });

  it('agrees with brute force on 5,000 random points', () => {
    const r = rng(1);
    for (let i = 0; i < 5000; i++) {
      const lon = 102.95 + r() * 0.7;
      const lat = 35.95 + r() * 0.3;
      expect(lookup.districtAt(lon, lat)).toBe(bruteDistrictAt(FIXTURE, lon, lat));
    }
  });
});

describe('createDistrictLookup on data/boundaries/lanzhou_districts.geojson', () => {
  const lookup = createDistrictLookup(REAL);

  it('has the eight county-level divisions of 兰州市', () => {
    expect([...lookup.adcodes].sort()).toEqual([
      '620102',
      '620103',
      '620104',
      '620105',
      '620111',
      '620121',
      '620122',
      '620123',
    ]);
  });

  // The brief's 中山桥 point, each district's AMap centre (`cp` in the source, GCJ-02, converted to
  // WGS-84 — the build script checks the same), and cities outside 兰州市.
  it.each([
    ['中山桥 area', 103.82, 36.06, '620102'],
    ['城关区 centre', 103.82288, 36.05777, '620102'],
    ['七里河区 centre', 103.78345, 36.06639, '620103'],
    ['西固区 centre', 103.62568, 36.08894, '620104'],
    ['安宁区 centre', 103.71657, 36.10481, '620105'],
    ['红古区 centre', 102.85754, 36.34598, '620111'],
    ['永登县 centre', 103.25808, 36.73648, '620121'],
    ['皋兰县 centre', 103.94498, 36.33296, '620122'],
    ['榆中县 centre', 104.10972, 35.84314, '620123'],
    ['西宁', 101.78, 36.62, null],
    ['临夏市', 103.21, 35.6, null],
    ['定西市', 104.62, 35.58, null],
  ] as [string, number, number, string | null][])('%s (%f, %f) → %s', (_name, lon, lat, adcode) => {
    expect(lookup.districtAt(lon, lat)).toBe(adcode);
    if (adcode) expect(lookup.distanceToDistrictM(lon, lat, adcode)).toBe(0);
  });

  it('agrees with brute force on 3,000 random points over the city', () => {
    const r = rng(42);
    let inside = 0;
    for (let i = 0; i < 3000; i++) {
      const lon = 102.5 + r() * 2.0;
      const lat = 35.5 + r() * 1.6;
      const got = lookup.districtAt(lon, lat);
      expect(got).toBe(bruteDistrictAt(REAL, lon, lat));
      if (got) inside += 1;
    }
    // The random box is mostly city: make sure the test exercised real hits.
    expect(inside).toBeGreaterThan(1000);
  });

  it('distanceToDistrictM matches an independent planar computation outside, and is 0 inside', () => {
    const r = rng(7);
    let checked = 0;
    for (let i = 0; i < 300; i++) {
      const lon = 103.4 + r() * 0.8;
      const lat = 35.8 + r() * 0.5;
      for (const adcode of ['620102', '620105']) {
        const d = lookup.distanceToDistrictM(lon, lat, adcode);
        if (lookup.districtAt(lon, lat) === adcode) {
          expect(d).toBe(0);
        } else {
          const ref = planarDistanceToBoundaryM(REAL, lon, lat, adcode);
          expect(Math.abs(d - ref)).toBeLessThan(1 + ref * 0.005);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
  });
});
