// CLI: converts the Lanzhou Metro export (OSM via norman-mei/metro-tools) into data/metro_stations.csv and
// data/features/metro_lines.geojson. Run by hand when the export changes; its output is committed.
//
//   npx tsx scripts/build_metro.ts EXPORT_DIR   # the export's folder, e.g. ../shared/data/lanzhou-metro

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDistrictLookup } from '../src/lib/districts.ts';
import { buildMetro, type MetroExport, stationsCsv } from './lib/metro.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = process.argv[2];
if (!arg) {
  console.error('usage: npx tsx scripts/build_metro.ts EXPORT_DIR (the folder holding lanzhou.geojson)');
  process.exit(2);
}
const dir = resolve(arg);
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const src: MetroExport = {
  osm: json(join(dir, 'lanzhou.geojson')),
  stations: json(join(dir, 'features.json')),
  routes: json(join(dir, 'routes.json')),
  lines: json(join(dir, 'lines.json')),
};
const districts = createDistrictLookup(json(join(ROOT, 'data', 'boundaries', 'lanzhou_districts.geojson')));
const result = buildMetro(src, districts);
if (result.problems.length > 0) {
  console.error(`metro: ${result.problems.length} problem(s), nothing written`);
  for (const p of result.problems) console.error(`  ✗ ${p}`);
  process.exit(1);
}
writeFileSync(join(ROOT, 'data', 'metro_stations.csv'), stationsCsv(result.stations));
mkdirSync(join(ROOT, 'data', 'features'), { recursive: true });
writeFileSync(
  join(ROOT, 'data', 'features', 'metro_lines.geojson'),
  `${JSON.stringify({ type: 'FeatureCollection', features: result.lines }, null, 1)}\n`,
);
const interchanges = result.stations.filter((s) => s.lines.length > 1).map((s) => s.name_zh);
console.log(
  `metro: ${result.stations.length} stations (interchanges: ${interchanges.join(', ')}), ${result.lines.length} lines → data/`,
);
