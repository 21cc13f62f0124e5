// `npm run bench [name]` (names: the `only ===` checks below): benchmarks in one process, each with its own baseline.

import { runBasemapExtractBench } from './basemap_extract.ts';
import { runChBuildBench } from './ch_build.ts';
import { runCoverageBench } from './coverage.ts';
import { runCoverageNetworkBench } from './coverage_network.ts';
import { runFirstIdleBench } from './first_idle.ts';
import { runImportBench } from './import.ts';
import { runLiveOsmBench } from './live_osm.ts';
import { runNearbyBench } from './nearby.ts';
import { runOfflineIdleBench } from './offline_idle.ts';
import { runPopulationBench } from './population.ts';
import { runSearchBench } from './search.ts';
import { runTourSuggestBench } from './tour_suggest.ts';
import { runWalkBenches } from './walk_all.ts';
import { runWalkContractBench } from './walk_contract.ts';
import { runWalkP2pBench } from './walk_p2p.ts';

const only = process.argv[2];
if (!only || only === 'walk') runWalkBenches();
if (!only || only === 'walk' || only === 'contract') await runWalkContractBench();
// Also part of 'contract'; alone for quick point-to-point runs.
if (only === 'p2p') await runWalkP2pBench();
// Hierarchy preparation, old builder against the current one (minutes): only when asked for.
if (only === 'ch') await runChBuildBench();
if (!only || only === 'search') runSearchBench();
if (!only || only === 'nearby') runNearbyBench();
if (!only || only === 'tour') await runTourSuggestBench();
if (!only || only === 'coverage') {
  await runCoverageBench({ kind: 'square', sizeM: 142 });
  await runCoverageBench({ kind: 'h3', resolution: 10 });
}
if (!only || only === 'coverage_network') await runCoverageNetworkBench();
if (!only || only === 'population') await runPopulationBench();
if (!only || only === 'import') await runImportBench();
// Builds the app and drives Chromium: only when asked for.
if (only === 'idle') await runFirstIdleBench();
if (!only || only === 'live') runLiveOsmBench();
if (!only || only === 'extract') await runBasemapExtractBench();
// Needs a built app (npm run build, or DIST=dir).
if (!only || only === 'offline') await runOfflineIdleBench();
