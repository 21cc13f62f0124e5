// The tour view's part of the shareable URL: the published route or the user's own walk, and the start time.

import { fromLanzhouWallClock, lanzhouWallClock } from './lanzhou_time';
import { MAX_DWELL_MIN, ROUTE_ID_RE, type TourStopRef } from './routes';
import { defaultTourStart } from './schedule';

/** The tour fields of the app's ViewState (src/lib/url_state.ts merges them in). */
export interface TourViewState {
  /** Id of a route of data/night_routes.json; null shows the user's own walk. */
  tourRoute: string | null;
  /** The user's own walk, in order: mapped feature ids and minutes spent at each. */
  tourStops: TourStopRef[];
  /** Start on Lanzhou's clock, "YYYY-MM-DDTHH:MM"; null means the default (the next 19:30). */
  tourStart: string | null;
  /**
   * The own walk was suggested by this map (suggest.ts): the length asked for, minutes, and the start's
   * feature id. The stops themselves stay in `tourStops`, so a shared link shows the same walk.
   */
  tourSuggest: TourSuggestParams | null;
}

/** What a suggested walk was asked for. */
export interface TourSuggestParams {
  lengthMin: number;
  from: string;
}

/** Lengths a link may ask for, minutes (the panel offers these). */
export const SUGGEST_LINK_LENGTHS = [60, 120, 180];

/** The `panel` value of the tour view in the app's ViewState. */
export const TOUR_PANEL_ID = 'tour';

/** Most stops a walk may have (a link stays well under 2,000 characters with typical ids). */
export const MAX_WALK_STOPS = 30;
/** Dwell given to a newly added stop, minutes. */
export const DEFAULT_DWELL_MIN = 20;
/** Longest feature id read from a link (same bound as the selected-feature parameter). */
const MAX_ID_LENGTH = 200;

export function defaultTourState(): TourViewState {
  return { tourRoute: null, tourStops: [], tourStart: null, tourSuggest: null };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "YYYY-MM-DDTHH:MM" of an instant on Lanzhou's clock (seconds dropped). */
export function formatTourStart(date: Date): string {
  const w = lanzhouWallClock(date);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * Reads "YYYY-MM-DDTHH:MM" as a Lanzhou wall-clock time. Impossible values (2024-02-30, 25:00) are
 * rejected rather than rolled over, so a hand-edited link never lands on a surprising day.
 */
export function parseTourStart(text: string | null | undefined): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text ?? '');
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const date = fromLanzhouWallClock(y, mo, d, h, mi);
  const w = lanzhouWallClock(date);
  return w.year === y && w.month === mo && w.day === d && w.hour === h && w.minute === mi ? date : null;
}

/** The instant the tour starts: the chosen time, else the next 19:30 in Lanzhou after `now`. */
export function tourStartDate(s: Pick<TourViewState, 'tourStart'>, now: Date): Date {
  return parseTourStart(s.tourStart) ?? defaultTourStart(now);
}

/** One `stop` parameter: `<feature id>~<dwell minutes>`; the id may itself contain "~" (split at the last). */
function parseStop(value: string): TourStopRef | null {
  const cut = value.lastIndexOf('~');
  const id = cut < 0 ? value : value.slice(0, cut);
  if (!id || id.length > MAX_ID_LENGTH) return null;
  const dwellText = cut < 0 ? '' : value.slice(cut + 1);
  const dwell = /^\d{1,3}$/.test(dwellText) ? Number(dwellText) : Number.NaN;
  return { feature_id: id, dwell_min: dwell <= MAX_DWELL_MIN ? dwell : DEFAULT_DWELL_MIN };
}

/** `sug=<minutes>~<start feature id>`: a suggested walk's request; anything else is dropped. */
function parseSuggest(value: string | null): TourSuggestParams | null {
  const m = /^(\d{2,3})~(.{1,200})$/.exec(value ?? '');
  if (!m || !SUGGEST_LINK_LENGTHS.includes(Number(m[1]))) return null;
  return { lengthMin: Number(m[1]), from: m[2] as string };
}

/**
 * Reads the tour parameters of a hash: `tour=<route id>`, `stop=<feature id>~<dwell>` (repeated, in
 * order), `start=YYYY-MM-DDTHH:MM` (Lanzhou time, as in share.ts) and `sug=<minutes>~<start id>`. Anything malformed is dropped (a
 * bad dwell becomes the default, a stop repeating the one before is dropped), never an error. The night style is the app's own `th` setting.
 */
export function parseTourParams(q: URLSearchParams): TourViewState {
  const s = defaultTourState();
  const route = q.get('tour');
  if (route && ROUTE_ID_RE.test(route)) s.tourRoute = route;
  for (const value of q.getAll('stop')) {
    if (s.tourStops.length >= MAX_WALK_STOPS) break;
    const stop = parseStop(value);
    // The same place twice in a row (a hand-edited link) is a zero-length leg: kept once, as the builder would.
    if (stop && stop.feature_id !== s.tourStops.at(-1)?.feature_id) s.tourStops.push(stop);
  }
  const start = q.get('start');
  if (parseTourStart(start)) s.tourStart = start;
  s.tourSuggest = parseSuggest(q.get('sug'));
  return s;
}

/** Writes the tour parameters into `q`, each only when set (a link without a walk stays short). */
export function writeTourParams(s: TourViewState, q: URLSearchParams): void {
  if (s.tourRoute) q.set('tour', s.tourRoute);
  for (const stop of s.tourStops) q.append('stop', `${stop.feature_id}~${Math.round(stop.dwell_min)}`);
  if (s.tourStart) q.set('start', s.tourStart);
  if (s.tourSuggest) q.set('sug', `${s.tourSuggest.lengthMin}~${s.tourSuggest.from}`);
}
