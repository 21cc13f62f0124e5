// Named bridges drawn as several OSM objects: which parts are one bridge, and that bridge's geometry.

import type { Position } from 'geojson';
import { haversineM } from '../../../src/lib/walk/geo.ts';
import type { OsmElement } from './osm_elements.ts';

/** Elements in a stable order: by type (node, relation, way), then id. */
const ORDER = (a: OsmElement, b: OsmElement) => a.type.localeCompare(b.type) || a.id - b.id;

/**
 * Parts of a same-named bridge this close (nearest vertices, metres) are one bridge: carriageways and
 * segments of one crossing lie within a few tens of metres, while a street's bridges over two streams, or
 * two bridges sharing a name in different places, are hundreds of metres apart.
 */
export const BRIDGE_JOIN_M = 100;

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

/** Splits same-named bridge parts into bridges: single linkage at BRIDGE_JOIN_M between nearest vertices. */
export function splitBridgeParts(parts: readonly OsmElement[]): OsmElement[][] {
  const vs = parts.map((p) => verticesOf(p.geometry));
  const near = (i: number, j: number) =>
    vs[i]!.some((a) => vs[j]!.some((b) => haversineM(a[0]!, a[1]!, b[0]!, b[1]!) <= BRIDGE_JOIN_M));
  const group = parts.map((_, i) => i);
  const root = (i: number): number => (group[i] === i ? i : root(group[i]!));
  for (let i = 0; i < parts.length; i++)
    for (let j = i + 1; j < parts.length; j++)
      if (root(i) !== root(j) && near(i, j)) group[root(j)] = root(i);
  const out = new Map<number, OsmElement[]>();
  parts.forEach((p, i) => {
    const r = root(i);
    out.set(r, [...(out.get(r) ?? []), p]);
  });
  return [...out.values()].map((g) => g.sort(ORDER));
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
