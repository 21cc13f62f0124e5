import { describe, expect, it } from 'vitest';
import { fromLanzhouWallClock } from './lanzhou_time';
import { straightLegRouter } from './legs';
import {
  adjacentStopMinute,
  advance,
  clockDate,
  DEFAULT_PLAYBACK_SPEED,
  initialClock,
  planDurationMin,
  seek,
  stopIndexAt,
  stopMinutes,
  togglePlay,
  withSpeed,
} from './playback_clock';
import { featuresById, resolveStops } from './routes';
import { scheduleTour } from './schedule';
import { fixtureFeatures, fixtureRoutes } from './test_support';

const { stops } = resolveStops(fixtureRoutes()[0]!, featuresById(fixtureFeatures()));
const start = fromLanzhouWallClock(2024, 6, 21, 19, 30);
// Fixture timetable (see schedule.test.ts): arrive 19:30, 19:57, 20:34, 21:19; end 21:34.
const plan = scheduleTour(stops, straightLegRouter(), start);
const duration = planDurationMin(plan);

describe('playback clock', () => {
  it('spans the plan from the start to the departure from the last stop', () => {
    expect(duration).toBe(124);
    expect(stopMinutes(plan)).toEqual([0, 27, 64, 109]);
    expect(clockDate(plan, 27)).toEqual(fromLanzhouWallClock(2024, 6, 21, 19, 57));
  });

  it('advances by speed × real time only while playing, and stops at the end', () => {
    let c = initialClock();
    expect(c).toEqual({ minute: 0, playing: false, speed: DEFAULT_PLAYBACK_SPEED });
    expect(advance(c, 1000, duration)).toBe(c);
    c = togglePlay(c, duration);
    c = advance(c, 1500, duration);
    expect(c.minute).toBeCloseTo(15, 9);
    expect(advance(c, -200, duration).minute).toBeCloseTo(15, 9);
    c = advance(c, 60_000, duration);
    expect(c).toEqual({ minute: duration, playing: false, speed: DEFAULT_PLAYBACK_SPEED });
    // Play at the end starts over.
    expect(togglePlay(c, duration)).toEqual({ minute: 0, playing: true, speed: DEFAULT_PLAYBACK_SPEED });
    expect(togglePlay(togglePlay(c, duration), duration).playing).toBe(false);
    expect(togglePlay(initialClock(), 0).playing).toBe(false);
  });

  it('scrubs within the tour and changes speed only to positive values', () => {
    const c = initialClock();
    expect(seek(c, 50, duration).minute).toBe(50);
    expect(seek(c, -5, duration).minute).toBe(0);
    expect(seek(c, 1e9, duration).minute).toBe(duration);
    expect(seek(c, Number.NaN, duration).minute).toBe(0);
    expect(withSpeed(c, 30).speed).toBe(30);
    expect(withSpeed(c, 0)).toBe(c);
    expect(withSpeed(c, Number.POSITIVE_INFINITY)).toBe(c);
    expect(advance(withSpeed({ ...c, playing: true }, 30), 1000, duration).minute).toBe(30);
  });

  it('knows the stop reached and steps from stop to stop', () => {
    expect([0, 26.9, 27, 63, 64, 120].map((m) => stopIndexAt(plan, m))).toEqual([0, 0, 1, 1, 2, 3]);
    expect(adjacentStopMinute(plan, 0, 1)).toBe(27);
    expect(adjacentStopMinute(plan, 27, 1)).toBe(64);
    expect(adjacentStopMinute(plan, 30, -1)).toBe(27);
    // At a stop exactly, "previous" goes to the one before it.
    expect(adjacentStopMinute(plan, 27, -1)).toBe(0);
    expect(adjacentStopMinute(plan, 0, -1)).toBeNull();
    expect(adjacentStopMinute(plan, 109, 1)).toBeNull();
  });
});
