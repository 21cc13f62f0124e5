// Benchmark: isochrone polygons (raster buffer + marching squares) vs @turf/buffer on the same reached edges.

import turfBuffer from '@turf/buffer';
import { multiLineString } from '@turf/helpers';
import { edgeMinutes } from '../src/lib/walk/cost.ts';
import { boundedDijkstra, DijkstraWorkspace } from '../src/lib/walk/dijkstra.ts';
import { NetworkWalkEngine } from '../src/lib/walk/engine.ts';
import { edgeSources } from '../src/lib/walk/graph.ts';
import { piecesToPolygons, reachedPieces } from '../src/lib/walk/isochrone.ts';
import { type EdgeSnap, EdgeSnapIndex, seedsForSnap } from '../src/lib/walk/snap.ts';
import { rng } from '../src/lib/walk/test_support.ts';
import { benchGraph, bestMs, fmt, isMain } from './walk_synthetic.ts';

/** Runs the isochrone benchmarks; returns ms per call. */
export function runWalkIsochroneBench(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const spacing of [100, 40]) {
    const graph = benchGraph(spacing);
    const engine = new NetworkWalkEngine(graph);
    const r = rng(5);
    const [w, s, e, n] = graph.bbox;
    const pts = Array.from(
      { length: 30 },
      () => [w + (0.2 + 0.6 * r()) * (e - w), s + (0.2 + 0.6 * r()) * (n - s)] as const,
    );
    let rings = 0;
    const ms =
      bestMs(3, () => {
        rings = 0;
        for (const [lon, lat] of pts)
          for (const b of engine.isochrones(lon, lat, [5, 10, 15])) rings += b.coordinates.length;
      }) / pts.length;
    out[`isochrone3_${spacing}m`] = ms;
    console.log(
      `isochrones 5/10/15 min from a point, ${spacing} m grid: ${fmt(ms, 1)} ms per call (3 bands, ${rings} polygons in total)`,
    );
  }

  // The same 15-minute reach through @turf/buffer (JSTS) for comparison, on the 100 m grid.
  const graph = benchGraph(100);
  const costs = edgeMinutes(graph);
  const index = new EdgeSnapIndex(graph);
  const [w, s, e, n] = graph.bbox;
  const origin = index.snap((w + e) / 2, (s + n) / 2) as EdgeSnap;
  const ws = new DijkstraWorkspace(graph.nodeCount);
  boundedDijkstra(graph, costs, seedsForSnap(graph, costs, origin, 'from'), 15, ws);
  const pieces = reachedPieces(graph, costs, ws, 15, [origin]);
  const rasterMs = bestMs(5, () => piecesToPolygons(graph, pieces));
  const src = edgeSources(graph);
  const lines = pieces.map((p) => {
    const a = src[p.edge] as number;
    const b = graph.target[p.edge] as number;
    const at = (t: number) => [
      (graph.lon[a] as number) + ((graph.lon[b] as number) - (graph.lon[a] as number)) * t,
      (graph.lat[a] as number) + ((graph.lat[b] as number) - (graph.lat[a] as number)) * t,
    ];
    return [at(p.t0), at(p.t1)];
  });
  const t0 = performance.now();
  turfBuffer(multiLineString(lines), 40, { units: 'meters' });
  const turfMs = performance.now() - t0;
  out.rasterMs = rasterMs;
  out.turfMs = turfMs;
  console.log(
    `buffer+union of one 15-min reach (${fmt(pieces.length)} edge pieces): raster ${fmt(rasterMs, 1)} ms; ` +
      `@turf/buffer (JSTS) ${fmt(turfMs)} ms → ${fmt(turfMs / rasterMs)}×`,
  );
  return out;
}

if (isMain(import.meta.url)) runWalkIsochroneBench();
