import { describe, expect, it } from 'vitest';
import { walkBetween } from './astar.ts';
import { edgeMinutes } from './cost.ts';
import { DijkstraWorkspace } from './dijkstra.ts';
import { edgePointAt } from './edge_shape.ts';
import { nearestFacilities, snapFacilities } from './facilities.ts';
import { buildWalkGraph } from './graph.ts';
import { aStarBound } from './landmarks.ts';
import { EdgeSnapIndex } from './snap.ts';
import { randomExtract, rng, shapedGrid } from './test_support.ts';

describe('walkBetween (bidirectional A*)', { timeout: 120_000 }, () => {
  const cases = [
    ['random streets', randomExtract(21, 300, { sizeM: 2000 })],
    [
      'oneway:foot, steps and elevations',
      randomExtract(22, 250, { ele: true, onewayShare: 0.25, stepsShare: 0.15 }),
    ],
    ['a grid with shape nodes', shapedGrid(10, 120, 3, 4)],
  ] as const;
  // 8 landmarks (the default) and none (the straight-line bound the page walks with until its
  // landmarks arrive): both potentials must give exact times and pieces that join up.
  for (const [name, ex, landmarks] of cases.flatMap(
    ([n, e]) =>
      [
        [n, e, 8],
        [`${n}, straight-line bound`, e, 0],
      ] as const,
  )) {
    it(`gives the times of plain Dijkstra to a virtual target (${name})`, () => {
      const { graph } = buildWalkGraph(ex);
      const costs = edgeMinutes(graph);
      const bound = aStarBound(graph, costs, landmarks);
      const index = new EdgeSnapIndex(graph);
      const ws = new DijkstraWorkspace(graph.nodeCount);
      const ws2 = new DijkstraWorkspace(graph.nodeCount);
      const r = rng(7);
      let reached = 0;
      for (let q = 0; q < 300; q++) {
        const e1 = Math.floor(r() * graph.edgeCount);
        // Every tenth pair shares an edge, to exercise the walk along the origin's own edge.
        const e2 = q % 10 === 0 ? e1 : Math.floor(r() * graph.edgeCount);
        const [alon, alat] = edgePointAt(graph, e1, r());
        const [blon, blat] = edgePointAt(graph, e2, r());
        const a = index.snap(alon, alat, 5)!;
        const fac = snapFacilities(index, [{ id: 'b', lon: blon, lat: blat }], 5);
        const b = fac.snaps[0]!;
        const [ref] = nearestFacilities(graph, costs, fac, a, 1, Infinity, ws2);
        const got = walkBetween(graph, costs, bound, a, b, ws);
        if (!ref) {
          expect(got).toBeNull();
          continue;
        }
        reached++;
        expect(got).not.toBeNull();
        expect(got!.minutes).toBeCloseTo(ref.minutes, 4);
        // The pieces walk exactly those minutes, and join up from a to b.
        const sum = got!.pieces.reduce((m, p) => m + (p.t1 - p.t0) * costs[p.edge]!, 0);
        expect(sum).toBeCloseTo(got!.minutes, 4);
        const first = got!.pieces[0]!;
        const last = got!.pieces[got!.pieces.length - 1]!;
        const p0 = edgePointAt(graph, first.edge, first.t0);
        const p1 = edgePointAt(graph, last.edge, last.t1);
        expect(p0[0]).toBeCloseTo(a.lon, 7);
        expect(p0[1]).toBeCloseTo(a.lat, 7);
        expect(p1[0]).toBeCloseTo(b.lon, 7);
        expect(p1[1]).toBeCloseTo(b.lat, 7);
      }
      expect(reached).toBeGreaterThan(150);
    });
  }

  it('never overestimates: the bound is below every edge speed', () => {
    const { graph } = buildWalkGraph(randomExtract(23, 200, { ele: true }));
    const costs = edgeMinutes(graph);
    const bound = aStarBound(graph, costs);
    for (let e = 0; e < graph.edgeCount; e++)
      expect(graph.lengthM[e]! / costs[e]!).toBeLessThanOrEqual(bound.maxSpeed);
  });
});
