// Snapping points to the nearest graph EDGE (not node) through a flatbush index of edge bounding boxes.

import Flatbush from 'flatbush';
import type { SearchDirection, Seed } from './dijkstra.ts';
import { haversineM, METRES_PER_DEGREE, metresPerDegreeLon, projectOnSegment } from './geo.ts';
import { edgeSources, edgeTwins, type WalkGraph } from './graph.ts';

/** A point snapped onto an edge. */
export interface EdgeSnap {
  /** Directed edge id (from → to). Its opposite edge, if any, is edgeTwins(graph)[edge]. */
  edge: number;
  from: number;
  to: number;
  /** Position along the edge, 0 at `from`, 1 at `to`. */
  fraction: number;
  /** Projected point on the edge, degrees. */
  lon: number;
  lat: number;
  /** Distance from the query point to the projected point, metres. */
  distanceM: number;
}

/** Default largest snap distance, metres: beyond it a point is "off the network". */
export const DEFAULT_MAX_SNAP_M = 300;

/**
 * Nearest-edge index over a graph. Each undirected segment is indexed once (its lower-id direction),
 * so a snap can start walking towards either end.
 */
export class EdgeSnapIndex {
  private readonly index: Flatbush;
  private readonly edgeOf: Int32Array;
  private readonly src: Int32Array;

  constructor(readonly graph: WalkGraph) {
    const twins = edgeTwins(graph);
    const src = edgeSources(graph);
    const { target, lon, lat, edgeCount } = graph;
    let count = 0;
    for (let e = 0; e < edgeCount; e++) {
      const t = twins[e] as number;
      if (t < 0 || e < t) count++;
    }
    this.edgeOf = new Int32Array(count);
    // Flatbush needs at least one item; an empty graph gets a dummy box that is never matched.
    this.index = new Flatbush(Math.max(1, count));
    let k = 0;
    for (let e = 0; e < edgeCount; e++) {
      const t = twins[e] as number;
      if (!(t < 0 || e < t)) continue;
      const a = src[e] as number;
      const b = target[e] as number;
      const ax = lon[a] as number;
      const ay = lat[a] as number;
      const bx = lon[b] as number;
      const by = lat[b] as number;
      this.index.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
      this.edgeOf[k++] = e;
    }
    if (count === 0) this.index.add(1e9, 1e9, 1e9, 1e9);
    this.index.finish();
    this.src = src;
  }

  /**
   * Nearest edge to a point within maxDistanceM. Searches a growing box (25 m, ×4 …) and stops as soon
   * as the best exact distance is inside the box searched, which proves nothing closer exists.
   * @param lon degrees
   * @param lat degrees
   * @param maxDistanceM metres (default 300)
   */
  snap(lon: number, lat: number, maxDistanceM = DEFAULT_MAX_SNAP_M): EdgeSnap | null {
    const g = this.graph;
    if (this.edgeOf.length === 0 || !Number.isFinite(lon) || !Number.isFinite(lat)) return null;
    const kx = metresPerDegreeLon(lat);
    let r = Math.min(25, maxDistanceM);
    for (;;) {
      const dLat = r / METRES_PER_DEGREE;
      const dLon = r / kx;
      const hits = this.index.search(lon - dLon, lat - dLat, lon + dLon, lat + dLat);
      let bestE = -1;
      let bestD2 = Infinity;
      let bestT = 0;
      for (let i = 0; i < hits.length; i++) {
        const e = this.edgeOf[hits[i] as number] as number;
        const a = this.src[e] as number;
        const b = g.target[e] as number;
        const p = projectOnSegment(
          lon,
          lat,
          g.lon[a] as number,
          g.lat[a] as number,
          g.lon[b] as number,
          g.lat[b] as number,
          kx,
        );
        if (p.d2 < bestD2 || (p.d2 === bestD2 && e < bestE)) {
          bestD2 = p.d2;
          bestE = e;
          bestT = p.t;
        }
      }
      if (bestE >= 0 && bestD2 <= r * r) {
        const a = this.src[bestE] as number;
        const b = g.target[bestE] as number;
        const plon = (g.lon[a] as number) + ((g.lon[b] as number) - (g.lon[a] as number)) * bestT;
        const plat = (g.lat[a] as number) + ((g.lat[b] as number) - (g.lat[a] as number)) * bestT;
        const distanceM = haversineM(lon, lat, plon, plat);
        if (distanceM > maxDistanceM) return null;
        return { edge: bestE, from: a, to: b, fraction: bestT, lon: plon, lat: plat, distanceM };
      }
      if (r >= maxDistanceM) return null;
      r = Math.min(maxDistanceM, r * 4);
    }
  }
}

/**
 * Search seeds for a snapped point: its two edge ends with the partial cost of the piece of edge
 * between the point and each end. 'from' seeds walk away from the point; 'to' seeds walk to it.
 * A one-way edge (oneway:foot) gives a single seed.
 * @param costs minutes per edge
 * @param source label copied to the seeds
 */
export function seedsForSnap(
  graph: WalkGraph,
  costs: Float32Array,
  snap: EdgeSnap,
  direction: SearchDirection,
  source = 0,
): Seed[] {
  const twin = edgeTwins(graph)[snap.edge] as number;
  const t = snap.fraction;
  const fwd = costs[snap.edge] as number;
  const seeds: Seed[] = [];
  if (direction === 'from') {
    seeds.push({ node: snap.to, minutes: (1 - t) * fwd, source });
    if (twin >= 0) seeds.push({ node: snap.from, minutes: t * (costs[twin] as number), source });
  } else {
    seeds.push({ node: snap.from, minutes: t * fwd, source });
    if (twin >= 0) seeds.push({ node: snap.to, minutes: (1 - t) * (costs[twin] as number), source });
  }
  return seeds;
}
