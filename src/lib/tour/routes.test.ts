import { describe, expect, it } from 'vitest';
import { formatIssue } from '../validate';
import {
  featuresById,
  parseTourRoutesText,
  resolveStops,
  stopCoord,
  type TourRoute,
  validateTourRoutes,
} from './routes';
import { fixtureFeatures, fixtureRoutes } from './test_support';

const features = featuresById(fixtureFeatures());
const opts = { file: 'night_routes.json', features };
const good = () => ({
  id: 'r1',
  name_zh: '测试',
  name_en: 'Test',
  stops: [
    { feature_id: 'fixture-stop-a', dwell_min: 10 },
    { feature_id: 'fixture-stop-b', dwell_min: 5 },
  ],
});

describe('validateTourRoutes', () => {
  it('accepts the fixture routes and defaults suggested_by to this map', () => {
    const routes = fixtureRoutes();
    expect(routes.map((r) => r.id)).toEqual(['fixture-night-walk', 'fixture-sourced-walk']);
    expect(routes[1]!.suggested_by).toEqual({
      source: { title: 'Fictional test source', date: '2024-03-19', url: 'https://example.org/fictional' },
    });
    const { routes: r, issues } = validateTourRoutes({ routes: [good()] }, opts);
    expect(issues).toEqual([]);
    expect(r[0]!.suggested_by).toBe('this_map');
  });

  it('locates errors by route and stop, in both languages', () => {
    const bad = {
      routes: [
        {
          ...good(),
          stops: [
            { feature_id: 'fixture-stop-a', dwell_min: 10 },
            { feature_id: 'no-such-place', dwell_min: 5 },
            { feature_id: 'fixture-stop-b', dwell_min: -3 },
            { dwell_min: 5 },
          ],
        },
      ],
    };
    const { routes, issues } = validateTourRoutes(bad, opts);
    expect(routes).toEqual([]);
    expect(issues.map((i) => formatIssue(i, 'en'))).toEqual([
      'night_routes.json route r1, stop 2: no place has the id no-such-place',
      'night_routes.json route r1, stop 3: dwell_min must be 0–720 minutes (-3)',
      'night_routes.json route r1, stop 4: the field feature_id is missing',
    ]);
    expect(formatIssue(issues[0]!, 'zh')).toBe(
      'night_routes.json 路线 r1 第 2 站：找不到编号为 no-such-place 的地点',
    );
  });

  it('checks the route fields', () => {
    const cases: [unknown, string][] = [
      [{ ...good(), id: 'has space' }, 'the field id has an invalid value (has space)'],
      [{ ...good(), name_en: '' }, 'the field name_en is missing'],
      [{ ...good(), stops: [good().stops[0]] }, 'a route needs at least 2 stops (1 given)'],
      [{ ...good(), stops: 'a,b' }, 'the field stops has an invalid value (a,b)'],
      [
        { ...good(), suggested_by: 'the mayor' },
        'suggested_by must be "this_map" or an object with a source (the mayor)',
      ],
      [
        { ...good(), suggested_by: { source: { title: 'X', url: 'javascript:alert(1)' } } },
        'invalid source URL (http/https only)',
      ],
      [{ ...good(), description_zh: 42 }, 'the field description_zh has an invalid value (42)'],
      ['route', 'a route must be an object (route)'],
    ];
    for (const [route, message] of cases) {
      const { routes, issues } = validateTourRoutes({ routes: [route] }, opts);
      expect(routes, message).toEqual([]);
      expect(issues.map((i) => formatIssue(i, 'en').replace(/^.*?: /, ''))).toContain(message);
    }
  });

  it('warns about planned places, repeated stops and unknown fields but keeps the route', () => {
    const raw = {
      ...good(),
      colour: 'red',
      stops: [
        { feature_id: 'fixture-stop-a', dwell_min: 10 },
        { feature_id: 'fixture-stop-a', dwell_min: 10 },
        { feature_id: 'fixture-planned-e', dwell_min: 0 },
      ],
    };
    const { routes, issues } = validateTourRoutes({ routes: [raw] }, opts);
    expect(routes).toHaveLength(1);
    expect(routes[0]).not.toHaveProperty('colour');
    expect(issues.every((i) => i.severity === 'warning')).toBe(true);
    expect(issues.map((i) => i.key).sort()).toEqual([
      'tour.warn.not_existing',
      'tour.warn.repeated_stop',
      'tour.warn.unknown_field',
    ]);
  });

  it('rejects duplicate route ids and a wrong top level', () => {
    const { routes, issues } = validateTourRoutes({ routes: [good(), good()] }, opts);
    expect(routes).toHaveLength(1);
    expect(formatIssue(issues[0]!, 'en')).toBe(
      'night_routes.json route 2 (r1): the id r1 is a duplicate (first seen at 1)',
    );
    for (const top of [[good()], null, 'x', { route: [] }]) {
      const r = validateTourRoutes(top, opts);
      expect(r.issues[0]!.key).toBe('tour.err.top_level');
    }
  });

  it('does not check feature ids when no features are given', () => {
    const raw = {
      ...good(),
      stops: [
        { feature_id: 'x', dwell_min: 1 },
        { feature_id: 'y', dwell_min: 1 },
      ],
    };
    expect(validateTourRoutes({ routes: [raw] }, { file: 'f' }).issues).toEqual([]);
  });
});

describe('parseTourRoutesText', () => {
  it('turns empty and malformed text into issues', () => {
    expect(parseTourRoutesText('  ', opts).issues[0]!.key).toBe('err.empty');
    expect(parseTourRoutesText('{"routes": [', opts).issues[0]!.key).toBe('err.json');
    expect(parseTourRoutesText(`\uFEFF${JSON.stringify({ routes: [good()] })}`, opts).routes).toHaveLength(1);
  });
});

describe('resolveStops', () => {
  it('returns the stops in order with names, hours and coordinates', () => {
    const route = fixtureRoutes()[0]!;
    const { stops, missing } = resolveStops(route, features);
    expect(missing).toEqual([]);
    expect(stops.map((s) => s.feature_id)).toEqual([
      'fixture-stop-a',
      'fixture-stop-b',
      'fixture-stop-c',
      'fixture-stop-d',
    ]);
    expect(stops[0]).toMatchObject({
      coord: [103.8, 36.05],
      dwell_min: 10,
      name_en: 'Fixture stop A (fictional)',
    });
    expect(stops[0]!.opening_hours).toBeUndefined();
    expect(stops[2]!.opening_hours).toBe('Mo-Su 18:00-02:00');
  });

  it('lists ids that are gone', () => {
    const route: TourRoute = { ...fixtureRoutes()[0]!, stops: [{ feature_id: 'gone', dwell_min: 1 }] };
    expect(resolveStops(route, features)).toEqual({ stops: [], missing: ['gone'] });
  });

  it('uses the centroid of a polygon stop', () => {
    const [lon, lat] = stopCoord(features.get('fixture-park-f')!);
    expect(lon).toBeCloseTo(103.835, 9);
    expect(lat).toBeCloseTo(36.055, 9);
  });
});
