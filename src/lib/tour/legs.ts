// Walking legs between consecutive stops: the router interface, the straight schematic router and the
// adapter onto the street-network walking engine.

import distance from '@turf/distance';
import { DETOUR_FACTOR, WALK_SPEED_M_PER_MIN } from '../../config';

/** [longitude, latitude] in WGS-84 degrees. */
export type LonLat = [number, number];

/** 'network': along the street graph; 'estimate': straight line × detour factor (drawn as a schematic leg). */
export type LegMethod = 'network' | 'estimate';

/** One walking leg. */
export interface Leg {
  /** Drawn geometry from the first stop to the next one (a straight segment for estimates). */
  coordinates: LonLat[];
  /** Walking distance, metres (for estimates: straight distance × detour factor). */
  metres: number;
  /** Walking time, minutes. */
  minutes: number;
  method: LegMethod;
}

/** Computes the walk between two points. Must always return a leg (fall back to an estimate). */
export type LegRouter = (from: LonLat, to: LonLat) => Leg;

/** Options of the schematic router; defaults come from src/config.ts. */
export interface StraightRouterOptions {
  /** Straight-line → walking distance factor (default DETOUR_FACTOR = 1.3). */
  detourFactor?: number;
  /** Walking speed, metres per minute (default WALK_SPEED_M_PER_MIN = 80). */
  speedMPerMin?: number;
}

/**
 * The router used without a street graph: great-circle distance × detour factor at walking speed,
 * geometry a straight segment. Every leg it returns has method 'estimate' and must be shown as schematic.
 */
export function straightLegRouter(options: StraightRouterOptions = {}): LegRouter {
  const detour = options.detourFactor ?? DETOUR_FACTOR;
  const speed = options.speedMPerMin ?? WALK_SPEED_M_PER_MIN;
  if (!(detour >= 1)) throw new RangeError('detourFactor must be ≥ 1');
  if (!(speed > 0)) throw new RangeError('speedMPerMin must be > 0');
  return (from, to) => {
    const metres = distance(from, to, { units: 'meters' }) * detour;
    return { coordinates: [[...from], [...to]], metres, minutes: metres / speed, method: 'estimate' };
  };
}

/**
 * The part of the walking engine (src/lib/walk/engine.ts `WalkEngine.travel`) this feature needs:
 * a point-to-point walk, or null when the destination cannot be reached.
 */
export interface PointToPointWalker {
  travel(
    from: LonLat,
    to: LonLat,
  ): { coordinates: LonLat[]; metres: number; minutes: number; method: LegMethod } | null;
}

/**
 * Routes legs with the walking engine. The engine itself answers with an estimate when a point is off
 * the network; when it finds no walk at all (disconnected graph) the leg comes from `fallback`.
 * @param fallback used for unreachable legs (default: the straight schematic router)
 */
export function walkEngineRouter(
  engine: PointToPointWalker,
  fallback: LegRouter = straightLegRouter(),
): LegRouter {
  return (from, to) => {
    const r = engine.travel(from, to);
    if (!r) return fallback(from, to);
    return {
      coordinates: r.coordinates.map(([x, y]) => [x, y] as LonLat),
      metres: r.metres,
      minutes: r.minutes,
      method: r.method,
    };
  };
}
