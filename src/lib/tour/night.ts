// Day or night in Lanzhou from the computed sun (suncalc), for the tour's automatic night style.

import { getTimes } from 'suncalc';
import { fromLanzhouWallClock, lanzhouWallClock } from './lanzhou_time';

/** Where the sun is computed: central Lanzhou (36.06° N, 103.83° E). Across the city the times differ by < 2 min. */
export const LANZHOU_SUN_POINT = { lat: 36.06, lon: 103.83 } as const;

/** Sunrise and sunset of one Lanzhou calendar day. */
export interface SunDay {
  sunrise: Date;
  sunset: Date;
}

/**
 * Sunrise and sunset (upper limb on the horizon, standard refraction) on the Lanzhou calendar day of
 * `date`. At 36° N the sun always rises and sets, so both are present.
 */
export function lanzhouSunDay(date: Date): SunDay {
  const w = lanzhouWallClock(date);
  // suncalc picks the solar day whose noon is nearest to the instant; Lanzhou's solar noon is ~13:05
  // Beijing time, so asking at 12:00 local selects this calendar day's sunrise and sunset.
  const t = getTimes(
    fromLanzhouWallClock(w.year, w.month, w.day, 12),
    LANZHOU_SUN_POINT.lat,
    LANZHOU_SUN_POINT.lon,
  );
  if (!t.sunrise || !t.sunset) throw new Error('no sunrise/sunset at Lanzhou (unreachable at 36° N)');
  return { sunrise: t.sunrise, sunset: t.sunset };
}

const dayAfter = (date: Date, days: number): Date => {
  const w = lanzhouWallClock(date);
  return fromLanzhouWallClock(w.year, w.month, w.day + days, 12);
};

/** True between sunset and the next sunrise in Lanzhou. */
export function isNightInLanzhou(date: Date): boolean {
  const { sunrise, sunset } = lanzhouSunDay(date);
  return date.getTime() < sunrise.getTime() || date.getTime() >= sunset.getTime();
}

/** The first sunset in Lanzhou strictly after `date`. */
export function nextSunset(date: Date): Date {
  const today = lanzhouSunDay(date).sunset;
  return today.getTime() > date.getTime() ? today : lanzhouSunDay(dayAfter(date, 1)).sunset;
}

/** The first sunrise in Lanzhou strictly after `date`. */
export function nextSunrise(date: Date): Date {
  const today = lanzhouSunDay(date).sunrise;
  return today.getTime() > date.getTime() ? today : lanzhouSunDay(dayAfter(date, 1)).sunrise;
}

/** The night-style switch: automatic (by the sun in Lanzhou) or forced by the user. */
export type NightStyleSetting = 'auto' | 'night' | 'day';

/**
 * Whether the night style applies now, and when the automatic choice next changes (so the UI can set
 * one timer instead of polling).
 */
export function nightStyleAt(
  setting: NightStyleSetting,
  now: Date,
): { night: boolean; nextChange: Date | null } {
  if (setting !== 'auto') return { night: setting === 'night', nextChange: null };
  const night = isNightInLanzhou(now);
  return { night, nextChange: night ? nextSunrise(now) : nextSunset(now) };
}
