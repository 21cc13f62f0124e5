import { describe, expect, it } from 'vitest';
import { walkBetween } from './astar.ts';
import { edgeMinutes } from './cost.ts';
import { DijkstraWorkspace } from './dijkstra.ts';
import { edgePointAt, edgeSubline } from './edge_shape.ts';
import { createWalkEngine } from './engine.ts';
import type { EdgePiece } from './facilities.ts';
import { buildWalkGraph, type WalkGraph } from './graph.ts';
import { aStarBound } from './landmarks.ts';
import { piecesToPath, type RoutePart } from './path.ts';
import { EdgeSnapIndex } from './snap.ts';
import { randomExtract, rng, shapedGrid } from './test_support.ts';
import { EDGE_FLAG } from './walkable.ts';

/** The plain way to build a route: edgeSubline per piece, a point kept unless it repeats the last. */
function reference(graph: WalkGraph, costs: Float32Array, pieces: readonly EdgePiece[]) {
  const coordinates: [number, number][] = [];
  const parts: RoutePart[] = [];
  const open = new Map<RoutePart['kind'], RoutePart>();
  let metres = 0;
  let minutes = 0;
  for (const p of pieces) {
    const span = p.t1 - p.t0;
    if (!(span > 0)) continue;
    let startIdx = -1;
    edgeSubline(graph, p.edge, p.t0, p.t1, (x, y) => {
      const last = coordinates[coordinates.length - 1];
      if (!last || last[0] !== x || last[1] !== y) coordinates.push([x, y]);
      if (startIdx < 0) startIdx = coordinates.length - 1;
    });
    const endIdx = coordinates.length - 1;
    const m = graph.lengthM[p.edge]! * span;
    metres += m;
    minutes += costs[p.edge]! * span;
    const lab = graph.label[p.edge]!;
    const name = lab >= 0 ? (graph.labels[lab] ?? '') : '';
    for (const [kind, bit] of [
      ['steps', EDGE_FLAG.steps],
      ['bridge', EDGE_FLAG.bridge],
      ['tunnel', EDGE_FLAG.tunnel],
    ] as const) {
      const cur = open.get(kind);
      if (graph.flags[p.edge]! & bit) {
        if (cur && cur.name === name && cur.to === startIdx) {
          cur.to = endIdx;
          cur.metres += m;
        } else {
          const part = { kind, from: startIdx, to: endIdx, metres: m, name };
          parts.push(part);
          open.set(kind, part);
        }
      } else open.delete(kind);
    }
  }
  return { coordinates, metres, minutes, parts };
}

describe('piecesToPath', () => {
  const cases = [
    ['steps, bridges, oneway:foot', randomExtract(61, 300, { ele: true, onewayShare: 0.2, stepsShare: 0.2 })],
    ['a grid with shape nodes', shapedGrid(8, 120, 3, 4)],
  ] as const;
  for (const [name, ex] of cases) {
    it(`gives the same bits as the plain edgeSubline route on A* walks (${name})`, () => {
      const { graph } = buildWalkGraph(ex);
      const costs = edgeMinutes(graph);
      const bound = aStarBound(graph, costs);
      const index = new EdgeSnapIndex(graph);
      const ws = new DijkstraWorkspace(graph.nodeCount);
      const r = rng(3);
      let withParts = 0;
      for (let q = 0; q < 200; q++) {
        const [alon, alat] = edgePointAt(graph, Math.floor(r() * graph.edgeCount), r());
        const [blon, blat] = edgePointAt(graph, Math.floor(r() * graph.edgeCount), r());
        const a = index.snap(alon, alat, 5);
        const b = index.snap(blon, blat, 5);
        if (!a || !b) continue;
        const walk = walkBetween(graph, costs, bound, a, b, ws);
        if (!walk) continue;
        const want = reference(graph, costs, walk.pieces);
        expect(piecesToPath(graph, costs, walk.pieces)).toEqual(want);
        // Appended after a start point: never merged with it, part indices count it.
        const start: [number, number] = want.coordinates[0] ?? [0, 0];
        const got = piecesToPath(graph, costs, walk.pieces, [start]);
        expect(got.coordinates).toEqual([start, ...want.coordinates]);
        expect(got.parts).toEqual(want.parts.map((p) => ({ ...p, from: p.from + 1, to: p.to + 1 })));
        if (want.parts.length > 0) withParts++;
      }
      if (name.startsWith('steps')) expect(withParts).toBeGreaterThan(20);
    });
  }

  it('travel() draws from the start point to the end point, parts inside the line', () => {
    const { graph } = buildWalkGraph(randomExtract(62, 300, { stepsShare: 0.3 }));
    const engine = createWalkEngine(graph);
    const r = rng(4);
    let parts = 0;
    for (let q = 0; q < 100; q++) {
      const from = edgePointAt(graph, Math.floor(r() * graph.edgeCount), r());
      const to = edgePointAt(graph, Math.floor(r() * graph.edgeCount), r());
      const route = engine.travel(from, to);
      if (!route) continue;
      expect(route.coordinates[0]).toBe(from);
      expect(route.coordinates[route.coordinates.length - 1]).toBe(to);
      for (const p of route.parts) {
        parts++;
        expect(p.from).toBeGreaterThanOrEqual(1);
        expect(p.to).toBeLessThanOrEqual(route.coordinates.length - 2);
        expect(p.to).toBeGreaterThan(p.from);
      }
    }
    expect(parts).toBeGreaterThan(10);
  });
});
