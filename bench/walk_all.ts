// Runs every walking-engine benchmark in one process (npx tsx bench/walk_all.ts).

import { runWalkBuildBench } from './walk_build.ts';
import { runWalkDijkstraBench } from './walk_dijkstra.ts';
import { runWalkIsochroneBench } from './walk_isochrone.ts';
import { runWalkKNearestBench } from './walk_knearest.ts';
import { runWalkRadiusBench } from './walk_radius.ts';
import { isMain, machineNote } from './walk_synthetic.ts';

/** Runs all walking benchmarks in sequence (≈3 min, most of it the objects+Map and JSTS baselines). */
export function runWalkBenches(): void {
  console.log(`walking engine benchmarks — ${machineNote()}`);
  for (const r of [500, 1200]) runWalkRadiusBench(r);
  runWalkKNearestBench();
  runWalkDijkstraBench(100);
  runWalkDijkstraBench(40);
  runWalkBuildBench();
  runWalkIsochroneBench();
  console.log(`done — ${machineNote()}`);
}

if (isMain(import.meta.url)) runWalkBenches();
