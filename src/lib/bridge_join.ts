// Which same-named OSM bridge parts are one bridge, and which part names it: one rule for the importer and the live download.

import { METRES_PER_DEGREE, metresPerDegreeLon } from './walk/geo.ts';

/**
 * Parts of a same-named bridge whose extents lie this close, metres, are one bridge: carriageways and
 * segments of one crossing lie within a few tens of metres, while a street's bridges over two streams, or
 * two bridges sharing a name in different places, are hundreds of metres apart.
 */
export const BRIDGE_JOIN_M = 100;

/** [west, south, east, north], WGS-84 degrees. */
export type PartBounds = readonly [number, number, number, number];

/** What the rule needs of a part: its OSM identity and its extent (the live download knows no more). */
export interface BridgePart {
  type: 'node' | 'way' | 'relation';
  id: number;
  bounds: PartBounds;
}

const TYPE_ORDER = { node: 0, way: 1, relation: 2 } as const;

/** OSM order: nodes, then ways, then relations, each by id. The first part of a bridge gives its id. */
export function compareOsm(a: Pick<BridgePart, 'type' | 'id'>, b: Pick<BridgePart, 'type' | 'id'>): number {
  return TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || a.id - b.id;
}

/**
 * Shortest distance between two extents, metres (0 when they touch or overlap), in a local equirectangular
 * frame at their mean latitude: well under 1 % off at the scale of a bridge.
 */
export function boundsGapM(a: PartBounds, b: PartBounds): number {
  const lat = (a[1] + a[3] + b[1] + b[3]) / 4;
  const dx = Math.max(0, b[0] - a[2], a[0] - b[2]) * metresPerDegreeLon(lat);
  const dy = Math.max(0, b[1] - a[3], a[1] - b[3]) * METRES_PER_DEGREE;
  return Math.hypot(dx, dy);
}

/**
 * Splits the parts of one name into bridges: single linkage at BRIDGE_JOIN_M between extents. Each bridge
 * lists its parts in OSM order (`compareOsm`: the first names it); bridges come in the order of their first
 * part.
 * @param partOf how to read a part's identity and extent
 */
export function splitBridgeParts<P>(parts: readonly P[], partOf: (p: P) => BridgePart): P[][] {
  const refs = parts.map(partOf);
  const group = parts.map((_, i) => i);
  const root = (i: number): number => (group[i] === i ? i : root(group[i]!));
  for (let i = 0; i < parts.length; i++)
    for (let j = i + 1; j < parts.length; j++)
      if (root(i) !== root(j) && boundsGapM(refs[i]!.bounds, refs[j]!.bounds) <= BRIDGE_JOIN_M)
        group[root(j)] = root(i);
  const out = new Map<number, number[]>();
  parts.forEach((_, i) => {
    const r = root(i);
    out.set(r, [...(out.get(r) ?? []), i]);
  });
  return [...out.values()]
    .map((g) => g.sort((x, y) => compareOsm(refs[x]!, refs[y]!)))
    .sort((x, y) => compareOsm(refs[x[0]!]!, refs[y[0]!]!))
    .map((g) => g.map((i) => parts[i]!));
}
