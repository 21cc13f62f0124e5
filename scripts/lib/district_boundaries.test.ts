import { readFileSync } from 'node:fs';
import { area } from '@turf/area';
import { polygon } from '@turf/helpers';
import { kinks } from '@turf/kinks';
import { describe, expect, it } from 'vitest';
import { toWgs84 } from '../../src/lib/crs.ts';
import type { MapFeature, MapFeatureCollection, Position } from '../../src/lib/feature.ts';
import {
  buildDistrictFeature,
  cleanQuantisedRing,
  hasRepeatedVertex,
  orientPolygon,
  type QPoint,
  restoreCollinearVertices,
  roundRing,
  signedArea,
  totalOverlapM2,
  unionHoles,
  unionParts,
} from './district_boundaries.ts';

const SOURCE = { title: 'test source', date: '2018-03-04', url: 'https://example.org/' };

describe('cleanQuantisedRing', () => {
  it('drops repeated vertices', () => {
    const { ring, report } = cleanQuantisedRing([
      [0, 0],
      [1, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ]);
    expect(ring).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ]);
    expect(report.duplicates).toBe(1);
  });

  it('collapses A→B→A spikes, also across the seam where the ring closes', () => {
    const square: QPoint[] = [
      [2, 0],
      [2, 2],
      [0, 2],
      [0, 0],
    ];
    const mid = cleanQuantisedRing([
      [0, 0],
      [2, 0],
      [3, 0],
      [2, 0],
      [2, 2],
      [0, 2],
      [0, 0],
    ] as QPoint[]);
    expect(mid.ring).toEqual([[0, 0], ...square]);
    expect(mid.report.spikes).toBe(1);
    // The spike tip is the ring's first vertex.
    const seam = cleanQuantisedRing([
      [3, 0],
      [2, 0],
      [2, 2],
      [0, 2],
      [0, 0],
      [2, 0],
      [3, 0],
    ] as QPoint[]);
    expect(seam.ring).toEqual([
      [2, 2],
      [0, 2],
      [0, 0],
      [2, 0],
      [2, 2],
    ] as QPoint[]);
    expect(seam.report.spikes).toBe(1);
  });

  it('cuts a sub-cell pinch loop (the shape quantisation gives a narrow neck) and reports it', () => {
    const { ring, report } = cleanQuantisedRing([
      [0, 0],
      [4, 0],
      [4, 4],
      [4, 5],
      [3, 5],
      [4, 4],
      [0, 4],
      [0, 0],
    ]);
    expect(ring).toEqual([
      [0, 0],
      [4, 0],
      [4, 4],
      [0, 4],
      [0, 0],
    ]);
    expect(report.pinchLoops).toEqual([{ at: [4, 4], areaCells: 0.5 }]);
    expect(hasRepeatedVertex(ring)).toBe(false);
  });

  it('keeps a pinch loop of one cell or more for the union step', () => {
    const input: QPoint[] = [
      [0, 0],
      [4, 0],
      [4, 4],
      [6, 4],
      [6, 6],
      [4, 6],
      [4, 4],
      [0, 4],
      [0, 0],
    ];
    const { ring, report } = cleanQuantisedRing(input);
    expect(ring).toEqual(input);
    expect(report.pinchLoops).toEqual([]);
    expect(hasRepeatedVertex(ring)).toBe(true);
  });

  it('throws when a ring collapses', () => {
    expect(() =>
      cleanQuantisedRing([
        [0, 0],
        [1, 0],
        [0, 0],
      ]),
    ).toThrow(/collapsed/);
  });
});

describe('restoreCollinearVertices / unionParts', () => {
  it('puts back original vertices lying on output edges, in order', () => {
    const out = restoreCollinearVertices(
      [
        [
          [0, 0],
          [4, 0],
          [4, 4],
          [0, 0],
        ],
      ],
      [
        [3, 0],
        [1, 0],
        [2, 0],
        [2, 2],
        [5, 0],
        [1, 2],
      ],
    );
    expect(out).toEqual([
      [
        [0, 0],
        [1, 0],
        [2, 0],
        [3, 0],
        [4, 0],
        [4, 4],
        [2, 2],
        [0, 0],
      ],
    ]);
  });

  it('merges two squares sharing an edge into one CCW polygon keeping every original vertex', () => {
    const a: QPoint[] = [
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
      [0, 0],
    ];
    const b: QPoint[] = [
      [2, 0],
      [4, 0],
      [4, 2],
      [2, 2],
      [2, 0],
    ];
    const polys = unionParts([[a], [b]]);
    expect(polys).toHaveLength(1);
    const ext = polys[0]![0]!;
    expect(signedArea(ext)).toBe(8);
    const keys = new Set(ext.map((p) => p.join(',')));
    for (const p of [...a, ...b]) expect(keys.has(p.join(','))).toBe(true);
  });

  it('turns a cap that closes an inlet into a polygon with a hole (the 红古区 case)', () => {
    const u: QPoint[] = [
      [0, 0],
      [3, 0],
      [3, 3],
      [2, 3],
      [2, 1],
      [1, 1],
      [1, 3],
      [0, 3],
      [0, 0],
    ];
    const cap: QPoint[] = [
      [0, 3],
      [3, 3],
      [3, 4],
      [0, 4],
      [0, 3],
    ];
    const polys = unionParts([[u], [cap]]);
    expect(polys).toHaveLength(1);
    expect(polys[0]).toHaveLength(2);
    expect(signedArea(polys[0]![0]!)).toBe(12);
    expect(signedArea(polys[0]![1]!)).toBe(-2);
  });
});

describe('orientPolygon / roundRing', () => {
  it('makes exteriors counter-clockwise and holes clockwise', () => {
    const cwExt: Position[] = [
      [0, 0],
      [0, 4],
      [4, 4],
      [4, 0],
      [0, 0],
    ];
    const ccwHole: Position[] = [
      [1, 1],
      [2, 1],
      [2, 2],
      [1, 2],
      [1, 1],
    ];
    const [ext, hole] = orientPolygon([cwExt, ccwHole]);
    expect(signedArea(ext!)).toBeGreaterThan(0);
    expect(signedArea(hole!)).toBeLessThan(0);
    expect(orientPolygon([ext!])[0]).toEqual(ext);
  });

  it('rounds to 6 decimals and drops vertices that become equal', () => {
    expect(
      roundRing([
        [103.12345649, 36.1],
        [103.12345651, 36.1],
        [103.1234565, 36.1000001],
      ]),
    ).toEqual([
      [103.123456, 36.1],
      [103.123457, 36.1],
    ]);
  });
});

describe('buildDistrictFeature', () => {
  const square: QPoint[] = [
    [106375, 36842],
    [106375, 36844],
    [106377, 36844],
    [106377, 36842],
    [106375, 36842],
  ]; // clockwise, as the ECharts source rings are

  it('writes exactly the FeatureProps fields and a valid, closed, CCW WGS-84 ring', () => {
    const { feature, report } = buildDistrictFeature(
      { adcode: '620102', nameZh: '城关区', nameEn: 'Chengguan District', parts: [[square]] },
      { scale: 1024, ceilCorrection: true, crs: 'GCJ02', source: SOURCE, accuracyM: 150 },
    );
    expect(feature.id).toBe('district-620102');
    expect(feature.properties).toEqual({
      id: 'district-620102',
      category: 'district',
      name_zh: '城关区',
      name_en: 'Chengguan District',
      district: '620102',
      status: 'existing',
      source: SOURCE,
      accuracy_m: 150,
    });
    expect(feature.geometry.type).toBe('Polygon');
    const ring = (feature.geometry.coordinates as Position[][])[0]!;
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(ring[4]);
    expect(signedArea(ring)).toBeGreaterThan(0);
    // Each corner is the ceil-corrected GCJ-02 corner converted to WGS-84 and rounded.
    const [lon, lat] = toWgs84((106375 - 0.5) / 1024, (36842 - 0.5) / 1024, 'GCJ02');
    const r6 = (v: number) => Math.round(v * 1e6) / 1e6;
    expect(ring).toContainEqual([r6(lon), r6(lat)]);
    expect(report.kinks).toEqual([]);
    expect(report.merged).toBe(false);
    // 2 × 2 quanta ≈ 175.6 m × 217.2 m at 36°N.
    expect(report.areaKm2).toBeGreaterThan(0.037);
    expect(report.areaKm2).toBeLessThan(0.039);
  });

  it('without conversion or correction, vertices are exactly q / scale', () => {
    const { feature } = buildDistrictFeature(
      { adcode: '620105', nameZh: '安宁区', nameEn: 'Anning District', parts: [[square]] },
      { scale: 1024, ceilCorrection: false, crs: 'WGS84', source: SOURCE, accuracyM: 150 },
    );
    const ring = (feature.geometry.coordinates as Position[][])[0]!;
    expect(ring).toContainEqual([
      Math.round((106375 / 1024) * 1e6) / 1e6,
      Math.round((36842 / 1024) * 1e6) / 1e6,
    ]);
  });
});

describe('data/boundaries/lanzhou_districts.geojson (the committed build output)', () => {
  const fc: MapFeatureCollection = JSON.parse(
    readFileSync(new URL('../../data/boundaries/lanzhou_districts.geojson', import.meta.url), 'utf8'),
  );
  const polysOf = (f: MapFeature): Position[][][] =>
    f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : (f.geometry.coordinates as Position[][][]);

  it('has one feature per county-level division with exactly the FeatureProps fields', () => {
    expect(fc.features.map((f) => f.properties.district)).toEqual([
      '620102',
      '620103',
      '620104',
      '620105',
      '620111',
      '620121',
      '620122',
      '620123',
    ]);
    for (const f of fc.features) {
      expect(Object.keys(f.properties).sort()).toEqual(
        ['accuracy_m', 'category', 'district', 'id', 'name_en', 'name_zh', 'source', 'status'].sort(),
      );
      expect(f.properties.id).toBe(`district-${f.properties.district}`);
      expect(f.properties.category).toBe('district');
      expect(f.properties.status).toBe('existing');
      expect(f.properties.accuracy_m).toBeGreaterThan(0);
    }
  });

  it('has closed, correctly wound rings with ≤ 6 decimals and no self-intersections', () => {
    for (const f of fc.features) {
      for (const poly of polysOf(f)) {
        poly.forEach((ring, i) => {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[0]).toEqual(ring[ring.length - 1]);
          expect(signedArea(ring) > 0).toBe(i === 0);
          for (const [x, y] of ring) {
            expect(Math.round(x * 1e6) / 1e6).toBe(x);
            expect(Math.round(y * 1e6) / 1e6).toBe(y);
          }
        });
        expect(kinks(polygon(poly)).features).toHaveLength(0);
      }
    }
  });

  it('is a partition: no area claimed twice, no slivers between districts', () => {
    expect(Math.abs(totalOverlapM2(fc.features))).toBeLessThan(50);
    // The only hole in the union is the ~2.1 km² inlet at 享堂 on the Qinghai border (see README).
    const holes = unionHoles(fc.features).filter((h) => h.areaM2 > 1);
    expect(holes).toHaveLength(1);
    expect(area(polygon([holes[0]!.ring]))).toBeGreaterThan(2e6);
  });
});
