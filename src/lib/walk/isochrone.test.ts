import { describe, expect, it } from 'vitest';
import { edgeMinutes } from './cost.ts';
import { boundedDijkstra, DijkstraWorkspace, multiSourceDijkstra } from './dijkstra.ts';
import { edgePointAt } from './edge_shape.ts';
import { facilitySeeds, snapFacilities, timeAtSnap } from './facilities.ts';
import { buildWalkGraph, edgeSources, edgeTwins } from './graph.ts';
import { piecesLengthM, piecesToPolygons, reachedPieces } from './isochrone.ts';
import type { OsmExtract } from './osm_extract.ts';
import { type EdgeSnap, EdgeSnapIndex, seedsForSnap } from './snap.ts';
import { randomExtract, rng } from './test_support.ts';

const M = 111194.93;
const KX = M * Math.cos((36.05 * Math.PI) / 180);
const at = (x: number, y: number) => ({ lon: 103.8 + x / KX, lat: 36.05 + y / M });

function straightStreet(): OsmExtract {
  const nodes = new Map<number, { lon: number; lat: number }>();
  for (let i = 0; i <= 20; i++) nodes.set(i + 1, at(100 * i, 0));
  return { nodes, ways: [{ id: 1, nodeIds: [...nodes.keys()], tags: { highway: 'residential' } }] };
}

describe('reachedPieces', () => {
  it('reaches exactly speed × minutes along a street in each direction from a mid-edge start', () => {
    const { graph } = buildWalkGraph(straightStreet());
    const costs = edgeMinutes(graph);
    const index = new EdgeSnapIndex(graph);
    const p = at(1050, 5);
    const origin = index.snap(p.lon, p.lat)!;
    const ws = new DijkstraWorkspace(graph.nodeCount);
    boundedDijkstra(graph, costs, seedsForSnap(graph, costs, origin, 'from'), 5, ws);
    const pieces = reachedPieces(graph, costs, ws, 5, [origin]);
    // Union of pieces along the line: 400 m each way.
    const src = edgeSources(graph);
    let lo = Infinity;
    let hi = -Infinity;
    for (const pc of pieces) {
      const a = graph.lon[src[pc.edge]!]!;
      const b = graph.lon[graph.target[pc.edge]!]!;
      for (const t of [pc.t0, pc.t1]) {
        const x = (a + (b - a) * t - 103.8) * KX;
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
      }
    }
    expect(lo).toBeCloseTo(650, 2); // Float32 lengths: sub-millimetre
    expect(hi).toBeCloseTo(1450, 2);
    const polys = piecesToPolygons(graph, pieces);
    expect(polys).toHaveLength(1);
  });

  for (const direction of ['from', 'to'] as const) {
    it(`marks a point reached iff its exact time is within the band (${direction}, random graphs)`, () => {
      for (const seed of [1, 2, 3]) {
        const { graph } = buildWalkGraph(
          randomExtract(seed, 80, { ele: true, onewayShare: seed === 3 ? 0.2 : 0 }),
        );
        const costs = edgeMinutes(graph);
        const index = new EdgeSnapIndex(graph);
        const r = rng(seed);
        const [w, s, e, n] = graph.bbox;
        const pts = Array.from({ length: 3 }, (_, i) => ({
          id: String(i),
          lon: w + r() * (e - w),
          lat: s + r() * (n - s),
        }));
        const fac = snapFacilities(index, pts, 5000);
        const band = 3 + r() * 4;
        const ws = new DijkstraWorkspace(graph.nodeCount);
        boundedDijkstra(graph, costs, facilitySeeds(graph, costs, fac, direction), band, ws, direction);
        const pieces = reachedPieces(graph, costs, ws, band, fac.snaps as EdgeSnap[]);
        const full = multiSourceDijkstra(graph, costs, facilitySeeds(graph, costs, fac, direction), {
          direction,
        });
        const twins = edgeTwins(graph);
        const src = edgeSources(graph);
        for (let q = 0; q < 400; q++) {
          const edge = Math.floor(r() * graph.edgeCount);
          const t = r();
          const [lon, lat] = edgePointAt(graph, edge, t);
          // The point itself on this edge (a snap could pick a parallel duplicate way).
          const snap: EdgeSnap = {
            edge,
            from: src[edge]!,
            to: graph.target[edge]!,
            fraction: t,
            lon,
            lat,
            distanceM: 0,
          };
          const exact = timeAtSnap(graph, costs, full, snap, fac).minutes;
          if (Math.abs(exact - band) < 1e-6) continue;
          const covered = pieces.some((pc) => {
            const onSame = pc.edge === edge;
            const onTwin = twins[edge] === pc.edge;
            const tt = onSame ? t : onTwin ? 1 - t : -1;
            return tt >= pc.t0 - 1e-9 && tt <= pc.t1 + 1e-9;
          });
          expect(covered).toBe(exact <= band);
        }
        expect(piecesLengthM(graph, pieces)).toBeGreaterThan(0);
      }
    });
  }
});
