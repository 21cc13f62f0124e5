// Point-to-point walking times: bidirectional A* between two snapped points, bounded by landmarks (ALT) and straight lines.

import { DijkstraWorkspace, pathEdges, reverseAdjacency } from './dijkstra.ts';
import type { EdgePiece } from './facilities.ts';
import { startPieces } from './facilities.ts';
import { METRES_PER_DEGREE } from './geo.ts';
import type { WalkGraph } from './graph.ts';
import { heapPopMin as popMin, heapSiftUp as siftUp } from './heap.ts';
import type { AStarBound } from './landmarks.ts';
import type { EdgeSnap } from './snap.ts';
import { snapSeeds } from './snap_seeds.ts';

/** A point-to-point walk: network minutes between the two snapped points and the edge pieces walked. */
export interface PointWalk {
  minutes: number;
  pieces: EdgePiece[];
  /** Nodes the search settled (its work, for benchmarks). */
  settled: number;
}

/**
 * Fastest walk from snapped point `a` to snapped point `b` (network part only, no access legs), by
 * bidirectional A* (Goldberg & Harrelson's bidirectional ALT): a forward search from a and a backward
 * one from b, both on edge costs reduced by the average potential p(v) = (π_f(v) − π_r(v)) / 2, where
 * π_f(v) bounds the time from v to b and π_r(v) the time from a to v, each the largest of the straight
 * distance / bound.maxSpeed (no edge is walked faster than its chord) and, per landmark L, the two
 * triangle-inequality bounds (a's and b's own landmark times are those of their edge ends plus the
 * piece of edge). Both π are consistent, so p is, and the backward search's −p is too: each search
 * settles a node once, and the walk is optimal once the two smallest keys sum to no less than the best
 * meeting found (reduced keys: the potentials cancel). The side with the smaller key moves next.
 * @returns null when b cannot be reached from a
 */
export function walkBetween(
  graph: WalkGraph,
  costs: Float32Array,
  bound: AStarBound,
  a: EdgeSnap,
  b: EdgeSnap,
  wf: DijkstraWorkspace,
): PointWalk | null {
  const { offsets, target } = graph;
  const { offsets: roff, adj: radj, edgeId } = reverseAdjacency(graph);
  const reid = edgeId as Int32Array; // a transpose always names its forward edges
  const st = stateFor(wf);
  const wr = st.back;
  wf.reset();
  wr.reset();
  wf.direction = 'from';
  wr.direction = 'to';
  const pF = st.potF;
  const pR = st.potR;
  const genF = wf.gen;
  const genR = wr.gen;
  const { table, stride, landmarks: k } = bound;
  const k2 = 2 * k;
  const inv = 1 / bound.maxSpeed;
  const bx = (b.lon - bound.lon0) * bound.kx;
  const by = b.lat * METRES_PER_DEGREE * (1 - 1e-6);
  const ax = (a.lon - bound.lon0) * bound.kx;
  const ay = a.lat * METRES_PER_DEGREE * (1 - 1e-6);
  const seeds = snapSeeds(graph, costs, a, b);
  const { aTwin, bTwin, direct, node: seedNode, minutes: seedMinutes } = seeds;
  const seedTo = seedMinutes[0] as number; // a → a.to
  const seedFrom = seedMinutes[1] as number; // a → a.from
  const enterFrom = seedMinutes[2] as number; // b.from → b along b.edge
  const enterTo = seedMinutes[3] as number; // b.to → b
  const intoA = a.fraction * (costs[a.edge] as number); // a.from → a
  const intoAFromTo = aTwin >= 0 ? (1 - a.fraction) * (costs[aTwin] as number) : Infinity; // a.to → a
  const leaveTo = (1 - b.fraction) * (costs[b.edge] as number); // b → b.to
  const leaveFrom = bTwin >= 0 ? b.fraction * (costs[bTwin] as number) : Infinity; // b → b.from
  // Per landmark l, in the order of a node's record: d(L, b), d(b, L) at [2l, 2l + 1] and d(L, a),
  // d(a, L) at [2k + 2l, 2k + 2l + 1].
  const lm = scratch(4 * k);
  const bf = b.from * stride + 2;
  const bt = b.to * stride + 2;
  const af = a.from * stride + 2;
  const at = a.to * stride + 2;
  for (let l = 0; l < k2; l += 2) {
    lm[l] = Math.min((table[bf + l] as number) + enterFrom, (table[bt + l] as number) + enterTo);
    lm[l + 1] = Math.min(leaveTo + (table[bt + l + 1] as number), leaveFrom + (table[bf + l + 1] as number));
    lm[k2 + l] = Math.min((table[af + l] as number) + intoA, (table[at + l] as number) + intoAFromTo);
    lm[k2 + l + 1] = Math.min(
      seedTo + (table[at + l + 1] as number),
      seedFrom + (table[af + l + 1] as number),
    );
  }

  // Best arrival so far: along a's own edge, or through a node both searches reached (`meet`).
  let best = seeds.directMinutes;
  let meet = direct ? -1 : -2; // -1: along a's edge
  const { dist: dF, pred: prF, stamp: sF, heapKey: kF, heapNode: nF, heapPos: posF } = wf;
  const { dist: dR, pred: prR, stamp: sR, heapKey: kR, heapNode: nR, heapPos: posR } = wr;
  let sizeF = 0;
  let sizeR = 0;
  let settled = 0;
  // Seeds: a's edge ends forward (as seedsForSnap 'from' orders them), b's edge ends backward. A
  // backward seed's pred says which end the walk enters b from (-1: b.from, -2: b.to).
  for (let s = 0; s < 4; s++) {
    const v = seedNode[s] as number;
    const g = seedMinutes[s] as number;
    if (g === Infinity) continue;
    if (s < 2) {
      let j: number;
      if (sF[v] !== genF) {
        sF[v] = genF;
        // One potential per node and query: the other search may have computed it.
        pF[v] =
          sR[v] === genR ? -(pR[v] as number) : potential(table, stride, lm, k2, v, bx, by, ax, ay, inv);
        j = sizeF++;
      } else if (g < (dF[v] as number)) j = posF[v] as number;
      else continue;
      dF[v] = g;
      prF[v] = -1;
      siftUp(kF, nF, posF, j, g + (pF[v] as number), v);
      if (sR[v] === genR && g + (dR[v] as number) < best) {
        best = g + (dR[v] as number);
        meet = v;
      }
    } else {
      let j: number;
      if (sR[v] !== genR) {
        sR[v] = genR;
        pR[v] =
          sF[v] === genF ? -(pF[v] as number) : -potential(table, stride, lm, k2, v, bx, by, ax, ay, inv);
        j = sizeR++;
      } else if (g < (dR[v] as number)) j = posR[v] as number;
      else continue;
      dR[v] = g;
      prR[v] = s === 2 ? -1 : -2;
      siftUp(kR, nR, posR, j, g + (pR[v] as number), v);
      if (sF[v] === genF && g + (dF[v] as number) < best) {
        best = g + (dF[v] as number);
        meet = v;
      }
    }
  }
  for (;;) {
    const topF = sizeF > 0 ? (kF[0] as number) : Infinity;
    const topR = sizeR > 0 ? (kR[0] as number) : Infinity;
    if (!(topF + topR < best)) break;
    settled++;
    if (topF <= topR) {
      const u = popMin(kF, nF, posF, --sizeF);
      const gu = dF[u] as number;
      for (let e = offsets[u] as number, end = offsets[u + 1] as number; e < end; e++) {
        const v = target[e] as number;
        const g = gu + (costs[e] as number);
        let j: number;
        if (sF[v] !== genF) {
          sF[v] = genF;
          // One potential per node and query: the other search may have computed it.
          pF[v] =
            sR[v] === genR ? -(pR[v] as number) : potential(table, stride, lm, k2, v, bx, by, ax, ay, inv);
          j = sizeF++;
        } else if (g < (dF[v] as number)) {
          j = posF[v] as number;
          if (j < 0) continue; // settled
        } else continue;
        dF[v] = g;
        prF[v] = e;
        siftUp(kF, nF, posF, j, g + (pF[v] as number), v);
        if (sR[v] === genR && g + (dR[v] as number) < best) {
          best = g + (dR[v] as number);
          meet = v;
        }
      }
    } else {
      const u = popMin(kR, nR, posR, --sizeR);
      const gu = dR[u] as number;
      for (let q = roff[u] as number, end = roff[u + 1] as number; q < end; q++) {
        const v = radj[q] as number;
        const e = reid[q] as number;
        const g = gu + (costs[e] as number);
        let j: number;
        if (sR[v] !== genR) {
          sR[v] = genR;
          pR[v] =
            sF[v] === genF ? -(pF[v] as number) : -potential(table, stride, lm, k2, v, bx, by, ax, ay, inv);
          j = sizeR++;
        } else if (g < (dR[v] as number)) {
          j = posR[v] as number;
          if (j < 0) continue;
        } else continue;
        dR[v] = g;
        prR[v] = e;
        siftUp(kR, nR, posR, j, g + (pR[v] as number), v);
        if (sF[v] === genF && g + (dF[v] as number) < best) {
          best = g + (dF[v] as number);
          meet = v;
        }
      }
    }
  }
  if (meet === -2) return null;
  if (meet === -1) return { minutes: best, pieces: [direct as EdgePiece], settled };
  const pieces = startPieces(graph, a, meet, wf);
  const tail = pathEdges(graph, prR, meet, 'to');
  for (const e of tail) pieces.push({ edge: e, t0: 0, t1: 1 });
  const last = tail.length > 0 ? (target[tail[tail.length - 1] as number] as number) : meet;
  pieces.push(
    prR[last] === -1 ? { edge: b.edge, t0: 0, t1: b.fraction } : { edge: bTwin, t0: 0, t1: 1 - b.fraction },
  );
  return { minutes: best, pieces, settled };
}

/**
 * p(v) = (π_f(v) − π_r(v)) / 2 in minutes: π_f bounds v → b, π_r bounds a → v (see walkBetween; `lm`
 * holds b's then a's landmark times). Comparisons skip NaN (∞ − ∞: the landmark tells nothing).
 */
function potential(
  table: Float64Array,
  stride: number,
  lm: Float64Array,
  k2: number,
  v: number,
  bx: number,
  by: number,
  ax: number,
  ay: number,
  inv: number,
): number {
  const at = v * stride;
  const x = table[at] as number;
  const y = table[at + 1] as number;
  let dx = x - bx;
  let dy = y - by;
  let hf = Math.sqrt(dx * dx + dy * dy) * inv;
  dx = x - ax;
  dy = y - ay;
  let hr = Math.sqrt(dx * dx + dy * dy) * inv;
  for (let l = 0, t = at + 2; l < k2; l += 2, t += 2) {
    const fromL = table[t] as number;
    const toL = table[t + 1] as number;
    const f1 = (lm[l] as number) - fromL;
    if (f1 > hf) hf = f1;
    const f2 = toL - (lm[l + 1] as number);
    if (f2 > hf) hf = f2;
    const r1 = fromL - (lm[k2 + l] as number);
    if (r1 > hr) hr = r1;
    const r2 = (lm[k2 + l + 1] as number) - toL;
    if (r2 > hr) hr = r2;
  }
  return (hf - hr) * 0.5;
}

/** Per forward workspace: the backward search's workspace and both searches' potentials. */
interface BackState {
  back: DijkstraWorkspace;
  potF: Float64Array;
  potR: Float64Array;
}
const backStates = new WeakMap<DijkstraWorkspace, BackState>();
function stateFor(ws: DijkstraWorkspace): BackState {
  let s = backStates.get(ws);
  if (!s) {
    const n = ws.nodeCount;
    s = { back: new DijkstraWorkspace(n), potF: new Float64Array(n), potR: new Float64Array(n) };
    backStates.set(ws, s);
  }
  return s;
}

let scratchBuf = new Float64Array(32);
/** A reused buffer of at least `n` numbers (one query at a time: JS is single-threaded). */
function scratch(n: number): Float64Array {
  if (scratchBuf.length < n) scratchBuf = new Float64Array(n);
  return scratchBuf;
}
