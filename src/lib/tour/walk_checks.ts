// Sanity checks of a scheduled walk: legs and walks longer than anyone would walk at night, a start in the past.

import type { TourPlan } from './schedule';

/**
 * A leg longer than this is flagged, metres: about 40 minutes on foot at 80 m/min with the 1.3 detour
 * factor, the most a night walk between two sights usually asks (longer means a bus or taxi).
 */
export const LONG_LEG_M = 3000;
/** A walk whose legs add up to more than this is flagged, metres (a long evening on foot, ~2.5 h walking). */
export const LONG_WALK_M = 10_000;

/** One reason to doubt a walk; the panel explains each (src/lib/messages/tour.ts 'tour.warn.*'). */
export type WalkWarning =
  /** Leg `leg` (stop leg+1 → leg+2) is longer than LONG_LEG_M. */
  | { kind: 'long_leg'; leg: number; metres: number; minutes: number }
  /** The legs add up to more than LONG_WALK_M. */
  | { kind: 'long_walk'; metres: number; minutes: number }
  /** The walk starts before `now` (an old link): its times and opening states are of that past day. */
  | { kind: 'past_start' };

/**
 * The warnings of a scheduled walk, in reading order (past start, long walk, then each long leg).
 * @param now the current instant, for the past-start check
 */
export function walkWarnings(plan: TourPlan, now: Date): WalkWarning[] {
  const out: WalkWarning[] = [];
  if (plan.start.getTime() < now.getTime()) out.push({ kind: 'past_start' });
  if (plan.totalMetres > LONG_WALK_M)
    out.push({ kind: 'long_walk', metres: plan.totalMetres, minutes: plan.walkMinutes });
  for (const leg of plan.legs) {
    if (leg.metres > LONG_LEG_M)
      out.push({ kind: 'long_leg', leg: leg.from, metres: leg.metres, minutes: leg.plannedMinutes });
  }
  return out;
}

/**
 * Whether a start typed by the user may be used: not before the current minute (a walk is planned for
 * tonight or later; an old link still opens, with a warning).
 */
export function startAllowed(start: Date, now: Date): boolean {
  return start.getTime() >= Math.floor(now.getTime() / 60_000) * 60_000;
}
