// Features near a tour stop (e.g. the night-time consumption zone a stop lies in), nearest first.

import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import distance from '@turf/distance';
import { lineString, point } from '@turf/helpers';
import nearestPointOnLine from '@turf/nearest-point-on-line';
import type { CategoryId, Geometry, MapFeature, Position } from '../feature';
import type { LonLat } from './legs';

/** A feature and its distance from the query point. */
export interface NearbyFeature {
  feature: MapFeature;
  /** Metres from the point to the feature (0 inside a polygon). */
  distanceM: number;
}

export interface NearbyOptions {
  /** Features farther than this are left out, metres (default 300: a few minutes' walk). */
  radiusM?: number;
  /** Categories considered (default: night_zone). */
  categories?: readonly CategoryId[];
  /** Ids left out (the stop's own feature). */
  exclude?: ReadonlySet<string>;
}

function distanceToLines(p: LonLat, lines: Position[][]): number {
  let best = Infinity;
  for (const line of lines) {
    if (line.length === 1) best = Math.min(best, distance(p, line[0] as Position, { units: 'meters' }));
    if (line.length < 2) continue;
    const near = nearestPointOnLine(lineString(line), point(p), { units: 'meters' });
    best = Math.min(best, near.properties.dist);
  }
  return best;
}

/**
 * Distance from a point to a geometry, metres: 0 inside a polygon, else to the nearest vertex/edge.
 */
export function distanceToGeometryM(p: LonLat, g: Geometry): number {
  switch (g.type) {
    case 'Point':
      return distance(p, g.coordinates, { units: 'meters' });
    case 'LineString':
      return distanceToLines(p, [g.coordinates]);
    case 'MultiLineString':
      return distanceToLines(p, g.coordinates);
    case 'Polygon':
      return booleanPointInPolygon(p, g) ? 0 : distanceToLines(p, g.coordinates);
    case 'MultiPolygon':
      return booleanPointInPolygon(p, g) ? 0 : distanceToLines(p, g.coordinates.flat());
  }
}

/**
 * Features of the given categories within `radiusM` of a point, nearest first (ties by id, so the
 * order is stable). Linear scan: a route has a handful of stops and the night layers few features.
 */
export function featuresNear(
  p: LonLat,
  features: readonly MapFeature[],
  options: NearbyOptions = {},
): NearbyFeature[] {
  const radius = options.radiusM ?? 300;
  const cats = new Set<CategoryId>(options.categories ?? ['night_zone']);
  const out: NearbyFeature[] = [];
  for (const feature of features) {
    if (!cats.has(feature.properties.category) || options.exclude?.has(feature.properties.id)) continue;
    const d = distanceToGeometryM(p, feature.geometry);
    if (d <= radius) out.push({ feature, distanceM: d });
  }
  return out.sort(
    (a, b) => a.distanceM - b.distanceM || a.feature.properties.id.localeCompare(b.feature.properties.id),
  );
}
