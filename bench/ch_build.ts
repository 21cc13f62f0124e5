// Benchmark: preparing the contraction hierarchy (ch_build.ts) against the first merged builder, same process, same graphs.

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
import type { EdgeSnap } from '../src/lib/walk/snap.ts';
import { rng } from '../src/lib/walk/test_support.ts';
import { buildHierarchyV1 } from './baseline/ch_build_v1.ts';
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

/** A build's hierarchy and its CPU ms (best of `reps` builds). */
function timeBuild(build: () => Hierarchy, reps: number): { h: Hierarchy; cpuMs: number } {
  let best = Infinity;
  let h: Hierarchy | null = null;
  for (let r = 0; r < reps; r++) {
    const c0 = process.cpuUsage();
    h = build();
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1000);
  }
  return { h: h as Hierarchy, cpuMs: best };
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
 * Builds the hierarchy of each graph by the current builder and the first one (both warmed up first), checks 2,000 random queries give the same minutes (≤ 1e-6), and prints CPU time, shortcuts,
 * bytes and query cost. `--big` adds the 448² grid, built as the worker does (within HIERARCHY_BUDGET,
 * else given up; the old builder is not run on it: it did not finish in 4 CPU-minutes).
 */
export async function runChBuildBench(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  console.log(`\ncontraction hierarchy preparation — ${machineNote()}`);
  const { extract } = await readWalkExtract(PBF);
  // [name, graph, also by the old builder]
  const graphs: [string, WalkGraph, boolean][] = [
    ['Liechtenstein contracted', buildWalkGraph(extract).graph, true],
    ['Liechtenstein uncontracted', buildWalkGraph(extract, { contract: false }).graph, true],
    ['grid 50²', buildWalkGraph(syntheticGrid(50, 100)).graph, true],
    ['grid 100²', buildWalkGraph(syntheticGrid(100, 100)).graph, true],
    ['grid 150²', buildWalkGraph(syntheticGrid(150, 100)).graph, true],
  ];
  if (process.argv.includes('--big'))
    graphs.push(['grid 448²', buildWalkGraph(syntheticGrid(448, 100)).graph, false]);
  // Warm-up: both builders compiled before anything is timed.
  const warm = buildWalkGraph(syntheticGrid(20, 100)).graph;
  buildHierarchy(warm, edgeMinutes(warm));
  buildHierarchyV1(warm, edgeMinutes(warm));
  for (const [name, graph, withOld] of graphs) {
    const costs = edgeMinutes(graph);
    const a = midSnaps(graph, 2000, 7);
    const b = midSnaps(graph, 2000, 8);
    if (!withOld) {
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
    const row = (label: string, r: { h: Hierarchy; cpuMs: number }, q: { us: number; settled: number }) =>
      `    ${label}: CPU ${fmt(r.cpuMs)} ms, ${fmt(r.h.shortcutFirst.length)} shortcuts ` +
      `(${fmt(r.h.shortcutFirst.length / graph.edgeCount, 2)} per edge), ${fmt(r.h.upHead.length + r.h.downTail.length)} arcs, ` +
      `${fmt(hierarchyBytes(r.h) / 1024)} KiB; query ${fmt(q.settled, 1)} settled, ${fmt(q.us, 1)} µs`;
    console.log(`  ${name} (${fmt(graph.nodeCount)} nodes, ${fmt(graph.edgeCount)} edges)`);
    console.log(row('new', nu, qn));
    out[`${name} new ms`] = nu.cpuMs;
    out[`${name} new shortcuts`] = nu.h.shortcutFirst.length;
    const old = timeBuild(() => buildHierarchyV1(graph, costs), reps);
    const qo = timeQueries(graph, costs, old.h, a, b);
    console.log(row('old', old, qo));
    let differ = 0;
    for (let i = 0; i < a.length; i++) {
      const x = walkBetweenCH(graph, costs, nu.h, a[i]!, b[i]!)?.minutes ?? -1;
      const y = walkBetweenCH(graph, costs, old.h, a[i]!, b[i]!)?.minutes ?? -1;
      if (Math.abs(x - y) > 1e-6) differ++;
    }
    console.log(
      `    new / old: build ${fmt(old.cpuMs / nu.cpuMs, 1)}× faster, shortcuts ${fmt(nu.h.shortcutFirst.length / old.h.shortcutFirst.length, 2)}×, ` +
        `query ${fmt(qo.us / qn.us, 2)}× faster; ${differ} of ${a.length} query minutes differ`,
    );
    out[`${name} old ms`] = old.cpuMs;
    out[`${name} differ`] = differ;
  }
  return out;
}

if (isMain(import.meta.url)) await runChBuildBench();
