import { describe, expect, it } from 'vitest';
import {
  formatLanzhouDate,
  formatLanzhouTime,
  fromLanzhouWallClock,
  lanzhouDaysBetween,
  lanzhouWallClock,
  parseHhMm,
} from './lanzhou_time';
import { inEachZone } from './test_support';

describe('Lanzhou wall clock', () => {
  it('reads UTC+8 whatever the process zone', () => {
    // 2024-06-21T17:30Z is 01:30 on Saturday 22 June in Lanzhou.
    const at = new Date('2024-06-21T17:30:00Z');
    const seen = inEachZone(() => {
      const w = lanzhouWallClock(at);
      return [
        w.year,
        w.month,
        w.day,
        w.hour,
        w.minute,
        w.weekday,
        formatLanzhouTime(at),
        formatLanzhouDate(at),
      ];
    });
    for (const s of seen) expect(s).toEqual([2024, 6, 22, 1, 30, 6, '01:30', '2024-06-22']);
  });

  it('builds instants from Lanzhou fields, rolling over like Date.UTC', () => {
    inEachZone(() => {
      expect(fromLanzhouWallClock(2024, 6, 21, 19, 30).toISOString()).toBe('2024-06-21T11:30:00.000Z');
      expect(fromLanzhouWallClock(2024, 1, 1, 0, 0).toISOString()).toBe('2023-12-31T16:00:00.000Z');
      expect(fromLanzhouWallClock(2024, 6, 21, 25, 0).toISOString()).toBe('2024-06-21T17:00:00.000Z');
      expect(fromLanzhouWallClock(2024, 2, 30).toISOString()).toBe('2024-02-29T16:00:00.000Z');
    });
  });

  it('round-trips through the wall clock', () => {
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 1); t += 7_777_777) {
      const w = lanzhouWallClock(new Date(t));
      const back = fromLanzhouWallClock(w.year, w.month, w.day, w.hour, w.minute, w.second, w.millisecond);
      expect(back.getTime()).toBe(t);
    }
  });

  it('counts Lanzhou calendar days between instants', () => {
    const evening = fromLanzhouWallClock(2024, 6, 21, 23, 50);
    expect(lanzhouDaysBetween(evening, fromLanzhouWallClock(2024, 6, 21, 0, 0))).toBe(0);
    expect(lanzhouDaysBetween(evening, fromLanzhouWallClock(2024, 6, 22, 0, 10))).toBe(1);
    expect(lanzhouDaysBetween(evening, fromLanzhouWallClock(2024, 6, 24, 9, 0))).toBe(3);
    // 07:00 and 09:00 in Lanzhou fall on different UTC days (23:00Z, 01:00Z) but on one Lanzhou day.
    expect(
      lanzhouDaysBetween(fromLanzhouWallClock(2024, 6, 22, 7, 0), fromLanzhouWallClock(2024, 6, 22, 9, 0)),
    ).toBe(0);
  });

  it('parses HH:MM', () => {
    expect(parseHhMm('19:30')).toBe(1170);
    expect(parseHhMm(' 00:00 ')).toBe(0);
    expect(parseHhMm('23:59')).toBe(1439);
    for (const bad of ['24:00', '7:30', '19:60', '19-30', '']) expect(parseHhMm(bad)).toBeNull();
  });
});
