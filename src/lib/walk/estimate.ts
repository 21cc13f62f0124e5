// Walking estimates without a street graph: great-circle distance × a detour factor.

import { destinationPoint, haversineM } from './geo.ts';

/**
 * Default detour factor (network length / straight-line length). 1.3 is a flat-grid figure; on a
 * hilly city's OSM network the measured median is 1.50 (p10 1.21, p90 2.37; DESIGN.md §5), so callers
 * should show the factor and let users change it.
 */
export const DEFAULT_DETOUR_FACTOR = 1.3;

/**
 * Estimated walking distance between two points.
 * @returns metres (straight line × detour factor)
 */
export function estimateMetres(
  lon1: number,
  lat1: number,
  lon2: number,
  lat2: number,
  detourFactor: number,
): number {
  return haversineM(lon1, lat1, lon2, lat2) * detourFactor;
}

/**
 * Polygon of everything within `radiusM` of a point on the sphere (a geodesic circle).
 * @param radiusM metres
 * @param vertices number of vertices (default 64)
 * @returns closed ring [lon, lat][], counter-clockwise
 */
export function circleRing(lon: number, lat: number, radiusM: number, vertices = 64): [number, number][] {
  const ring: [number, number][] = [];
  for (let i = 0; i < vertices; i++)
    ring.push(destinationPoint(lon, lat, 360 - (i * 360) / vertices, radiusM));
  ring.push([...(ring[0] as [number, number])]);
  return ring;
}
