// `npm run bench`: every benchmark in one process, each reporting ratios against its own baseline.

import { runSearchBench } from './search.ts';
import { runWalkBenches } from './walk_all.ts';

const only = process.argv[2];
if (!only || only === 'walk') runWalkBenches();
if (!only || only === 'search') runSearchBench();
