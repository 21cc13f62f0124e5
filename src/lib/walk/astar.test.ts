import { describe, expect, it } from 'vitest';
import { walkBetween } from './astar.ts';
import { edgeMinutes } from './cost.ts';
import { DijkstraWorkspace } from './dijkstra.ts';
import { nearestFacilities } from './facilities.ts';
import { buildWalkGraph } from './graph.ts';
import { aStarBound } from './landmarks.ts';
import { EdgeSnapIndex } from './snap.ts';
import { randomExtract, randomSnapPair, rng, shapedGrid, walkEnds } from './test_support.ts';

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
        // Every tenth pair shares an edge, to exercise the walk along the origin's own edge.
        const { a, b, fac } = randomSnapPair(graph, index, r, q);
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
        const [p0, p1] = walkEnds(graph, got!.pieces);
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
