import { describe, expect, it } from 'vitest';
import { createDistrictLookup } from '../districts.ts';
import type { OverpassError } from '../walk/online/fetcher.ts';
import { centreOf, osmDate } from './centre.ts';
import { parseLiveTile } from './parse.ts';

// A square "district" around central Lanzhou, made for the test.
const lookup = createDistrictLookup({
  features: [
    {
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [103.7, 36.0],
            [103.9, 36.0],
            [103.9, 36.1],
            [103.7, 36.1],
            [103.7, 36.0],
          ],
        ],
      },
      properties: { district: '620102' },
    },
  ],
});
const answer = (elements: unknown[], extra: Record<string, unknown> = {}) =>
  new TextEncoder().encode(
    JSON.stringify({ osm3s: { timestamp_osm_base: '2026-11-30T08:00:00Z' }, elements, ...extra }),
  );

describe('parseLiveTile', () => {
  it('classifies, names, locates and validates facilities; rivers come back as lines', () => {
    const data = parseLiveTile(
      answer([
        { type: 'node', id: 1, lat: 36.05, lon: 103.8, tags: { leisure: 'pitch', sport: 'basketball' } },
        {
          type: 'way',
          id: 2,
          bounds: { minlat: 36.05, minlon: 103.8, maxlat: 36.06, maxlon: 103.81 },
          tags: { leisure: 'park', name: '小西湖公园', opening_hours: 'Mo-Su 06:00-22:00' },
        },
        { type: 'node', id: 3, lat: 36.05, lon: 103.8, tags: { leisure: 'pitch', access: 'private' } },
        { type: 'node', id: 4, lat: 36.05, lon: 103.8, tags: { shop: 'bakery' } },
        { type: 'node', id: 5, lat: 36.2, lon: 103.8, tags: { amenity: 'library' } },
        { type: 'node', id: 6, lat: 10, lon: 10, tags: { amenity: 'library' } },
        {
          type: 'node',
          id: 7,
          lat: 36.05,
          lon: 103.8,
          tags: { tourism: 'viewpoint', opening_hours: 'whenever' },
        },
        {
          type: 'way',
          id: 8,
          geometry: [
            { lat: 36.04, lon: 103.7 },
            { lat: 36.04, lon: 103.9 },
          ],
          tags: { waterway: 'river', name: '黄河' },
        },
        'junk',
        { type: 'node', id: 'x', tags: { leisure: 'park' } },
      ]),
      't1',
      lookup,
    );
    expect(data.osmBase).toBe('2026-11-30T08:00:00Z');
    expect(data.stats).toEqual({ elements: 10, matched: 6, notPublic: 1, invalid: 1 });
    const [court, park, outside, view] = data.candidates.map((c) => c.feature.properties);
    expect(court).toMatchObject({
      id: 'osm-node-1',
      category: 'fitness_site',
      facility_type: 'basketball',
      name_zh: '篮球场',
      name_en: 'Basketball court',
      district: '620102',
      accuracy_m: 10,
      source: {
        title: 'OpenStreetMap contributors',
        date: '2026-11-30',
        url: 'https://www.openstreetmap.org/node/1',
      },
    });
    // Half the diagonal of a 0.01° box at 36° N: ~ 755 m.
    expect(park?.accuracy_m).toBeGreaterThan(700);
    expect(park?.accuracy_m).toBeLessThan(800);
    expect(park?.opening_hours).toBe('Mo-Su 06:00-22:00');
    expect(park?.name_zh).toBe('小西湖公园');
    // North of the test district but inside Lanzhou's box: kept, in no district.
    expect(outside).toMatchObject({ id: 'osm-node-5', district: '' });
    // Unreadable opening hours are left out, never guessed.
    expect(view?.opening_hours).toBeUndefined();
    expect(data.candidates.map((c) => c.nearRiver)).toEqual([false, false, false, true]);
    expect(data.rivers).toEqual([
      {
        id: 8,
        names: '黄河|||',
        coords: [
          [103.7, 36.04],
          [103.9, 36.04],
        ],
      },
    ]);
  });

  it("fails on Overpass's runtime-error remark and on what is not an Overpass answer", () => {
    const kinds = [
      answer([], { remark: 'runtime error: Query ran out of memory in "query" at line 1.' }),
      new TextEncoder().encode('<html>busy</html>'),
      new TextEncoder().encode('{"elements": 3}'),
      new TextEncoder().encode('{"elements": ['),
    ].map((body) => {
      try {
        parseLiveTile(body, 't', lookup);
        return 'parsed';
      } catch (e) {
        return (e as OverpassError).kind;
      }
    });
    expect(kinds).toEqual(['busy', 'bad_json', 'bad_json', 'bad_json']);
  });

  it('dates and centres', () => {
    expect(osmDate('2013-08-03T19:00:02Z')).toBe('2013-08-03');
    expect(osmDate(null)).toBeUndefined();
    expect(osmDate('yesterday')).toBeUndefined();
    expect(centreOf([103.8, 36, 103.8, 36])).toEqual({ point: [103.8, 36], accuracyM: 10 });
  });
});
