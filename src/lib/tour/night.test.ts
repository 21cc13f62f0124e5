import { describe, expect, it } from 'vitest';
import { formatLanzhouTime, fromLanzhouWallClock } from './lanzhou_time';
import {
  isNightInLanzhou,
  LANZHOU_SUN_POINT,
  lanzhouSunDay,
  nextSunrise,
  nextSunset,
  nightStyleAt,
} from './night';
import { inEachZone } from './test_support';

const RAD = Math.PI / 180;

/**
 * Independent reference: the NOAA Solar Calculator equations (NOAA Global Monitoring Laboratory's
 * spreadsheet, after Meeus: geometric mean longitude/anomaly, equation of centre, apparent longitude,
 * corrected obliquity, equation of time; zenith 90.833° for sunrise/sunset), iterated at the event time.
 * Returns the instant of sunrise or sunset around the solar noon of the given UTC calendar day.
 */
function noaaEvent(
  year: number,
  month: number,
  day: number,
  lat: number,
  lon: number,
  kind: 'rise' | 'set',
): Date {
  const dayStart = Date.UTC(year, month - 1, day);
  let minutes = 720 - 4 * lon; // first guess: solar noon, UTC minutes after dayStart
  for (let i = 0; i < 4; i++) {
    const jd = 2440587.5 + (dayStart + minutes * 60_000) / 86_400_000;
    const t = (jd - 2451545) / 36525;
    const l0 = (280.46646 + t * (36000.76983 + t * 0.0003032)) % 360;
    const m = 357.52911 + t * (35999.05029 - 0.0001537 * t);
    const e = 0.016708634 - t * (0.000042037 + 0.0000001267 * t);
    const c =
      Math.sin(m * RAD) * (1.914602 - t * (0.004817 + 0.000014 * t)) +
      Math.sin(2 * m * RAD) * (0.019993 - 0.000101 * t) +
      Math.sin(3 * m * RAD) * 0.000289;
    const omega = 125.04 - 1934.136 * t;
    const appLong = l0 + c - 0.00569 - 0.00478 * Math.sin(omega * RAD);
    const obliq0 = 23 + (26 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60) / 60;
    const obliq = obliq0 + 0.00256 * Math.cos(omega * RAD);
    const decl = Math.asin(Math.sin(obliq * RAD) * Math.sin(appLong * RAD));
    const y = Math.tan((obliq / 2) * RAD) ** 2;
    const eqTime =
      (4 *
        (y * Math.sin(2 * l0 * RAD) -
          2 * e * Math.sin(m * RAD) +
          4 * e * y * Math.sin(m * RAD) * Math.cos(2 * l0 * RAD) -
          0.5 * y * y * Math.sin(4 * l0 * RAD) -
          1.25 * e * e * Math.sin(2 * m * RAD))) /
      RAD;
    const ha =
      Math.acos(
        Math.cos(90.833 * RAD) / (Math.cos(lat * RAD) * Math.cos(decl)) -
          Math.tan(lat * RAD) * Math.tan(decl),
      ) / RAD;
    minutes = 720 - 4 * lon - eqTime + (kind === 'rise' ? -4 * ha : 4 * ha);
  }
  return new Date(dayStart + minutes * 60_000);
}

const { lat, lon } = LANZHOU_SUN_POINT;

describe('lanzhouSunDay', () => {
  it('agrees with the NOAA solar calculator within 30 seconds on every 5th day of 2024–2025', () => {
    let worst = 0;
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2026, 0, 1); t += 5 * 86_400_000) {
      const d = new Date(t);
      // The reference works from the UTC day; Lanzhou's events lie within ±8 h of that day's 05:05Z solar
      // noon, so the same calendar day is meant on both sides.
      const sun = lanzhouSunDay(
        fromLanzhouWallClock(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), 12),
      );
      const set = noaaEvent(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), lat, lon, 'set');
      const rise = noaaEvent(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), lat, lon, 'rise');
      for (const [a, b] of [
        [sun.sunset, set],
        [sun.sunrise, rise],
      ] as const) {
        worst = Math.max(worst, Math.abs(a.getTime() - b.getTime()) / 60_000);
      }
    }
    expect(worst).toBeLessThan(0.5);
  });

  it('matches the expected Lanzhou clock times at the solstices', () => {
    // Lanzhou is 16° west of the UTC+8 meridian (≈ 65 min): late summer sunsets, late winter sunrises.
    const june = lanzhouSunDay(fromLanzhouWallClock(2024, 6, 21, 3));
    const dec = lanzhouSunDay(fromLanzhouWallClock(2024, 12, 21, 23));
    const noaaJune = noaaEvent(2024, 6, 21, lat, lon, 'set');
    const noaaDec = noaaEvent(2024, 12, 21, lat, lon, 'rise');
    expect(Math.abs(june.sunset.getTime() - noaaJune.getTime())).toBeLessThan(120_000);
    expect(Math.abs(dec.sunrise.getTime() - noaaDec.getTime())).toBeLessThan(120_000);
    expect(formatLanzhouTime(june.sunset)).toMatch(/^20:2[3-6]$/);
    expect(formatLanzhouTime(dec.sunrise)).toMatch(/^08:1[0-3]$/);
  });

  it('selects the Lanzhou calendar day, whatever the process zone and time of day', () => {
    const results = inEachZone(() =>
      [0, 5, 12, 19, 23].map((h) => lanzhouSunDay(fromLanzhouWallClock(2024, 3, 20, h)).sunset.toISOString()),
    );
    const all = new Set(results.flat());
    expect(all.size).toBe(1);
    const sunset = new Date([...all][0]!);
    expect(Math.abs(sunset.getTime() - noaaEvent(2024, 3, 20, lat, lon, 'set').getTime())).toBeLessThan(
      120_000,
    );
  });
});

describe('night in Lanzhou', () => {
  const { sunrise, sunset } = lanzhouSunDay(fromLanzhouWallClock(2024, 6, 21, 12));
  const minus = (d: Date, ms: number) => new Date(d.getTime() - ms);
  const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

  it('is night from sunset to the next sunrise', () => {
    inEachZone(() => {
      expect(isNightInLanzhou(minus(sunset, 60_000))).toBe(false);
      expect(isNightInLanzhou(sunset)).toBe(true);
      expect(isNightInLanzhou(fromLanzhouWallClock(2024, 6, 21, 23, 59))).toBe(true);
      expect(isNightInLanzhou(fromLanzhouWallClock(2024, 6, 22, 1, 0))).toBe(true);
      expect(isNightInLanzhou(minus(sunrise, 60_000))).toBe(true);
      expect(isNightInLanzhou(plus(sunrise, 60_000))).toBe(false);
      expect(isNightInLanzhou(fromLanzhouWallClock(2024, 6, 21, 13, 0))).toBe(false);
    });
  });

  it('finds the next sunset and sunrise strictly after a moment', () => {
    inEachZone(() => {
      expect(nextSunset(fromLanzhouWallClock(2024, 6, 21, 9))).toEqual(sunset);
      expect(nextSunset(sunset)).toEqual(lanzhouSunDay(fromLanzhouWallClock(2024, 6, 22, 12)).sunset);
      expect(nextSunrise(fromLanzhouWallClock(2024, 6, 21, 2))).toEqual(sunrise);
      expect(nextSunrise(fromLanzhouWallClock(2024, 6, 21, 22))).toEqual(
        lanzhouSunDay(fromLanzhouWallClock(2024, 6, 22, 12)).sunrise,
      );
      // Across a year boundary.
      const nye = nextSunset(fromLanzhouWallClock(2024, 12, 31, 23));
      expect(nye).toEqual(lanzhouSunDay(fromLanzhouWallClock(2025, 1, 1, 12)).sunset);
    });
  });

  it('drives the night style: automatic with the time of the next switch, or forced', () => {
    const evening = nightStyleAt('auto', plus(sunset, 3_600_000));
    expect(evening).toEqual({
      night: true,
      nextChange: lanzhouSunDay(fromLanzhouWallClock(2024, 6, 22, 12)).sunrise,
    });
    const noon = nightStyleAt('auto', fromLanzhouWallClock(2024, 6, 21, 13));
    expect(noon).toEqual({ night: false, nextChange: sunset });
    expect(nightStyleAt('night', fromLanzhouWallClock(2024, 6, 21, 13))).toEqual({
      night: true,
      nextChange: null,
    });
    expect(nightStyleAt('day', plus(sunset, 3_600_000))).toEqual({ night: false, nextChange: null });
  });
});
