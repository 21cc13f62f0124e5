// Builds the e2e test's OSM data: the importer run on the invented river-bridge fixtures into a given folder.
// Usage: npx tsx scripts/build_e2e_osm.ts [OUT_DIR]   (default public/data/osm)

import { pathToFileURL } from 'node:url';
import { buildE2eOsm } from './lib/osm/e2e_fixture.ts';

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const r = await buildE2eOsm(process.argv[2] ?? 'public/data/osm');
    console.log(`e2e OSM data (invented fixtures) → ${r.outDir}: ${JSON.stringify(r.manifest.counts)}`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  }
}
