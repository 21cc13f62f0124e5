// The walking speed model: minutes per edge from length, steps and (when known) slope.

import type { WalkGraph } from './graph.ts';
import { EDGE_FLAG } from './walkable.ts';

/** Default walking speed, metres per minute (4.8 km/h; DESIGN.md §5). */
export const DEFAULT_SPEED_M_PER_MIN = 80;

/**
 * Horizontal speed on stairs as a fraction of level walking speed. Ascending 0.35 and descending 0.5
 * are the factors of the IES VE / Simulex pedestrian model (help.iesve.com, "Walking speeds"); field
 * data agree: upward horizontal speeds of 0.4–0.5 m/s on a long stairway at Expo 2000 (Kretz et al.,
 * "Upstairs walking speed distributions on a long stairway", Safety Science 2008) against ~1.3 m/s on
 * the level. OSM's `incline=up|down` (or elevations) tell the direction; when unknown the mean of the
 * two is used.
 */
export const STEPS_FACTOR = { up: 0.35, down: 0.5, unknown: 0.425 } as const;

/** Slopes beyond ±50 % on a street graph are DEM artefacts on short edges; they are clamped. */
export const MAX_ABS_SLOPE = 0.5;

/** Options of the speed model. */
export interface WalkSpeedOptions {
  /** Level walking speed, metres per minute (default 80). */
  speedMPerMin?: number;
  /** Stair speed factors (default STEPS_FACTOR). */
  stepsFactor?: { up: number; down: number; unknown: number };
  /** Use node elevations (Tobler) when the graph has them (default true). */
  useElevation?: boolean;
}

/**
 * Tobler's hiking function (Tobler 1993, W = 6·e^(−3.5·|S+0.05|) km/h) normalised to 1 on the level,
 * so the configured level speed is kept: 1.0 at S = 0, ≈1.19 at the optimum S = −0.05, ≈0.70 at
 * S = +0.10.
 * @param slope rise over run (dimensionless), positive uphill
 */
export function toblerFactor(slope: number): number {
  const s = Math.max(-MAX_ABS_SLOPE, Math.min(MAX_ABS_SLOPE, slope));
  return Math.exp(-3.5 * (Math.abs(s + 0.05) - 0.05));
}

/**
 * Minutes to walk every edge, in the edge's direction. Steps use the stair factors (not Tobler: stair
 * ends' DEM heights are unreliable and the stair factor already is the slope penalty); other edges use
 * Tobler per segment when elevations exist (graph.slopeLengthM).
 * @returns Float32Array of minutes, one per edge
 */
export function edgeMinutes(graph: WalkGraph, options: WalkSpeedOptions = {}): Float32Array {
  const speed = options.speedMPerMin ?? DEFAULT_SPEED_M_PER_MIN;
  if (!(speed > 0)) throw new RangeError(`walking speed must be > 0 m/min, got ${speed}`);
  const steps = options.stepsFactor ?? STEPS_FACTOR;
  // Polyline edges carry their Tobler-weighted length (graph.ts), summed segment by segment.
  const sloped = options.useElevation === false ? null : graph.slopeLengthM;
  const { lengthM, flags } = graph;
  const out = new Float32Array(graph.edgeCount);
  for (let e = 0; e < graph.edgeCount; e++) {
    const f = flags[e] as number;
    if (f & EDGE_FLAG.steps) {
      const factor = f & EDGE_FLAG.up ? steps.up : f & EDGE_FLAG.down ? steps.down : steps.unknown;
      out[e] = (lengthM[e] as number) / (speed * factor);
    } else out[e] = ((sloped ? sloped[e] : lengthM[e]) as number) / speed;
  }
  return out;
}
