// `npm run bench [name]` (names: the `only ===` checks below): benchmarks in one process, each with its own baseline.

import { runCoverageBench } from './coverage.ts';
import { runCoverageNetworkBench } from './coverage_network.ts';
import { runImportBench } from './import.ts';
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
if (!only || only === 'coverage_network') await runCoverageNetworkBench();
if (!only || only === 'population') await runPopulationBench();
if (!only || only === 'import') await runImportBench();
