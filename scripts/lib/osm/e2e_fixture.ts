// The e2e test's OSM data: the import run on the invented river-bridge fixtures, and the walk the e2e draws.

import { fileURLToPath } from 'node:url';
import { LANZHOU_BBOX } from './bbox.ts';
import { DEFAULT_BOUNDARIES, type ImportReport, runImport } from './import_osm.ts';

/** The invented fixtures the e2e data are built from (test/fixtures/osm/). */
export const E2E_FIXTURES = ['river_bridge.osm', 'riverside_extras.osm'].map((name) =>
  fileURLToPath(new URL(`../../../test/fixtures/osm/${name}`, import.meta.url)),
);

/**
 * A walk across the fixture river: from the south-bank street's west end (node 1001) to the north-bank
 * street's west end (node 2001), 100 m apart in a straight line. On foot the only crossing is the
 * footbridge at x = 1000 m, so the network walk is 2,100 m (1,000 m east, 100 m across, 1,000 m west).
 */
export const E2E_BRIDGE_WALK = {
  from: [103.8, 36.05] as [number, number],
  to: [103.8, 36.0508993] as [number, number],
  bridgeName: 'Test Footbridge',
  networkMetres: 2100,
};

/**
 * Runs the importer on the fixtures into `outDir` (e.g. public/data/osm of a test build).
 * @returns the import report (its manifest says what was written)
 */
export function buildE2eOsm(outDir: string): Promise<ImportReport> {
  return runImport({
    inputs: E2E_FIXTURES,
    outDir,
    bbox: LANZHOU_BBOX,
    boundaries: DEFAULT_BOUNDARIES,
    keepAllComponents: false,
    date: null,
  });
}
