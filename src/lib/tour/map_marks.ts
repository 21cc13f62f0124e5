// What a scheduled tour draws on the map: the legs, numbered stop markers and timed paths for playback.

import distance from '@turf/distance';
import type { LegMethod, LonLat } from './legs';
import type { TourPlan } from './schedule';

/** A leg as a line to draw; `method` picks the solid (network) or dashed (estimate) style. */
export interface LegLine {
  coordinates: LonLat[];
  method: LegMethod;
}

/** One marker per distinct position; stops at the same place share it ("1, 2"). */
export interface StopMark {
  coord: LonLat;
  /** 0-based stop indexes at this position, in order. */
  stops: number[];
  /** Label: the 1-based stop numbers joined with ", ". */
  label: string;
}

/** A leg's path with a time for every vertex, for deck.gl's TripsLayer. */
export interface TimedPath {
  path: LonLat[];
  /** Minutes since the plan's start, one per vertex, non-decreasing. */
  timestamps: number[];
  method: LegMethod;
}

const MIN_MS = 60_000;
/** Positions closer than this share a marker, metres (two features mapped on the same point). */
const SAME_PLACE_M = 1;

/** The legs of a plan as lines (legs of fewer than two vertices are left out). */
export function legLines(plan: TourPlan): LegLine[] {
  return plan.legs
    .filter((l) => l.coordinates.length >= 2)
    .map((l) => ({ coordinates: l.coordinates.map(([x, y]) => [x, y] as LonLat), method: l.method }));
}

/** Markers for the stops, merging stops that lie at the same place. */
export function stopMarks(coords: readonly LonLat[]): StopMark[] {
  const marks: Omit<StopMark, 'label'>[] = [];
  coords.forEach((c, i) => {
    const same = marks.find((m) => distance(m.coord, c, { units: 'meters' }) < SAME_PLACE_M);
    if (same) same.stops.push(i);
    else marks.push({ coord: [c[0], c[1]], stops: [i] });
  });
  return marks.map((m) => ({ ...m, label: m.stops.map((i) => i + 1).join(', ') }));
}

/**
 * Every leg that moves as a timed path: vertex times spread over the leg's planned minutes in
 * proportion to the distance walked, the same even pace as playback.ts `positionAt`. Legs of zero
 * length (two stops at one place) are left out: nothing moves there.
 */
export function timedPaths(plan: TourPlan): TimedPath[] {
  const out: TimedPath[] = [];
  for (const leg of plan.legs) {
    if (leg.coordinates.length < 2) continue;
    const cumulative = [0];
    for (let i = 1; i < leg.coordinates.length; i++) {
      const d = distance(leg.coordinates[i - 1] as LonLat, leg.coordinates[i] as LonLat, { units: 'meters' });
      cumulative.push((cumulative[i - 1] as number) + d);
    }
    const total = cumulative[cumulative.length - 1] as number;
    if (!(total > 0)) continue;
    const t0 = (leg.depart.getTime() - plan.start.getTime()) / MIN_MS;
    const span = (leg.arrive.getTime() - leg.depart.getTime()) / MIN_MS;
    out.push({
      path: leg.coordinates.map(([x, y]) => [x, y] as LonLat),
      timestamps: cumulative.map((d) => t0 + (span * d) / total),
      method: leg.method,
    });
  }
  return out;
}

/** [[west, south], [east, north]] of every leg vertex and stop, or null when there is nothing. */
export function tourBounds(plan: TourPlan, coords: readonly LonLat[]): [LonLat, LonLat] | null {
  const all = [...coords, ...plan.legs.flatMap((l) => l.coordinates)];
  if (all.length === 0) return null;
  const xs = all.map((p) => p[0]);
  const ys = all.map((p) => p[1]);
  return [
    [Math.min(...xs), Math.min(...ys)],
    [Math.max(...xs), Math.max(...ys)],
  ];
}
