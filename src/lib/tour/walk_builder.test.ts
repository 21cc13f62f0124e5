import { describe, expect, it } from 'vitest';
import type { MapFeature } from '../feature';
import { formatIssue } from '../validate';
import { featuresById, type TourStopRef, validateTourRoutes } from './routes';
import { fixtureFeatures } from './test_support';
import { DEFAULT_DWELL_MIN, MAX_WALK_STOPS } from './tour_state';
import {
  adjacentRepeat,
  applyWalkAction,
  OWN_WALK_ID,
  ownWalkRoute,
  validDwell,
  walkCandidates,
} from './walk_builder';

const ids = (stops: readonly TourStopRef[]) => stops.map((s) => s.feature_id);
const three: TourStopRef[] = [
  { feature_id: 'a', dwell_min: 10 },
  { feature_id: 'b', dwell_min: 20 },
  { feature_id: 'c', dwell_min: 30 },
];

describe('applyWalkAction', () => {
  it('adds places at the end with the default dwell, and refuses the last stop again', () => {
    let r = applyWalkAction([], { type: 'add', featureId: 'a' });
    expect(r).toEqual({
      stops: [{ feature_id: 'a', dwell_min: DEFAULT_DWELL_MIN }],
      index: 0,
      refused: null,
    });
    r = applyWalkAction(r.stops, { type: 'add', featureId: 'b', dwellMin: 45 });
    expect(r.stops).toEqual([
      { feature_id: 'a', dwell_min: DEFAULT_DWELL_MIN },
      { feature_id: 'b', dwell_min: 45 },
    ]);
    expect(r.index).toBe(1);
    const again = applyWalkAction(r.stops, { type: 'add', featureId: 'b' });
    expect(again.refused).toBe('repeat');
    expect(again.stops).toEqual(r.stops);
    // A place may come back later in the walk (a loop), just not twice in a row.
    expect(ids(applyWalkAction(r.stops, { type: 'add', featureId: 'a' }).stops)).toEqual(['a', 'b', 'a']);
  });

  it(`refuses more than ${MAX_WALK_STOPS} stops`, () => {
    const full = Array.from({ length: MAX_WALK_STOPS }, (_, i) => ({ feature_id: `p${i}`, dwell_min: 5 }));
    const r = applyWalkAction(full, { type: 'add', featureId: 'one-more' });
    expect(r.refused).toBe('full');
    expect(r.stops).toHaveLength(MAX_WALK_STOPS);
  });

  it('moves stops up and down, keeping their dwell, and ignores moves past the ends', () => {
    const up = applyWalkAction(three, { type: 'move', index: 2, by: -1 });
    expect(up.stops).toEqual([three[0], three[2], three[1]]);
    expect(up.index).toBe(1);
    const down = applyWalkAction(three, { type: 'move', index: 0, by: 1 });
    expect(ids(down.stops)).toEqual(['b', 'a', 'c']);
    expect(down.index).toBe(1);
    expect(applyWalkAction(three, { type: 'move', index: 0, by: -1 })).toEqual({
      stops: three,
      index: 0,
      refused: null,
    });
    expect(ids(applyWalkAction(three, { type: 'move', index: 2, by: 1 }).stops)).toEqual(['a', 'b', 'c']);
    expect(applyWalkAction(three, { type: 'move', index: 7, by: -1 }).index).toBeNull();
  });

  it('removes a stop and points at the stop that took its place', () => {
    expect(applyWalkAction(three, { type: 'remove', index: 1 })).toEqual({
      stops: [three[0], three[2]],
      index: 1,
      refused: null,
    });
    expect(applyWalkAction(three, { type: 'remove', index: 2 }).index).toBe(1);
    expect(applyWalkAction([three[0]!], { type: 'remove', index: 0 })).toEqual({
      stops: [],
      index: null,
      refused: null,
    });
    expect(applyWalkAction(three, { type: 'remove', index: -1 }).stops).toEqual(three);
  });

  it('sets dwell as whole minutes within 0–720, refuses anything else unchanged, and clears the walk', () => {
    expect(applyWalkAction(three, { type: 'dwell', index: 0, dwellMin: 12.6 }).stops[0]).toEqual({
      feature_id: 'a',
      dwell_min: 13,
    });
    expect(validDwell(0)).toBe(0);
    expect(validDwell(720)).toBe(720);
    for (const bad of [-3, -0.6, 721, 5000, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(validDwell(bad)).toBeNull();
      expect(applyWalkAction(three, { type: 'dwell', index: 1, dwellMin: bad })).toEqual({
        stops: three,
        index: 1,
        refused: 'dwell',
      });
    }
    expect(applyWalkAction([], { type: 'add', featureId: 'a', dwellMin: -5 }).refused).toBe('dwell');
    expect(applyWalkAction(three, { type: 'clear' }).stops).toEqual([]);
  });

  it('refuses a move or removal that puts the same place twice in a row', () => {
    const loop: TourStopRef[] = [
      { feature_id: 'a', dwell_min: 10 },
      { feature_id: 'b', dwell_min: 20 },
      { feature_id: 'a', dwell_min: 30 },
      { feature_id: 'c', dwell_min: 5 },
    ];
    expect(adjacentRepeat(loop)).toBe(-1);
    expect(applyWalkAction(loop, { type: 'remove', index: 1 })).toEqual({
      stops: loop,
      index: 1,
      refused: 'adjacent',
    });
    expect(applyWalkAction(loop, { type: 'move', index: 1, by: -1 })).toEqual({
      stops: loop,
      index: 1,
      refused: 'adjacent',
    });
    // Moves that keep the two visits apart are fine.
    expect(ids(applyWalkAction(loop, { type: 'move', index: 3, by: -1 }).stops)).toEqual([
      'a',
      'b',
      'c',
      'a',
    ]);
    expect(adjacentRepeat([loop[0]!, loop[2]!])).toBe(1);
  });

  it('replaces a stop in place, keeping its stay, and refuses a place equal to a neighbour', () => {
    expect(applyWalkAction(three, { type: 'replace', index: 1, featureId: 'x' })).toEqual({
      stops: [three[0], { feature_id: 'x', dwell_min: 20 }, three[2]],
      index: 1,
      refused: null,
    });
    expect(applyWalkAction(three, { type: 'replace', index: 1, featureId: 'c' })).toMatchObject({
      stops: three,
      refused: 'adjacent',
    });
    expect(applyWalkAction(three, { type: 'replace', index: 5, featureId: 'x' }).stops).toEqual(three);
  });

  it('never mutates its input', () => {
    const copy = structuredClone(three);
    applyWalkAction(three, { type: 'move', index: 0, by: 1 });
    applyWalkAction(three, { type: 'dwell', index: 1, dwellMin: 99 });
    applyWalkAction(three, { type: 'remove', index: 0 });
    expect(three).toEqual(copy);
  });
});

describe('walkCandidates', () => {
  const features = fixtureFeatures();

  it('offers every point feature except district boundaries, check-in spots first', () => {
    const point = (id: string, category: MapFeature['properties']['category'], name: string): MapFeature => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [103.8, 36.05] },
      properties: { ...features[0]!.properties, id, category, name_en: name, name_zh: name },
    });
    const extra = [
      point('s2', 'fitness_site', 'B'),
      point('p1', 'park', 'A'),
      point('s1', 'fitness_site', 'A'),
    ];
    const list = walkCandidates([...extra, ...features], 'en');
    const expected = features.filter(
      (f) => f.geometry.type === 'Point' && f.properties.category !== 'district',
    );
    expect(list).toHaveLength(expected.length + extra.length);
    const checkins = list.filter((f) => f.properties.category === 'checkin_spot');
    expect(list.slice(0, checkins.length)).toEqual(checkins);
    // Then catalog order (parks before fitness and sports), by name within a layer.
    expect(list.slice(checkins.length).map((f) => f.properties.id)).toEqual(['p1', 's1', 's2']);
  });

  it('leaves out lines and polygons', () => {
    const polygon: MapFeature = {
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [103.8, 36.0],
            [103.81, 36.0],
            [103.81, 36.01],
            [103.8, 36.0],
          ],
        ],
      },
      properties: { ...features[0]!.properties, id: 'zone', category: 'night_zone' },
    };
    expect(walkCandidates([polygon], 'zh')).toEqual([]);
  });
});

describe('ownWalkRoute', () => {
  it('is a valid route labelled as the user’s own, in the chosen language', () => {
    const features = fixtureFeatures();
    const points = walkCandidates(features, 'zh').slice(0, 2);
    const stops = points.map((f) => ({ feature_id: f.properties.id, dwell_min: 15 }));
    const route = ownWalkRoute(stops, 'en');
    expect(route.id).toBe(OWN_WALK_ID);
    expect(route.name_en).toBe('My walk');
    expect(route.suggested_by).toEqual({ source: { title: 'you (your own walk, planned on this map)' } });
    expect(ownWalkRoute(stops, 'zh').suggested_by).toEqual({
      source: { title: '你自己（在本图上规划的路线）' },
    });
    // It passes the same validation as data/night_routes.json.
    const { routes, issues } = validateTourRoutes(
      { routes: [route] },
      { file: 'walk', features: featuresById(features) },
    );
    expect(issues.filter((i) => i.severity === 'error').map((i) => formatIssue(i, 'en'))).toEqual([]);
    expect(routes).toEqual([route]);
  });
});
