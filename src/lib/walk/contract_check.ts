// Test-only: compares walking on a contracted graph with the same extract's uncontracted graph.

import { edgeMinutes } from './cost.ts';
import { boundedDijkstra, DijkstraWorkspace, multiSourceDijkstra, pathEdges } from './dijkstra.ts';
import { edgePointAt } from './edge_shape.ts';
import { createWalkEngine } from './engine.ts';
import { snapFacilities, timeAtSnap } from './facilities.ts';
import type { WalkGraph } from './graph.ts';
import { EdgeSnapIndex, seedsForSnap } from './snap.ts';
import { rng } from './test_support.ts';

/** Largest differences found (metres, minutes) and how many comparisons were made. */
export interface WalkingDifference {
  /** Node-to-node shortest paths between intersections (present in both graphs). */
  nodePairs: number;
  nodeMetres: number;
  nodeMinutes: number;
  /** engine.travel() between random points near the network. */
  travels: number;
  travelMetres: number;
  travelMinutes: number;
  /** Points on the network timed from an origin: time differences and band verdicts that differ. */
  probes: number;
  probeMinutes: number;
  bandMismatches: number;
}

/**
 * Walks the same seeded pairs and probes on both graphs. Node pairs use intersections (OSM ids found in
 * both); travels and probes use points, so they also exercise snapping onto polylines. Probe times
 * compare only without elevations (with them, a contracted edge spreads its slope evenly along it).
 * @param bandMin isochrone band of the probes, minutes
 */
export function compareWalking(
  flat: WalkGraph,
  contracted: WalkGraph,
  seed: number,
  counts: { nodePairs: number; travels: number; probes: number; bandMin?: number },
): WalkingDifference {
  const r = rng(seed);
  const out: WalkingDifference = {
    nodePairs: 0,
    nodeMetres: 0,
    nodeMinutes: 0,
    travels: 0,
    travelMetres: 0,
    travelMinutes: 0,
    probes: 0,
    probeMinutes: 0,
    bandMismatches: 0,
  };
  const flatOf = new Map<number, number>();
  flat.osmId?.forEach((id, i) => {
    flatOf.set(id, i);
  });
  const c0 = edgeMinutes(flat);
  const c1 = edgeMinutes(contracted);
  const ws0 = new DijkstraWorkspace(flat.nodeCount);
  const ws1 = new DijkstraWorkspace(contracted.nodeCount);
  const pathM = (g: WalkGraph, ws: DijkstraWorkspace, node: number) =>
    pathEdges(g, ws.pred, node, 'from').reduce((m, e) => m + (g.lengthM[e] as number), 0);
  for (let q = 0; q < counts.nodePairs && contracted.nodeCount > 1; q++) {
    const a1 = Math.floor(r() * contracted.nodeCount);
    const b1 = Math.floor(r() * contracted.nodeCount);
    const a0 = flatOf.get(contracted.osmId?.[a1] as number);
    const b0 = flatOf.get(contracted.osmId?.[b1] as number);
    if (a0 === undefined || b0 === undefined) throw new Error('an intersection is missing in the flat graph');
    boundedDijkstra(flat, c0, [{ node: a0, minutes: 0 }], Infinity, ws0);
    boundedDijkstra(contracted, c1, [{ node: a1, minutes: 0 }], Infinity, ws1);
    const t0 = ws0.minutes(b0);
    const t1 = ws1.minutes(b1);
    out.nodePairs++;
    if (t0 === Infinity || t1 === Infinity) {
      if (t0 !== t1) out.nodeMinutes = Infinity;
      continue;
    }
    out.nodeMinutes = Math.max(out.nodeMinutes, Math.abs(t0 - t1));
    // Equal-time alternatives may differ in metres only with slopes; without them time is distance.
    if (!flat.slopeLengthM)
      out.nodeMetres = Math.max(out.nodeMetres, Math.abs(pathM(flat, ws0, b0) - pathM(contracted, ws1, b1)));
  }
  const e0 = createWalkEngine(flat);
  const e1 = createWalkEngine(contracted);
  const [w, s, e, n] = contracted.bbox;
  // Points up to ~40 m off random places of the network (a sparse real extract is mostly empty land).
  const nearNetwork = (): [number, number] => {
    const [lon, lat] = edgePointAt(contracted, Math.floor(r() * contracted.edgeCount), r());
    return [lon + (r() - 0.5) * 0.001, lat + (r() - 0.5) * 0.0007];
  };
  for (let q = 0; q < counts.travels; q++) {
    const from = nearNetwork();
    const to = nearNetwork();
    const r0 = e0.travel(from, to);
    const r1 = e1.travel(from, to);
    if (r0?.method !== 'network' || r1?.method !== 'network') {
      if (r0?.method !== r1?.method) out.travelMetres = Infinity;
      continue;
    }
    out.travels++;
    out.travelMinutes = Math.max(out.travelMinutes, Math.abs(r0.minutes - r1.minutes));
    if (!flat.slopeLengthM) out.travelMetres = Math.max(out.travelMetres, Math.abs(r0.metres - r1.metres));
  }
  if (flat.slopeLengthM || counts.probes === 0) return out;
  const band = counts.bandMin ?? 10;
  const i0 = new EdgeSnapIndex(flat);
  const i1 = new EdgeSnapIndex(contracted);
  const origin = [w + r() * (e - w), s + r() * (n - s)] as const;
  // The origin as a "facility" too, so probes on its own edge are timed straight along it.
  const f0 = snapFacilities(i0, [{ id: 'origin', lon: origin[0], lat: origin[1] }], 5000);
  const f1 = snapFacilities(i1, [{ id: 'origin', lon: origin[0], lat: origin[1] }], 5000);
  const o0 = f0.snaps[0];
  const o1 = f1.snaps[0];
  if (!o0 || !o1) return out;
  const m0 = multiSourceDijkstra(flat, c0, seedsForSnap(flat, c0, o0, 'from'), { direction: 'from' });
  const m1 = multiSourceDijkstra(contracted, c1, seedsForSnap(contracted, c1, o1, 'from'), {
    direction: 'from',
  });
  for (let q = 0; q < counts.probes; q++) {
    const edge = Math.floor(r() * flat.edgeCount);
    const [lon, lat] = edgePointAt(flat, edge, r());
    const p0 = i0.snap(lon, lat, 1);
    const p1 = i1.snap(lon, lat, 1);
    if (!p0 || !p1) continue;
    const t0 = timeAtSnap(flat, c0, m0, p0, f0).minutes;
    const t1 = timeAtSnap(contracted, c1, m1, p1, f1).minutes;
    out.probes++;
    out.probeMinutes = Math.max(out.probeMinutes, t0 === t1 ? 0 : Math.abs(t0 - t1));
    if (Math.abs(t0 - band) > 1e-3 && t0 <= band !== t1 <= band) out.bandMismatches++;
  }
  return out;
}
