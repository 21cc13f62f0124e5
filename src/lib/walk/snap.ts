// Snapping points to the nearest point of a graph EDGE's polyline (not a node) through a flatbush index.

import Flatbush from 'flatbush';
import type { SearchDirection, Seed } from './dijkstra.ts';
import { shapeCumulativeM } from './edge_shape.ts';
import { haversineM, METRES_PER_DEGREE, metresPerDegreeLon, projectOnSegment } from './geo.ts';
import { edgeSources, edgeTwins, type WalkGraph } from './graph.ts';
import { isOffStreet } from './walkable.ts';

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
 * A street point snaps to an indoor or underground edge (isOffStreet) only when no street-level edge
 * lies within this many metres more than it: about a sidewalk plus a building's setback, so a point
 * 5 m off a staircase lands on the staircase, not on the platform 3 m below it.
 */
export const OFF_STREET_SLACK_M = 30;

/**
 * Nearest-edge index over a graph: every segment of every edge polyline, each polyline indexed once
 * (through its forward edge when it has one), so a snap can start walking towards either end.
 */
export class EdgeSnapIndex {
  private readonly index: Flatbush;
  /** Per indexed segment: its first shape point. */
  private readonly itemPoint: Int32Array;
  /** Per indexed segment: the edge it belongs to. */
  private readonly itemEdge: Int32Array;
  private readonly src: Int32Array;
  private readonly offStreet: Uint8Array;
  private readonly cum: Float64Array;

  constructor(readonly graph: WalkGraph) {
    const twins = edgeTwins(graph);
    this.src = edgeSources(graph);
    this.cum = shapeCumulativeM(graph);
    const { shape, edgeCount } = graph;
    this.offStreet = new Uint8Array(edgeCount);
    let count = 0;
    const indexed = (e: number) => {
      const t = twins[e] as number;
      return t < 0 || (shape.chain[e] as number) >= 0;
    };
    for (let e = 0; e < edgeCount; e++) {
      if (isOffStreet(graph.flags[e] as number, graph.layer[e] as number)) this.offStreet[e] = 1;
      if (!indexed(e)) continue;
      const c = shape.chain[e] as number;
      const ci = c < 0 ? ~c : c;
      count += (shape.offsets[ci + 1] as number) - (shape.offsets[ci] as number) - 1;
    }
    this.itemPoint = new Int32Array(count);
    this.itemEdge = new Int32Array(count);
    // Flatbush needs at least one item; an empty graph gets a dummy box that is never matched.
    this.index = new Flatbush(Math.max(1, count));
    let k = 0;
    const { lon, lat } = shape;
    for (let e = 0; e < edgeCount; e++) {
      if (!indexed(e)) continue;
      const c = shape.chain[e] as number;
      const ci = c < 0 ? ~c : c;
      for (let p = shape.offsets[ci] as number, end = (shape.offsets[ci + 1] as number) - 1; p < end; p++) {
        const ax = lon[p] as number;
        const ay = lat[p] as number;
        const bx = lon[p + 1] as number;
        const by = lat[p + 1] as number;
        this.index.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
        this.itemPoint[k] = p;
        this.itemEdge[k++] = e;
      }
    }
    if (count === 0) this.index.add(1e9, 1e9, 1e9, 1e9);
    this.index.finish();
  }

  /**
   * Nearest edge to a point within maxDistanceM, preferring street level: an indoor or underground
   * edge wins only when no other edge is within OFF_STREET_SLACK_M more. Searches a growing box
   * (25 m, ×4 …) and stops as soon as the best exact distance is inside the box searched, which
   * proves nothing closer exists.
   * @param lon degrees
   * @param lat degrees
   * @param maxDistanceM metres (default 300)
   */
  snap(lon: number, lat: number, maxDistanceM = DEFAULT_MAX_SNAP_M): EdgeSnap | null {
    if (this.itemEdge.length === 0 || !Number.isFinite(lon) || !Number.isFinite(lat)) return null;
    const any = this.nearest(lon, lat, maxDistanceM, false);
    if (!any || !this.offStreet[any.edge]) return any;
    return this.nearest(lon, lat, Math.min(maxDistanceM, any.distanceM + OFF_STREET_SLACK_M), true) ?? any;
  }

  private nearest(lon: number, lat: number, maxDistanceM: number, streetOnly: boolean): EdgeSnap | null {
    const g = this.graph;
    const { lon: sx, lat: sy } = g.shape;
    const kx = metresPerDegreeLon(lat);
    let r = Math.min(25, maxDistanceM);
    for (;;) {
      const dLat = r / METRES_PER_DEGREE;
      const dLon = r / kx;
      const hits = this.index.search(lon - dLon, lat - dLat, lon + dLon, lat + dLat);
      let best = -1;
      let bestD2 = Infinity;
      let bestT = 0;
      for (let i = 0; i < hits.length; i++) {
        const item = hits[i] as number;
        const e = this.itemEdge[item] as number;
        if (streetOnly && this.offStreet[e]) continue;
        const p = this.itemPoint[item] as number;
        const q = projectOnSegment(
          lon,
          lat,
          sx[p] as number,
          sy[p] as number,
          sx[p + 1] as number,
          sy[p + 1] as number,
          kx,
        );
        if (q.d2 < bestD2 || (q.d2 === bestD2 && item < best)) {
          bestD2 = q.d2;
          best = item;
          bestT = q.t;
        }
      }
      if (best >= 0 && bestD2 <= r * r) {
        const e = this.itemEdge[best] as number;
        const p = this.itemPoint[best] as number;
        const plon = (sx[p] as number) + ((sx[p + 1] as number) - (sx[p] as number)) * bestT;
        const plat = (sy[p] as number) + ((sy[p + 1] as number) - (sy[p] as number)) * bestT;
        const distanceM = haversineM(lon, lat, plon, plat);
        if (distanceM > maxDistanceM) return null;
        // Fraction of the edge's length: distance along the chain up to the projection.
        const c = g.shape.chain[e] as number;
        const ci = c < 0 ? ~c : c;
        const first = g.shape.offsets[ci] as number;
        const last = (g.shape.offsets[ci + 1] as number) - 1;
        const cum = this.cum;
        const total = (cum[last] as number) - (cum[first] as number);
        const along =
          (cum[p] as number) - (cum[first] as number) + ((cum[p + 1] as number) - (cum[p] as number)) * bestT;
        let fraction = total > 0 ? Math.min(1, along / total) : 0;
        if (c < 0) fraction = 1 - fraction;
        return {
          edge: e,
          from: this.src[e] as number,
          to: g.target[e] as number,
          fraction,
          lon: plon,
          lat: plat,
          distanceM,
        };
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
