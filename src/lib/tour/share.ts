// The tour's part of a share link: which route and when it starts (Lanzhou time), as URL parameters.

import { fromLanzhouWallClock, lanzhouWallClock } from './lanzhou_time';
import { ROUTE_ID_RE } from './routes';

/** What a tour link carries. `start` null means "the default start" (tonight 19:30). */
export interface TourLinkState {
  route: string;
  start: Date | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * URL parameters for a tour view: `tour=<route id>` and `start=YYYY-MM-DDTHH:MM` (Lanzhou wall clock,
 * so the link reads the same for everyone). Merge them into the app's hash (src/lib/url_state.ts).
 */
export function tourLinkParams(state: TourLinkState): [string, string][] {
  const out: [string, string][] = [['tour', state.route]];
  if (state.start) {
    const w = lanzhouWallClock(state.start);
    out.push(['start', `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`]);
  }
  return out;
}

/**
 * Reads the tour parameters; null when there is no valid route id. A malformed or impossible start
 * (2024-02-30T25:00) is dropped rather than rolled over, so a hand-edited link never lands on a
 * surprising day.
 */
export function parseTourLink(params: URLSearchParams): TourLinkState | null {
  const route = params.get('tour');
  if (!route || !ROUTE_ID_RE.test(route)) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(params.get('start') ?? '');
  let start: Date | null = null;
  if (m) {
    const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
    const date = fromLanzhouWallClock(y, mo, d, h, mi);
    const w = lanzhouWallClock(date);
    if (w.year === y && w.month === mo && w.day === d && w.hour === h && w.minute === mi) start = date;
  }
  return { route, start };
}
