import { describe, expect, it } from 'vitest';
import { DETOUR_FACTOR, WALK_SPEED_M_PER_MIN } from '../../config';
import { formatLanzhouTime, fromLanzhouWallClock } from './lanzhou_time';
import { type LegRouter, straightLegRouter } from './legs';
import { featuresById, resolveStops } from './routes';
import { defaultTourStart, scheduleTour } from './schedule';
import { fixtureFeatures, fixtureRoutes, inEachZone } from './test_support';

const M_PER_DEG = (6371008.8 * Math.PI) / 180;
const features = featuresById(fixtureFeatures());
const route = fixtureRoutes().find((r) => r.id === 'fixture-night-walk')!;
const { stops } = resolveStops(route, features);

// Hand-computed legs of the fictional route A → B → C → D: A–B and B–C are 0.009° along a meridian,
// C–D is 0.01° of longitude along the parallel 36.068° N (great circle ≈ parallel at this length).
const straightAB = 0.009 * M_PER_DEG; // 1000.76 m
const straightCD =
  2 * 6371008.8 * Math.asin(Math.cos((36.068 * Math.PI) / 180) * Math.sin((0.01 * Math.PI) / 360));
const exact = [straightAB, straightAB, straightCD].map((m) => (m * DETOUR_FACTOR) / WALK_SPEED_M_PER_MIN);

describe('scheduleTour on the fixture route', () => {
  const start = fromLanzhouWallClock(2024, 6, 21, 19, 30);
  const plan = scheduleTour(stops, straightLegRouter(), start);

  it('computes per-leg distance and walking minutes', () => {
    expect(exact.map((m) => +m.toFixed(2))).toEqual([16.26, 16.26, 14.61]);
    expect(plan.legs.map((l) => l.minutes)).toEqual(exact.map((m) => expect.closeTo(m, 6)));
    expect(plan.legs.map((l) => l.plannedMinutes)).toEqual([17, 17, 15]);
    expect(plan.legs.map((l) => l.from)).toEqual([0, 1, 2]);
    expect(plan.totalMetres).toBeCloseTo((2 * straightAB + straightCD) * DETOUR_FACTOR, 3);
    expect(plan.walkMinutes).toBe(49);
    expect(plan.dwellMinutes).toBe(75);
    expect(plan.method).toBe('estimate');
  });

  it('gives arrival and departure at every stop (dwell 10, 20, 30, 15 min)', () => {
    const times = plan.stops.map((s) => [formatLanzhouTime(s.arrival), formatLanzhouTime(s.departure)]);
    expect(times).toEqual([
      ['19:30', '19:40'],
      ['19:57', '20:17'],
      ['20:34', '21:04'],
      ['21:19', '21:34'],
    ]);
    expect(plan.end).toEqual(plan.stops[3]!.departure);
    expect(plan.legs.map((l) => [formatLanzhouTime(l.depart), formatLanzhouTime(l.arrive)])).toEqual([
      ['19:40', '19:57'],
      ['20:17', '20:34'],
      ['21:04', '21:19'],
    ]);
  });

  it('keeps exact minutes when whole-minute rounding is off', () => {
    const raw = scheduleTour(stops, straightLegRouter(), start, { wholeMinutes: false });
    const expected = start.getTime() + (10 + 20 + 30 + 15 + exact.reduce((a, b) => a + b)) * 60_000;
    expect(raw.end.getTime()).toBeCloseTo(expected, -1);
    expect(raw.legs.map((l) => l.plannedMinutes)).toEqual(raw.legs.map((l) => l.minutes));
  });

  it('runs past midnight', () => {
    const late = scheduleTour(stops, straightLegRouter(), fromLanzhouWallClock(2024, 6, 21, 23, 30));
    expect(late.stops.map((s) => formatLanzhouTime(s.arrival))).toEqual(['23:30', '23:57', '00:34', '01:19']);
    expect(late.stops[2]!.arrival.toISOString()).toBe('2024-06-21T16:34:00.000Z');
  });

  it('reports mixed methods and handles a single stop', () => {
    let n = 0;
    const alternating: LegRouter = (from, to) => ({
      coordinates: [from, to],
      metres: 800,
      minutes: 10,
      method: n++ % 2 ? 'estimate' : 'network',
    });
    expect(scheduleTour(stops, alternating, start).method).toBe('mixed');
    const one = scheduleTour(stops.slice(0, 1), straightLegRouter(), start);
    expect(one.legs).toEqual([]);
    expect(one.method).toBe('none');
    expect(one.end.getTime() - start.getTime()).toBe(10 * 60_000);
  });

  it('does not round a whole-minute leg up because of floating-point noise', () => {
    const router: LegRouter = (from, to) => ({
      coordinates: [from, to],
      metres: 960,
      minutes: 12.0000000001,
      method: 'network',
    });
    expect(scheduleTour(stops.slice(0, 2), router, start).legs[0]!.plannedMinutes).toBe(12);
  });

  it('refuses an invalid start or dwell', () => {
    expect(() => scheduleTour(stops, straightLegRouter(), new Date(Number.NaN))).toThrow(RangeError);
    expect(() =>
      scheduleTour([{ coord: [103.8, 36.05], dwell_min: -1 }], straightLegRouter(), start),
    ).toThrow(RangeError);
  });
});

describe('defaultTourStart', () => {
  it('is tonight 19:30 in Lanzhou, or tomorrow once 19:30 has passed, in any process zone', () => {
    inEachZone(() => {
      expect(defaultTourStart(new Date('2024-06-21T02:00:00Z'))).toEqual(
        fromLanzhouWallClock(2024, 6, 21, 19, 30),
      );
      // 19:30 exactly still counts as tonight.
      expect(defaultTourStart(fromLanzhouWallClock(2024, 6, 21, 19, 30))).toEqual(
        fromLanzhouWallClock(2024, 6, 21, 19, 30),
      );
      expect(defaultTourStart(fromLanzhouWallClock(2024, 6, 21, 20, 0))).toEqual(
        fromLanzhouWallClock(2024, 6, 22, 19, 30),
      );
      // 01:00 in Lanzhou is 17:00 UTC the day before: "tonight" is still the Lanzhou day.
      expect(defaultTourStart(fromLanzhouWallClock(2024, 6, 22, 1, 0))).toEqual(
        fromLanzhouWallClock(2024, 6, 22, 19, 30),
      );
      expect(defaultTourStart(fromLanzhouWallClock(2024, 12, 31, 21, 0), 18 * 60)).toEqual(
        fromLanzhouWallClock(2025, 1, 1, 18, 0),
      );
    });
  });
});
