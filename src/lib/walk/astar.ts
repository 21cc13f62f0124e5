// Point-to-point walking times: A* between two snapped points with a straight-line lower bound.

import type { DijkstraWorkspace } from './dijkstra.ts';
import type { EdgePiece } from './facilities.ts';
import { startPieces } from './facilities.ts';
import { METRES_PER_DEGREE, metresPerDegreeLon } from './geo.ts';
import { edgeTwins, type WalkGraph } from './graph.ts';
import type { EdgeSnap } from './snap.ts';
import { seedsForSnap } from './snap.ts';

/**
 * What A* needs besides the graph: node positions in a planar frame whose distances never exceed the
 * true ones, and the fastest walking speed of any edge, so straight distance / speed bounds the time.
 */
export interface AStarBound {
  /** Node x, y in metres (longitude scaled at the graph's highest |latitude|: never over-long). */
  x: Float64Array;
  y: Float64Array;
  kx: number;
  lon0: number;
  /** Largest metres per minute of any edge (length / minutes): no walk is faster. */
  maxSpeed: number;
}

/** Prepares the bound for one graph and one cost array (O(nodes + edges)). */
export function aStarBound(graph: WalkGraph, costs: Float32Array): AStarBound {
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
  return { x, y, kx, lon0: w, maxSpeed: maxSpeed || 1 };
}

/** A point-to-point walk: network minutes between the two snapped points and the edge pieces walked. */
export interface PointWalk {
  minutes: number;
  pieces: EdgePiece[];
}

/**
 * Fastest walk from snapped point `a` to snapped point `b` (network part only, no access legs), by A*
 * with h(v) = straight distance from v to b / bound.maxSpeed, which never overestimates: every edge's
 * polyline is at least as long as its chord and no edge is walked faster than maxSpeed. The search
 * stops once the smallest f = g + h left is no better than the best arrival at b.
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
  const h = (v: number) => Math.hypot((x[v] as number) - bx, (y[v] as number) - by) * inv;

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
  const bTwin = twins[b.edge] as number;
  const enterFrom = b.fraction * (costs[b.edge] as number); // b.from → b along b.edge
  const enterTo = bTwin >= 0 ? (1 - b.fraction) * (costs[bTwin] as number) : Infinity; // b.to → b

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
  while (size > 0 && (hk[0] as number) < best) {
    const u = hn[0] as number;
    hp[u] = -1;
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
  return { minutes: best, pieces };
}
