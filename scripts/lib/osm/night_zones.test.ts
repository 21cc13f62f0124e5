import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDistrictLookup } from '../../../src/lib/districts.ts';
import { haversineM } from '../../../src/lib/walk/geo.ts';
import { LANZHOU_BBOX } from './bbox.ts';
import { validateCandidates } from './candidates.ts';
import { pointInRing, ringArea } from './multipolygon.ts';
import {
  clusterNightZones,
  eveningEvidence,
  isNightAmenityTags,
  type NightVenue,
  nightVenues,
  nightZoneFeature,
} from './night_zones.ts';
import type { OsmElement } from './osm_elements.ts';

const districts = createDistrictLookup(
  JSON.parse(
    readFileSync(
      fileURLToPath(new URL('../../../data/boundaries/lanzhou_districts.geojson', import.meta.url)),
      'utf8',
    ),
  ),
);
/** Synthetic venues in metres east/north of (103.81, 36.055) (invented, not real places). */
const venue = (
  id: number,
  x: number,
  y: number,
  evidence: NightVenue['evidence'] = 'unknown_hours',
  name?: string,
): NightVenue => ({
  type: 'node',
  id,
  lon: 103.81 + x / 89_900,
  lat: 36.055 + y / 111_195,
  amenity: 'restaurant',
  evidence,
  ...(name ? { name } : {}),
});
/** A food street: n venues 25 m apart along x, starting at id. */
const street = (id: number, n: number, x0 = 0, y = 0, evening = 2) =>
  Array.from({ length: n }, (_, i) =>
    venue(id + i, x0 + 25 * i, y, i < evening ? 'evening_hours' : 'unknown_hours', `测试店${id + i}`),
  );

describe('eveningEvidence', () => {
  it.each([
    [{ amenity: 'restaurant', opening_hours: 'Mo-Su 17:00-02:00' }, 'evening_hours'],
    [{ amenity: 'restaurant', opening_hours: 'Mo-Fr 11:00-14:00; Sa 18:00-21:00' }, 'evening_hours'],
    [{ amenity: 'bar', opening_hours: '18:00+' }, 'evening_hours'],
    [{ amenity: 'cafe', opening_hours: 'Mo-Su 07:00-19:30' }, 'day_only'],
    [{ amenity: 'pub', opening_hours: 'Mo-Su 10:00-16:00' }, 'day_only'],
    [{ amenity: 'bar' }, 'night_kind'],
    [{ amenity: 'nightclub', opening_hours: 'not a valid value' }, 'night_kind'],
    [{ amenity: 'restaurant', opening_hours: 'call us' }, 'unknown_hours'],
    [{ amenity: 'fast_food' }, 'unknown_hours'],
  ] as const)('%o → %s', (tags, want) => {
    expect(eveningEvidence(tags)).toBe(want);
  });

  it('knows which amenities are night-time consumption', () => {
    for (const a of [
      'restaurant',
      'bar',
      'pub',
      'cafe',
      'fast_food',
      'food_court',
      'nightclub',
      'marketplace',
    ])
      expect(isNightAmenityTags({ amenity: a })).toBe(true);
    expect(isNightAmenityTags({ amenity: 'bank' })).toBe(false);
    expect(isNightAmenityTags({ shop: 'bakery' })).toBe(false);
  });
});

describe('nightVenues', () => {
  it('leaves out day-only venues and places areas at their representative point', () => {
    const els: OsmElement[] = [
      {
        type: 'node',
        id: 1,
        tags: { amenity: 'cafe', opening_hours: 'Mo-Su 08:00-12:00' },
        geometry: { type: 'Point', coordinates: [103.8, 36.05] },
      },
      {
        type: 'node',
        id: 2,
        tags: { amenity: 'bar', name: '测试吧' },
        geometry: { type: 'Point', coordinates: [103.8, 36.05] },
      },
      {
        type: 'way',
        id: 3,
        tags: { amenity: 'restaurant', building: 'yes' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [103.8, 36.05],
              [103.8002, 36.05],
              [103.8002, 36.0502],
              [103.8, 36.05],
            ],
          ],
        },
      },
      {
        type: 'node',
        id: 4,
        tags: { shop: 'clothes' },
        geometry: { type: 'Point', coordinates: [103.8, 36.05] },
      },
    ];
    const v = nightVenues(els);
    expect(v.map((x) => [x.type, x.id, x.evidence, x.name])).toEqual([
      ['node', 2, 'night_kind', '测试吧'],
      ['way', 3, 'unknown_hours', undefined],
    ]);
  });
});

describe('clusterNightZones', () => {
  it('finds a dense food street and leaves scattered venues as noise', () => {
    const venues = [
      ...street(100, 10),
      venue(900, 2000, 0, 'evening_hours'),
      venue(901, 0, 2000, 'night_kind'),
    ];
    const zones = clusterNightZones(venues);
    expect(zones).toHaveLength(1);
    const z = zones[0]!;
    expect(z.members.map((m) => m.id)).toEqual(Array.from({ length: 10 }, (_, i) => 100 + i));
    expect(z.evidence).toBe(2);
    // Every venue lies inside the outline, at least the margin from its edge.
    for (const m of z.members) expect(pointInRing(m.lon, m.lat, z.ring)).toBe(true);
    expect(ringArea(z.ring)).toBeGreaterThan(0); // counter-clockwise
    expect(z.ring[0]).toEqual(z.ring[z.ring.length - 1]);
    // The 225 m street grown by 30 m: about 285 m × 60 m.
    const xs = z.ring.map((p) => p[0]!);
    expect(haversineM(Math.min(...xs), 36.055, Math.max(...xs), 36.055)).toBeCloseTo(285, -1);
  });

  it('needs enough venues and enough evening evidence', () => {
    expect(clusterNightZones(street(1, 7))).toEqual([]); // fewer than 8
    expect(clusterNightZones(street(1, 10, 0, 0, 1))).toEqual([]); // one evening venue only
    expect(clusterNightZones(street(1, 10, 0, 0, 1), { minEvidence: 1 })).toHaveLength(1);
    // Venues 150 m apart are never neighbours at eps 100 m.
    const sparse = Array.from({ length: 12 }, (_, i) => venue(i, 150 * i, 0, 'evening_hours'));
    expect(clusterNightZones(sparse)).toEqual([]);
  });

  it('separates two streets and is deterministic whatever the input order', () => {
    const venues = [...street(200, 9, 0, 1000), ...street(100, 9)];
    const a = clusterNightZones(venues);
    const b = clusterNightZones([...venues].reverse());
    expect(a.map((z) => z.members[0]!.id)).toEqual([100, 200]);
    expect(b).toEqual(a);
  });
});

describe('nightZoneFeature', () => {
  it('is a valid everyday night_market (a cluster of eateries, never the plan night_zone) with its count, OSM as source and a map link', () => {
    const z = clusterNightZones(street(100, 10))[0]!;
    const f = nightZoneFeature(z, { districts, date: '2024-05-20' });
    expect(f.properties).toMatchObject({
      id: 'osm-night-zone-node-100',
      category: 'night_market',
      facility_type: 'food_cluster',
      name_zh: '餐饮聚集区（10 处场所）',
      name_en: 'Cluster of eateries (10 venues)',
      district: '620102',
      status: 'existing',
      accuracy_m: 30,
      source: { title: 'OpenStreetMap contributors', date: '2024-05-20' },
    });
    expect(f.properties.source.url).toMatch(
      /^https:\/\/www\.openstreetmap\.org\/#map=18\/36\.05\d+\/103\.81\d+$/,
    );
    expect(f.properties.description_zh).toMatch(/测试店100、测试店101/);
    const v = validateCandidates([f], { districts, bbox: LANZHOU_BBOX, file: 't' });
    expect(v.problems).toEqual([]);
    expect(v.features).toHaveLength(1);
  });

  it('has no district outside every district polygon, and still validates', () => {
    const far = Array.from({ length: 10 }, (_, i) => ({
      ...venue(i, 25 * i, 0, 'evening_hours'),
      lat: 37.05,
    }));
    const z = clusterNightZones(far)[0]!;
    const f = nightZoneFeature(z, { districts });
    expect(f.properties.district).toBe('');
    expect(validateCandidates([f], { districts, bbox: LANZHOU_BBOX, file: 't' }).features).toHaveLength(1);
  });
});
