import { distance } from '@turf/distance';
import { describe, expect, it } from 'vitest';
import { fromWgs84, geometryToWgs84, isInChinaBox, parseCrs, toWgs84 } from './crs.ts';
import type { Geometry, Position } from './feature.ts';

const metres = (a: Position, b: Position): number => distance(a, b, { units: 'meters' });

// Published test vectors, [WGS-84 lon, lat] ↔ [GCJ-02 lon, lat], from the eviltransform project's own
// tests (github.com/googollee/eviltransform, go/transform_test.go and python/test.py: "shanghai",
// "shenzhen", "beijing"). eviltransform computes the forward WGS→GCJ formula independently of gcoord and
// asserts its exact inverse within 0.5 m of these WGS points.
const GCJ_VECTORS: { name: string; wgs: Position; gcj: Position }[] = [
  { name: 'Shanghai', wgs: [121.5272106, 31.1774276], gcj: [121.531541859215, 31.17530398364597] },
  { name: 'Shenzhen', wgs: [113.912316, 22.543847], gcj: [113.9171764808363, 22.540796131694766] },
  { name: 'Beijing', wgs: [116.377817, 39.911954], gcj: [116.38404722455657, 39.91334545536069] },
];

// Published vector for WGS-84 → BD-09 (closed-form direction) from the coordtransform-rs project's tests
// (github.com/athxx/coordtransform-rs, test_wgs84_to_bd09: wgs84_to_bd09(116.404, 39.915) ==
// (116.41662724378733, 39.922699552216216)). We check the inverse lands back within 1 m.
const BD_VECTOR = {
  wgs: [116.404, 39.915] as Position,
  bd: [116.41662724378733, 39.922699552216216] as Position,
};

describe('toWgs84', () => {
  it.each(GCJ_VECTORS)(
    'converts the published GCJ-02 point for $name to WGS-84 within 1 m',
    ({ wgs, gcj }) => {
      const got = toWgs84(gcj[0], gcj[1], 'GCJ02');
      expect(metres(got, wgs)).toBeLessThan(1);
      // The offset itself is hundreds of metres, so a no-op conversion would fail the line above.
      expect(metres(gcj, wgs)).toBeGreaterThan(100);
    },
  );

  it('converts the published BD-09 point to WGS-84 within 1 m', () => {
    const got = toWgs84(BD_VECTOR.bd[0], BD_VECTOR.bd[1], 'BD09');
    expect(metres(got, BD_VECTOR.wgs)).toBeLessThan(1);
    expect(metres(BD_VECTOR.bd, BD_VECTOR.wgs)).toBeGreaterThan(1000);
  });

  it('matches the published forward vectors (WGS → GCJ/BD) to 1e-7 degrees', () => {
    for (const { wgs, gcj } of GCJ_VECTORS) {
      const got = fromWgs84(wgs[0], wgs[1], 'GCJ02');
      expect(got[0]).toBeCloseTo(gcj[0], 7);
      expect(got[1]).toBeCloseTo(gcj[1], 7);
    }
    const bd = fromWgs84(BD_VECTOR.wgs[0], BD_VECTOR.wgs[1], 'BD09');
    expect(bd[0]).toBeCloseTo(BD_VECTOR.bd[0], 7);
    expect(bd[1]).toBeCloseTo(BD_VECTOR.bd[1], 7);
  });

  it('leaves WGS-84 input untouched', () => {
    expect(toWgs84(103.82, 36.06, 'WGS84')).toEqual([103.82, 36.06]);
  });

  it.each([
    ['London', [-0.1276, 51.5072]],
    ['New York', [-73.9857, 40.7484]],
    ['Sydney', [151.2093, -33.8688]],
    ['Tokyo', [139.6917, 35.6895]],
    ['Moscow', [37.6173, 55.7558]],
  ] as [string, Position][])('leaves %s (outside China) unchanged for every CRS', (_name, p) => {
    expect(isInChinaBox(p[0], p[1])).toBe(false);
    for (const crs of ['GCJ02', 'BD09'] as const) {
      expect(toWgs84(p[0], p[1], crs)).toEqual(p);
      expect(fromWgs84(p[0], p[1], crs)).toEqual(p);
    }
  });
});

describe('round trips', () => {
  // A grid over mainland China plus a dense patch over Lanzhou.
  const points: Position[] = [];
  for (let lon = 75; lon <= 134; lon += 3.7)
    for (let lat = 19; lat <= 52; lat += 2.9) points.push([lon, lat]);
  for (let lon = 102.6; lon <= 104.4; lon += 0.13)
    for (let lat = 35.5; lat <= 37.2; lat += 0.11) points.push([lon, lat]);

  it.each(['GCJ02', 'BD09'] as const)('WGS → %s → WGS stays within 1 m everywhere', (crs) => {
    let worst = 0;
    let minShift = Number.POSITIVE_INFINITY;
    for (const p of points) {
      const there = fromWgs84(p[0], p[1], crs);
      const back = toWgs84(there[0], there[1], crs);
      worst = Math.max(worst, metres(back, p));
      minShift = Math.min(minShift, metres(there, p));
    }
    expect(worst).toBeLessThan(1);
    // Sanity: the forward step really moved every point (GCJ-02 offsets are ≥ ~100 m in China).
    expect(minShift).toBeGreaterThan(10);
  });
});

describe('geometryToWgs84', () => {
  const gcj = GCJ_VECTORS[0]!.gcj;
  const wgs = GCJ_VECTORS[0]!.wgs;
  const near = (a: Position, b: Position) => expect(metres(a, b)).toBeLessThan(1);

  it('converts every geometry type of the feature model and keeps the structure', () => {
    const geoms: Geometry[] = [
      { type: 'Point', coordinates: gcj },
      { type: 'LineString', coordinates: [gcj, gcj] },
      { type: 'MultiLineString', coordinates: [[gcj, gcj], [gcj]] },
      { type: 'Polygon', coordinates: [[gcj, gcj, gcj, gcj]] },
      { type: 'MultiPolygon', coordinates: [[[gcj, gcj, gcj, gcj]], [[gcj, gcj, gcj, gcj]]] },
    ];
    for (const g of geoms) {
      const out = geometryToWgs84(g, 'GCJ02');
      expect(out.type).toBe(g.type);
      const flat = [out.coordinates].flat(Number.POSITIVE_INFINITY) as number[];
      const flatIn = [g.coordinates].flat(Number.POSITIVE_INFINITY) as number[];
      expect(flat.length).toBe(flatIn.length);
      for (let i = 0; i < flat.length; i += 2) near([flat[i]!, flat[i + 1]!], wgs);
    }
  });

  it('does not mutate its input', () => {
    const g: Geometry = { type: 'Polygon', coordinates: [[[...gcj], [...gcj], [...gcj], [...gcj]]] };
    const copy = JSON.parse(JSON.stringify(g));
    geometryToWgs84(g, 'BD09');
    expect(g).toEqual(copy);
  });

  it('returns WGS-84 geometry unchanged in value', () => {
    const g: Geometry = { type: 'LineString', coordinates: [wgs, gcj] };
    expect(geometryToWgs84(g, 'WGS84')).toEqual(g);
  });
});

describe('parseCrs', () => {
  it.each([
    ['wgs84', 'WGS84'],
    ['WGS-84', 'WGS84'],
    ['WGS 84', 'WGS84'],
    ['EPSG:4326', 'WGS84'],
    ['epsg4326', 'WGS84'],
    ['urn:ogc:def:crs:OGC:1.3:CRS84', 'WGS84'],
    ['urn:ogc:def:crs:EPSG::4326', 'WGS84'],
    ['CGCS2000', 'WGS84'],
    ['gcj02', 'GCJ02'],
    ['GCJ-02', 'GCJ02'],
    [' gcj_02 ', 'GCJ02'],
    ['AMap', 'GCJ02'],
    ['火星坐标系', 'GCJ02'],
    ['bd09', 'BD09'],
    ['BD-09', 'BD09'],
    ['bd09ll', 'BD09'],
    ['Baidu', 'BD09'],
  ])('parses %j as %s', (text, crs) => {
    expect(parseCrs(text)).toBe(crs);
  });

  it.each(['', 'EPSG:3857', 'bd09mc', 'utm', 'wgs', 'gcj03'])('rejects %j', (text) => {
    expect(parseCrs(text)).toBeNull();
  });
});
