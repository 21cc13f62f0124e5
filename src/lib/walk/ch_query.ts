// Point-to-point walks on a contraction hierarchy: bidirectional upward search between snapped points, shortcuts unpacked.

import type { PointWalk } from './astar.ts';
import type { Hierarchy } from './ch_build.ts';
import type { EdgePiece } from './facilities.ts';
import type { WalkGraph } from './graph.ts';
import { heapPopMin, heapSiftUp } from './heap.ts';
import type { EdgeSnap } from './snap.ts';
import { snapSeeds } from './snap_seeds.ts';

/** Both searches' state for one hierarchy, reused by every query (JS runs one query at a time). */
class ChWorkspace {
  readonly distF: Float64Array;
  readonly distR: Float64Array;
  readonly stampF: Uint32Array;
  readonly stampR: Uint32Array;
  /** Node each was reached from, and by which arc (seeds: -1 / -2, which end of the snapped edge). */
  readonly parF: Int32Array;
  readonly parR: Int32Array;
  readonly arcF: Int32Array;
  readonly arcR: Int32Array;
  readonly keyF: Float64Array;
  readonly keyR: Float64Array;
  readonly nodeF: Int32Array;
  readonly nodeR: Int32Array;
  readonly posF: Int32Array;
  readonly posR: Int32Array;
  /** Arcs still to unpack (explicit stack: no recursion). */
  stack = new Int32Array(256);
  /** The forward arcs of the walk being unpacked, in walking order. */
  chain = new Int32Array(64);
  gen = 0;

  constructor(n: number) {
    this.distF = new Float64Array(n);
    this.distR = new Float64Array(n);
    this.stampF = new Uint32Array(n);
    this.stampR = new Uint32Array(n);
    this.parF = new Int32Array(n);
    this.parR = new Int32Array(n);
    this.arcF = new Int32Array(n);
    this.arcR = new Int32Array(n);
    this.keyF = new Float64Array(n);
    this.keyR = new Float64Array(n);
    this.nodeF = new Int32Array(n);
    this.nodeR = new Int32Array(n);
    this.posF = new Int32Array(n);
    this.posR = new Int32Array(n);
  }

  next(): number {
    if (++this.gen === 0xffffffff) {
      this.stampF.fill(0);
      this.stampR.fill(0);
      this.gen = 1;
    }
    return this.gen;
  }
}

const workspaces = new WeakMap<Hierarchy, ChWorkspace>();

/**
 * Fastest walk from snapped point `a` to snapped point `b` (network part only, no access legs) on a
 * contraction hierarchy of (graph, costs): a forward search from a's edge ends over upward arcs and a
 * backward one from b's edge ends over downward arcs (reversed), the side with the smaller key moving
 * first, each stopping once its smallest key reaches the best meeting; stall-on-demand skips a node
 * whose time a higher node already beats. Seeds and the walk along a's own edge are walkBetween's, so
 * the answer is the same walk (an equal-time alternative may be chosen instead), with shortcuts
 * unpacked to the graph's edges.
 * @param costs minutes per edge, the array the hierarchy was built from
 * @returns null when b cannot be reached from a
 */
export function walkBetweenCH(
  graph: WalkGraph,
  costs: Float32Array,
  h: Hierarchy,
  a: EdgeSnap,
  b: EdgeSnap,
): PointWalk | null {
  let ws = workspaces.get(h);
  if (!ws) {
    ws = new ChWorkspace(h.nodeCount);
    workspaces.set(h, ws);
  }
  const gen = ws.next();
  const { distF: dF, distR: dR, stampF: sF, stampR: sR, parF, parR, arcF, arcR } = ws;
  const { keyF: kF, keyR: kR, nodeF: nF, nodeR: nR, posF, posR } = ws;
  const { upOffsets, upHead, upCost, upArc, downOffsets, downTail, downCost, downArc } = h;
  const seeds = snapSeeds(graph, costs, a, b);
  const { aTwin, bTwin, direct, node: seedNode, minutes: seedMinutes } = seeds;
  let best = seeds.directMinutes;
  let meet = direct ? -1 : -2; // -1: along a's edge
  let sizeF = 0;
  let sizeR = 0;
  let settled = 0;
  // Seeds as walkBetween's: a's edge ends forward (a.to first), b's edge ends backward.
  for (let s = 0; s < 4; s++) {
    const fwd = s < 2;
    const v = seedNode[s] as number;
    const g = seedMinutes[s] as number;
    if (g === Infinity) continue;
    const d = fwd ? dF : dR;
    const st = fwd ? sF : sR;
    let j: number;
    if (st[v] !== gen) {
      st[v] = gen;
      j = fwd ? sizeF++ : sizeR++;
    } else if (g < (d[v] as number)) j = (fwd ? posF : posR)[v] as number;
    else continue;
    d[v] = g;
    if (fwd) {
      arcF[v] = s === 0 ? -1 : -2;
      heapSiftUp(kF, nF, posF, j, g, v);
    } else {
      arcR[v] = s === 2 ? -1 : -2;
      heapSiftUp(kR, nR, posR, j, g, v);
    }
    const other = fwd ? sR : sF;
    if (other[v] === gen) {
      const t = g + ((fwd ? dR : dF)[v] as number);
      if (t < best) {
        best = t;
        meet = v;
      }
    }
  }
  for (;;) {
    const topF = sizeF > 0 ? (kF[0] as number) : Infinity;
    const topR = sizeR > 0 ? (kR[0] as number) : Infinity;
    if (!(topF < best || topR < best)) break;
    settled++;
    if (topF <= topR) {
      const u = heapPopMin(kF, nF, posF, --sizeF);
      const gu = dF[u] as number;
      // Stall: a higher node reached earlier gets to u faster, so no fastest walk leaves u upwards.
      let stalled = false;
      for (let q = downOffsets[u] as number, end = downOffsets[u + 1] as number; q < end; q++) {
        const x = downTail[q] as number;
        if (sF[x] === gen && (dF[x] as number) + (downCost[q] as number) < gu) {
          stalled = true;
          break;
        }
      }
      if (stalled) continue;
      for (let q = upOffsets[u] as number, end = upOffsets[u + 1] as number; q < end; q++) {
        const v = upHead[q] as number;
        const g = gu + (upCost[q] as number);
        let j: number;
        if (sF[v] !== gen) {
          sF[v] = gen;
          j = sizeF++;
        } else if (g < (dF[v] as number)) {
          j = posF[v] as number;
          if (j < 0) continue; // settled
        } else continue;
        dF[v] = g;
        parF[v] = u;
        arcF[v] = upArc[q] as number;
        heapSiftUp(kF, nF, posF, j, g, v);
        if (sR[v] === gen && g + (dR[v] as number) < best) {
          best = g + (dR[v] as number);
          meet = v;
        }
      }
    } else {
      const u = heapPopMin(kR, nR, posR, --sizeR);
      const gu = dR[u] as number;
      let stalled = false;
      for (let q = upOffsets[u] as number, end = upOffsets[u + 1] as number; q < end; q++) {
        const y = upHead[q] as number;
        if (sR[y] === gen && (dR[y] as number) + (upCost[q] as number) < gu) {
          stalled = true;
          break;
        }
      }
      if (stalled) continue;
      for (let q = downOffsets[u] as number, end = downOffsets[u + 1] as number; q < end; q++) {
        const v = downTail[q] as number;
        const g = gu + (downCost[q] as number);
        let j: number;
        if (sR[v] !== gen) {
          sR[v] = gen;
          j = sizeR++;
        } else if (g < (dR[v] as number)) {
          j = posR[v] as number;
          if (j < 0) continue;
        } else continue;
        dR[v] = g;
        parR[v] = u;
        arcR[v] = downArc[q] as number;
        heapSiftUp(kR, nR, posR, j, g, v);
        if (sF[v] === gen && g + (dF[v] as number) < best) {
          best = g + (dF[v] as number);
          meet = v;
        }
      }
    }
  }
  if (meet === -2) return null;
  if (meet === -1) return { minutes: best, pieces: [direct as EdgePiece], settled };
  // Forward part: the arcs from the seed up to the meeting node (followed backwards, then walked in order).
  let chainLen = 0;
  let v = meet;
  while ((arcF[v] as number) >= 0) {
    chainLen++;
    v = parF[v] as number;
  }
  const pieces: EdgePiece[] = [
    arcF[v] === -1 ? { edge: a.edge, t0: a.fraction, t1: 1 } : { edge: aTwin, t0: 1 - a.fraction, t1: 1 },
  ];
  if (ws.chain.length < chainLen) ws.chain = new Int32Array(Math.max(chainLen, ws.chain.length * 2));
  const chain = ws.chain;
  v = meet;
  for (let i = chainLen - 1; i >= 0; i--) {
    chain[i] = arcF[v] as number;
    v = parF[v] as number;
  }
  for (let i = 0; i < chainLen; i++) unpack(ws, h, chain[i] as number, pieces);
  v = meet;
  while ((arcR[v] as number) >= 0) {
    unpack(ws, h, arcR[v] as number, pieces);
    v = parR[v] as number;
  }
  pieces.push(
    arcR[v] === -1 ? { edge: b.edge, t0: 0, t1: b.fraction } : { edge: bTwin, t0: 0, t1: 1 - b.fraction },
  );
  return { minutes: best, pieces, settled };
}

/** Appends the edges arc `arc` walks, in walking order, as whole-edge pieces. */
function unpack(ws: ChWorkspace, h: Hierarchy, arc: number, out: EdgePiece[]): void {
  const m = h.edgeCount;
  const { shortcutFirst, shortcutSecond } = h;
  let stack = ws.stack;
  let top = 0;
  stack[top++] = arc;
  while (top > 0) {
    const x = stack[--top] as number;
    if (x < m) {
      out.push({ edge: x, t0: 0, t1: 1 });
      continue;
    }
    if (top + 2 > stack.length) {
      const grown = new Int32Array(stack.length * 2);
      grown.set(stack);
      ws.stack = stack = grown;
    }
    // Second below first, so the first arc is walked first.
    stack[top++] = shortcutSecond[x - m] as number;
    stack[top++] = shortcutFirst[x - m] as number;
  }
}
