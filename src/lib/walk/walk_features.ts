// Walking results as GeoJSON Features, for the map and exports.

import type { IsochroneResult, RouteResult, WalkMethod } from './engine.ts';
import type { MultiPolygonCoords } from './isochrone.ts';
import type { RoutePart } from './path.ts';

/** A route as a GeoJSON LineString Feature (for the map and exports; `method` says network or estimate). */
export function routeToFeature(route: RouteResult): {
  type: 'Feature';
  geometry: { type: 'LineString'; coordinates: [number, number][] };
  properties: { method: WalkMethod; minutes: number; metres: number; parts: RoutePart[] };
} {
  return {
    type: 'Feature',
    geometry: { type: 'LineString', coordinates: route.coordinates },
    properties: { method: route.method, minutes: route.minutes, metres: route.metres, parts: route.parts },
  };
}

/**
 * Isochrone bands as a GeoJSON FeatureCollection of MultiPolygons, widest band first so that drawing
 * in order leaves the narrower bands on top.
 */
export function isochronesToFeatureCollection(bands: readonly IsochroneResult[]): {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    geometry: { type: 'MultiPolygon'; coordinates: MultiPolygonCoords };
    properties: { minutes: number; method: WalkMethod };
  }[];
} {
  return {
    type: 'FeatureCollection',
    features: [...bands]
      .sort((a, b) => b.minutes - a.minutes)
      .map((b) => ({
        type: 'Feature' as const,
        geometry: { type: 'MultiPolygon' as const, coordinates: b.coordinates },
        properties: { minutes: b.minutes, method: b.method },
      })),
  };
}
