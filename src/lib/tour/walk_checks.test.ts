import distance from '@turf/distance';
import { describe, expect, it } from 'vitest';
import { DETOUR_FACTOR } from '../../config';
import { fromLanzhouWallClock } from './lanzhou_time';
import type { LonLat } from './legs';
import { straightLegRouter } from './legs';
import { scheduleTour } from './schedule';
import { LONG_LEG_M, LONG_WALK_M, startAllowed, walkWarnings } from './walk_checks';

// The shipped stadium and Dongfanghong Square (data/places.csv): 14.5 km apart in a straight line.
const STADIUM: LonLat = [103.685667, 36.087722];
const SQUARE: LonLat = [103.84055, 36.05282];
const NEAR: LonLat = [103.8435, 36.0545];
const start = fromLanzhouWallClock(2030, 6, 21, 19, 30);
const before = new Date(start.getTime() - 3_600_000);
const plan = (coords: LonLat[]) =>
  scheduleTour(
    coords.map((coord) => ({ coord, dwell_min: 20 })),
    straightLegRouter(),
    start,
  );

describe('walkWarnings', () => {
  it('says nothing about a short evening walk', () => {
    expect(walkWarnings(plan([SQUARE, NEAR]), before)).toEqual([]);
  });

  it('flags every leg past LONG_LEG_M and a walk past LONG_WALK_M', () => {
    const p = plan([STADIUM, SQUARE, STADIUM]);
    const leg = (distance(STADIUM, SQUARE, { units: 'meters' }) * DETOUR_FACTOR) as number;
    expect(leg).toBeGreaterThan(LONG_LEG_M);
    expect(2 * leg).toBeGreaterThan(LONG_WALK_M);
    const w = walkWarnings(p, before);
    expect(w.map((x) => x.kind)).toEqual(['long_walk', 'long_leg', 'long_leg']);
    expect(w[1]).toMatchObject({ leg: 0, minutes: p.legs[0]?.plannedMinutes });
    expect(w[2]).toMatchObject({ leg: 1 });
    expect(w[0]).toMatchObject({ metres: p.totalMetres, minutes: p.walkMinutes });
  });

  it('flags a start before now (an old link)', () => {
    const after = new Date(start.getTime() + 60_000);
    expect(walkWarnings(plan([SQUARE, NEAR]), after)).toEqual([{ kind: 'past_start' }]);
  });
});

describe('startAllowed', () => {
  it('accepts the current minute and later, refuses earlier', () => {
    const now = new Date(start.getTime() + 30_000);
    expect(startAllowed(start, now)).toBe(true);
    expect(startAllowed(new Date(start.getTime() - 60_000), now)).toBe(false);
    expect(startAllowed(fromLanzhouWallClock(2019, 1, 1, 19, 30), now)).toBe(false);
  });
});
