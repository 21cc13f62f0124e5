// Lanzhou wall-clock time (Asia/Shanghai, UTC+8, no DST since 1991), independent of the machine's zone.

/** IANA zone of Lanzhou (China uses one zone). */
export const LANZHOU_TZ = 'Asia/Shanghai';
/** UTC offset of Lanzhou in minutes; fixed because China has had no daylight saving since 1991. */
export const LANZHOU_UTC_OFFSET_MIN = 480;

const OFFSET_MS = LANZHOU_UTC_OFFSET_MIN * 60_000;
const DAY_MS = 86_400_000;

/** Calendar fields of an instant as read on a clock in Lanzhou. */
export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

/** The Lanzhou wall clock at an instant (whatever the process time zone is). */
export function lanzhouWallClock(date: Date): WallClock {
  // Shifting the instant by the fixed offset and reading UTC fields gives the local fields.
  const d = new Date(date.getTime() + OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}

/**
 * The instant at which a Lanzhou clock shows the given fields. Out-of-range fields roll over like
 * `Date.UTC` (hour 25 is 01:00 the next day).
 * @param month 1–12
 */
export function fromLanzhouWallClock(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - OFFSET_MS);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "HH:MM" on a Lanzhou clock (24-hour). Seconds are truncated, as a clock shows them. */
export function formatLanzhouTime(date: Date): string {
  const w = lanzhouWallClock(date);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** "YYYY-MM-DD" of the Lanzhou calendar day of an instant. */
export function formatLanzhouDate(date: Date): string {
  const w = lanzhouWallClock(date);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** Day number of the Lanzhou calendar day of an instant (days since 1970-01-01 in Lanzhou). */
export function lanzhouDayNumber(date: Date): number {
  return Math.floor((date.getTime() + OFFSET_MS) / DAY_MS);
}

/** Lanzhou calendar days from `from` to `to` (1 when `to` is after the next midnight), e.g. for "+1" marks. */
export function lanzhouDaysBetween(from: Date, to: Date): number {
  return lanzhouDayNumber(to) - lanzhouDayNumber(from);
}

/**
 * Parses "HH:MM" (00:00–23:59) into minutes after midnight, or null.
 * @returns minutes
 */
export function parseHhMm(text: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}
