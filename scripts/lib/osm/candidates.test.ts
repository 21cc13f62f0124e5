import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDistrictLookup, type DistrictLookup } from '../../../src/lib/districts.ts';
import { LANZHOU_BBOX } from './bbox.ts';
import {
  CANDIDATE_RULES,
  candidateNames,
  candidateRuleOf,
  elementCandidate,
  osmCandidates,
  representativePoint,
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

describe('rules table', () => {
  it('maps the OSM tags of the issue to categories, first match wins', () => {
    expect(
      CANDIDATE_RULES.map((r) => `${r.key}=${r.value}→${r.category}${r.nearRiver ? ' (river)' : ''}`),
    ).toEqual([
      'leisure=park→youth_park',
      'leisure=fitness_station→fitness_site',
      'leisure=sports_centre→fitness_site',
      'leisure=pitch→fitness_site',
      'leisure=track→fitness_site',
      'tourism=viewpoint→checkin_spot (river)',
      'tourism=attraction→checkin_spot (river)',
    ]);
    expect(candidateRuleOf({ leisure: 'park', tourism: 'attraction' })?.category).toBe('youth_park');
    expect(candidateRuleOf({ leisure: 'playground' })).toBeUndefined();
  });
});

describe('candidateNames', () => {
  it('falls back through name:zh, name, name:en and never invents one', () => {
    expect(candidateNames({ name: '五泉山公园', 'name:en': 'Wuquan Park' })).toEqual({
      name_zh: '五泉山公园',
      name_en: 'Wuquan Park',
    });
    expect(candidateNames({ name: 'X', 'name:zh': '甲' })).toEqual({ name_zh: '甲', name_en: 'X' });
    expect(candidateNames({ 'name:en': 'Only English' })).toEqual({
      name_zh: 'Only English',
      name_en: 'Only English',
    });
    expect(candidateNames({ 'name:zh-Hans': '乙' })).toEqual({ name_zh: '乙', name_en: '乙' });
    expect(candidateNames({ name: '  ' })).toBeNull();
    expect(candidateNames({ leisure: 'park' })).toBeNull();
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
    expect(r.feature?.properties.description_en).toMatch(
      /Candidate from OpenStreetMap \(leisure=fitness_station\)/,
    );
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

  it('skips what has no name, is private, is far from the river or outside Lanzhou', () => {
    expect(elementCandidate(node(1, { leisure: 'park' }), ctx)).toEqual({ skip: 'no_name' });
    expect(elementCandidate(node(2, { leisure: 'pitch', name: 'x', access: 'private' }), ctx)).toEqual({
      skip: 'not_public',
    });
    expect(elementCandidate(node(3, { tourism: 'viewpoint', name: 'far' }, 103.8, 36.06), ctx)).toEqual({
      skip: 'far_from_river',
    });
    const near = elementCandidate(node(4, { tourism: 'viewpoint', name: 'near' }, 103.8, 36.052), ctx);
    expect(near.feature?.properties.category).toBe('checkin_spot');
    expect(near.feature?.properties.description_zh).toMatch(/距河约 220 米/);
    expect(elementCandidate(node(5, { leisure: 'park', name: 'north' }, 103.0, 37.05), ctx)).toEqual({
      skip: 'outside_districts',
    });
    expect(elementCandidate(node(6, { amenity: 'cafe', name: 'c' }), ctx)).toEqual({});
  });
});

describe('osmCandidates', () => {
  it('returns only features the shared validator accepts, and counts the rest', () => {
    const r = osmCandidates(
      [
        node(1, { leisure: 'park', name: '测试公园' }),
        node(1, { leisure: 'park', name: '测试公园（重复）' }), // same id twice: the validator refuses the second
        node(2, { leisure: 'park' }),
        node(3, { tourism: 'attraction', name: 'far' }, 103.8, 36.07),
      ],
      { ...ctx, bbox: LANZHOU_BBOX },
    );
    expect(r.features.map((f) => f.properties.name_zh)).toEqual(['测试公园']);
    expect(r.skipped).toEqual({
      no_name: 1,
      not_public: 0,
      far_from_river: 1,
      outside_districts: 0,
      invalid: 1,
    });
    expect(r.problems[0]).toMatch(/osm-node-1/);
  });
});
