import { describe, expect, it } from 'vitest';
import { createDistrictLookup } from '../districts.ts';
import { haversineM } from '../walk/geo.ts';
import { assembleLive, distanceToLinesM } from './assemble.ts';
import { parseLiveTile } from './parse.ts';

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
// Two test districts either side of lon 103.8.
const lookup = createDistrictLookup({
  features: [square(103.7, 36.0, 103.8, 36.1, '620103'), square(103.8, 36.0, 103.9, 36.1, '620102')],
});
const tile = (key: string, elements: unknown[], base = '2026-11-30T00:00:00Z') =>
  parseLiveTile(
    new TextEncoder().encode(JSON.stringify({ osm3s: { timestamp_osm_base: base }, elements })),
    key,
    lookup,
  );
const river = (id: number, name: string, lat: number) => ({
  type: 'way',
  id,
  geometry: [
    { lat, lon: 103.7 },
    { lat, lon: 103.9 },
  ],
  tags: { waterway: 'river', name },
});
const bb = (w: number, s: number, e: number, n: number) => ({ minlon: w, minlat: s, maxlon: e, maxlat: n });

describe('assembleLive', () => {
  it('keeps an object answered by two tiles once, and the oldest data date', () => {
    const park = { type: 'way', id: 5, bounds: bb(103.79, 36.05, 103.81, 36.06), tags: { leisure: 'park' } };
    const a = assembleLive([tile('a', [park]), tile('b', [park], '2026-11-29T00:00:00Z')], lookup);
    expect(a.features.map((f) => f.properties.id)).toEqual(['osm-way-5']);
    expect(a.osmBase).toBe('2026-11-29T00:00:00Z');
    expect(a.river).toBe('none');
  });

  it('joins the ways of one named bridge into one, centred on their extent, with the district looked up again', () => {
    const part = (id: number, w: number, e: number) => ({
      type: 'way',
      id,
      bounds: bb(w, 36.05, e, 36.051),
      tags: { highway: 'primary', bridge: 'yes', name: '中山桥' },
    });
    const a = assembleLive(
      [
        tile('a', [part(30, 103.795, 103.799), river(1, '黄河', 36.0505)]),
        tile('b', [part(20, 103.799, 103.803)]),
      ],
      lookup,
    );
    expect(a.features).toHaveLength(1);
    const f = a.features[0]!;
    expect(f.properties.id).toBe('osm-way-20');
    expect(f.properties.source.url).toBe('https://www.openstreetmap.org/way/20');
    expect(f.geometry).toEqual({ type: 'Point', coordinates: [103.799, 36.0505] });
    expect(f.properties.district).toBe('620103');
    expect(f.properties.accuracy_m).toBe(Math.round(haversineM(103.795, 36.05, 103.803, 36.051) / 2));
  });

  it('keeps riverside sights only within 300 m of the Yellow River, ignoring other rivers when it is named', () => {
    const view = (id: number, lat: number) => ({
      type: 'node',
      id,
      lat,
      lon: 103.85,
      tags: { tourism: 'viewpoint' },
    });
    // 0.0025° ≈ 278 m, 0.0030° ≈ 334 m north of the line at 36.05.
    const elements = [
      view(1, 36.0525),
      view(2, 36.053),
      view(3, 36.0801),
      river(9, '黄河', 36.05),
      river(8, '雷坛河', 36.08),
    ];
    const a = assembleLive([tile('a', elements)], lookup);
    expect(a.river).toBe('named');
    expect(a.features.map((f) => f.properties.id)).toEqual(['osm-node-1']);
    // Without the name, every river counts (another city's data, the test extract).
    const any = assembleLive(
      [tile('a', [view(1, 36.0525), view(3, 36.0801), river(8, 'Rhein', 36.08)])],
      lookup,
    );
    expect(any.river).toBe('any');
    expect(any.features.map((f) => f.properties.id)).toEqual(['osm-node-3']);
  });

  it('measures distance to lines like the great-circle distance at city scale', () => {
    const line = {
      id: 1,
      names: '',
      coords: [
        [103.7, 36.05],
        [103.9, 36.05],
      ] as [number, number][],
    };
    const d = distanceToLinesM([line], 103.8, 36.06);
    expect(Math.abs(d - haversineM(103.8, 36.06, 103.8, 36.05))).toBeLessThan(1);
    expect(distanceToLinesM([], 103.8, 36)).toBe(Number.POSITIVE_INFINITY);
  });
});
