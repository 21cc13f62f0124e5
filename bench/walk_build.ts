// Benchmark: graph build, binary save/load, snap-index build and snapping 1M points.

import { buildWalkGraph } from '../src/lib/walk/graph.ts';
import { deserializeWalkGraph, serializeWalkGraph } from '../src/lib/walk/graph_binary.ts';
import { EdgeSnapIndex } from '../src/lib/walk/snap.ts';
import { rng } from '../src/lib/walk/test_support.ts';
import { bestMs, fmt, isMain, syntheticGrid } from './walk_synthetic.ts';

/** Runs the build/load/snap benchmarks; returns timings (ms) and snaps/s. */
export function runWalkBuildBench(): Record<string, number> {
  const t0 = performance.now();
  const extract = syntheticGrid(448, 100);
  const extractMs = performance.now() - t0;
  let graph = buildWalkGraph(extract).graph;
  const buildMs = bestMs(3, () => {
    graph = buildWalkGraph(extract).graph;
  });
  let bytes = serializeWalkGraph(graph);
  const saveMs = bestMs(5, () => {
    bytes = serializeWalkGraph(graph);
  });
  const loadMs = bestMs(5, () => deserializeWalkGraph(bytes));
  let index = new EdgeSnapIndex(graph);
  const indexMs = bestMs(3, () => {
    index = new EdgeSnapIndex(graph);
  });
  console.log(
    `graph ${fmt(graph.nodeCount)} nodes / ${fmt(graph.edgeCount)} edges: build from extract ${fmt(buildMs)} ms ` +
      `(extract itself ${fmt(extractMs)} ms), save ${fmt(saveMs, 1)} ms, load + validate ${fmt(loadMs, 1)} ms ` +
      `(${fmt(bytes.length / 1048576, 1)} MiB), snap index ${fmt(indexMs)} ms`,
  );

  const r = rng(4);
  const [w, s, e, n] = graph.bbox;
  const count = 1_000_000;
  const pts = new Float64Array(2 * count);
  for (let i = 0; i < count; i++) {
    pts[2 * i] = w + r() * (e - w);
    pts[2 * i + 1] = s + r() * (n - s);
  }
  let snapped = 0;
  let sumD = 0;
  const snapMs = bestMs(2, () => {
    snapped = 0;
    sumD = 0;
    for (let i = 0; i < count; i++) {
      const sn = index.snap(pts[2 * i] as number, pts[2 * i + 1] as number);
      if (sn) {
        snapped++;
        sumD += sn.distanceM;
      }
    }
  });
  const snapsPerS = (count / snapMs) * 1000;
  console.log(
    `snap 1,000,000 random points to the nearest edge: ${fmt(snapMs)} ms → ${fmt(snapsPerS)} points/s ` +
      `(${fmt((100 * snapped) / count, 1)} % within 300 m, mean ${fmt(sumD / snapped, 1)} m)`,
  );
  return { buildMs, saveMs, loadMs, indexMs, snapMs, snapsPerS, bytes: bytes.length };
}

if (isMain(import.meta.url)) runWalkBuildBench();
