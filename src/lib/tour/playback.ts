// Where the walker is at a given moment of a scheduled tour, for the animated playback of a route.

import along from '@turf/along';
import { lineString } from '@turf/helpers';
import length from '@turf/length';
import type { LonLat } from './legs';
import type { TourPlan } from './schedule';

/** The walker's position: before the start, at a stop, walking a leg, or done. */
export type PlaybackPosition =
  | { phase: 'before'; coord: LonLat; stop: 0 }
  | { phase: 'at_stop'; coord: LonLat; stop: number }
  | { phase: 'walking'; coord: LonLat; leg: number; fraction: number }
  | { phase: 'finished'; coord: LonLat; stop: number };

const lineOf = (coords: LonLat[]) => (coords.length >= 2 ? lineString(coords) : null);

/**
 * Position at `at`. While walking, the fraction of the leg's planned minutes elapsed is applied to the
 * leg's drawn length (even pace along the line).
 * @param stopCoords coordinates of the plan's stops, in order
 */
export function positionAt(plan: TourPlan, stopCoords: readonly LonLat[], at: Date): PlaybackPosition | null {
  const first = stopCoords[0];
  if (!first || plan.stops.length === 0) return null;
  const t = at.getTime();
  if (t < plan.start.getTime()) return { phase: 'before', coord: first, stop: 0 };
  for (const stop of plan.stops) {
    const coord = stopCoords[stop.index] as LonLat;
    if (t >= stop.arrival.getTime() && t < stop.departure.getTime())
      return { phase: 'at_stop', coord, stop: stop.index };
    const leg = plan.legs[stop.index];
    if (leg && t >= leg.depart.getTime() && t < leg.arrive.getTime()) {
      const fraction = (t - leg.depart.getTime()) / (leg.arrive.getTime() - leg.depart.getTime());
      const line = lineOf(leg.coordinates);
      if (!line) return { phase: 'walking', coord, leg: stop.index, fraction };
      const km = length(line) * fraction;
      const c = along(line, km).geometry.coordinates;
      return { phase: 'walking', coord: [c[0] as number, c[1] as number], leg: stop.index, fraction };
    }
  }
  const last = plan.stops.length - 1;
  return { phase: 'finished', coord: stopCoords[last] as LonLat, stop: last };
}
