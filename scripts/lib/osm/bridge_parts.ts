// Named bridges drawn as several OSM objects in the importer: their parts split by the shared rule, and one geometry.

import type { Position } from 'geojson';
import { splitBridgeParts as splitByRule } from '../../../src/lib/bridge_join.ts';
import type { OsmElement } from './osm_elements.ts';

export { BRIDGE_JOIN_M } from '../../../src/lib/bridge_join.ts';

function verticesOf(g: OsmElement['geometry']): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'LineString':
      return g.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
  }
}

/** [west, south, east, north] of an element's vertices, degrees. */
function boundsOf(e: OsmElement): [number, number, number, number] {
  const vs = verticesOf(e.geometry);
  let [w, s, east, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of vs) {
    w = Math.min(w, lon!);
    s = Math.min(s, lat!);
    east = Math.max(east, lon!);
    n = Math.max(n, lat!);
  }
  return [w, s, east, n];
}

/**
 * Splits same-named bridge parts into bridges by the rule the live download also uses
 * (src/lib/bridge_join.ts: extents within BRIDGE_JOIN_M; the first part in OSM order names the bridge).
 */
export function splitBridgeParts(parts: readonly OsmElement[]): OsmElement[][] {
  return splitByRule(parts, (e) => ({ type: e.type, id: e.id, bounds: boundsOf(e) }));
}

/** One geometry for the parts of a joined bridge: its areas if it has any, else all its lines and points. */
export function joinedGeometry(parts: readonly OsmElement[]): OsmElement['geometry'] {
  if (parts.length === 1) return parts[0]!.geometry;
  const polygons = parts.flatMap((p) =>
    p.geometry.type === 'Polygon'
      ? [p.geometry.coordinates]
      : p.geometry.type === 'MultiPolygon'
        ? p.geometry.coordinates
        : [],
  );
  if (polygons.length > 0) return { type: 'MultiPolygon', coordinates: polygons };
  const lines = parts.flatMap((p): Position[][] =>
    p.geometry.type === 'LineString'
      ? [p.geometry.coordinates]
      : p.geometry.type === 'MultiLineString'
        ? p.geometry.coordinates
        : p.geometry.type === 'Point'
          ? [[p.geometry.coordinates]]
          : [],
  );
  return { type: 'MultiLineString', coordinates: lines };
}
