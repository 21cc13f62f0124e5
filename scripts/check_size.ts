// Fails when the initial JS of the production build (dist/) exceeds the budget; prints the breakdown.

import { existsSync } from 'node:fs';
import { INITIAL_JS_BUDGET, measureInitialBundle } from './lib/bundle_size';

if (!existsSync('dist/index.html')) {
  console.error('check_size: no dist/index.html — run `npm run build` first');
  process.exit(1);
}
const r = measureInitialBundle('dist');
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
for (const f of r.files) console.log(`  ${f.file}: ${kib(f.gzip)} gzip`);
console.log(
  `initial JS ${kib(r.jsGzip)} gzip (budget ${kib(INITIAL_JS_BUDGET)}), CSS ${kib(r.cssGzip)} gzip`,
);
if (r.jsGzip > INITIAL_JS_BUDGET) {
  console.error('check_size: initial JS is over budget');
  process.exit(1);
}
