import { describe, expect, it } from 'vitest';
import { readWalkExtract } from '../../../scripts/lib/osm/read_walk.ts';
import { buildHierarchy, type Hierarchy } from './ch_build.ts';
import { walkBetweenCH } from './ch_query.ts';
import { edgeMinutes } from './cost.ts';
import { DijkstraWorkspace } from './dijkstra.ts';
import { edgePointAt } from './edge_shape.ts';
import { nearestFacilities } from './facilities.ts';
import { buildWalkGraph, edgeSources, type WalkGraph } from './graph.ts';
import type { OsmExtract } from './osm_extract.ts';
import { EdgeSnapIndex } from './snap.ts';
import { randomExtract, randomSnapPair, rng, shapedGrid, walkEnds } from './test_support.ts';

// Real OpenStreetMap data (© OpenStreetMap contributors, ODbL; see test/fixtures/osm/README.md).
const PBF = new URL('../../../test/fixtures/osm/liechtenstein-2013-08-03.osm.pbf', import.meta.url).pathname;

/**
 * Walks `pairs` seeded random point pairs (every tenth on one edge) with the hierarchy and with
 * Dijkstra to a virtual target; checks times, reachability and that the pieces join into a walk
 * from a to b whose minutes are the returned ones. Returns how many pairs were reachable.
 */
function checkAgainstDijkstra(graph: WalkGraph, h: Hierarchy, costs: Float32Array, pairs: number): number {
  const index = new EdgeSnapIndex(graph);
  const ws = new DijkstraWorkspace(graph.nodeCount);
  const src = edgeSources(graph);
  const r = rng(11);
  let reached = 0;
  for (let q = 0; q < pairs; q++) {
    const { a, b, fac } = randomSnapPair(graph, index, r, q);
    const [ref] = nearestFacilities(graph, costs, fac, a, 1, Infinity, ws);
    const got = walkBetweenCH(graph, costs, h, a, b);
    if (!ref) {
      expect(got).toBeNull();
      continue;
    }
    reached++;
    expect(got).not.toBeNull();
    const walk = got!;
    expect(Math.abs(walk.minutes - ref.minutes)).toBeLessThanOrEqual(1e-6);
    const sum = walk.pieces.reduce((m, p) => m + (p.t1 - p.t0) * costs[p.edge]!, 0);
    expect(Math.abs(sum - walk.minutes)).toBeLessThanOrEqual(1e-6);
    const [p0, p1] = walkEnds(graph, walk.pieces);
    expect(p0[0]).toBeCloseTo(a.lon, 7);
    expect(p0[1]).toBeCloseTo(a.lat, 7);
    expect(p1[0]).toBeCloseTo(b.lon, 7);
    expect(p1[1]).toBeCloseTo(b.lat, 7);
    // Between the partial first and last pieces, whole edges, each leaving the node the previous entered.
    for (let i = 1; i < walk.pieces.length; i++) {
      const prev = walk.pieces[i - 1]!;
      const cur = walk.pieces[i]!;
      expect(prev.t1).toBe(1);
      expect(cur.t0).toBe(0);
      if (i < walk.pieces.length - 1) expect(cur.t1).toBe(1);
      expect(src[cur.edge]).toBe(graph.target[prev.edge]);
    }
  }
  return reached;
}

describe('walkBetweenCH (contraction hierarchy)', { timeout: 240_000 }, () => {
  const cases: [string, () => Promise<OsmExtract> | OsmExtract, number][] = [
    ['Liechtenstein, real OSM', async () => (await readWalkExtract(PBF)).extract, 2000],
    [
      'random streets with steps, oneway:foot and elevations',
      () => randomExtract(22, 400, { ele: true, onewayShare: 0.25, stepsShare: 0.15 }),
      3000,
    ],
    ['a grid with shape nodes (many equal-time walks)', () => shapedGrid(14, 120, 3, 4), 3000],
  ];
  for (const [name, extract, pairs] of cases) {
    it(`gives the times of Dijkstra to a virtual target, joined pieces (${name})`, async () => {
      const { graph } = buildWalkGraph(await extract());
      const costs = edgeMinutes(graph);
      const h = buildHierarchy(graph, costs);
      // One-way ways leave a third of the random graph's pairs unreachable: both methods must agree.
      expect(checkAgainstDijkstra(graph, h, costs, pairs)).toBeGreaterThan(pairs / 4);
    });
  }

  it('gives the same times with superfluous shortcuts (witness searches cut after one node)', () => {
    const { graph } = buildWalkGraph(randomExtract(23, 300, { ele: true, onewayShare: 0.2 }));
    const costs = edgeMinutes(graph);
    const full = buildHierarchy(graph, costs);
    const cut = buildHierarchy(graph, costs, { witnessSettleLimit: 1 });
    expect(cut.shortcutFirst.length).toBeGreaterThan(full.shortcutFirst.length);
    expect(checkAgainstDijkstra(graph, cut, costs, 1000)).toBeGreaterThan(500);
  });

  it('reuses its state across queries on different hierarchies of one graph', () => {
    const { graph } = buildWalkGraph(randomExtract(24, 200));
    const costs = edgeMinutes(graph);
    const slow = edgeMinutes(graph, { speedMPerMin: 40 });
    const h1 = buildHierarchy(graph, costs);
    const h2 = buildHierarchy(graph, slow);
    const index = new EdgeSnapIndex(graph);
    const r = rng(2);
    for (let q = 0; q < 200; q++) {
      const a = index.snap(...edgePointAt(graph, Math.floor(r() * graph.edgeCount), r()))!;
      const b = index.snap(...edgePointAt(graph, Math.floor(r() * graph.edgeCount), r()))!;
      const w1 = walkBetweenCH(graph, costs, h1, a, b);
      const w2 = walkBetweenCH(graph, slow, h2, a, b);
      expect(w1 === null).toBe(w2 === null);
      if (w1 && w2) expect(w2.minutes).toBeCloseTo(w1.minutes * 2, 6);
    }
  });
});
