// Benchmark: preparing the contraction hierarchy (ch_build.ts) against preparing the landmark bound, same process, same graphs.

import { readWalkExtract } from '../scripts/lib/osm/read_walk.ts';
import { HIERARCHY_BUDGET } from '../src/lib/walk/bound_worker.ts';
import {
  buildHierarchy,
  type Hierarchy,
  HierarchyBudgetError,
  hierarchyBytes,
} from '../src/lib/walk/ch_build.ts';
import { walkBetweenCH } from '../src/lib/walk/ch_query.ts';
import { edgeMinutes } from '../src/lib/walk/cost.ts';
import { buildWalkGraph, edgeSources, type WalkGraph } from '../src/lib/walk/graph.ts';
import { aStarBound } from '../src/lib/walk/landmarks.ts';
import type { EdgeSnap } from '../src/lib/walk/snap.ts';
import { rng } from '../src/lib/walk/test_support.ts';
import { fmt, isMain, machineNote, syntheticGrid } from './walk_synthetic.ts';

const PBF = new URL('../test/fixtures/osm/liechtenstein-2013-08-03.osm.pbf', import.meta.url).pathname;

/** Snaps at the middle of `count` seeded random edges. */
function midSnaps(graph: WalkGraph, count: number, seed: number): EdgeSnap[] {
  const r = rng(seed);
  const src = edgeSources(graph);
  return Array.from({ length: count }, () => {
    const edge = Math.floor(r() * graph.edgeCount);
    return {
      edge,
      from: src[edge] as number,
      to: graph.target[edge] as number,
      fraction: 0.5,
      lon: 0,
      lat: 0,
      distanceM: 0,
    };
  });
}

/** A build's result and its CPU ms (best of `reps` builds). */
function timeBuild<T>(build: () => T, reps: number): { h: T; cpuMs: number } {
  let best = Infinity;
  let h: T | null = null;
  for (let r = 0; r < reps; r++) {
    const c0 = process.cpuUsage();
    h = build();
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1000);
  }
  return { h: h as T, cpuMs: best };
}

/** Queries on a hierarchy: µs per query (best of 5 CPU rounds) and nodes settled per query. */
function timeQueries(graph: WalkGraph, costs: Float32Array, h: Hierarchy, a: EdgeSnap[], b: EdgeSnap[]) {
  let settled = 0;
  for (let i = 0; i < a.length; i++) settled += walkBetweenCH(graph, costs, h, a[i]!, b[i]!)?.settled ?? 0;
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < a.length; i++) walkBetweenCH(graph, costs, h, a[i]!, b[i]!);
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / a.length);
  }
  return { us: best, settled: settled / a.length };
}

/**
 * Builds the hierarchy of each graph and, as the baseline in the same process, the landmark bound the
 * worker prepares first (2 × 8 whole-graph searches), both warmed up; prints CPU time, shortcuts, bytes,
 * query cost and hierarchy / landmarks. `--big` adds the 448² grid, built as the worker does (within
 * HIERARCHY_BUDGET, else given up).
 */
export async function runChBuildBench(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  console.log(`\ncontraction hierarchy preparation — ${machineNote()}`);
  const { extract } = await readWalkExtract(PBF);
  // [name, graph, timed in full (else built once as the worker would)]
  const graphs: [string, WalkGraph, boolean][] = [
    ['Liechtenstein contracted', buildWalkGraph(extract).graph, true],
    ['Liechtenstein uncontracted', buildWalkGraph(extract, { contract: false }).graph, true],
    ['grid 50²', buildWalkGraph(syntheticGrid(50, 100)).graph, true],
    ['grid 100²', buildWalkGraph(syntheticGrid(100, 100)).graph, true],
    ['grid 150²', buildWalkGraph(syntheticGrid(150, 100)).graph, true],
  ];
  if (process.argv.includes('--big'))
    graphs.push(['grid 448²', buildWalkGraph(syntheticGrid(448, 100)).graph, false]);
  // Warm-up: both preparations compiled before anything is timed.
  const warm = buildWalkGraph(syntheticGrid(20, 100)).graph;
  buildHierarchy(warm, edgeMinutes(warm));
  aStarBound(warm, edgeMinutes(warm));
  for (const [name, graph, full] of graphs) {
    const costs = edgeMinutes(graph);
    const a = midSnaps(graph, 2000, 7);
    const b = midSnaps(graph, 2000, 8);
    if (!full) {
      // As the worker builds it: within HIERARCHY_BUDGET, or given up (the page stays on A*).
      const c0 = process.cpuUsage();
      let done = 0;
      try {
        const h = buildHierarchy(graph, costs, {
          maxShortcuts: Math.ceil(HIERARCHY_BUDGET.shortcutsPerEdge * graph.edgeCount),
          deadline: performance.now() + HIERARCHY_BUDGET.ms,
          onProgress: (k) => {
            done = k;
          },
        });
        console.log(`  ${name}: within the worker's budget, ${fmt(h.shortcutFirst.length)} shortcuts`);
      } catch (e) {
        if (!(e instanceof HierarchyBudgetError)) throw e;
        console.log(
          `  ${name}: over the ${e.over} budget after ${fmt(done)} of ${fmt(graph.nodeCount)} nodes`,
        );
      }
      const c = process.cpuUsage(c0);
      console.log(
        `    CPU ${fmt((c.user + c.system) / 1000)} ms (${fmt(graph.nodeCount)} nodes, ${fmt(graph.edgeCount)} edges)`,
      );
      continue;
    }
    // Best of 3 where a build is short (a single build is at the mercy of GC and other processes).
    const reps = graph.nodeCount < 12_000 ? 3 : 1;
    const nu = timeBuild(() => buildHierarchy(graph, costs), reps);
    const qn = timeQueries(graph, costs, nu.h, a, b);
    const lm = timeBuild(() => aStarBound(graph, costs), reps);
    console.log(`  ${name} (${fmt(graph.nodeCount)} nodes, ${fmt(graph.edgeCount)} edges)`);
    console.log(
      `    hierarchy: CPU ${fmt(nu.cpuMs)} ms, ${fmt(nu.h.shortcutFirst.length)} shortcuts ` +
        `(${fmt(nu.h.shortcutFirst.length / graph.edgeCount, 2)} per edge), ${fmt(nu.h.upHead.length + nu.h.downTail.length)} arcs, ` +
        `${fmt(hierarchyBytes(nu.h) / 1024)} KiB; query ${fmt(qn.settled, 1)} settled, ${fmt(qn.us, 1)} µs`,
    );
    console.log(
      `    landmark bound: CPU ${fmt(lm.cpuMs)} ms → hierarchy / landmarks ${fmt(nu.cpuMs / lm.cpuMs, 2)}×`,
    );
    out[`${name} ms`] = nu.cpuMs;
    out[`${name} shortcuts`] = nu.h.shortcutFirst.length;
    out[`${name} landmarks ms`] = lm.cpuMs;
  }
  return out;
}

if (isMain(import.meta.url)) await runChBuildBench();
