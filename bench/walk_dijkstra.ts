// Benchmark: bounded (1.2 km) and multi-source Dijkstra on typed arrays vs a plain objects+Map version.

import { edgeMinutes } from '../src/lib/walk/cost.ts';
import {
  boundedDijkstra,
  DijkstraWorkspace,
  multiSourceDijkstra,
  type Seed,
} from '../src/lib/walk/dijkstra.ts';
import { rng } from '../src/lib/walk/test_support.ts';
import { benchGraph, bestMs, fmt, isMain, objectDijkstra, toObjectGraph } from './walk_synthetic.ts';

/** Runs the Dijkstra benchmarks on a synthetic grid and prints a report; returns the key numbers. */
export function runWalkDijkstraBench(spacingM = 100): Record<string, number> {
  const graph = benchGraph(spacingM);
  const costs = edgeMinutes(graph);
  const n = graph.nodeCount;
  console.log(
    `\nsynthetic grid: ${fmt(n)} nodes, ${fmt(graph.edgeCount)} edges, ${spacingM} m blocks (invented)`,
  );
  const r = rng(2);
  const cutoff = 1200 / 80; // 1.2 km at 80 m/min = 15 min

  // Bounded single-source, 1.2 km.
  const ws = new DijkstraWorkspace(n);
  const starts = Array.from({ length: 20000 }, () => Math.floor(r() * n));
  let reached = 0;
  const boundedMs = bestMs(5, () => {
    reached = 0;
    for (const s of starts) reached += boundedDijkstra(graph, costs, [{ node: s, minutes: 0 }], cutoff, ws);
  });
  const boundedQps = (starts.length / boundedMs) * 1000;
  const objAdj = toObjectGraph(graph, costs);
  const objStarts = starts.slice(0, 1000);
  let objReached = 0;
  const objBoundedMs = bestMs(3, () => {
    objReached = 0;
    for (const s of objStarts) objReached += objectDijkstra(objAdj, [{ node: s, minutes: 0 }], cutoff).size;
  });
  const objBoundedQps = (objStarts.length / objBoundedMs) * 1000;
  // Same answers: reached counts over the common starts must agree.
  let typedCommon = 0;
  for (const s of objStarts)
    typedCommon += boundedDijkstra(graph, costs, [{ node: s, minutes: 0 }], cutoff, ws);
  if (typedCommon !== objReached) throw new Error(`bounded search mismatch: ${typedCommon} vs ${objReached}`);
  console.log(
    `bounded 1.2 km: typed ${fmt(boundedQps)} queries/s (${fmt(reached / starts.length)} nodes reached per query); ` +
      `objects+Map ${fmt(objBoundedQps)} queries/s → ${fmt(boundedQps / objBoundedQps, 1)}×`,
  );

  // Multi-source over the whole graph ("to" the sources: the coverage direction).
  const seeds: Seed[] = Array.from({ length: 300 }, (_, i) => ({
    node: Math.floor(r() * n),
    minutes: 0,
    source: i,
  }));
  const msWs = new DijkstraWorkspace(n);
  const multiMs = bestMs(7, () =>
    multiSourceDijkstra(graph, costs, seeds, { direction: 'to', workspace: msWs }),
  );
  const boundedMultiMs = bestMs(7, () => boundedDijkstra(graph, costs, seeds, 15, msWs, 'to'));
  const objRev = toObjectGraph(graph, costs, true);
  let objDist = new Map<number, number>();
  const objMultiMs = bestMs(3, () => {
    objDist = objectDijkstra(objRev, seeds, Infinity);
  });
  const typed = multiSourceDijkstra(graph, costs, seeds, { direction: 'to', workspace: msWs });
  for (let v = 0; v < n; v += 97) {
    if (Math.abs((typed.minutes[v] as number) - (objDist.get(v) ?? Infinity)) > 1e-9)
      throw new Error(`multi-source mismatch at ${v}`);
  }
  console.log(
    `multi-source (300 sources, whole graph): typed ${fmt(multiMs, 1)} ms (15-min cut-off: ${fmt(boundedMultiMs, 1)} ms); ` +
      `objects+Map ${fmt(objMultiMs, 1)} ms → ${fmt(objMultiMs / multiMs, 1)}×`,
  );
  return { boundedQps, objBoundedQps, multiMs, boundedMultiMs, objMultiMs };
}

if (isMain(import.meta.url)) {
  runWalkDijkstraBench(100);
  runWalkDijkstraBench(40);
}
