// Measures what a first visit downloads: the gzip size of the entry scripts and CSS named by dist/index.html.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  /** Initial JavaScript (entry module + modulepreloads), gzip bytes. */
  jsGzip: number;
  cssGzip: number;
  files: { file: string; gzip: number }[];
}

/** Budget for initial JS (DESIGN.md §6): 450 KiB gzip. */
export const INITIAL_JS_BUDGET = 450 * 1024;

/**
 * Read `index.html` in `distDir` and gzip (level 9, as a static host would) every script, modulepreload and
 * stylesheet it loads up front. Lazily imported chunks are not counted: they are not part of the first load.
 */
export function measureInitialBundle(distDir: string): BundleSize {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const refs = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1] as string);
  const files = [...new Set(refs)].map((ref) => {
    const file = ref.replace(/^\.?\//, '');
    return { file, gzip: gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length };
  });
  const sum = (re: RegExp) => files.filter((f) => re.test(f.file)).reduce((a, f) => a + f.gzip, 0);
  return { jsGzip: sum(/\.m?js$/), cssGzip: sum(/\.css$/), files };
}
