// Shortest walking times over the CSR graph: bounded single/multi-seed and whole-graph multi-source Dijkstra.

import { edgeSources, type RoutingGraph, type WalkGraph } from './graph.ts';
import { heapSiftUp, MinHeap } from './heap.ts';

/** A search start: a node reached at `minutes` (partial edge cost from a snapped point), from `source`. */
export interface Seed {
  node: number;
  minutes: number;
  /** Caller's label for the origin (facility index); defaults to the seed's position in the list. */
  source?: number;
}

/**
 * Direction of travel. 'from': times from the seeds to every node (an isochrone around a point).
 * 'to': times from every node to the nearest seed (walking to a facility; differs from 'from' only
 * with slopes or oneway:foot).
 */
export type SearchDirection = 'from' | 'to';

/** Adjacency to relax: the graph itself ('from') or its transpose ('to'). */
export interface Adjacency {
  offsets: Int32Array;
  adj: Int32Array;
  /** Forward edge id of each adjacency entry; null when it is the entry's own position. */
  edgeId: Int32Array | null;
}

const reverseCache = new WeakMap<RoutingGraph, Adjacency>();

/** The transposed adjacency of a graph (cached): for each node, the edges that enter it. */
export function reverseAdjacency(graph: RoutingGraph): Adjacency {
  let r = reverseCache.get(graph);
  if (r) return r;
  const { offsets, target, nodeCount, edgeCount } = graph;
  const roff = new Int32Array(nodeCount + 1);
  for (let e = 0; e < edgeCount; e++)
    roff[(target[e] as number) + 1] = (roff[(target[e] as number) + 1] as number) + 1;
  for (let v = 0; v < nodeCount; v++) roff[v + 1] = (roff[v + 1] as number) + (roff[v] as number);
  const fill = roff.slice(0, nodeCount);
  const adj = new Int32Array(edgeCount);
  const edgeId = new Int32Array(edgeCount);
  for (let u = 0; u < nodeCount; u++) {
    for (let e = offsets[u] as number, end = offsets[u + 1] as number; e < end; e++) {
      const v = target[e] as number;
      const pos = fill[v] as number;
      fill[v] = pos + 1;
      adj[pos] = u;
      edgeId[pos] = e;
    }
  }
  r = { offsets: roff, adj, edgeId };
  reverseCache.set(graph, r);
  return r;
}

function adjacency(graph: RoutingGraph, direction: SearchDirection): Adjacency {
  return direction === 'from'
    ? { offsets: graph.offsets, adj: graph.target, edgeId: null }
    : reverseAdjacency(graph);
}

/**
 * Reusable per-graph search state. Generation stamps make a reset O(1), so thousands of small
 * bounded searches on a large graph never clear whole arrays.
 */
export class DijkstraWorkspace {
  /** Minutes to each node (valid only where stamp === gen). */
  readonly dist: Float64Array;
  /** Edge by which the node was reached (forward edge id), -1 for seeds. */
  readonly pred: Int32Array;
  /** Source label of the seed the node was reached from. */
  readonly source: Int32Array;
  readonly stamp: Uint32Array;
  private readonly done: Uint32Array;
  /** Settled nodes in order of increasing time; the first `settledCount` are valid. */
  readonly settled: Int32Array;
  settledCount = 0;
  gen = 0;
  /** Lazy-deletion heap for searches with virtual targets (nearestFacilities). */
  readonly heap: MinHeap;
  /** Indexed binary heap of boundedDijkstra: keys, nodes, and each node's slot (-1 once settled). */
  readonly heapKey: Float64Array;
  readonly heapNode: Int32Array;
  readonly heapPos: Int32Array;
  /** Direction of the last search. */
  direction: SearchDirection = 'from';

  constructor(readonly nodeCount: number) {
    this.dist = new Float64Array(nodeCount);
    this.pred = new Int32Array(nodeCount);
    this.source = new Int32Array(nodeCount);
    this.stamp = new Uint32Array(nodeCount);
    this.done = new Uint32Array(nodeCount);
    this.settled = new Int32Array(nodeCount);
    this.heap = new MinHeap(1024);
    this.heapKey = new Float64Array(nodeCount);
    this.heapNode = new Int32Array(nodeCount);
    this.heapPos = new Int32Array(nodeCount);
  }

  /** Starts a new search. */
  reset(): void {
    this.gen++;
    if (this.gen === 0xffffffff) {
      this.stamp.fill(0);
      this.done.fill(0);
      this.gen = 1;
    }
    this.settledCount = 0;
    this.heap.clear();
  }

  /** Minutes to a node in the last search, Infinity when not reached. */
  minutes(node: number): number {
    return this.stamp[node] === this.gen ? (this.dist[node] as number) : Infinity;
  }

  /** Whether the last search reached the node. */
  reached(node: number): boolean {
    return this.stamp[node] === this.gen;
  }

  /** @internal marks a node settled; false when it already was. */
  settle(node: number): boolean {
    if (this.done[node] === this.gen) return false;
    this.done[node] = this.gen;
    this.settled[this.settledCount++] = node;
    return true;
  }
}

/**
 * Dijkstra from one or more seeds, stopping at `maxMinutes`. Results stay in the workspace: times via
 * ws.minutes(node), settled nodes in ws.settled[0 … settledCount-1], predecessors in ws.pred.
 * The priority queue is a binary heap over typed arrays with decrease-key (each node enters once).
 * @param costs minutes per edge (edgeMinutes)
 * @param maxMinutes cut-off, minutes (Infinity for the whole component)
 * @returns number of nodes reached
 */
export function boundedDijkstra(
  graph: RoutingGraph,
  costs: Float32Array,
  seeds: readonly Seed[],
  maxMinutes: number,
  ws: DijkstraWorkspace,
  direction: SearchDirection = 'from',
): number {
  if (ws.nodeCount !== graph.nodeCount) throw new Error('workspace belongs to another graph');
  ws.reset();
  ws.direction = direction;
  const { dist, pred, source, stamp, settled, heapKey: hk, heapNode: hn, heapPos: hp } = ws;
  const gen = ws.gen;
  let size = 0;
  let count = 0;
  for (let i = 0; i < seeds.length; i++) {
    const s = seeds[i] as Seed;
    const t = s.minutes;
    if (!(t <= maxMinutes) || t < 0) continue;
    const v = s.node;
    let j: number;
    if (stamp[v] !== gen) {
      stamp[v] = gen;
      j = size++;
    } else if (t < (dist[v] as number)) j = hp[v] as number;
    else continue;
    dist[v] = t;
    pred[v] = -1;
    source[v] = s.source ?? i;
    heapSiftUp(hk, hn, hp, j, t, v);
  }
  const { offsets, adj, edgeId } = adjacency(graph, direction);
  while (size > 0) {
    const u = hn[0] as number;
    const d = hk[0] as number;
    hp[u] = -1;
    settled[count++] = u;
    // Pop: move the last entry down from the root (heapPopMin inlined: calling it costs ~11 %).
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
    const su = source[u] as number;
    const end = offsets[u + 1] as number;
    for (let k = offsets[u] as number; k < end; k++) {
      const e = edgeId === null ? k : (edgeId[k] as number);
      const nd = d + (costs[e] as number);
      if (nd > maxMinutes) continue;
      const v = adj[k] as number;
      let j: number;
      if (stamp[v] !== gen) {
        stamp[v] = gen;
        j = size++;
      } else if (nd < (dist[v] as number)) {
        j = hp[v] as number;
        if (j < 0) continue; // already settled (only possible with zero-cost edges)
      } else continue;
      dist[v] = nd;
      pred[v] = e;
      source[v] = su;
      // Sift up (heapSiftUp inlined: this is the engine's hottest loop, and the call costs ~20 %).
      while (j > 0) {
        const p = (j - 1) >> 1;
        const pk = hk[p] as number;
        if (pk <= nd) break;
        const pv = hn[p] as number;
        hk[j] = pk;
        hn[j] = pv;
        hp[pv] = j;
        j = p;
      }
      hk[j] = nd;
      hn[j] = v;
      hp[v] = j;
    }
  }
  ws.settledCount = count;
  return count;
}

/** Whole-graph multi-source result: per node, minutes to/from the nearest source and which source. */
export interface MultiSourceResult {
  /** Minutes per node; Infinity when unreachable within the cut-off. */
  minutes: Float64Array;
  /** Source label per node; -1 when unreachable. */
  source: Int32Array;
  /** Edge by which each node was reached (forward edge id), -1 for seeds and unreached nodes. */
  pred: Int32Array;
  direction: SearchDirection;
}

/**
 * Multi-source Dijkstra over the whole graph: for every node the time to (direction 'to', default)
 * or from ('from') the nearest seed and that seed's source label.
 * @param maxMinutes optional cut-off, minutes
 */
export function multiSourceDijkstra(
  graph: WalkGraph,
  costs: Float32Array,
  seeds: readonly Seed[],
  options: { maxMinutes?: number; direction?: SearchDirection; workspace?: DijkstraWorkspace } = {},
): MultiSourceResult {
  const ws = options.workspace ?? new DijkstraWorkspace(graph.nodeCount);
  const direction = options.direction ?? 'to';
  boundedDijkstra(graph, costs, seeds, options.maxMinutes ?? Infinity, ws, direction);
  const n = graph.nodeCount;
  const minutes = new Float64Array(n).fill(Infinity);
  const source = new Int32Array(n).fill(-1);
  const pred = new Int32Array(n).fill(-1);
  for (let i = 0; i < ws.settledCount; i++) {
    const v = ws.settled[i] as number;
    minutes[v] = ws.dist[v] as number;
    source[v] = ws.source[v] as number;
    pred[v] = ws.pred[v] as number;
  }
  return { minutes, source, pred, direction };
}

/**
 * Edges of the shortest path found by the last search to `node`, in walking order: from the seed to
 * the node for a 'from' search, from the node to the seed for a 'to' search.
 * @returns forward edge ids
 */
export function pathEdges(
  graph: WalkGraph,
  pred: Int32Array,
  node: number,
  direction: SearchDirection,
): number[] {
  const edges: number[] = [];
  const src = direction === 'from' ? edgeSources(graph) : null;
  let v = node;
  for (let guard = 0; guard <= graph.nodeCount; guard++) {
    const e = pred[v] as number;
    if (e < 0) break;
    edges.push(e);
    v = src ? (src[e] as number) : (graph.target[e] as number);
  }
  if (direction === 'from') edges.reverse();
  return edges;
}
