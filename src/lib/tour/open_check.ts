// Whether a stop can be visited for its whole stay: open on arrival and still open at departure where its
// hours are known (unknown or unreadable hours are never guessed closed).

import type { OpeningEvaluator } from './itinerary';

/**
 * True when the place is open at `arrival` and does not close before `departure`, or when its hours are
 * not known ('no_hours', 'uncertain', 'unparseable'): only published hours exclude a stop.
 */
export function isOpenAt(
  opening: OpeningEvaluator,
  hours: string | undefined,
  arrival: Date,
  departure: Date,
): boolean {
  const s = opening(hours, arrival);
  if (s.kind === 'no_hours' || s.kind === 'uncertain' || s.kind === 'unparseable') return true;
  if (s.kind === 'closed' || s.kind === 'opens_later') return false;
  return !s.next || s.next.getTime() >= departure.getTime();
}
