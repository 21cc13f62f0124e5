// Benchmark: contracted vs uncontracted graphs in one run (bounded walks, coverage cut-off, A* point-to-point, file size, build).

import { readWalkExtract } from '../scripts/lib/osm/read_walk.ts';
import { aStarBound, walkBetween } from '../src/lib/walk/astar.ts';
import { edgeMinutes } from '../src/lib/walk/cost.ts';
import { boundedDijkstra, DijkstraWorkspace, type Seed } from '../src/lib/walk/dijkstra.ts';
import { edgePointAt } from '../src/lib/walk/edge_shape.ts';
import { createWalkEngine, type NetworkWalkEngine } from '../src/lib/walk/engine.ts';
import { facilityPieces, nearestFacilities, snapFacilities } from '../src/lib/walk/facilities.ts';
import { buildWalkGraph, type WalkGraph } from '../src/lib/walk/graph.ts';
import { serializeWalkGraph } from '../src/lib/walk/graph_binary.ts';
import type { OsmExtract } from '../src/lib/walk/osm_extract.ts';
import { piecesToPath } from '../src/lib/walk/path.ts';
import { EdgeSnapIndex } from '../src/lib/walk/snap.ts';
import { rng, shapedGrid } from '../src/lib/walk/test_support.ts';
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

/** Old point-to-point (before A*): Dijkstra to the destination as a virtual target, then the path. */
function virtualTargetTravel(
  graph: WalkGraph,
  costs: Float32Array,
  index: EdgeSnapIndex,
  ws: DijkstraWorkspace,
  from: [number, number],
  to: [number, number],
): number {
  const a = index.snap(from[0], from[1]);
  const fac = snapFacilities(index, [{ id: 'to', lon: to[0], lat: to[1] }], 300);
  if (!a || !fac.snaps[0]) return Number.NaN;
  const [reach] = nearestFacilities(graph, costs, fac, a, 1, Infinity, ws);
  if (!reach) return Number.NaN;
  const path = piecesToPath(graph, costs, facilityPieces(graph, fac, a, reach, ws));
  return path.metres + a.distanceM + (fac.snaps[0]?.distanceM ?? 0);
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

  // 3. Point-to-point on a real graph: travel() (A*, contracted) vs the old virtual-target Dijkstra.
  const { extract } = await readWalkExtract(PBF);
  const real = buildBoth(extract);
  const eng = createWalkEngine(real.contracted) as NetworkWalkEngine;
  const pre = performance.now();
  eng.travel(
    [real.contracted.lon[0] as number, real.contracted.lat[0] as number],
    [real.contracted.lon[1] as number, real.contracted.lat[1] as number],
  );
  console.log(
    `  first travel() prepares the A* bound (8 landmarks × 2 searches): ${fmt(performance.now() - pre)} ms`,
  );
  const oldCosts = edgeMinutes(real.flat);
  const oldIndex = new EdgeSnapIndex(real.flat);
  const oldWs = new DijkstraWorkspace(real.flat.nodeCount);
  const oldOnContracted = {
    index: new EdgeSnapIndex(real.contracted),
    ws: new DijkstraWorkspace(real.contracted.nodeCount),
  };
  const r = rng(9);
  const near = (): [number, number] => {
    const [lon, lat] = edgePointAt(real.contracted, Math.floor(r() * real.contracted.edgeCount), r());
    return [lon + (r() - 0.5) * 0.0006, lat + (r() - 0.5) * 0.0004];
  };
  for (const [label, maxKm] of [
    ['random pairs anywhere', Infinity],
    ['pairs ≤ 2 km apart', 2],
  ] as const) {
    const pairs: [[number, number], [number, number]][] = [];
    while (pairs.length < 2000) {
      const a = near();
      const b = near();
      const km = Math.hypot((a[0] - b[0]) * 75, (a[1] - b[1]) * 111);
      if (km <= maxKm) pairs.push([a, b]);
    }
    // Same answers first.
    let worst = 0;
    for (const [a, b] of pairs.slice(0, 300)) {
      const m0 = virtualTargetTravel(real.flat, oldCosts, oldIndex, oldWs, a, b);
      const m1 = eng.travel(a, b)?.metres ?? Number.NaN;
      if (Number.isFinite(m0) && Number.isFinite(m1)) worst = Math.max(worst, Math.abs(m0 - m1));
    }
    if (worst > 0.1) throw new Error(`point-to-point mismatch: ${worst} m`);
    const oldPairs = pairs.slice(0, 300);
    const tNew: number[] = [];
    const tOld: number[] = [];
    const tOldC: number[] = [];
    for (let round = 0; round < 3; round++) {
      tNew.push(
        bestMs(1, () => {
          for (const [a, b] of pairs) eng.travel(a, b);
        }) / pairs.length,
      );
      tOld.push(
        bestMs(1, () => {
          for (const [a, b] of oldPairs) virtualTargetTravel(real.flat, oldCosts, oldIndex, oldWs, a, b);
        }) / oldPairs.length,
      );
      tOldC.push(
        bestMs(1, () => {
          for (const [a, b] of oldPairs)
            virtualTargetTravel(real.contracted, eng.costs, oldOnContracted.index, oldOnContracted.ws, a, b);
        }) / oldPairs.length,
      );
    }
    // Work per query, independent of machine load: nodes settled.
    let sOld = 0;
    let sEuclid = 0;
    let sAlt = 0;
    const euclid = aStarBound(real.contracted, eng.costs, 0);
    const alt = aStarBound(real.contracted, eng.costs);
    const wsC = oldOnContracted.ws;
    const idx = oldOnContracted.index;
    for (const [a, b] of oldPairs) {
      const sa = idx.snap(a[0], a[1]);
      const fac = snapFacilities(idx, [{ id: 'b', lon: b[0], lat: b[1] }], 300);
      const sb = fac.snaps[0];
      if (!sa || !sb) continue;
      nearestFacilities(real.contracted, eng.costs, fac, sa, 1, Infinity, wsC);
      sOld += wsC.settledCount;
      sEuclid += walkBetween(real.contracted, eng.costs, euclid, sa, sb, wsC)?.settled ?? 0;
      sAlt += walkBetween(real.contracted, eng.costs, alt, sa, sb, wsC)?.settled ?? 0;
    }
    const per = (x: number) => fmt(x / oldPairs.length);
    console.log(
      `  nodes settled per query (contracted): Dijkstra ${per(sOld)}, A* straight-line bound ${per(sEuclid)}, ` +
        `A* + 8 landmarks ${per(sAlt)}`,
    );
    const qNew = 1000 / Math.min(...tNew);
    const qOld = 1000 / Math.min(...tOld);
    const qOldC = 1000 / Math.min(...tOldC);
    out[`p2p ${label} new`] = qNew;
    out[`p2p ${label} old`] = qOld;
    console.log(
      `travel() on Liechtenstein (real OSM), ${label}: A* on contracted ${fmt(qNew)} q/s vs ` +
        `old Dijkstra to a virtual target on uncontracted ${fmt(qOld)} q/s → ${fmt(qNew / qOld, 1)}× ` +
        `(old search on contracted: ${fmt(qOldC)} q/s); same metres within ${fmt(worst, 4)} m`,
    );
  }

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
