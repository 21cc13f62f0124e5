// Point-to-point walking times: A* between two snapped points, bounded by landmarks (ALT) and straight lines.

import { boundedDijkstra, DijkstraWorkspace } from './dijkstra.ts';
import type { EdgePiece } from './facilities.ts';
import { startPieces } from './facilities.ts';
import { METRES_PER_DEGREE, metresPerDegreeLon } from './geo.ts';
import { edgeTwins, type RoutingGraph, type WalkGraph } from './graph.ts';
import type { EdgeSnap } from './snap.ts';

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
  let hv = heuristics.get(ws);
  if (!hv) {
    hv = new Float64Array(ws.nodeCount);
    heuristics.set(ws, hv);
  }
  const bx = (b.lon - bound.lon0) * bound.kx;
  const by = b.lat * METRES_PER_DEGREE * (1 - 1e-6);
  const inv = 1 / bound.maxSpeed;
  const { offsets, target } = graph;
  const { landmarks: k, table, stride } = bound;
  const bTwin = twins[b.edge] as number;
  const enterFrom = b.fraction * (costs[b.edge] as number); // b.from → b along b.edge
  const enterTo = bTwin >= 0 ? (1 - b.fraction) * (costs[bTwin] as number) : Infinity; // b.to → b
  const leaveTo = (1 - b.fraction) * (costs[b.edge] as number); // b → b.to
  const leaveFrom = bTwin >= 0 ? b.fraction * (costs[bTwin] as number) : Infinity; // b → b.from
  // Per landmark l: d(L, b) at [2l], d(b, L) at [2l + 1], in the order of a node's record.
  const lbl = scratch(2 * k);
  const bf = b.from * stride + 2;
  const bt = b.to * stride + 2;
  for (let l = 0; l < 2 * k; l += 2) {
    lbl[l] = Math.min((table[bf + l] as number) + enterFrom, (table[bt + l] as number) + enterTo);
    lbl[l + 1] = Math.min(leaveTo + (table[bt + l + 1] as number), leaveFrom + (table[bf + l + 1] as number));
  }

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
  // Seeds (a's edge ends, as seedsForSnap 'from' orders them), then each settled node's edges, all
  // through one inlined push: a closure here cost a boxed number per call.
  const seedTo = (1 - a.fraction) * (costs[a.edge] as number);
  const seedFrom = aTwin >= 0 ? a.fraction * (costs[aTwin] as number) : Infinity;
  let size = 0;
  let settled = 0;
  let u = -1;
  let gu = 0;
  for (;;) {
    const first = u < 0 ? 0 : (offsets[u] as number);
    const end = u < 0 ? (aTwin >= 0 ? 2 : 1) : (offsets[u + 1] as number);
    for (let e = first; e < end; e++) {
      let v: number;
      let g: number;
      let via: number;
      if (u < 0) {
        v = e === 0 ? a.to : a.from;
        g = e === 0 ? seedTo : seedFrom;
        via = -1;
      } else {
        v = target[e] as number;
        g = gu + (costs[e] as number);
        via = e;
      }
      let j: number;
      let h: number;
      if (stamp[v] !== gen) {
        stamp[v] = gen;
        j = size++;
        // h(v), once per node and query; comparisons skip NaN (∞ − ∞: the landmark tells nothing).
        const at = v * stride;
        const dx = (table[at] as number) - bx;
        const dy = (table[at + 1] as number) - by;
        h = Math.sqrt(dx * dx + dy * dy) * inv;
        for (let l = 0, t = at + 2; l < 2 * k; l += 2, t += 2) {
          const t1 = (lbl[l] as number) - (table[t] as number);
          if (t1 > h) h = t1;
          const t2 = (table[t + 1] as number) - (lbl[l + 1] as number);
          if (t2 > h) h = t2;
        }
        hv[v] = h;
      } else if (g < (dist[v] as number)) {
        j = hp[v] as number;
        if (j < 0) continue; // settled (a consistent bound settles each node once)
        h = hv[v] as number;
      } else continue;
      dist[v] = g;
      pred[v] = via;
      const f = g + h;
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
    }
    if (!(size > 0 && (hk[0] as number) < best)) break;
    u = hn[0] as number;
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
    gu = dist[u] as number;
    if (u === b.from && gu + enterFrom < best) {
      best = gu + enterFrom;
      bestVia = u;
      bestPiece = { edge: b.edge, t0: 0, t1: b.fraction };
    }
    if (u === b.to && gu + enterTo < best) {
      best = gu + enterTo;
      bestVia = u;
      bestPiece = { edge: bTwin, t0: 0, t1: 1 - b.fraction };
    }
  }
  if (!bestPiece) return null;
  const pieces = bestVia === -1 ? [] : startPieces(graph, a, bestVia, ws);
  pieces.push(bestPiece);
  return { minutes: best, pieces, settled };
}

/** Per workspace: h(v) of the current query, valid where the workspace's stamp is current. */
const heuristics = new WeakMap<DijkstraWorkspace, Float64Array>();

let scratchBuf = new Float64Array(32);
/** A reused buffer of at least `n` numbers (one query at a time: JS is single-threaded). */
function scratch(n: number): Float64Array {
  if (scratchBuf.length < n) scratchBuf = new Float64Array(n);
  return scratchBuf;
}
