import { readFileSync } from 'node:fs';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import distance from '@turf/distance';
import OpeningHours from 'opening_hours';
import { describe, expect, it } from 'vitest';
import type { Position } from './feature';
import {
  type DistrictLookup,
  displayValue,
  formatIssue,
  isNestedTooDeeply,
  isSafeUrl,
  MAX_STRING_LENGTH,
  parseGeoJsonText,
  validateFeature,
  validateGeoJson,
} from './validate';

const where = { key: 'err.feature_where' as const, params: { file: 't.geojson', index: 1 } };
const props = (over: Record<string, unknown> = {}) => ({
  id: 'p1',
  category: 'checkin_spot',
  name_zh: '测试点',
  name_en: 'Test spot',
  district: '620102',
  status: 'existing',
  accuracy_m: 50,
  source: { title: 'A source', date: '2024-03-19', url: 'https://example.org/a' },
  ...over,
});
const point = (coordinates: unknown, over = {}) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates },
  properties: props(over),
});
const polygon = (ring: Position[], over = {}) => ({
  type: 'Feature',
  geometry: { type: 'Polygon', coordinates: [ring] },
  properties: props({ category: 'night_zone', ...over }),
});
const keys = (r: { issues: { key: string }[] }) => r.issues.map((i) => i.key);

// A lookup over the fixture's two square "districts", brute force (the real one is src/lib/districts.ts).
const squares = JSON.parse(
  readFileSync(new URL('./fixtures/two_squares_districts.geojson', import.meta.url), 'utf8'),
);
const lookup: DistrictLookup = {
  districtAt: (lon, lat) =>
    squares.features.find((f: never) => booleanPointInPolygon([lon, lat], f))?.properties.district ?? null,
  distanceToDistrictM: (lon, lat, code) => {
    const f = squares.features.find(
      (x: { properties: { district: string } }) => x.properties.district === code,
    );
    if (booleanPointInPolygon([lon, lat], f)) return 0;
    const [[w, s], , [e, n]] = f.geometry.coordinates[0];
    const nearest = [Math.min(Math.max(lon, w), e), Math.min(Math.max(lat, s), n)];
    return distance([lon, lat], nearest, { units: 'meters' });
  },
};

describe('validateFeature', () => {
  it('accepts a good point and keeps only known properties', () => {
    const raw = point([103.82, 36.06], { extra: '<img src=x>' });
    const r = validateFeature(raw, where, { file: 't' });
    expect(r.issues).toEqual([]);
    expect(r.feature?.properties).not.toHaveProperty('extra');
    expect(r.feature?.id).toBe('p1');
  });

  it('names swapped, out-of-range, non-numeric and out-of-Lanzhou coordinates', () => {
    expect(keys(validateFeature(point([36.06, 103.82]), where, { file: 't' }))).toEqual([
      'err.coord_swapped',
    ]);
    expect(keys(validateFeature(point([200, 36]), where, { file: 't' }))).toEqual(['err.coord_range']);
    expect(keys(validateFeature(point(['103.8', null]), where, { file: 't' }))).toEqual([
      'err.coord_invalid',
    ]);
    expect(keys(validateFeature(point([Number.NaN, 36]), where, { file: 't' }))).toEqual([
      'err.coord_invalid',
    ]);
    expect(keys(validateFeature(point([116.39, 39.9]), where, { file: 't' }))).toEqual([
      'err.outside_lanzhou',
    ]);
  });

  it('rejects unclosed, short and self-intersecting rings, and rewinds clockwise outer rings', () => {
    const unclosed: Position[] = [
      [103.81, 36.01],
      [103.82, 36.01],
      [103.82, 36.02],
      [103.81, 36.02],
    ];
    expect(keys(validateFeature(polygon(unclosed), where, { file: 't' }))).toEqual(['err.ring_unclosed']);
    expect(keys(validateFeature(polygon(unclosed.slice(0, 2)), where, { file: 't' }))).toEqual([
      'err.ring_short',
    ]);
    const bowtie: Position[] = [
      [103.81, 36.01],
      [103.82, 36.02],
      [103.82, 36.01],
      [103.81, 36.02],
      [103.81, 36.01],
    ];
    const r = validateFeature(polygon(bowtie), where, { file: 't' });
    expect(keys(r)).toEqual(['err.ring_self_intersection']);
    expect(formatIssue(r.issues[0]!, 'en')).toContain('103.815, 36.015');
    const clockwise: Position[] = [
      [103.81, 36.01],
      [103.81, 36.02],
      [103.82, 36.02],
      [103.82, 36.01],
      [103.81, 36.01],
    ];
    const ok = validateFeature(polygon(clockwise), where, { file: 't' });
    expect(ok.issues).toEqual([]);
    expect(ok.feature?.geometry.coordinates).toEqual([[...clockwise].reverse()]);
  });

  it('checks categories, status, district codes, urls, dates and accuracy', () => {
    const bad = validateFeature(
      point([103.82, 36.06], {
        category: 'fitness_circle',
        status: 'done',
        district: '110101',
        accuracy_m: -5,
        source: { title: 'x', url: 'javascript:alert(1)', date: 'yesterday' },
      }),
      where,
      { file: 't' },
    );
    expect(keys(bad).sort()).toEqual(
      ['err.category', 'err.district', 'err.field_type', 'err.field_type', 'err.status', 'err.url'].sort(),
    );
    expect(isSafeUrl('https://a.b/c')).toBe(true);
    expect(isSafeUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeUrl('/relative')).toBe(false);
  });

  it('validates opening_hours with the real parser', () => {
    const check = (v: string) => {
      try {
        new OpeningHours(v);
        return true;
      } catch {
        return false;
      }
    };
    const good = validateFeature(point([103.82, 36.06], { opening_hours: 'Mo-Su 18:00-02:00' }), where, {
      file: 't',
      checkOpeningHours: check,
    });
    expect(good.issues).toEqual([]);
    const bad = validateFeature(point([103.82, 36.06], { opening_hours: 'evenings, mostly' }), where, {
      file: 't',
      checkOpeningHours: check,
    });
    expect(keys(bad)).toEqual(['err.opening_hours']);
  });

  it('rejects a point outside its claimed district beyond tolerance plus accuracy', () => {
    // 103.75 lies in 620103, ~4.5 km west of 620102.
    const r = validateFeature(point([103.75, 36.05]), where, { file: 't', districts: lookup });
    expect(keys(r)).toEqual(['err.outside_district']);
    expect(formatIssue(r.issues[0]!, 'zh')).toContain('七里河区');
    // 100 m west of the boundary with 50 m accuracy: inside the 300 m tolerance.
    const near = validateFeature(point([103.7989, 36.05]), where, { file: 't', districts: lookup });
    expect(near.issues).toEqual([]);
    const strict = validateFeature(point([103.7989, 36.05]), where, {
      file: 't',
      districts: lookup,
      districtToleranceM: 0,
    });
    expect(keys(strict)).toEqual(['err.outside_district']);
  });

  it('refuses deeply nested properties', () => {
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 20; i++) deep = { deep };
    expect(keys(validateFeature(point([103.82, 36.06], { deep }), where, { file: 't' }))).toEqual([
      'err.nesting',
    ]);
  });
});

describe('validateGeoJson / parseGeoJsonText', () => {
  it('reports duplicate ids with the first location', () => {
    const seenIds = new Map<string, string>();
    const r = validateGeoJson(
      { type: 'FeatureCollection', features: [point([103.82, 36.06]), point([103.83, 36.06])] },
      {
        file: 'a.geojson',
        seenIds,
      },
    );
    expect(r.features).toHaveLength(1);
    expect(formatIssue(r.issues[0]!, 'en')).toBe(
      'a.geojson feature 2: the id p1 is a duplicate (first seen at a.geojson feature 1)',
    );
  });

  it('turns empty, malformed and wrong top-level input into messages', () => {
    expect(keys(parseGeoJsonText('  ', { file: 'e.json' }))).toEqual(['err.empty']);
    const broken = parseGeoJsonText('{"type": "FeatureCollection", "features": [', { file: 'b.json' });
    expect(keys(broken)).toEqual(['err.json']);
    expect(formatIssue(broken.issues[0]!, 'zh')).toMatch(/^b\.json：不是有效的 JSON/);
    expect(formatIssue(parseGeoJsonText('[1,2]', { file: 'c.json' }).issues[0]!, 'en')).toBe(
      'c.json: expected a GeoJSON FeatureCollection or Feature, got array',
    );
    expect(
      parseGeoJsonText(`\uFEFF${JSON.stringify(point([103.82, 36.06]))}`, { file: 'd' }).features,
    ).toHaveLength(1);
  });
});

describe('options for user imports (reportWinding, allowUnknownAccuracy) and hostile values', () => {
  const clockwise: Position[] = [
    [103.81, 36.01],
    [103.81, 36.02],
    [103.82, 36.02],
    [103.82, 36.01],
    [103.81, 36.01],
  ];

  it('warns when it rewinds a ring only if asked, and still fixes it', () => {
    const r = validateFeature(polygon(clockwise), where, { file: 't', reportWinding: true });
    expect(r.issues.map((i) => [i.severity, i.key])).toEqual([['warning', 'import.winding_fixed']]);
    expect(r.feature?.geometry.coordinates).toEqual([[...clockwise].reverse()]);
    const ccw = validateFeature(polygon([...clockwise].reverse()), where, { file: 't', reportWinding: true });
    expect(ccw.issues).toEqual([]);
    // A bow-tie has no orientation: only the self-intersection is reported.
    const bowtie: Position[] = [
      [103.81, 36.01],
      [103.82, 36.02],
      [103.82, 36.01],
      [103.81, 36.02],
      [103.81, 36.01],
    ];
    expect(keys(validateFeature(polygon(bowtie), where, { file: 't', reportWinding: true }))).toEqual([
      'err.ring_self_intersection',
    ]);
  });

  it('accepts a missing accuracy as unknown (NaN) only when allowed, and then gives no extra tolerance', () => {
    const strict = validateFeature(point([103.82, 36.06], { accuracy_m: undefined }), where, { file: 't' });
    expect(keys(strict)).toEqual(['err.field_missing']);
    for (const accuracy_m of [undefined, null, Number.NaN]) {
      const r = validateFeature(point([103.82, 36.06], { accuracy_m }), where, {
        file: 't',
        allowUnknownAccuracy: true,
      });
      expect(r.issues).toEqual([]);
      expect(r.feature?.properties.accuracy_m).toBeNaN();
    }
    expect(
      keys(
        validateFeature(point([103.82, 36.06], { accuracy_m: -1 }), where, {
          file: 't',
          allowUnknownAccuracy: true,
        }),
      ),
    ).toEqual(['err.field_type']);
    // 50 m outside the claimed square with the default 300 m tolerance: fine; with 0 m tolerance: an error,
    // because unknown accuracy adds nothing (NaN must not silently disable the check).
    const [[w, s]] = squares.features[0].geometry.coordinates[0];
    const outside = [w - 50 / (111_320 * Math.cos((s * Math.PI) / 180)), s + 0.001];
    const opts = { file: 't', districts: lookup, allowUnknownAccuracy: true, districtToleranceM: 0 };
    const r = validateFeature(
      point(outside, { accuracy_m: undefined, district: squares.features[0].properties.district }),
      where,
      opts,
    );
    expect(keys(r)).toEqual(['err.outside_district']);
  });

  it('exports its limits and a String() that cannot throw', () => {
    expect(MAX_STRING_LENGTH).toBe(10_000);
    const deep = { a: { b: { c: { d: { e: { f: { g: { h: { i: 1 } } } } } } } } };
    expect(isNestedTooDeeply(deep)).toBe(true);
    expect(isNestedTooDeeply(deep.a)).toBe(false);
    expect(displayValue({ toString: 1 })).toBe('[object Object]');
    expect(displayValue(-5)).toBe('-5');
    const r = validateFeature(point([103.82, 36.06], { status: { toString: 'x' } }), where, { file: 't' });
    expect(formatIssue(r.issues[0]!, 'en')).toBe('t.geojson feature 1: unknown status [object Object]');
  });
});
