// `npm run data`: validate data/ and write the app's data (and offline basemap) into public/data/.

import { buildData, writeBuild } from './lib/build_data';

const OUT = 'public/data';
const started = performance.now();
const result = buildData('data');
for (const w of result.warnings) console.warn(`warning: ${w}`);
if (result.errors.length > 0) {
  console.error(`\nData build failed: ${result.errors.length} problem(s)\n`);
  for (const e of result.errors) console.error(`  ✗ ${e}`);
  process.exit(1);
}
writeBuild(result, OUT);
const counts = Object.entries(result.counts)
  .map(([k, v]) => `${k} ${v}`)
  .join(', ');
console.log(
  `data: ${result.districts.features.length} districts, ${result.features.features.length} features (${counts}) → ${OUT} in ${Math.round(performance.now() - started)} ms`,
);
