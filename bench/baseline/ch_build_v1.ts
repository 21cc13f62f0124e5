// Baseline for bench/ch_build.ts: the contraction hierarchy builder as first merged (commit 2605779), kept only to compare against in the same process.

import type { Hierarchy, HierarchyOptions } from '../../src/lib/walk/ch_build.ts';
import type { RoutingGraph } from '../../src/lib/walk/graph.ts';
import { MinHeap } from '../../src/lib/walk/heap.ts';

/**
 * Contracts every node of `graph` in the order of a lazily updated priority (recomputed when the
 * node comes first; put back when it is then no longer the smallest): 2 × edge difference
 * (shortcuts added − arcs removed) + contracted neighbours, which spreads contraction evenly (on
 * Liechtenstein and the grids this weighting needed the fewest witness searches of those tried). A
 * shortcut u → w through v is added unless a witness search from u that avoids v finds u → w no
 * slower (a tie needs no shortcut: the witness is as fast). Costs are summed in float64 from the
 * cost array as given, so hierarchy times are the graph's own.
 * @param costs minutes per edge, in the edge's direction
 */
export function buildHierarchyV1(
  graph: RoutingGraph,
  costs: Float32Array,
  options: HierarchyOptions = {},
): Hierarchy {
  const { nodeCount: n, edgeCount: m, offsets, target } = graph;
  if (costs.length !== m) throw new Error('costs do not fit the graph');
  const settleLimit = options.witnessSettleLimit ?? 120;
  // Arcs (edges, then shortcuts) as growable number arrays.
  const tail: number[] = [];
  const head: number[] = [];
  const cost: number[] = [];
  const first: number[] = [];
  const second: number[] = [];
  const dead = new Uint8Array(m); // edges left out of the hierarchy (a cheaper parallel arc exists)
  let deadShortcuts = new Uint8Array(1024);
  const outs: number[][] = Array.from({ length: n }, () => []);
  const ins: number[][] = Array.from({ length: n }, () => []);
  for (let u = 0; u < n; u++) {
    for (let e = offsets[u] as number, end = offsets[u + 1] as number; e < end; e++) {
      const v = target[e] as number;
      tail.push(u);
      head.push(v);
      cost.push(costs[e] as number);
      if (u === v) continue; // a loop never shortens a walk
      outs[u]?.push(e);
      ins[v]?.push(e);
    }
  }
  const isDead = (a: number) => (a < m ? dead[a] === 1 : deadShortcuts[a - m] === 1);
  const kill = (a: number) => {
    if (a < m) dead[a] = 1;
    else deadShortcuts[a - m] = 1;
  };
  const deleted = new Int32Array(n);
  // Witness search state.
  const dist = new Float64Array(n);
  const stamp = new Uint32Array(n);
  const mark = new Uint32Array(n);
  let gen = 0;
  const heap = new MinHeap(256);
  // Shortcuts found by the last simulation: tail, head, cost, in-arc, out-arc.
  const sc: number[] = [];

  /**
   * Dijkstra from `s` avoiding `skip`, until `maxCost`, `settleLimit` settled nodes, or every node
   * marked with this generation settled. Times stay in dist/stamp.
   */
  const witness = (s: number, skip: number, maxCost: number, targets: number): void => {
    heap.clear();
    dist[s] = 0;
    stamp[s] = gen;
    heap.push(s, 0);
    let settled = 0;
    let left = targets;
    while (heap.size > 0) {
      const u = heap.pop();
      const d = heap.lastKey;
      if (d > (dist[u] as number)) continue; // stale entry
      if (d > maxCost) break;
      if (mark[u] === gen && --left === 0) break;
      if (++settled > settleLimit) break;
      const out = outs[u] as number[];
      for (let i = 0; i < out.length; i++) {
        const a = out[i] as number;
        const v = head[a] as number;
        if (v === skip) continue;
        const nd = d + (cost[a] as number);
        if (nd > maxCost) continue;
        if (stamp[v] !== gen || nd < (dist[v] as number)) {
          dist[v] = nd;
          stamp[v] = gen;
          heap.push(v, nd);
        }
      }
    }
  };

  /** Shortcuts that contracting v needs (into `sc`); returns the arcs it would remove. */
  const simulate = (v: number): number => {
    sc.length = 0;
    const inList = ins[v] as number[];
    const outList = outs[v] as number[];
    const maxOut = outList.reduce((mx, a) => Math.max(mx, cost[a] as number), 0);
    for (let i = 0; i < inList.length; i++) {
      const ai = inList[i] as number;
      const u = tail[ai] as number;
      const cu = cost[ai] as number;
      gen++;
      // Targets: the other out-neighbours (marked so the search can stop once all are settled).
      let targets = 0;
      for (let j = 0; j < outList.length; j++) {
        const w = head[outList[j] as number] as number;
        if (w !== u && mark[w] !== gen) {
          mark[w] = gen;
          targets++;
        }
      }
      if (targets === 0) continue;
      witness(u, v, cu + maxOut, targets);
      for (let j = 0; j < outList.length; j++) {
        const ao = outList[j] as number;
        const w = head[ao] as number;
        if (w === u) continue;
        const c = cu + (cost[ao] as number);
        if (stamp[w] === gen && (dist[w] as number) <= c) continue;
        // No witness yet: this shortcut is the best u → w found, later ones to w are compared to it.
        dist[w] = c;
        stamp[w] = gen;
        sc.push(u, w, c, ai, ao);
      }
    }
    return inList.length + outList.length;
  };

  const priority = (v: number): number => {
    const removed = simulate(v);
    return 2 * (sc.length / 5 - removed) + (deleted[v] as number);
  };

  const removeArc = (list: number[], a: number) => {
    const i = list.indexOf(a);
    if (i >= 0) {
      list[i] = list[list.length - 1] as number;
      list.pop();
    }
  };

  const addShortcut = (u: number, w: number, c: number, a1: number, a2: number) => {
    const out = outs[u] as number[];
    for (let i = 0; i < out.length; i++) {
      const a = out[i] as number;
      if (head[a] !== w) continue;
      if ((cost[a] as number) <= c) return; // an arc as fast is there already
      // The new shortcut is faster: the old arc is never on a fastest walk, drop it.
      kill(a);
      removeArc(out, a);
      removeArc(ins[w] as number[], a);
      break;
    }
    const id = tail.length;
    tail.push(u);
    head.push(w);
    cost.push(c);
    first.push(a1);
    second.push(a2);
    if (id - m >= deadShortcuts.length) {
      const grown = new Uint8Array(deadShortcuts.length * 2);
      grown.set(deadShortcuts);
      deadShortcuts = grown;
    }
    out.push(id);
    ins[w]?.push(id);
  };

  const rank = new Int32Array(n);
  const queue = new MinHeap(n);
  for (let v = 0; v < n; v++) queue.push(v, priority(v));
  let next = 0;
  while (queue.size > 0) {
    const v = queue.pop();
    // Lazy update: recompute; if v is no longer the smallest, put it back.
    const p = priority(v);
    if (queue.size > 0 && p > queue.peekKey()) {
      queue.push(v, p);
      continue;
    }
    rank[v] = next++;
    if ((next & 1023) === 0) options.onProgress?.(next, n);
    const found = sc.slice();
    for (let i = 0; i < found.length; i += 5)
      addShortcut(
        found[i] as number,
        found[i + 1] as number,
        found[i + 2] as number,
        found[i + 3] as number,
        found[i + 4] as number,
      );
    // v leaves the remaining graph: its neighbours forget their arcs to it.
    for (const a of ins[v] as number[]) {
      const u = tail[a] as number;
      removeArc(outs[u] as number[], a);
      deleted[u] = (deleted[u] as number) + 1;
    }
    for (const a of outs[v] as number[]) {
      const w = head[a] as number;
      removeArc(ins[w] as number[], a);
      deleted[w] = (deleted[w] as number) + 1;
    }
    outs[v] = [];
    ins[v] = [];
  }

  // Every live arc goes up from its lower end (forward search) or down into its lower end (backward).
  const arcs = tail.length;
  const upCount = new Int32Array(n + 1);
  const downCount = new Int32Array(n + 1);
  for (let a = 0; a < arcs; a++) {
    const u = tail[a] as number;
    const v = head[a] as number;
    if (u === v || isDead(a)) continue;
    if ((rank[u] as number) < (rank[v] as number)) upCount[u + 1] = (upCount[u + 1] as number) + 1;
    else downCount[v + 1] = (downCount[v + 1] as number) + 1;
  }
  for (let v = 0; v < n; v++) {
    upCount[v + 1] = (upCount[v + 1] as number) + (upCount[v] as number);
    downCount[v + 1] = (downCount[v + 1] as number) + (downCount[v] as number);
  }
  const ups = upCount[n] as number;
  const downs = downCount[n] as number;
  const h: Hierarchy = {
    nodeCount: n,
    edgeCount: m,
    rank,
    upOffsets: upCount,
    upHead: new Int32Array(ups),
    upCost: new Float64Array(ups),
    upArc: new Int32Array(ups),
    downOffsets: downCount,
    downTail: new Int32Array(downs),
    downCost: new Float64Array(downs),
    downArc: new Int32Array(downs),
    shortcutFirst: Int32Array.from(first),
    shortcutSecond: Int32Array.from(second),
  };
  const upFill = upCount.slice(0, n);
  const downFill = downCount.slice(0, n);
  for (let a = 0; a < arcs; a++) {
    const u = tail[a] as number;
    const v = head[a] as number;
    if (u === v || isDead(a)) continue;
    if ((rank[u] as number) < (rank[v] as number)) {
      const k = upFill[u] as number;
      upFill[u] = k + 1;
      h.upHead[k] = v;
      h.upCost[k] = cost[a] as number;
      h.upArc[k] = a;
    } else {
      const k = downFill[v] as number;
      downFill[v] = k + 1;
      h.downTail[k] = u;
      h.downCost[k] = cost[a] as number;
      h.downArc[k] = a;
    }
  }
  return h;
}
