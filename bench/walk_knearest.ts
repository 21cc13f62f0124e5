// Benchmark: k-nearest facilities, by straight line (geokdbush) and by network walking time.

import { edgeMinutes } from '../src/lib/walk/cost.ts';
import { DijkstraWorkspace } from '../src/lib/walk/dijkstra.ts';
import { nearestFacilities, snapFacilities } from '../src/lib/walk/facilities.ts';
import { PointIndex } from '../src/lib/walk/point_index.ts';
import { type EdgeSnap, EdgeSnapIndex } from '../src/lib/walk/snap.ts';
import { rng } from '../src/lib/walk/test_support.ts';
import { benchGraph, bestRate, fmt, isMain } from './walk_synthetic.ts';

/** Runs the k-nearest benchmarks; returns queries/s. */
export function runWalkKNearestBench(): Record<string, number> {
  const r = rng(3);
  const facilities = Array.from({ length: 5000 }, () => ({
    lon: 103.55 + r() * 0.45,
    lat: 35.98 + r() * 0.17,
  }));
  const queries = Array.from({ length: 200_000 }, () => ({
    lon: 103.55 + r() * 0.45,
    lat: 35.98 + r() * 0.17,
  }));
  const index = new PointIndex(facilities);
  const out: Record<string, number> = {};
  for (const k of [1, 5]) {
    const qps = bestRate(queries.length, 5, () => {
      for (const q of queries) index.nearest(q.lon, q.lat, k);
    });
    out[`geokdbush_k${k}`] = qps;
    console.log(
      `k-nearest straight line (geokdbush around + haversine), 5,000 facilities, k=${k}: ${fmt(qps)} queries/s`,
    );
  }

  // Network: 500 facilities on the 200k-node synthetic grid, 5 nearest by walking time (≤ 30 min).
  const graph = benchGraph(100);
  const costs = edgeMinutes(graph);
  const snapIndex = new EdgeSnapIndex(graph);
  const [w, s, e, n] = graph.bbox;
  const pt = () => ({ lon: w + r() * (e - w), lat: s + r() * (n - s) });
  const fac = snapFacilities(
    snapIndex,
    Array.from({ length: 500 }, (_, i) => ({ id: String(i), ...pt() })),
    300,
  );
  const origins = Array.from({ length: 5000 }, () => {
    const p = pt();
    return snapIndex.snap(p.lon, p.lat) as EdgeSnap;
  });
  const ws = new DijkstraWorkspace(graph.nodeCount);
  let settled = 0;
  const netQps = bestRate(origins.length, 3, () => {
    settled = 0;
    for (const o of origins) {
      nearestFacilities(graph, costs, fac, o, 5, 30, ws);
      settled += ws.settledCount;
    }
  });
  out.network_k5 = netQps;
  console.log(
    `k-nearest by network walking time, 500 facilities on the 200k-node grid, k=5: ${fmt(netQps)} queries/s ` +
      `(${fmt(settled / origins.length)} nodes settled per query)`,
  );
  return out;
}

if (isMain(import.meta.url)) runWalkKNearestBench();
