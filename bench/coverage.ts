// Benchmark: whole-city 15-minute coverage, all categories, ~100k cells on the synthetic 200k-node graph.

import { shareRows } from '../src/lib/coverage/aggregate.ts';
import { computeLayer } from '../src/lib/coverage/compute.ts';
import { prepareCoverage } from '../src/lib/coverage/context.ts';
import { buildGrid, districtShapes, type GridSpec } from '../src/lib/coverage/grid.ts';
import { marginalContributions } from '../src/lib/coverage/marginal.ts';
import type { AnalyseResult, CoverageReply, FacilityInput } from '../src/lib/coverage/protocol.ts';
import { COVERAGE_CATEGORIES } from '../src/lib/coverage/scenario_state.ts';
import { CoverageSession } from '../src/lib/coverage/session.ts';
import { ScenarioLayer, sitePoint } from '../src/lib/coverage/whatif.ts';
import { NetworkWalkEngine } from '../src/lib/walk/engine.ts';
import type { FacilityPoint } from '../src/lib/walk/facilities.ts';
import { serializeWalkGraph } from '../src/lib/walk/graph_binary.ts';
import { rng } from '../src/lib/walk/test_support.ts';
import { benchGraph, bestMs, fmt, isMain, machineNote } from './walk_synthetic.ts';

/**
 * Facilities per category (invented counts, one per coverage category, most to fewest): a mix of
 * common and rare facility types so some categories cover most cells and others few.
 */
const COUNTS = [400, 250, 150, 100, 60, 40, 25, 12, 6, 2];

/** Runs the coverage benchmark and prints a report; returns the key numbers. */
export async function runCoverageBench(
  spec: GridSpec = { kind: 'square', sizeM: 142 },
): Promise<Record<string, number>> {
  const graph = benchGraph(100);
  const engine = new NetworkWalkEngine(graph);
  const [w, s, e, n] = graph.bbox;
  // One invented "district" over the synthetic grid (adcode reused only as a label).
  const districts = {
    type: 'FeatureCollection' as const,
    features: [
      {
        properties: { district: '620102' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [w, s],
              [e, s],
              [e, n],
              [w, n],
              [w, s],
            ],
          ],
        },
      },
    ],
  };
  const r = rng(5);
  const pick = (): FacilityPoint => {
    const v = Math.floor(r() * graph.nodeCount);
    // A little off the street, as a real entrance is.
    return {
      id: '',
      lon: (graph.lon[v] as number) + (r() - 0.5) * 4e-4,
      lat: (graph.lat[v] as number) + (r() - 0.5) * 3e-4,
    };
  };
  const byCategory = COVERAGE_CATEGORIES.map((category, k) => ({
    category,
    points: Array.from({ length: COUNTS[k] ?? 1 }, (_, i) => ({ ...pick(), id: `${category}-${i}` })),
  }));
  console.log(
    `\ncoverage: synthetic grid ${fmt(graph.nodeCount)} nodes / ${fmt(graph.edgeCount)} edges (invented), ` +
      `${byCategory.length} categories, ${fmt(byCategory.reduce((a, c) => a + c.points.length, 0))} facilities`,
  );

  let t0 = performance.now();
  const grid = buildGrid(districtShapes(districts), ['620102'], spec);
  const gridMs = performance.now() - t0;
  t0 = performance.now();
  const ctx = prepareCoverage(engine, grid, 15);
  const snapMs = performance.now() - t0;
  console.log(
    `grid ${spec.kind === 'h3' ? `H3 res ${spec.resolution}` : `${spec.sizeM} m squares`}: ${fmt(grid.count)} cells ` +
      `(${fmt(ctx.net?.cells.length ?? 0)} on the network); build ${fmt(gridMs)} ms, snap ${fmt(snapMs)} ms (once per grid)`,
  );

  const allMs = bestMs(3, () => {
    for (const c of byCategory) computeLayer(ctx, c.points);
  });
  const layers = byCategory.map((c) => computeLayer(ctx, c.points));
  const perCat = byCategory.map((c) => bestMs(3, () => computeLayer(ctx, c.points)));
  console.log(
    `coverage, all ${byCategory.length} categories: ${fmt(allMs, 1)} ms (budget < 1,000 ms); per category ` +
      `${perCat.map((m) => fmt(m, 0)).join(' / ')} ms for ${COUNTS.join(' / ')} facilities`,
  );

  // Baseline in the same process: the engine's own nearest() per cell (what a per-cell loop would do).
  const sample = 1500;
  const step = Math.max(1, Math.floor(grid.count / sample));
  const group = engine.prepare(byCategory[0]!.points);
  const cells: number[] = [];
  for (let c = 0; c < grid.count && cells.length < sample; c += step) cells.push(c);
  let mismatches = 0;
  const perCellMs = bestMs(1, () => {
    for (const c of cells) engine.nearest(grid.lon[c]!, grid.lat[c]!, group, 1, 15);
  });
  for (const c of cells) {
    const [hit] = engine.nearest(grid.lon[c]!, grid.lat[c]!, group, 1, 15);
    const want = hit ? hit.minutes : Infinity;
    const got = layers[0]!.minutes[c]!;
    if (!(want === got || Math.abs(want - got) < 1e-4)) mismatches++;
  }
  if (mismatches > 0) throw new Error(`coverage differs from nearest() in ${mismatches} sampled cells`);
  const perCellAllMs = (perCellMs / cells.length) * grid.count;
  const oneCatMs = perCat[0]!;
  console.log(
    `baseline, per-cell nearest() for category 1 (${cells.length} sampled cells, same answers): ` +
      `${fmt(perCellAllMs)} ms extrapolated to all cells vs ${fmt(oneCatMs, 1)} ms → ${fmt(perCellAllMs / oneCatMs)}×`,
  );

  // What-if: one site added incrementally vs recomputing the category.
  const cat = byCategory[3]!;
  const base = layers[3]!;
  const sites = Array.from({ length: 20 }, pick);
  let touched = 0;
  const incMs =
    bestMs(3, () => {
      const sc = new ScenarioLayer(ctx, base);
      touched = 0;
      for (let k = 0; k < sites.length; k++) {
        const u = sc.update(sites.slice(0, k + 1));
        if (u.kind === 'append') touched += u.changes.reduce((a, ch) => a + ch.cells.length, 0);
      }
    }) / sites.length;
  const fullMs = bestMs(3, () => computeLayer(ctx, [...cat.points, ...sites.map(sitePoint)]));
  console.log(
    `what-if site (${cat.points.length} facilities): incremental ${fmt(incMs, 2)} ms per site ` +
      `(${fmt(touched / sites.length)} cells touched) vs full recompute ${fmt(fullMs, 1)} ms → ${fmt(fullMs / incMs)}×`,
  );

  const marginalMs = bestMs(1, () => marginalContributions(ctx, cat.points, [5, 10, 15]));
  console.log(
    `marginal contribution of all ${cat.points.length} facilities of one category: ${fmt(marginalMs)} ms`,
  );

  // The worker's own path: a session answering init + analyse (grid, snap, all categories, tables,
  // clusters, scores), as the browser worker runs it.
  const facilities: FacilityInput[] = byCategory.flatMap((c) =>
    c.points.map((p) => ({
      ...p,
      category: c.category,
      status: 'existing' as const,
      name_zh: p.id,
      name_en: p.id,
      district: '620102',
    })),
  );
  const bytes = serializeWalkGraph(graph);
  const session = new CoverageSession({
    fetchBytes: async () => bytes.slice().buffer,
    yieldNow: async () => {},
  });
  let result: AnalyseResult | null = null;
  const post = (reply: CoverageReply) => {
    if (reply.type === 'result' && 'gridKey' in reply.result) result = reply.result;
    if (reply.type === 'error') throw new Error(reply.message);
  };
  t0 = performance.now();
  await session.handle(
    { type: 'init', id: 1, facilities, districts, graphUrl: 'bench', speedMPerMin: 80, detourFactor: 1.3 },
    post,
  );
  const initMs = performance.now() - t0;
  t0 = performance.now();
  await session.handle(
    {
      type: 'analyse',
      id: 2,
      settings: {
        grid: spec,
        districts: ['620102'],
        planned: false,
        sites: [],
        category: 'fitness_site',
        bands: [5, 10, 15],
        youthShare: null,
      },
    },
    post,
  );
  const analyseMs = performance.now() - t0;
  const res = result as AnalyseResult | null;
  if (!res) throw new Error('no analysis result');
  const tm = res.timings;
  const city = shareRows(res.table, 'fitness_site').at(-1)!;
  console.log(
    `session (the worker's code): init incl. graph load ${fmt(initMs)} ms; first analyse ${fmt(analyseMs)} ms = ` +
      `grid ${fmt(tm.grid ?? 0)} + snap ${fmt(tm.snap ?? 0)} + coverage ${fmt(tm.coverage ?? 0)} + tables ${fmt(tm.tabulate ?? 0)} + ` +
      `clusters ${fmt(tm.clusters ?? 0)} ms; fitness_site 15-min share ${fmt(city.areaShare[2]! * 100, 1)} % of area`,
  );
  // Same grid, other facility set (planned ones counted): only the coverage of every category reruns.
  t0 = performance.now();
  await session.handle(
    {
      type: 'analyse',
      id: 3,
      settings: {
        grid: spec,
        districts: ['620102'],
        planned: true,
        sites: [],
        category: 'fitness_site',
        bands: [5, 10, 15],
        youthShare: null,
      },
    },
    post,
  );
  const againMs = performance.now() - t0;
  const warm = (result as AnalyseResult | null)?.timings ?? {};
  console.log(
    `session, second analyse on the same grid (all categories recomputed): ${fmt(againMs)} ms, of which coverage ${fmt(warm.coverage ?? 0)} ms`,
  );
  return {
    cells: grid.count,
    gridMs,
    snapMs,
    allMs,
    perCellAllMs,
    incMs,
    fullMs,
    marginalMs,
    analyseMs,
    againMs,
  };
}

if (isMain(import.meta.url)) {
  console.log(`coverage benchmark — ${machineNote()}`);
  await runCoverageBench({ kind: 'square', sizeM: 142 });
  await runCoverageBench({ kind: 'h3', resolution: 10 });
  console.log(`done — ${machineNote()}`);
}
