// `npm run bench [walk|search|nearby|coverage|population|live]`: benchmarks in one process, each with its own baseline.

import { runCoverageBench } from './coverage.ts';
import { runLiveOsmBench } from './live_osm.ts';
import { runNearbyBench } from './nearby.ts';
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
if (!only || only === 'live') runLiveOsmBench();
