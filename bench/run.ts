// `npm run bench [walk|search|nearby|coverage|population|extract|offline]`: benchmarks in one process, each with its own baseline.

import { runBasemapExtractBench } from './basemap_extract.ts';
import { runCoverageBench } from './coverage.ts';
import { runNearbyBench } from './nearby.ts';
import { runOfflineIdleBench } from './offline_idle.ts';
import { runPopulationBench } from './population.ts';
import { runSearchBench } from './search.ts';
import { runWalkBenches } from './walk_all.ts';

const only = process.argv[2];
if (!only || only === 'walk') runWalkBenches();
if (!only || only === 'search') runSearchBench();
if (!only || only === 'nearby') runNearbyBench();
if (!only || only === 'coverage') {
  await runCoverageBench({ kind: 'square', sizeM: 142 });
  await runCoverageBench({ kind: 'h3', resolution: 10 });
}
if (!only || only === 'population') await runPopulationBench();
if (!only || only === 'extract') await runBasemapExtractBench();
// Needs a built app (npm run build, or DIST=dir).
if (!only || only === 'offline') await runOfflineIdleBench();
