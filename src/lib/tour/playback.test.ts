import distance from '@turf/distance';
import { describe, expect, it } from 'vitest';
import { fromLanzhouWallClock } from './lanzhou_time';
import { type LegRouter, straightLegRouter } from './legs';
import { positionAt } from './playback';
import { featuresById, resolveStops } from './routes';
import { scheduleTour } from './schedule';
import { fixtureFeatures, fixtureRoutes } from './test_support';

const { stops } = resolveStops(fixtureRoutes()[0]!, featuresById(fixtureFeatures()));
const coords = stops.map((s) => s.coord);
const start = fromLanzhouWallClock(2024, 6, 21, 19, 30);
const plan = scheduleTour(stops, straightLegRouter(), start);
const at = (h: number, m: number, s = 0) => fromLanzhouWallClock(2024, 6, 21, h, m, s);

describe('positionAt', () => {
  it('waits at the first stop before the start and ends at the last', () => {
    expect(positionAt(plan, coords, at(19, 0))).toEqual({ phase: 'before', coord: coords[0], stop: 0 });
    expect(positionAt(plan, coords, at(21, 34))).toEqual({ phase: 'finished', coord: coords[3], stop: 3 });
  });

  it('stays at a stop during its dwell time', () => {
    expect(positionAt(plan, coords, at(19, 30))).toEqual({ phase: 'at_stop', coord: coords[0], stop: 0 });
    expect(positionAt(plan, coords, at(20, 40))).toEqual({ phase: 'at_stop', coord: coords[2], stop: 2 });
  });

  it('moves along a leg at an even pace', () => {
    // Leg A→B runs 19:40–19:57 (17 min); at 19:48:30 half of it has passed.
    const p = positionAt(plan, coords, at(19, 48, 30))!;
    expect(p.phase).toBe('walking');
    if (p.phase !== 'walking') return;
    expect(p.leg).toBe(0);
    expect(p.fraction).toBeCloseTo(0.5, 9);
    expect(p.coord[0]).toBeCloseTo(103.8, 9);
    expect(p.coord[1]).toBeCloseTo(36.0545, 6);
  });

  it('follows a bent network leg by length, not by vertex count', () => {
    // A→B drawn via a corner 0.009° east: two equal 0.009° arms (east then north at ~36°: east arm shorter).
    const bent: LegRouter = (from, to) => ({
      coordinates: [from, [from[0] + 0.009, from[1]], [from[0] + 0.009, to[1]], to],
      metres: 3000,
      minutes: 30,
      method: 'network',
    });
    const p2 = scheduleTour(stops.slice(0, 2), bent, start);
    const leg = p2.legs[0]!;
    const total = leg.coordinates
      .slice(1)
      .reduce((s, c, i) => s + distance(leg.coordinates[i]!, c, { units: 'meters' }), 0);
    const mid = positionAt(p2, coords.slice(0, 2), new Date(leg.depart.getTime() + 15 * 60_000))!;
    const walked = distance(leg.coordinates[0]!, leg.coordinates[1]!, { units: 'meters' });
    const rest = distance(leg.coordinates[1]!, mid.coord, { units: 'meters' });
    expect(walked + rest).toBeCloseTo(total / 2, 0);
  });

  it('returns null for an empty route', () => {
    expect(positionAt(scheduleTour([], straightLegRouter(), start), [], start)).toBeNull();
  });
});
