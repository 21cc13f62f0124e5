// Shared helpers of the walking benchmarks: a synthetic street grid, timing, and a plain-JS baseline.

import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildWalkGraph, type WalkGraph } from '../src/lib/walk/graph.ts';
import type { OsmExtract, OsmWay } from '../src/lib/walk/osm_extract.ts';
import { rng } from '../src/lib/walk/test_support.ts';

/** Metres per degree (spherical model of the engine). */
const MPD = (6371008.8 * Math.PI) / 180;

/**
 * A synthetic (invented, not real) street grid of side × side nodes, `spacingM` apart with ±25 %
 * jitter, at Lanzhou's latitude; rows are residential ways, columns footways. side = 448 gives
 * 200,704 grid points; built, its 4 corners are bends (contracted), leaving 200,700 nodes and 801,016
 * directed edges, the DESIGN.md §6 benchmark size.
 */
export function syntheticGrid(side: number, spacingM: number, seed = 1): OsmExtract {
  const r = rng(seed);
  const lat0 = 36.0;
  const kx = MPD * Math.cos((lat0 * Math.PI) / 180);
  const nodes = new Map<number, { lon: number; lat: number }>();
  const id = (i: number, j: number) => 1 + j * side + i;
  for (let j = 0; j < side; j++) {
    for (let i = 0; i < side; i++) {
      const x = i * spacingM + (r() - 0.5) * spacingM * 0.5;
      const y = j * spacingM + (r() - 0.5) * spacingM * 0.5;
      nodes.set(id(i, j), { lon: 103.6 + x / kx, lat: lat0 + y / MPD });
    }
  }
  const ways: OsmWay[] = [];
  for (let j = 0; j < side; j++)
    ways.push({
      id: ways.length + 1,
      nodeIds: Array.from({ length: side }, (_, i) => id(i, j)),
      tags: { highway: 'residential' },
    });
  for (let i = 0; i < side; i++)
    ways.push({
      id: ways.length + 1,
      nodeIds: Array.from({ length: side }, (_, j) => id(i, j)),
      tags: { highway: 'footway' },
    });
  return { nodes, ways };
}

/**
 * The benchmark graph (200,700 nodes / 801,016 edges). Every node is an intersection, so the spacing
 * is the block length: 100 m by default (a contracted street graph, intersections only); 40 m
 * approximates an uncontracted OSM graph that keeps every shape node.
 */
export function benchGraph(spacingM = 100): WalkGraph {
  return buildWalkGraph(syntheticGrid(448, spacingM)).graph;
}

/**
 * Runs fn `runs` times after one warm-up and returns the best (smallest) duration in ms. On a shared
 * machine the best run is the one least disturbed by other processes, so it is what we compare.
 */
export function bestMs(runs: number, fn: () => void): number {
  fn();
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** Best-of-`runs` throughput of fn over `items` items, per second. */
export function bestRate(items: number, runs: number, fn: () => void): number {
  return (items / bestMs(runs, fn)) * 1000;
}

/** Machine context printed with results: timings on a shared 2-core box swing with its load. */
export function machineNote(): string {
  const [l1] = loadavg();
  return `node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${l1?.toFixed(2)}`;
}

/** Formats a number with thousands separators. */
export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** Whether this module is the script being run (for `npx tsx bench/walk_x.ts`). */
export function isMain(url: string): boolean {
  const arg = process.argv[1];
  return arg !== undefined && url === pathToFileURL(resolve(arg)).href;
}

/** Adjacency as plain objects in a Map: the "obvious" JS representation the typed arrays replace. */
export type ObjectGraph = Map<number, { to: number; minutes: number }[]>;

/** Converts a CSR graph + edge costs to the object/Map form. */
export function toObjectGraph(graph: WalkGraph, costs: Float32Array, reverse = false): ObjectGraph {
  const adj: ObjectGraph = new Map();
  for (let u = 0; u < graph.nodeCount; u++) adj.set(u, []);
  for (let u = 0; u < graph.nodeCount; u++) {
    for (let e = graph.offsets[u] as number; e < (graph.offsets[u + 1] as number); e++) {
      const v = graph.target[e] as number;
      const item = { to: reverse ? u : v, minutes: costs[e] as number };
      (adj.get(reverse ? v : u) as { to: number; minutes: number }[]).push(item);
    }
  }
  return adj;
}

/** Dijkstra over the object/Map form with an array-of-objects binary heap (the baseline). */
export function objectDijkstra(
  adj: ObjectGraph,
  seeds: readonly { node: number; minutes: number }[],
  maxMinutes: number,
): Map<number, number> {
  const dist = new Map<number, number>();
  const heap: { node: number; d: number }[] = [];
  const push = (item: { node: number; d: number }) => {
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((heap[p] as { d: number }).d <= item.d) break;
      heap[i] = heap[p] as { node: number; d: number };
      i = p;
    }
    heap[i] = item;
  };
  const pop = () => {
    const top = heap[0] as { node: number; d: number };
    const last = heap.pop() as { node: number; d: number };
    if (heap.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        let md = last.d;
        if (l < heap.length && (heap[l] as { d: number }).d < md) {
          m = l;
          md = (heap[l] as { d: number }).d;
        }
        if (r < heap.length && (heap[r] as { d: number }).d < md) m = r;
        if (m === i) break;
        heap[i] = heap[m] as { node: number; d: number };
        i = m;
      }
      heap[i] = last;
    }
    return top;
  };
  const done = new Set<number>();
  for (const s of seeds) {
    if (s.minutes <= maxMinutes && s.minutes < (dist.get(s.node) ?? Infinity)) {
      dist.set(s.node, s.minutes);
      push({ node: s.node, d: s.minutes });
    }
  }
  while (heap.length > 0) {
    const { node, d } = pop();
    if (done.has(node) || d > (dist.get(node) ?? Infinity)) continue;
    done.add(node);
    for (const { to, minutes } of adj.get(node) ?? []) {
      const nd = d + minutes;
      if (nd <= maxMinutes && nd < (dist.get(to) ?? Infinity)) {
        dist.set(to, nd);
        push({ node: to, d: nd });
      }
    }
  }
  return dist;
}
