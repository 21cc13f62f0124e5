// Landmark bounds for point-to-point search (ALT): node positions, fastest edge speed and exact times to and from a few landmarks.

import { boundedDijkstra, DijkstraWorkspace } from './dijkstra.ts';
import { METRES_PER_DEGREE, metresPerDegreeLon } from './geo.ts';
import type { RoutingGraph, WalkGraph } from './graph.ts';

/**
 * What A* needs besides the graph: node positions in a planar frame whose distances never exceed the
 * true ones with the fastest walking speed of any edge (straight distance / speed bounds the time),
 * and exact times to and from a few landmarks, which bound it by the triangle inequality
 * (Goldberg & Harrelson, "Computing the shortest path: A* search meets graph theory", SODA 2005).
 */
export interface AStarBound {
  /** Number of landmarks k. */
  landmarks: number;
  /** Numbers per node in `table`: 2 + 2k. */
  stride: number;
  /**
   * One record per node v at [v * stride]: x, y in metres (longitude scaled at the graph's highest
   * |latitude|: never over-long), then for each landmark l the minutes from l to v and from v to l
   * (Infinity when unreachable). One record per node keeps a bound evaluation in one or two cache lines.
   */
  table: Float64Array;
  kx: number;
  lon0: number;
  /** Largest metres per minute of any edge (length / minutes): no walk is faster. */
  maxSpeed: number;
}

/** What preparing a bound reads of a graph (a worker gets only these arrays). */
export type BoundGraph = RoutingGraph & Pick<WalkGraph, 'lon' | 'lat' | 'lengthM' | 'bbox'>;

/** Default number of landmarks: 8 (2 × 8 whole-graph searches once, 144 bytes per node with x, y). */
export const DEFAULT_LANDMARKS = 8;

/**
 * Prepares the bound for one graph and one cost array: 2k whole-graph Dijkstra searches. Landmarks
 * are chosen farthest-first (each the node farthest, by walking time, from those chosen), which puts
 * them on the graph's rim, where they bound best.
 */
export function aStarBound(
  graph: BoundGraph,
  costs: Float32Array,
  landmarks = DEFAULT_LANDMARKS,
): AStarBound {
  const [w, s, , n] = graph.bbox;
  // The smallest metres-per-degree of longitude over the graph: planar distances underestimate.
  const kx = metresPerDegreeLon(Math.max(Math.abs(s), Math.abs(n))) * (1 - 1e-6);
  const nn = graph.nodeCount;
  const k = Math.min(landmarks, nn);
  const stride = 2 + 2 * k;
  const table = new Float64Array(stride * nn);
  for (let i = 0; i < nn; i++) {
    table[i * stride] = ((graph.lon[i] as number) - w) * kx;
    table[i * stride + 1] = (graph.lat[i] as number) * METRES_PER_DEGREE * (1 - 1e-6);
  }
  let maxSpeed = 0;
  for (let e = 0; e < graph.edgeCount; e++) {
    const c = costs[e] as number;
    const len = graph.lengthM[e] as number;
    // Float32 lengths and costs: a hair of slack keeps the bound below every real edge.
    if (c > 0) maxSpeed = Math.max(maxSpeed, (len / c) * (1 + 1e-5));
    else if (len > 0) maxSpeed = Infinity;
  }
  const ws = new DijkstraWorkspace(nn);
  const nearest = new Float64Array(nn).fill(Infinity);
  let next = 0;
  for (let l = 0; l < k; l++) {
    // The first search from node 0 only finds the first landmark (the node farthest from it).
    if (l === 0) {
      boundedDijkstra(graph, costs, [{ node: 0, minutes: 0 }], Infinity, ws, 'from');
      next = farthest(ws, nn, null);
    }
    boundedDijkstra(graph, costs, [{ node: next, minutes: 0 }], Infinity, ws, 'from');
    for (let v = 0; v < nn; v++) {
      const d = ws.minutes(v);
      table[v * stride + 2 + 2 * l] = d;
      if (d < (nearest[v] as number)) nearest[v] = d;
    }
    boundedDijkstra(graph, costs, [{ node: next, minutes: 0 }], Infinity, ws, 'to');
    for (let v = 0; v < nn; v++) table[v * stride + 3 + 2 * l] = ws.minutes(v);
    next = farthest(ws, nn, nearest);
  }
  return { landmarks: k, stride, table, kx, lon0: w, maxSpeed: maxSpeed || 1 };
}

/** Reached node with the largest finite time (of the last search, or in `times` when given). */
function farthest(ws: DijkstraWorkspace, n: number, times: Float64Array | null): number {
  let best = 0;
  let bestD = -1;
  for (let v = 0; v < n; v++) {
    const d = times ? (times[v] as number) : ws.minutes(v);
    if (d !== Infinity && d > bestD) {
      bestD = d;
      best = v;
    }
  }
  return best;
}
