import { describe, expect, it } from 'vitest';
import { edgeMinutes } from './cost.ts';
import { DijkstraWorkspace, multiSourceDijkstra } from './dijkstra.ts';
import {
  facilityPieces,
  facilitySeeds,
  nearestFacilities,
  snapFacilities,
  timeAtSnap,
} from './facilities.ts';
import { buildWalkGraph, edgeSources, edgeTwins, type WalkGraph } from './graph.ts';
import { piecesToPath } from './path.ts';
import { type EdgeSnap, EdgeSnapIndex, seedsForSnap } from './snap.ts';
import { floydWarshall, randomExtract, rng } from './test_support.ts';

/** Exact point-to-point time through the all-pairs table: directly along a shared segment or via edge ends. */
function bruteTime(
  graph: WalkGraph,
  costs: Float32Array,
  fw: Float64Array,
  a: EdgeSnap,
  b: EdgeSnap,
): number {
  const n = graph.nodeCount;
  const twins = edgeTwins(graph);
  let best = Infinity;
  const same = a.edge === b.edge || twins[a.edge] === b.edge;
  if (same) {
    const tb = a.edge === b.edge ? b.fraction : 1 - b.fraction;
    const dt = tb - a.fraction;
    const tw = twins[a.edge] as number;
    if (dt >= 0) best = dt * (costs[a.edge] as number);
    else if (tw >= 0) best = -dt * (costs[tw] as number);
  }
  for (const so of seedsForSnap(graph, costs, a, 'from')) {
    for (const sf of seedsForSnap(graph, costs, b, 'to')) {
      best = Math.min(best, so.minutes + (fw[so.node * n + sf.node] as number) + sf.minutes);
    }
  }
  return best;
}

function randomPoint(graph: WalkGraph, r: () => number): { lon: number; lat: number } {
  const [w, s, e, n] = graph.bbox;
  return { lon: w + r() * (e - w), lat: s + r() * (n - s) };
}

describe('nearestFacilities', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`ranks facilities exactly like brute force (graph #${seed})`, () => {
      const { graph } = buildWalkGraph(
        randomExtract(seed, 60, { ele: seed % 2 === 0, onewayShare: seed === 3 ? 0.25 : 0 }),
      );
      const costs = edgeMinutes(graph);
      const fw = floydWarshall(graph, costs);
      const index = new EdgeSnapIndex(graph);
      const r = rng(seed * 7);
      const points = Array.from({ length: 25 }, (_, i) => ({ id: `f${i}`, ...randomPoint(graph, r) }));
      const fac = snapFacilities(index, points, 5000);
      expect(fac.unsnapped).toEqual([]);
      const ws = new DijkstraWorkspace(graph.nodeCount);
      for (let q = 0; q < 40; q++) {
        const p = randomPoint(graph, r);
        const origin = index.snap(p.lon, p.lat, 5000) as EdgeSnap;
        const k = 1 + Math.floor(r() * 6);
        const maxMinutes = q % 3 === 0 ? 6 : Infinity;
        const got = nearestFacilities(graph, costs, fac, origin, k, maxMinutes, ws);
        const brute = fac.snaps
          .map((s, i) => ({ i, t: bruteTime(graph, costs, fw, origin, s as EdgeSnap) }))
          .filter((x) => x.t !== Infinity && x.t <= maxMinutes)
          .sort((a, b) => a.t - b.t)
          .slice(0, k);
        expect(got.map((g) => g.minutes)).toHaveLength(brute.length);
        got.forEach((g, i) => {
          expect(g.minutes).toBeCloseTo((brute[i] as { t: number }).t, 9);
          // The facility reported has that brute-force time too (ties may swap ids).
          expect(bruteTime(graph, costs, fw, origin, fac.snaps[g.facility] as EdgeSnap)).toBeCloseTo(
            g.minutes,
            9,
          );
          // Its route pieces add up to the same minutes and join end to end.
          const pieces = facilityPieces(graph, fac, origin, g, ws);
          const path = piecesToPath(graph, costs, pieces);
          expect(path.minutes).toBeCloseTo(g.minutes, 6);
          const first = path.coordinates[0] as [number, number];
          const last = path.coordinates[path.coordinates.length - 1] as [number, number];
          if (path.coordinates.length > 0) {
            expect(first[0]).toBeCloseTo(origin.lon, 9);
            expect(first[1]).toBeCloseTo(origin.lat, 9);
            const fs = fac.snaps[g.facility] as EdgeSnap;
            expect(last[0]).toBeCloseTo(fs.lon, 9);
            expect(last[1]).toBeCloseTo(fs.lat, 9);
          }
        });
      }
    });
  }

  it('adds per-facility extra minutes into the ranking', () => {
    const { graph } = buildWalkGraph(randomExtract(8, 50));
    const costs = edgeMinutes(graph);
    const fw = floydWarshall(graph, costs);
    const index = new EdgeSnapIndex(graph);
    const r = rng(8);
    const points = Array.from({ length: 10 }, (_, i) => ({ id: `f${i}`, ...randomPoint(graph, r) }));
    const fac = snapFacilities(index, points, 5000);
    const extra = Float64Array.from(points, () => r() * 5);
    const origin = index.snap(points[0]!.lon + 0.001, points[0]!.lat, 5000) as EdgeSnap;
    const got = nearestFacilities(
      graph,
      costs,
      fac,
      origin,
      10,
      Infinity,
      new DijkstraWorkspace(graph.nodeCount),
      extra,
    );
    const brute = fac.snaps
      .map((s, i) => bruteTime(graph, costs, fw, origin, s as EdgeSnap) + (extra[i] as number))
      .sort((a, b) => a - b);
    expect(got.map((g) => g.minutes)).toHaveLength(10);
    got.forEach((g, i) => {
      expect(g.minutes).toBeCloseTo(brute[i] as number, 9);
    });
  });
});

describe('timeAtSnap over a multi-source result', () => {
  it('equals brute-force time to/from the nearest facility for random points', () => {
    const { graph } = buildWalkGraph(randomExtract(12, 60, { ele: true }));
    const costs = edgeMinutes(graph);
    const fw = floydWarshall(graph, costs);
    const index = new EdgeSnapIndex(graph);
    const r = rng(12);
    const points = Array.from({ length: 6 }, (_, i) => ({ id: `f${i}`, ...randomPoint(graph, r) }));
    const fac = snapFacilities(index, points, 5000);
    for (const direction of ['to', 'from'] as const) {
      const res = multiSourceDijkstra(graph, costs, facilitySeeds(graph, costs, fac, direction), {
        direction,
      });
      for (let q = 0; q < 60; q++) {
        const p = randomPoint(graph, r);
        const s = index.snap(p.lon, p.lat, 5000) as EdgeSnap;
        const got = timeAtSnap(graph, costs, res, s, fac);
        const brute = Math.min(
          ...fac.snaps.map((f) =>
            direction === 'to'
              ? bruteTime(graph, costs, fw, s, f as EdgeSnap)
              : bruteTime(graph, costs, fw, f as EdgeSnap, s),
          ),
        );
        expect(got.minutes).toBeCloseTo(brute, 9);
        const src = fac.snaps[got.source] as EdgeSnap;
        const viaSource =
          direction === 'to' ? bruteTime(graph, costs, fw, s, src) : bruteTime(graph, costs, fw, src, s);
        expect(viaSource).toBeCloseTo(brute, 9);
      }
    }
  });
});

describe('seedsForSnap', () => {
  it('charges the partial edge to each end, in the walking direction', () => {
    const { graph } = buildWalkGraph(randomExtract(13, 30, { ele: true }));
    const costs = edgeMinutes(graph);
    const twins = edgeTwins(graph);
    const src = edgeSources(graph);
    const e = 0;
    const tw = twins[e] as number;
    expect(tw).toBeGreaterThanOrEqual(0);
    const snap: EdgeSnap = {
      edge: e,
      from: src[e] as number,
      to: graph.target[e] as number,
      fraction: 0.3,
      lon: 0,
      lat: 0,
      distanceM: 0,
    };
    const from = seedsForSnap(graph, costs, snap, 'from', 7);
    expect(from).toEqual([
      { node: snap.to, minutes: 0.7 * (costs[e] as number), source: 7 },
      { node: snap.from, minutes: 0.3 * (costs[tw] as number), source: 7 },
    ]);
    const to = seedsForSnap(graph, costs, snap, 'to');
    expect(to).toEqual([
      { node: snap.from, minutes: 0.3 * (costs[e] as number), source: 0 },
      { node: snap.to, minutes: 0.7 * (costs[tw] as number), source: 0 },
    ]);
  });
});
