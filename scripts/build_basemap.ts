// Builds the offline basemap (public/data/basemap.pmtiles) from shipped data and copies its CJK font.
// Usage: npx tsx scripts/build_basemap.ts [--boundaries F] [--places F] [--out F] [--min-zoom N] [--max-zoom N]

import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { FeatureCollection } from 'geojson';
import {
  ATTRIBUTION,
  BASEMAP_FONT_FILE,
  BASEMAP_MAX_ZOOM,
  BASEMAP_MIN_ZOOM,
  INITIAL_CENTER,
  INITIAL_ZOOM,
} from '../src/config';
import { districtLayers, placeLabelLayer } from './lib/basemap_layers';
import { writePmtiles } from './lib/pmtiles_writer';
import { buildVectorTiles, type VectorLayerInput } from './lib/vector_tiles';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_BOUNDARIES = join(ROOT, 'data/boundaries/lanzhou_districts.geojson');
export const DEFAULT_OUT = join(ROOT, 'public/data/basemap.pmtiles');

export interface BuildBasemapOptions {
  /** Any named layers: ours (boundary, district_label, place_label) and the OSM importer's. */
  layers: VectorLayerInput[];
  outFile: string;
  minZoom?: number;
  maxZoom?: number;
  /** [west, south, east, north]; defaults to the bounds of the data. */
  bounds?: [number, number, number, number];
  /** [lon, lat, zoom] stored in the header; defaults to the bounds' centre at minZoom + 6. */
  center?: [number, number, number];
  name?: string;
  description?: string;
  /** Plain-text attribution stored in the archive metadata. */
  attribution: string;
  /** Where to copy the label font; null to skip. Default: `fonts/` beside the archive. */
  fontDir?: string | null;
}

export interface BasemapBuildResult {
  outFile: string;
  bytes: number;
  /** Non-empty tiles written (before deduplication). */
  tiles: number;
  tileEntries: number;
  tileContents: number;
  leafDirectories: number;
  tilesPerZoom: Record<number, number>;
  featuresPerLayer: Record<string, number>;
  minZoom: number;
  maxZoom: number;
  /** Wall time of slicing + encoding + writing, milliseconds. */
  ms: number;
  fontFile: string | null;
}

/**
 * Slices the layers into MVT tiles, writes them as one PMTiles archive and copies the label font.
 * Deterministic: the same input gives the same bytes (no timestamps in the metadata).
 *
 * @returns sizes, counts and the build time in milliseconds
 */
export function buildBasemap(options: BuildBasemapOptions): BasemapBuildResult {
  const started = performance.now();
  const minZoom = options.minZoom ?? BASEMAP_MIN_ZOOM;
  const maxZoom = options.maxZoom ?? BASEMAP_MAX_ZOOM;
  const set = buildVectorTiles(options.layers, { minZoom, maxZoom });
  const bounds = options.bounds ?? set.bounds;
  if (!bounds || set.tiles.length === 0)
    throw new Error('basemap: the layers hold no features, nothing to write');
  const center = options.center ?? [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, minZoom + 6];

  const { bytes, stats } = writePmtiles(set.tiles, {
    bounds,
    center,
    metadata: {
      name: options.name ?? 'Lanzhou Youth Map offline basemap',
      description: options.description ?? 'Offline basemap built by scripts/build_basemap.ts',
      attribution: options.attribution,
      type: 'baselayer',
      format: 'pbf',
      vector_layers: set.vectorLayers,
    },
  });
  mkdirSync(dirname(options.outFile), { recursive: true });
  writeFileSync(options.outFile, bytes);
  const ms = performance.now() - started;

  const fontDir = options.fontDir === undefined ? join(dirname(options.outFile), 'fonts') : options.fontDir;
  const fontFile = fontDir === null ? null : copyBasemapFont(fontDir);

  const featuresPerLayer: Record<string, number> = {};
  for (const l of options.layers) featuresPerLayer[l.name] = l.features.length;
  return {
    outFile: options.outFile,
    bytes: bytes.length,
    tiles: stats.addressedTiles,
    tileEntries: stats.tileEntries,
    tileContents: stats.tileContents,
    leafDirectories: stats.leafDirectories,
    tilesPerZoom: set.tilesPerZoom,
    featuresPerLayer,
    minZoom: stats.minZoom,
    maxZoom: stats.maxZoom,
    ms,
    fontFile,
  };
}

/**
 * Copies the Noto Sans SC woff2 (fontsource chinese-simplified subset, 400) and its OFL licence into
 * `destDir`, so style `font-faces` can draw Chinese labels with no glyph server.
 *
 * @returns the path of the copied font
 */
export function copyBasemapFont(destDir: string): string {
  const require = createRequire(import.meta.url);
  const font = require.resolve(`@fontsource/noto-sans-sc/files/${BASEMAP_FONT_FILE}`);
  const licence = require.resolve('@fontsource/noto-sans-sc/LICENSE');
  mkdirSync(destDir, { recursive: true });
  const out = join(destDir, BASEMAP_FONT_FILE);
  copyFileSync(font, out);
  copyFileSync(licence, join(destDir, 'OFL-noto-sans-sc.txt'));
  return out;
}

/** Reads a GeoJSON FeatureCollection, failing with a message that says what is missing and why it matters. */
export function readFeatureCollection(path: string, what: string): FeatureCollection {
  if (!existsSync(path)) {
    throw new Error(
      `${what} not found: ${path}\n  The offline basemap is built from it; produce it first (or pass its path).`,
    );
  }
  const json = JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection;
  if (json?.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    throw new Error(`${what} is not a GeoJSON FeatureCollection: ${path}`);
  }
  return json;
}

/** The CLI: our own layers from shipped files. */
export function buildBasemapFromFiles(args: {
  boundaries: string;
  places?: string;
  outFile: string;
  minZoom?: number;
  maxZoom?: number;
}): BasemapBuildResult & { placesSkipped: number } {
  const layers = districtLayers(readFeatureCollection(args.boundaries, 'District boundaries'));
  let placesSkipped = 0;
  if (args.places) {
    const { layer, skipped } = placeLabelLayer(readFeatureCollection(args.places, 'Places file'));
    layers.push(layer);
    placesSkipped = skipped;
  }
  const result = buildBasemap({
    layers,
    outFile: args.outFile,
    minZoom: args.minZoom,
    maxZoom: args.maxZoom,
    // The header centre is where viewers open the archive: the app's own first view.
    center: [INITIAL_CENTER[0], INITIAL_CENTER[1], Math.floor(INITIAL_ZOOM)],
    attribution: ATTRIBUTION.boundaries,
  });
  return { ...result, placesSkipped };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      boundaries: { type: 'string', default: DEFAULT_BOUNDARIES },
      places: { type: 'string' },
      out: { type: 'string', default: DEFAULT_OUT },
      'min-zoom': { type: 'string' },
      'max-zoom': { type: 'string' },
    },
  });
  const r = buildBasemapFromFiles({
    boundaries: resolve(values.boundaries),
    places: values.places ? resolve(values.places) : undefined,
    outFile: resolve(values.out),
    minZoom: values['min-zoom'] ? Number(values['min-zoom']) : undefined,
    maxZoom: values['max-zoom'] ? Number(values['max-zoom']) : undefined,
  });
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(`basemap: ${r.outFile}`);
  console.log(
    `  ${kb(r.bytes)}, ${r.tiles} tiles (${r.tileContents} distinct), z${r.minZoom}–${r.maxZoom}, ${r.ms.toFixed(0)} ms`,
  );
  console.log(
    `  features: ${JSON.stringify(r.featuresPerLayer)}; tiles per zoom: ${JSON.stringify(r.tilesPerZoom)}`,
  );
  if (r.placesSkipped) console.log(`  ${r.placesSkipped} place(s) without a name skipped`);
  if (r.fontFile) console.log(`  font: ${r.fontFile} (${kb(statSync(r.fontFile).size)})`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    main();
  } catch (e) {
    console.error(`build_basemap: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
