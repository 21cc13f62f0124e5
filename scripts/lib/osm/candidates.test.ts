import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDistrictLookup, type DistrictLookup } from '../../../src/lib/districts.ts';
import { LANZHOU_BBOX } from './bbox.ts';
import {
  elementCandidate,
  isCandidateTags,
  osmCandidates,
  representativePoint,
  ruleTagsOf,
} from './candidates.ts';
import type { OsmElement } from './osm_elements.ts';
import { riverGeometries } from './river.ts';

const boundaries = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../../../data/boundaries/lanzhou_districts.geojson', import.meta.url)),
    'utf8',
  ),
);
const lanzhou: DistrictLookup = createDistrictLookup(boundaries);

// Synthetic elements in the fixtures' frame near (103.80, 36.05) (invented, not real places).
const node = (id: number, tags: Record<string, string>, lon = 103.801, lat = 36.0515): OsmElement => ({
  type: 'node',
  id,
  tags,
  geometry: { type: 'Point', coordinates: [lon, lat] },
});
const river = riverGeometries([
  {
    type: 'way',
    id: 1,
    tags: { waterway: 'river', name: '黄河' },
    geometry: {
      type: 'LineString',
      coordinates: [
        [103.79, 36.05],
        [103.82, 36.05],
      ],
    },
  },
]);
const ctx = { districts: lanzhou, river, date: '2024-05-20' };

describe('isCandidateTags', () => {
  it('keeps what the rules module classifies, and nothing else', () => {
    expect(isCandidateTags({ leisure: 'pitch' })).toBe(true);
    expect(isCandidateTags({ amenity: 'library' })).toBe(true);
    expect(isCandidateTags({ highway: 'footway', bridge: 'yes', name: 'B' })).toBe(true);
    expect(isCandidateTags({ highway: 'footway', bridge: 'yes' })).toBe(false);
    expect(isCandidateTags({ leisure: 'track', sport: 'motor' })).toBe(false);
    expect(isCandidateTags({ leisure: 'playground' })).toBe(false);
  });
});

describe('ruleTagsOf', () => {
  it('quotes the tags the type was recognised by, cut short', () => {
    expect(ruleTagsOf({ leisure: 'pitch', sport: 'basketball', surface: 'asphalt' }, 'basketball')).toEqual([
      'leisure=pitch',
      'sport=basketball',
    ]);
    expect(ruleTagsOf({ leisure: 'pitch' }, 'pitch')).toEqual(['leisure=pitch']);
    expect(ruleTagsOf({ amenity: 'library', name: 'x' }, 'library')).toEqual(['amenity=library']);
    expect(ruleTagsOf({ tourism: 'viewpoint', name: 'v' }, 'viewpoint')).toEqual(['tourism=viewpoint']);
    expect(ruleTagsOf({ amenity: 'x'.repeat(100) }, 'library')[0]).toHaveLength('amenity='.length + 60);
  });
});

describe('representativePoint', () => {
  it('gives nodes 10 m and areas half their bounding-box diagonal', () => {
    expect(representativePoint({ type: 'Point', coordinates: [103.8, 36.05] })).toEqual({
      point: [103.8, 36.05],
      accuracyM: 10,
    });
    // 0.002° × 0.002° square: diagonal ≈ √(180² + 222²) ≈ 286 m → 143 m.
    const sq = representativePoint({
      type: 'Polygon',
      coordinates: [
        [
          [103.8, 36.05],
          [103.802, 36.05],
          [103.802, 36.052],
          [103.8, 36.052],
          [103.8, 36.05],
        ],
      ],
    });
    expect(sq.accuracyM).toBeGreaterThan(140);
    expect(sq.accuracyM).toBeLessThan(146);
    expect(sq.point[0]).toBeCloseTo(103.801, 3);
    const ln = representativePoint({
      type: 'LineString',
      coordinates: [
        [103.8, 36.05],
        [103.8, 36.06],
      ],
    });
    expect(ln.point[1]).toBeCloseTo(36.055, 6);
    expect(ln.accuracyM).toBe(556);
  });
});

describe('elementCandidate', () => {
  it('builds a valid existing feature with OSM as source, URL and honest accuracy', () => {
    const r = elementCandidate(
      node(42, {
        leisure: 'fitness_station',
        name: '测试健身点',
        opening_hours: 'Mo-Su 06:00-21:00',
        'addr:street': '测试路',
        'addr:housenumber': '8号',
      }),
      ctx,
    );
    expect(r.feature?.properties).toMatchObject({
      id: 'osm-node-42',
      category: 'fitness_site',
      facility_type: 'fitness_station',
      name_zh: '测试健身点',
      name_en: '测试健身点',
      district: '620103',
      status: 'existing',
      source: {
        title: 'OpenStreetMap contributors',
        date: '2024-05-20',
        url: 'https://www.openstreetmap.org/node/42',
      },
      accuracy_m: 10,
      opening_hours: 'Mo-Su 06:00-21:00',
      address_zh: '测试路8号',
    });
    expect(r.feature?.properties.description_en).toBe(
      'From OpenStreetMap (leisure=fitness_station); not checked on the ground.',
    );
  });

  it('names an unnamed facility by its tags, says so, and takes the sport from sport=*', () => {
    const r = elementCandidate(node(44, { leisure: 'pitch', sport: 'basketball;soccer' }), ctx);
    expect(r.feature?.properties).toMatchObject({
      category: 'fitness_site',
      facility_type: 'basketball',
      name_zh: '篮球场',
      name_en: 'Basketball court',
      description_zh:
        'OpenStreetMap 中没有名称，按其标签命名（leisure=pitch，sport=basketball;soccer），未经实地核实。',
      description_en:
        'Unnamed in OpenStreetMap, named by its tags (leisure=pitch, sport=basketball;soccer); not checked on the ground.',
    });
    expect(elementCandidate(node(45, { leisure: 'park' }), ctx).feature?.properties).toMatchObject({
      category: 'park',
      facility_type: 'park',
      name_en: 'Park',
    });
  });

  it('drops opening_hours that do not parse, and the date when the extract has none', () => {
    const r = elementCandidate(
      node(43, { leisure: 'pitch', name: 'P', opening_hours: 'when the gate is open' }),
      {
        districts: lanzhou,
        river,
      },
    );
    expect(r.feature?.properties.opening_hours).toBeUndefined();
    expect(r.feature?.properties.source).toEqual({
      title: 'OpenStreetMap contributors',
      url: 'https://www.openstreetmap.org/node/43',
    });
  });

  it('skips what is private or far from the river; keeps what lies outside every district, without one', () => {
    expect(elementCandidate(node(2, { leisure: 'pitch', name: 'x', access: 'private' }), ctx)).toEqual({
      skip: 'not_public',
    });
    expect(elementCandidate(node(7, { leisure: 'pitch', access: 'no' }), ctx)).toEqual({
      skip: 'not_public',
    });
    expect(elementCandidate(node(3, { tourism: 'viewpoint', name: 'far' }, 103.8, 36.06), ctx)).toEqual({
      skip: 'far_from_river',
    });
    const near = elementCandidate(node(4, { tourism: 'viewpoint', name: 'near' }, 103.8, 36.052), ctx);
    expect(near.feature?.properties).toMatchObject({ category: 'riverside', facility_type: 'viewpoint' });
    expect(near.feature?.properties.description_zh).toMatch(/距河约 220 米/);
    const north = elementCandidate(node(5, { leisure: 'park', name: 'north' }, 103.0, 37.05), ctx);
    expect(north.feature?.properties).toMatchObject({ category: 'park', district: '' });
    expect(elementCandidate(node(6, { amenity: 'cafe', name: 'c' }), ctx)).toEqual({});
  });
});

/** A way along x = [x0, x1] metres east of (103.80, 36.05) at y metres north. */
const way = (id: number, tags: Record<string, string>, x0: number, x1: number, y = 0): OsmElement => ({
  type: 'way',
  id,
  tags,
  geometry: {
    type: 'LineString',
    coordinates: [
      [103.8 + x0 / 89_904.7, 36.05 + y / 111_194.9],
      [103.8 + x1 / 89_904.7, 36.05 + y / 111_194.9],
    ],
  },
});
const square = (d: number): [number, number][] => [
  [103.801, 36.0515],
  [103.801 + d, 36.0515],
  [103.801 + d, 36.0515 + d],
  [103.801, 36.0515 + d],
  [103.801, 36.0515],
];

describe('osmCandidates', () => {
  it('returns only features the shared validator accepts, and counts the rest', () => {
    const r = osmCandidates(
      [
        node(1, { leisure: 'park', name: '测试公园' }),
        node(1, { leisure: 'park', name: '测试公园（重复）' }), // same id twice: the validator refuses the second
        node(2, { leisure: 'park' }),
        node(3, { tourism: 'attraction', name: 'far' }, 103.8, 36.07),
        node(4, { leisure: 'pitch', access: 'private' }),
      ],
      { ...ctx, bbox: LANZHOU_BBOX },
    );
    expect(r.features.map((f) => f.properties.name_zh)).toEqual(['测试公园', '公园']);
    expect(r.skipped).toEqual({
      not_public: 1,
      far_from_river: 1,
      same_as_relation: 0,
      bridge_part: 0,
      invalid: 1,
    });
    expect(r.problems[0]).toMatch(/osm-node-1/);
  });

  it('writes a multipolygon once when its outer way carries the same tags', () => {
    const rel: OsmElement = {
      type: 'relation',
      id: 9,
      tags: { type: 'multipolygon', leisure: 'pitch', sport: 'tennis' },
      geometry: { type: 'Polygon', coordinates: [square(0.001)] },
      outerWays: [90],
    };
    const outer: OsmElement = {
      type: 'way',
      id: 90,
      tags: { leisure: 'pitch', sport: 'tennis' },
      geometry: { type: 'Polygon', coordinates: [square(0.001)] },
    };
    // An outer way tagged as another kind of facility is a facility of its own.
    const other: OsmElement = { ...outer, id: 91, tags: { leisure: 'park' } };
    const r = osmCandidates([outer, other, rel], { ...ctx, bbox: LANZHOU_BBOX });
    expect(r.features.map((f) => f.properties.id)).toEqual(['osm-way-91', 'osm-relation-9']);
    expect(r.skipped.same_as_relation).toBe(1);
    const r2 = osmCandidates([outer, { ...rel, outerWays: [91] }], { ...ctx, bbox: LANZHOU_BBOX });
    expect(r2.features.map((f) => f.properties.id)).toEqual(['osm-way-90', 'osm-relation-9']);
  });

  it('joins the parts of one named bridge, and keeps same-named bridges far apart separate', () => {
    const bridge = { highway: 'primary', bridge: 'yes', name: '测试大桥' };
    const r = osmCandidates(
      [
        way(12, bridge, 0, 300, 20), // the other carriageway, 20 m north
        way(11, bridge, 0, 300),
        way(13, bridge, 300, 400), // the next segment, sharing the end vertex
        way(14, bridge, 1500, 1600), // a second bridge of the same name, 1.1 km east
        way(15, { highway: 'footway', bridge: 'yes' }, 0, 50), // unnamed: not a bridge feature
      ],
      { ...ctx, bbox: LANZHOU_BBOX },
    );
    expect(r.features.map((f) => f.properties.id)).toEqual(['osm-way-11', 'osm-way-14']);
    expect(r.skipped.bridge_part).toBe(2);
    const joined = r.features[0]!.properties;
    expect(joined).toMatchObject({ category: 'riverside', facility_type: 'bridge', name_zh: '测试大桥' });
    expect(joined.source.url).toBe('https://www.openstreetmap.org/way/11');
    expect(joined.description_en).toMatch(/Drawn in OpenStreetMap as 3 objects: way\/11, way\/12, way\/13\./);
    // Half the diagonal of the joined extent (400 m × 20 m), not of one part.
    expect(joined.accuracy_m).toBe(200);
    expect(r.features[1]!.properties.description_en).not.toMatch(/Drawn/);
  });
});
