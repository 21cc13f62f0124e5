// Point-to-point walking times: A* between two snapped points, bounded by landmarks (ALT) and straight lines.

import { boundedDijkstra, DijkstraWorkspace } from './dijkstra.ts';
import type { EdgePiece } from './facilities.ts';
import { startPieces } from './facilities.ts';
import { METRES_PER_DEGREE, metresPerDegreeLon } from './geo.ts';
import { edgeTwins, type WalkGraph } from './graph.ts';
import type { EdgeSnap } from './snap.ts';
import { seedsForSnap } from './snap.ts';

/**
 * What A* needs besides the graph: node positions in a planar frame whose distances never exceed the
 * true ones with the fastest walking speed of any edge (straight distance / speed bounds the time),
 * and exact times to and from a few landmarks, which bound it by the triangle inequality
 * (Goldberg & Harrelson, "Computing the shortest path: A* search meets graph theory", SODA 2005).
 */
export interface AStarBound {
  /** Number of landmarks k. */
  landmarks: number;
  /** Minutes from landmark l to node v at [l * n + v] (Infinity when unreachable). */
  fromL: Float64Array;
  /** Minutes from node v to landmark l at [l * n + v]. */
  toL: Float64Array;
  /** Node x, y in metres (longitude scaled at the graph's highest |latitude|: never over-long). */
  x: Float64Array;
  y: Float64Array;
  kx: number;
  lon0: number;
  /** Largest metres per minute of any edge (length / minutes): no walk is faster. */
  maxSpeed: number;
}

/** Default number of landmarks: 8 (2 × 8 whole-graph searches once, 128 bytes per node). */
export const DEFAULT_LANDMARKS = 8;

/**
 * Prepares the bound for one graph and one cost array: 2k whole-graph Dijkstra searches. Landmarks
 * are chosen farthest-first (each the node farthest, by walking time, from those chosen), which puts
 * them on the graph's rim, where they bound best.
 */
export function aStarBound(graph: WalkGraph, costs: Float32Array, landmarks = DEFAULT_LANDMARKS): AStarBound {
  const [w, s, , n] = graph.bbox;
  // The smallest metres-per-degree of longitude over the graph: planar distances underestimate.
  const kx = metresPerDegreeLon(Math.max(Math.abs(s), Math.abs(n))) * (1 - 1e-6);
  const x = new Float64Array(graph.nodeCount);
  const y = new Float64Array(graph.nodeCount);
  for (let i = 0; i < graph.nodeCount; i++) {
    x[i] = ((graph.lon[i] as number) - w) * kx;
    y[i] = (graph.lat[i] as number) * METRES_PER_DEGREE * (1 - 1e-6);
  }
  let maxSpeed = 0;
  for (let e = 0; e < graph.edgeCount; e++) {
    const c = costs[e] as number;
    const len = graph.lengthM[e] as number;
    // Float32 lengths and costs: a hair of slack keeps the bound below every real edge.
    if (c > 0) maxSpeed = Math.max(maxSpeed, (len / c) * (1 + 1e-5));
    else if (len > 0) maxSpeed = Infinity;
  }
  const nn = graph.nodeCount;
  const k = Math.min(landmarks, nn);
  const fromL = new Float64Array(k * nn);
  const toL = new Float64Array(k * nn);
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
      fromL[l * nn + v] = d;
      if (d < (nearest[v] as number)) nearest[v] = d;
    }
    boundedDijkstra(graph, costs, [{ node: next, minutes: 0 }], Infinity, ws, 'to');
    for (let v = 0; v < nn; v++) toL[l * nn + v] = ws.minutes(v);
    next = farthest(ws, nn, nearest);
  }
  return { landmarks: k, fromL, toL, x, y, kx, lon0: w, maxSpeed: maxSpeed || 1 };
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

/** A point-to-point walk: network minutes between the two snapped points and the edge pieces walked. */
export interface PointWalk {
  minutes: number;
  pieces: EdgePiece[];
  /** Nodes the search settled (its work, for benchmarks). */
  settled: number;
}

/**
 * Fastest walk from snapped point `a` to snapped point `b` (network part only, no access legs), by A*
 * with h(v) = the largest of: straight distance from v to b / bound.maxSpeed (every polyline is at
 * least as long as its chord and no edge is walked faster), and for each landmark L
 * d(L, b) − d(L, v) and d(v, L) − d(b, L) (triangle inequality; b's own times are those of its edge
 * ends plus the piece of edge). All are lower bounds of exact times, so h never overestimates and is
 * consistent. The search stops once the smallest f = g + h left is no better than the best arrival.
 * @returns null when b cannot be reached from a
 */
export function walkBetween(
  graph: WalkGraph,
  costs: Float32Array,
  bound: AStarBound,
  a: EdgeSnap,
  b: EdgeSnap,
  ws: DijkstraWorkspace,
): PointWalk | null {
  const twins = edgeTwins(graph);
  ws.reset();
  ws.direction = 'from';
  const { dist, pred, stamp, heapKey: hk, heapNode: hn, heapPos: hp } = ws;
  const gen = ws.gen;
  const bx = (b.lon - bound.lon0) * bound.kx;
  const by = b.lat * METRES_PER_DEGREE * (1 - 1e-6);
  const inv = 1 / bound.maxSpeed;
  const { x, y } = bound;
  const { offsets, target } = graph;
  const { landmarks: k, fromL, toL } = bound;
  const n = graph.nodeCount;
  const bTwin = twins[b.edge] as number;
  const enterFrom = b.fraction * (costs[b.edge] as number); // b.from → b along b.edge
  const enterTo = bTwin >= 0 ? (1 - b.fraction) * (costs[bTwin] as number) : Infinity; // b.to → b
  const leaveTo = (1 - b.fraction) * (costs[b.edge] as number); // b → b.to
  const leaveFrom = bTwin >= 0 ? b.fraction * (costs[bTwin] as number) : Infinity; // b → b.from
  const lb = new Float64Array(k); // d(L, b)
  const bl = new Float64Array(k); // d(b, L)
  for (let l = 0; l < k; l++) {
    lb[l] = Math.min(
      (fromL[l * n + b.from] as number) + enterFrom,
      (fromL[l * n + b.to] as number) + enterTo,
    );
    bl[l] = Math.min(leaveTo + (toL[l * n + b.to] as number), leaveFrom + (toL[l * n + b.from] as number));
  }
  const h = (v: number): number => {
    let best = Math.hypot((x[v] as number) - bx, (y[v] as number) - by) * inv;
    for (let l = 0, at = v; l < k; l++, at += n) {
      // Comparisons skip NaN (∞ − ∞: the landmark tells nothing about v).
      const t1 = (lb[l] as number) - (fromL[at] as number);
      if (t1 > best) best = t1;
      const t2 = (toL[at] as number) - (bl[l] as number);
      if (t2 > best) best = t2;
    }
    return best;
  };

  // Arrivals at b: along a's own edge, or through either end of b's edge.
  let best = Infinity;
  let bestVia = -2; // -1: along a's edge; else the node b's last piece starts from
  let bestPiece: EdgePiece | null = null;
  const aTwin = twins[a.edge] as number;
  const onA = b.edge === a.edge ? b.fraction : b.edge === aTwin ? 1 - b.fraction : -1;
  if (onA >= 0) {
    if (onA >= a.fraction) {
      best = (onA - a.fraction) * (costs[a.edge] as number);
      bestPiece = { edge: a.edge, t0: a.fraction, t1: onA };
    } else if (aTwin >= 0) {
      best = (a.fraction - onA) * (costs[aTwin] as number);
      bestPiece = { edge: aTwin, t0: 1 - a.fraction, t1: 1 - onA };
    }
    if (bestPiece) bestVia = -1;
  }
  let size = 0;
  const push = (v: number, g: number, e: number) => {
    let j: number;
    if (stamp[v] !== gen) {
      stamp[v] = gen;
      j = size++;
    } else if (g < (dist[v] as number)) {
      j = hp[v] as number;
      if (j < 0) return; // settled (a consistent bound settles each node once)
    } else return;
    dist[v] = g;
    pred[v] = e;
    const f = g + h(v);
    while (j > 0) {
      const p = (j - 1) >> 1;
      const pk = hk[p] as number;
      if (pk <= f) break;
      const pv = hn[p] as number;
      hk[j] = pk;
      hn[j] = pv;
      hp[pv] = j;
      j = p;
    }
    hk[j] = f;
    hn[j] = v;
    hp[v] = j;
  };
  for (const s of seedsForSnap(graph, costs, a, 'from')) push(s.node, s.minutes, -1);
  let settled = 0;
  while (size > 0 && (hk[0] as number) < best) {
    const u = hn[0] as number;
    hp[u] = -1;
    settled++;
    size--;
    if (size > 0) {
      const key = hk[size] as number;
      const val = hn[size] as number;
      let i = 0;
      const half = size >> 1;
      while (i < half) {
        let c = 2 * i + 1;
        const r = c + 1;
        if (r < size && (hk[r] as number) < (hk[c] as number)) c = r;
        const ck = hk[c] as number;
        if (ck >= key) break;
        const cv = hn[c] as number;
        hk[i] = ck;
        hn[i] = cv;
        hp[cv] = i;
        i = c;
      }
      hk[i] = key;
      hn[i] = val;
      hp[val] = i;
    }
    const g = dist[u] as number;
    if (u === b.from && g + enterFrom < best) {
      best = g + enterFrom;
      bestVia = u;
      bestPiece = { edge: b.edge, t0: 0, t1: b.fraction };
    }
    if (u === b.to && g + enterTo < best) {
      best = g + enterTo;
      bestVia = u;
      bestPiece = { edge: bTwin, t0: 0, t1: 1 - b.fraction };
    }
    for (let e = offsets[u] as number, end = offsets[u + 1] as number; e < end; e++)
      push(target[e] as number, g + (costs[e] as number), e);
  }
  if (!bestPiece) return null;
  const pieces = bestVia === -1 ? [] : startPieces(graph, a, bestVia, ws);
  pieces.push(bestPiece);
  return { minutes: best, pieces, settled };
}
