// Benchmark: contracted vs uncontracted graphs in one run (bounded walks, coverage cut-off, point-to-point, file size, build).

import { readWalkExtract } from '../scripts/lib/osm/read_walk.ts';
import { edgeMinutes } from '../src/lib/walk/cost.ts';
import { boundedDijkstra, DijkstraWorkspace, type Seed } from '../src/lib/walk/dijkstra.ts';
import { buildWalkGraph, type WalkGraph } from '../src/lib/walk/graph.ts';
import { serializeWalkGraph } from '../src/lib/walk/graph_binary.ts';
import type { OsmExtract } from '../src/lib/walk/osm_extract.ts';
import { rng, shapedGrid } from '../src/lib/walk/test_support.ts';
import { runWalkP2pBench } from './walk_p2p.ts';
import { benchGraph, bestMs, fmt, isMain, machineNote } from './walk_synthetic.ts';

// Real OSM data (© OpenStreetMap contributors, ODbL; test/fixtures/osm/README.md).
const PBF = new URL('../test/fixtures/osm/liechtenstein-2013-08-03.osm.pbf', import.meta.url).pathname;

const pad8 = (n: number) => (n + 7) & ~7;

/** Bytes of the same graph in format version 1 (one straight edge per OSM segment), from its layout. */
function v1Bytes(g: WalkGraph): number {
  const n = g.nodeCount;
  const m = g.edgeCount;
  const json = new TextEncoder().encode(JSON.stringify({ meta: g.meta, labels: g.labels })).length;
  let at = pad8(56 + json);
  for (const b of [8 * n, 8 * n, 8 * n, 4 * (n + 1), 4 * m, 4 * m, 4 * m, m]) at = pad8(at + b);
  return g.ele ? pad8(at + 4 * n) : at;
}

function buildBoth(extract: OsmExtract) {
  let flat = buildWalkGraph(extract, { contract: false }).graph;
  let contracted = buildWalkGraph(extract).graph;
  const flatMs = bestMs(3, () => {
    flat = buildWalkGraph(extract, { contract: false }).graph;
  });
  const contractedMs = bestMs(3, () => {
    contracted = buildWalkGraph(extract).graph;
  });
  return { flat, contracted, flatMs, contractedMs };
}

/** Intersections of the contracted graph, as node indices of both graphs (same OSM node). */
function commonStarts(flat: WalkGraph, contracted: WalkGraph, count: number, seed: number) {
  const byOsm = new Map<number, number>();
  flat.osmId?.forEach((id, i) => {
    byOsm.set(id, i);
  });
  const r = rng(seed);
  const c: number[] = [];
  const f: number[] = [];
  for (let i = 0; i < count; i++) {
    const v = Math.floor(r() * contracted.nodeCount);
    c.push(v);
    f.push(byOsm.get(contracted.osmId?.[v] as number) as number);
  }
  return { c, f };
}

/** Runs the contraction benchmarks and prints a report; returns the key numbers. */
export async function runWalkContractBench(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  console.log(`\ncontraction benchmarks — ${machineNote()}`);

  // 1. A street grid with shape nodes: 150 × 150 blocks of 120 m, a node every 40 m (invented).
  const grid = buildBoth(shapedGrid(150, 120, 3));
  const plain40 = benchGraph(40);
  const cutoff = 1200 / 80;
  for (const [name, g] of [
    ['40 m shape-node grid, uncontracted', grid.flat],
    ['same, contracted', grid.contracted],
    ['448² grid of 40 m blocks (all intersections, the old "40 m grid")', plain40],
  ] as const)
    console.log(`  ${name}: ${fmt(g.nodeCount)} nodes, ${fmt(g.edgeCount)} edges`);
  const costF = edgeMinutes(grid.flat);
  const costC = edgeMinutes(grid.contracted);
  const costP = edgeMinutes(plain40);
  const wsF = new DijkstraWorkspace(grid.flat.nodeCount);
  const wsC = new DijkstraWorkspace(grid.contracted.nodeCount);
  const wsP = new DijkstraWorkspace(plain40.nodeCount);
  const starts = commonStarts(grid.flat, grid.contracted, 5000, 3);
  const rp = rng(3);
  const plainStarts = starts.c.map(() => Math.floor(rp() * plain40.nodeCount));
  let reachedF = 0;
  let reachedC = 0;
  let reachedP = 0;
  // Alternate the three so machine load hits them alike.
  const msF: number[] = [];
  const msC: number[] = [];
  const msP: number[] = [];
  for (let round = 0; round < 3; round++) {
    msF.push(
      bestMs(1, () => {
        reachedF = 0;
        for (const s of starts.f)
          reachedF += boundedDijkstra(grid.flat, costF, [{ node: s, minutes: 0 }], cutoff, wsF);
      }),
    );
    msC.push(
      bestMs(1, () => {
        reachedC = 0;
        for (const s of starts.c)
          reachedC += boundedDijkstra(grid.contracted, costC, [{ node: s, minutes: 0 }], cutoff, wsC);
      }),
    );
    msP.push(
      bestMs(1, () => {
        reachedP = 0;
        for (const s of plainStarts)
          reachedP += boundedDijkstra(plain40, costP, [{ node: s, minutes: 0 }], cutoff, wsP);
      }),
    );
  }
  const q = starts.c.length;
  out.boundedFlatQps = (q / Math.min(...msF)) * 1000;
  out.boundedContractedQps = (q / Math.min(...msC)) * 1000;
  out.boundedPlain40Qps = (q / Math.min(...msP)) * 1000;
  console.log(
    `bounded 1.2 km walk (5k starts): contracted ${fmt(out.boundedContractedQps)} q/s ` +
      `(${fmt(reachedC / q)} nodes settled) vs uncontracted ${fmt(out.boundedFlatQps)} q/s ` +
      `(${fmt(reachedF / q)} nodes) → ${fmt(out.boundedContractedQps / out.boundedFlatQps, 1)}×; ` +
      `old 40 m grid ${fmt(out.boundedPlain40Qps)} q/s (${fmt(reachedP / q)} nodes) → ` +
      `${fmt(out.boundedContractedQps / out.boundedPlain40Qps, 1)}×`,
  );

  // 2. Coverage: 300 facilities, 15-min cut-off, 'to'.
  const ms = commonStarts(grid.flat, grid.contracted, 300, 5);
  const seedsF: Seed[] = ms.f.map((node, i) => ({ node, minutes: 0, source: i }));
  const seedsC: Seed[] = ms.c.map((node, i) => ({ node, minutes: 0, source: i }));
  const seedsP: Seed[] = ms.c.map((_, i) => ({
    node: Math.floor(rp() * plain40.nodeCount),
    minutes: 0,
    source: i,
  }));
  const multiF = bestMs(5, () => boundedDijkstra(grid.flat, costF, seedsF, 15, wsF, 'to'));
  const multiC = bestMs(5, () => boundedDijkstra(grid.contracted, costC, seedsC, 15, wsC, 'to'));
  const multiP = bestMs(5, () => boundedDijkstra(plain40, costP, seedsP, 15, wsP, 'to'));
  out.multiFlatMs = multiF;
  out.multiContractedMs = multiC;
  out.multiPlain40Ms = multiP;
  console.log(
    `multi-source, 300 sources, 15-min cut-off: contracted ${fmt(multiC, 1)} ms vs uncontracted ${fmt(multiF, 1)} ms ` +
      `→ ${fmt(multiF / multiC, 1)}×; old 40 m grid ${fmt(multiP, 1)} ms`,
  );

  // 3. Point-to-point on a real graph: its own benchmark (bench/walk_p2p.ts).
  Object.assign(out, await runWalkP2pBench());
  const { extract } = await readWalkExtract(PBF);
  const real = buildBoth(extract);

  // 4. File size and build time.
  for (const [name, b] of [
    ['Liechtenstein (real OSM)', real],
    ['40 m shape-node grid', grid],
  ] as const) {
    const v2flat = serializeWalkGraph(b.flat).length;
    const v2 = serializeWalkGraph(b.contracted).length;
    const v1 = v1Bytes(b.flat);
    console.log(
      `${name}: ${fmt(b.flat.nodeCount)} → ${fmt(b.contracted.nodeCount)} nodes, ${fmt(b.flat.edgeCount)} → ` +
        `${fmt(b.contracted.edgeCount)} edges; file v1 ${fmt(v1 / 1024)} KiB → v2 contracted ${fmt(v2 / 1024)} KiB ` +
        `(${fmt(v2 / v1, 2)}; v2 uncontracted ${fmt(v2flat / 1024)} KiB); build ${fmt(b.flatMs)} ms uncontracted, ` +
        `${fmt(b.contractedMs)} ms contracted`,
    );
  }
  return out;
}

if (isMain(import.meta.url)) await runWalkContractBench();
