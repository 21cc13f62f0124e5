// Which Overpass area (a snapped circle) serves a walking query, reusing an area already held when it covers it.

import { haversineM } from '../geo.ts';
import { MAX_OVERPASS_RADIUS_M, overpassTile, overpassWalkQuery } from '../overpass.ts';

/** One downloadable area: a circle (centre in degrees, radius in metres) and its cache key. */
export interface AreaTile {
  lon: number;
  lat: number;
  radiusM: number;
  key: string;
}

/**
 * Default radius a query needs, metres: the 15-minute circle at 80 m/min (1,200 m) plus 800 m so that
 * walks which detour (to a bridge, around a campus wall) still stay on the downloaded network.
 */
export const DEFAULT_AREA_RADIUS_M = 2_000;

/** Default grid spacing of tile centres, metres: clicks within a few hundred metres share one area. */
export const DEFAULT_TILE_GRID_M = 500;

/**
 * Whether an area contains the whole circle of `radiusM` around a point (the query then needs no
 * download). Distances are great-circle metres.
 */
export function tileCovers(tile: AreaTile, lon: number, lat: number, radiusM: number): boolean {
  return haversineM(tile.lon, tile.lat, lon, lat) + radiusM <= tile.radiusM + 1e-6;
}

/**
 * Picks the area for a query: the smallest known area covering the query circle, or else a new area
 * centred on the query snapped to a grid (`overpassTile`), so one download serves every later query
 * nearby. Always exactly one area: a query never needs two downloads, and the graph is built from one
 * response (no merging of partial graphs).
 * @param lon degrees
 * @param lat degrees
 * @param radiusM metres the query needs around the point (1 … 20,000)
 * @param known areas already available (e.g. the cache's), in any order
 * @param gridM grid spacing for new areas, metres
 */
export function chooseTile(
  lon: number,
  lat: number,
  radiusM: number,
  known: readonly AreaTile[] = [],
  gridM = DEFAULT_TILE_GRID_M,
): { tile: AreaTile; reused: boolean } {
  if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90))
    throw new RangeError(`invalid point ${lon},${lat}`);
  if (!(radiusM >= 1 && radiusM <= MAX_OVERPASS_RADIUS_M))
    throw new RangeError(`radius must be 1…${MAX_OVERPASS_RADIUS_M} m, got ${radiusM}`);
  let best: AreaTile | null = null;
  for (const t of known) {
    if (tileCovers(t, lon, lat, radiusM) && (best === null || t.radiusM < best.radiusM)) best = t;
  }
  if (best) return { tile: best, reused: true };
  const t = overpassTile(lon, lat, radiusM, gridM);
  return { tile: { lon: t.lon, lat: t.lat, radiusM: t.radiusM, key: t.key }, reused: false };
}

/**
 * The Overpass QL of an area.
 * @param timeoutS server-side timeout, seconds
 */
export function tileQuery(tile: AreaTile, timeoutS = 25): string {
  return overpassWalkQuery(tile.lon, tile.lat, tile.radiusM, timeoutS);
}

/** Whether a value read back from storage is a well-formed area. */
export function isAreaTile(value: unknown): value is AreaTile {
  const t = value as Partial<AreaTile> | null;
  return (
    t !== null &&
    typeof t === 'object' &&
    typeof t.key === 'string' &&
    typeof t.lon === 'number' &&
    typeof t.lat === 'number' &&
    typeof t.radiusM === 'number' &&
    Math.abs(t.lon) <= 180 &&
    Math.abs(t.lat) <= 90 &&
    t.radiusM > 0 &&
    t.radiusM <= MAX_OVERPASS_RADIUS_M
  );
}
