// Is a place open at a moment in Lanzhou? OSM opening_hours evaluated on Lanzhou's clock, whatever the
// machine's time zone. Pulls in the opening_hours library (~111 KiB gzip minified): load it with import().

import opening_hours, { type nominatim_object } from 'opening_hours';
import { fromLanzhouWallClock, LANZHOU_UTC_OFFSET_MIN, lanzhouWallClock } from './lanzhou_time';
import { LANZHOU_SUN_POINT } from './night';

/**
 * - open / closes_soon (open, closing within `closesSoonMin`) / closed / opens_later (closed, opening
 *   within `opensSoonMin`)
 * - uncertain: the value itself says the state is unknown then (e.g. "18:00+" open end, or `unknown`)
 * - no_hours: no opening_hours tag — nobody published the hours; never guessed
 * - unparseable: a tag the parser rejects
 */
export type OpeningKind =
  | 'open'
  | 'closes_soon'
  | 'closed'
  | 'opens_later'
  | 'uncertain'
  | 'no_hours'
  | 'unparseable';

export interface OpeningStatus {
  kind: OpeningKind;
  /**
   * The next change of the state, when one is found within `lookaheadDays`: the closing time when
   * open, the opening time when closed. Absent for 24/7, no_hours and unparseable.
   */
  next?: Date;
  /** The comment of the matching rule as written in the tag, e.g. "call ahead" (untranslated). */
  comment?: string;
}

export interface OpeningOptions {
  /** An open place closing within this many minutes is 'closes_soon' (default 30). */
  closesSoonMin?: number;
  /** A closed place opening within this many minutes is 'opens_later' (default 180). */
  opensSoonMin?: number;
  /** How far ahead to look for the next change, days (default 8: covers any weekly schedule). */
  lookaheadDays?: number;
}

const MIN_MS = 60_000;

/*
 * Why the "mirror" dates: opening_hours reads a Date with its local getters (getHours(), getDay(), …),
 * i.e. in the process time zone. A mirror is a Date whose local fields equal the Lanzhou wall clock of
 * the instant; results come back as mirrors and are mapped to real instants the same way. Sun-based
 * times (sunset, dusk …) are computed by the library from real instants read in local time, so the
 * longitude given to it is shifted by 15° per hour between the process offset and UTC+8: the sun's
 * events there happen exactly that much earlier or later (to within seconds), which lands them on the
 * right Lanzhou wall-clock time. Limitation: a Lanzhou time that falls in the process zone's own DST
 * gap (one hour a year, only on machines in DST zones) is read one hour off.
 */
function toMirror(at: Date): Date {
  const w = lanzhouWallClock(at);
  return new Date(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
}

function fromMirror(d: Date): Date {
  return fromLanzhouWallClock(
    d.getFullYear(),
    d.getMonth() + 1,
    d.getDate(),
    d.getHours(),
    d.getMinutes(),
    d.getSeconds(),
    d.getMilliseconds(),
  );
}

const MAX_CACHE = 2_000;
const cache = new Map<string, opening_hours | null>();

/** The parsed value for a process UTC offset, or null when it does not parse. */
function compile(value: string, processOffsetMin: number): opening_hours | null {
  const key = `${processOffsetMin}|${value}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const lon = LANZHOU_SUN_POINT.lon + (processOffsetMin - LANZHOU_UTC_OFFSET_MIN) / 4;
  let oh: opening_hours | null;
  try {
    // lat/lon must be strings: the library checks `typeof … === 'string'` and silently ignores numbers
    // (its .d.ts says number). country_code selects Chinese public holidays for PH rules.
    const place = {
      lat: String(LANZHOU_SUN_POINT.lat),
      lon: String(lon),
      address: { country_code: 'cn', state: 'Gansu' },
    };
    oh = new opening_hours(value, place as unknown as nominatim_object, {
      tag_key: 'opening_hours',
      mode: 0,
      locale: 'en',
      map_value: false,
      warnings_severity: 4,
    });
  } catch {
    oh = null;
  }
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(key, oh);
  return oh;
}

/** True when the parser accepts the value (for validate.ts `checkOpeningHours`). */
export function isValidOpeningHours(value: string): boolean {
  return value.trim() !== '' && compile(value, LANZHOU_UTC_OFFSET_MIN) !== null;
}

type RawState = 'open' | 'closed' | 'unknown';

/**
 * The state of a place at `at` on Lanzhou's clock (Asia/Shanghai), and when it next changes.
 * @param value OSM opening_hours; undefined/empty means the hours are unknown (not published)
 */
export function openingStatusAt(
  value: string | null | undefined,
  at: Date,
  options: OpeningOptions = {},
): OpeningStatus {
  if (value === undefined || value === null || value.trim() === '') return { kind: 'no_hours' };
  const mirror = toMirror(at);
  const oh = compile(value, -mirror.getTimezoneOffset());
  if (!oh) return { kind: 'unparseable' };
  const closesSoon = options.closesSoonMin ?? 30;
  const opensSoon = options.opensSoonMin ?? 180;
  const limit = new Date(mirror.getTime() + (options.lookaheadDays ?? 8) * 1440 * MIN_MS);
  let state: RawState;
  let comment: string | undefined;
  let nextMirror: Date | undefined;
  try {
    const it = oh.getIterator(mirror);
    state = it.getStateString(mirror, true);
    comment = it.getComment(mirror);
    // Advance past comment-only changes to the next change of the state itself.
    while (it.advance(limit)) {
      if (it.getStateString(it.getDate(), true) !== state) {
        nextMirror = it.getDate();
        break;
      }
    }
  } catch {
    // The library throws (strings) on some pathological values at evaluation time, not parse time.
    return { kind: 'unparseable' };
  }
  const next = nextMirror ? fromMirror(nextMirror) : undefined;
  const minutesToNext = next ? (next.getTime() - at.getTime()) / MIN_MS : Infinity;
  let kind: OpeningKind;
  if (state === 'open') kind = minutesToNext <= closesSoon ? 'closes_soon' : 'open';
  else if (state === 'closed') kind = minutesToNext <= opensSoon ? 'opens_later' : 'closed';
  else kind = 'uncertain';
  const out: OpeningStatus = { kind };
  if (next) out.next = next;
  // Only comments written in the tag ("…"); the library's own notes (e.g. its English "closing time was
  // guessed" for open ends) are not translated, and the 'uncertain' kind already says it.
  if (comment && value.includes(`"${comment}"`)) out.comment = comment;
  return out;
}

/** True for the kinds a visitor can walk into ('open' and 'closes_soon'). */
export function isOpenKind(kind: OpeningKind): boolean {
  return kind === 'open' || kind === 'closes_soon';
}
