// Tour display text shared by the itinerary and the GPX export: distances, clock times, opening states.

import { type Lang, translate } from '../i18n';
import { formatLanzhouDate, formatLanzhouTime, lanzhouDaysBetween } from './lanzhou_time';
import type { OpeningKind, OpeningStatus } from './opening';

/**
 * "850 m" below 1 km (rounded to 10 m: estimates are not metre-precise), else "1.2 km".
 * @param metres walking distance
 */
export function formatDistance(lang: Lang, metres: number): string {
  if (metres < 995) return translate(lang, 'tour.dist.m', { m: Math.round(metres / 10) * 10 });
  return translate(lang, 'tour.dist.km', { km: (metres / 1000).toFixed(1) });
}

/** Lanzhou clock time, marked when it falls on the day after `ref` (a tour running past midnight). */
export function formatClock(lang: Lang, date: Date, ref: Date): string {
  const time = formatLanzhouTime(date);
  return lanzhouDaysBetween(ref, date) === 1 ? translate(lang, 'tour.time.next_day', { time }) : time;
}

/** When a change happens relative to `ref`: "at 02:00", "tomorrow 09:00" or "2024-06-24, 09:00". */
export function formatWhen(lang: Lang, date: Date, ref: Date): string {
  const time = formatLanzhouTime(date);
  const days = lanzhouDaysBetween(ref, date);
  if (days === 0) return translate(lang, 'tour.when.today', { time });
  if (days === 1) return translate(lang, 'tour.when.tomorrow', { time });
  return translate(lang, 'tour.when.date', { date: formatLanzhouDate(date), time });
}

/** How far ahead a closing time is worth stating as "until" (shorter than a day; 24/7 shows plain "Open"). */
const UNTIL_LIMIT_MS = 24 * 3_600_000;

/** One short phrase for an opening status at `at`, e.g. "Open, closes at 02:00" or "Opening hours unknown". */
export function formatOpening(lang: Lang, status: OpeningStatus, at: Date): string {
  const when = status.next ? formatWhen(lang, status.next, at) : '';
  const text = ((kind: OpeningKind): string => {
    switch (kind) {
      case 'open':
        return status.next && status.next.getTime() - at.getTime() < UNTIL_LIMIT_MS
          ? translate(lang, 'tour.open.open_until', { when })
          : translate(lang, 'tour.open.open');
      case 'closes_soon':
        return translate(lang, 'tour.open.closes_soon', { when });
      case 'opens_later':
        return translate(lang, 'tour.open.opens_later', { when });
      case 'closed':
        return status.next
          ? translate(lang, 'tour.open.closed_until', { when })
          : translate(lang, 'tour.open.closed');
      case 'uncertain':
        return translate(lang, 'tour.open.uncertain');
      case 'no_hours':
        return translate(lang, 'tour.open.no_hours');
      case 'unparseable':
        return translate(lang, 'tour.open.unparseable');
    }
  })(status.kind);
  return status.comment
    ? translate(lang, 'tour.open.comment', { status: text, comment: status.comment.slice(0, 80) })
    : text;
}
