import { describe, expect, it } from 'vitest';
import { parseRiverFile, RIVER_DECIMALS, riverFileOf } from './river_file';

const way = (id: number, lines: number[][][], name: string | null = 'Rhein') => ({ id, name, lines });

describe('riverFileOf', () => {
  it('writes each way with its OSM id, name, source and date, rounded to 1e-6 degrees', () => {
    const f = riverFileOf(
      [
        way(7, [
          [
            [9.51234567, 47.12345649],
            [9.5123461, 47.1234559],
            [9.52, 47.13],
          ],
        ]),
      ],
      { match: 'any', date: '2013-08-03' },
    );
    expect(RIVER_DECIMALS).toBe(6);
    expect(f).toEqual({
      type: 'FeatureCollection',
      match: 'any',
      attribution: '© OpenStreetMap contributors',
      extract_date: '2013-08-03',
      features: [
        {
          type: 'Feature',
          id: 'osm-way-7',
          properties: {
            osm_way: 7,
            name: 'Rhein',
            source: {
              title: 'OpenStreetMap contributors',
              date: '2013-08-03',
              url: 'https://www.openstreetmap.org/way/7',
            },
          },
          // The second point is the first after rounding: dropped, not written twice.
          geometry: {
            type: 'LineString',
            coordinates: [
              [9.512346, 47.123456],
              [9.52, 47.13],
            ],
          },
        },
      ],
    });
  });

  it('keeps a way split by missing nodes as a MultiLineString, drops lines that round to a point', () => {
    const f = riverFileOf(
      [
        way(
          1,
          [
            [
              [1, 1],
              [1.1, 1],
            ],
            [
              [2, 2],
              [2.0000001, 2],
            ],
            [
              [3, 3],
              [3.1, 3],
            ],
          ],
          null,
        ),
      ],
      { match: 'named', date: null },
    );
    const g = f?.features[0]?.geometry;
    expect(g?.type).toBe('MultiLineString');
    expect(g?.coordinates).toHaveLength(2);
    expect(f?.features[0]?.properties.source).not.toHaveProperty('date');
  });

  it('writes nothing without river lines', () => {
    expect(riverFileOf([], { match: 'none', date: null })).toBeNull();
    expect(riverFileOf([way(1, [[[1, 1]]])], { match: 'any', date: null })).toBeNull();
  });
});

describe('parseRiverFile', () => {
  const file = riverFileOf(
    [
      way(5, [
        [
          [103.8, 36.05],
          [103.81, 36.05],
        ],
      ]),
      way(6, [
        [
          [103.81, 36.05],
          [103.82, 36.06],
        ],
      ]),
    ],
    { match: 'named', date: '2026-11-30' },
  );

  it('reads what the importer writes, by way id', () => {
    const r = parseRiverFile(JSON.parse(JSON.stringify(file)));
    expect('river' in r).toBe(true);
    if (!('river' in r)) return;
    expect(r.river.named).toBe(true);
    expect(r.river.date).toBe('2026-11-30');
    expect([...r.river.ways.keys()]).toEqual([5, 6]);
    expect(r.river.ways.get(6)).toEqual([
      [
        [103.81, 36.05],
        [103.82, 36.06],
      ],
    ]);
  });

  it('keeps the extract date only when it is a YYYY-MM-DD date', () => {
    for (const [value, date] of [
      [null, null],
      ['30 Nov 2026', null],
      [20261130, null],
    ] as const) {
      const r = parseRiverFile({ ...JSON.parse(JSON.stringify(file)), extract_date: value });
      expect('river' in r && r.river.date).toBe(date);
    }
  });

  const broken = (edit: (f: Record<string, unknown>) => void) => {
    const f = JSON.parse(JSON.stringify(file)) as Record<string, unknown>;
    edit(f);
    return f;
  };
  const feature0 = (f: Record<string, unknown>) => (f.features as Record<string, never>[])[0] as never;
  it.each([
    ['not an object', null, /FeatureCollection/],
    ['no features', broken((f) => delete f.features), /FeatureCollection/],
    ['no attribution', broken((f) => delete f.attribution), /attribution/],
    ['another match', broken((f) => (f.match = 'none')), /match/],
    [
      'no way id',
      broken((f) => {
        (feature0(f) as { properties: { osm_way: unknown } }).properties.osm_way = '5';
      }),
      /feature 0 has no OSM way id/,
    ],
    [
      'a point instead of a line',
      broken((f) => {
        (feature0(f) as { geometry: unknown }).geometry = { type: 'Point', coordinates: [1, 2] };
      }),
      /way 5 is not a line/,
    ],
    [
      'a latitude past the pole',
      broken((f) => {
        (feature0(f) as { geometry: { coordinates: number[][] } }).geometry.coordinates[0] = [103.8, 96];
      }),
      /way 5 is not a line/,
    ],
    [
      'a one-point line',
      broken((f) => {
        (feature0(f) as { geometry: { coordinates: number[][] } }).geometry.coordinates.pop();
      }),
      /way 5 is not a line/,
    ],
  ])('refuses %s', (_what, value, message) => {
    const r = parseRiverFile(value);
    expect('error' in r && r.error).toMatch(message);
  });
});
