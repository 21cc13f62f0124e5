// The OSM import: extract (.osm/.osm.gz/.osm.pbf, or downloaded) → walking graph, basemap, candidates, river, manifest.

import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection } from 'geojson';
import {
  ATTRIBUTION,
  BASEMAP_MAX_ZOOM,
  BASEMAP_MIN_ZOOM,
  INITIAL_CENTER,
  INITIAL_ZOOM,
} from '../../../src/config.ts';
import { createDistrictLookup, type DistrictCollectionLike } from '../../../src/lib/districts.ts';
import type { MapFeature } from '../../../src/lib/feature.ts';
import {
  type ExtractDateSource,
  OSM_MANIFEST_VERSION,
  type OsmManifest,
} from '../../../src/lib/osm_manifest.ts';
import { riverFileOf } from '../../../src/lib/river/river_file.ts';
import { type BuildWalkGraphStats, buildWalkGraph } from '../../../src/lib/walk/graph.ts';
import { serializeWalkGraph } from '../../../src/lib/walk/graph_binary.ts';
import { type Bbox, inBbox } from '../../../src/lib/walk/osm_extract.ts';
import { districtLayers } from '../basemap_layers.ts';
import {
  isBasemapNode,
  isBasemapRelation,
  isBasemapWay,
  osmBasemapLayers,
  type ZoomedLayer,
} from './basemap_layers_osm.ts';
import { LANZHOU_BBOX, parseBbox } from './bbox.ts';
import { isCandidateTags, osmCandidates, validateCandidates } from './candidates.ts';
import { type CollectStats, collectOsm, type OsmInterest } from './collect.ts';
import { downloadExtract, formatProgress, GEOFABRIK_GANSU_URL } from './download.ts';
import {
  clusterNightZones,
  isNightAmenityTags,
  type NightZoneOptions,
  nightVenues,
  nightZoneFeature,
} from './night_zones.ts';
import { buildOsmBasemap, type OsmBasemapResult } from './osm_basemap.ts';
import { buildElements, type ElementStats, type OsmElement } from './osm_elements.ts';
import { riverGeometries, riverKind } from './river.ts';

export { osmFormatOf } from './osm_stream.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const DEFAULT_OUT_DIR = 'public/data/osm';
export const DEFAULT_BOUNDARIES = join(ROOT, 'data/boundaries/lanzhou_districts.geojson');
export const DEFAULT_DOWNLOAD_DIR = 'osm-data';
/** File names inside the output folder (the manifest lists them; the app reads the manifest). */
export const OUTPUT_FILES = {
  graph: 'walk_graph.bin',
  basemap: 'basemap.pmtiles',
  candidates: 'candidates.geojson',
  river: 'river.geojson',
  manifest: 'manifest.json',
} as const;

/** Parsed command line of the import. */
export interface ImportArgs {
  /** Extract files (several are read as one). Empty with `download`. */
  inputs: string[];
  download: boolean;
  url: string;
  downloadDir: string;
  outDir: string;
  bbox: Bbox;
  /** District polygons for facilities' districts and the basemap's boundary layer; null: no districts. */
  boundaries: string | null;
  keepAllComponents: boolean;
  /** YYYY-MM-DD used when the extract carries no timestamp. */
  date: string | null;
}

export const IMPORT_USAGE = `usage: npm run data:osm -- (--pbf FILE | --osm FILE)... [options]
       npm run data:osm -- --download [--url URL] [--download-dir DIR] [options]
  --pbf FILE          an .osm.pbf extract (repeatable; several files are read as one)
  --osm FILE          an .osm or .osm.gz XML file (repeatable)
  --download          fetch the extract first (default ${GEOFABRIK_GANSU_URL}), resuming a partial one
  --url URL           what --download fetches
  --download-dir DIR  where it goes (default ${DEFAULT_DOWNLOAD_DIR}/)
  --bbox W,S,E,N      clip box in degrees (default Lanzhou ${LANZHOU_BBOX.join(',')})
  --out DIR           output folder (default ${DEFAULT_OUT_DIR})
  --boundaries FILE   district polygons (default data/boundaries/lanzhou_districts.geojson; "none" to skip)
  --date YYYY-MM-DD   extract date to cite when the file has no timestamp
  --all-components    keep every piece of the walking network, not only the largest`;

/**
 * Parses the import's arguments.
 * @throws Error with usage text on bad input
 */
export function parseImportArgs(argv: readonly string[]): ImportArgs {
  const args: ImportArgs = {
    inputs: [],
    download: false,
    url: GEOFABRIK_GANSU_URL,
    downloadDir: DEFAULT_DOWNLOAD_DIR,
    outDir: DEFAULT_OUT_DIR,
    bbox: LANZHOU_BBOX,
    boundaries: DEFAULT_BOUNDARIES,
    keepAllComponents: false,
    date: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value\n${IMPORT_USAGE}`);
      return v;
    };
    if (a === '--pbf' || a === '--osm') {
      const file = value();
      const isPbf = /\.pbf$/i.test(file);
      if ((a === '--pbf') !== isPbf)
        throw new Error(
          `${a} ${file}: expected ${a === '--pbf' ? 'an .osm.pbf' : 'an .osm or .osm.gz'} file`,
        );
      args.inputs.push(file);
    } else if (a === '--download') args.download = true;
    else if (a === '--url') args.url = value();
    else if (a === '--download-dir') args.downloadDir = value();
    else if (a === '--out') args.outDir = value();
    else if (a === '--bbox') args.bbox = parseBbox(value());
    else if (a === '--boundaries') {
      const v = value();
      args.boundaries = v === 'none' ? null : v;
    } else if (a === '--date') {
      const v = value();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v)))
        throw new Error(`--date must be YYYY-MM-DD, got "${v}"`);
      args.date = v;
    } else if (a === '--all-components') args.keepAllComponents = true;
    else if (a === '--help' || a === '-h') throw new Error(IMPORT_USAGE);
    else throw new Error(`unknown argument "${a}"\n${IMPORT_USAGE}`);
  }
  if (args.download && args.inputs.length > 0)
    throw new Error(`give either --download or --pbf/--osm files, not both\n${IMPORT_USAGE}`);
  if (!args.download && args.inputs.length === 0)
    throw new Error(`an input is required: --pbf FILE, --osm FILE or --download\n${IMPORT_USAGE}`);
  if (args.url !== GEOFABRIK_GANSU_URL && !args.download)
    throw new Error(`--url needs --download\n${IMPORT_USAGE}`);
  return args;
}

/** Everything the import keeps from the extract. */
export const IMPORT_INTEREST: OsmInterest = {
  node: (t) => isBasemapNode(t) || isCandidateTags(t) || isNightAmenityTags(t),
  way: (t) => isBasemapWay(t) || isCandidateTags(t) || isNightAmenityTags(t) || riverKind(t) !== null,
  relation: (t) =>
    t.type === 'multipolygon' &&
    (isBasemapRelation(t) || isCandidateTags(t) || isNightAmenityTags(t) || riverKind(t) !== null),
};

export interface ImportReport {
  outDir: string;
  manifest: OsmManifest;
  collect: CollectStats;
  elements: ElementStats;
  graph: BuildWalkGraphStats;
  basemap: OsmBasemapResult;
  river: 'named' | 'any' | 'none';
  nightZones: number;
  /** Facilities written with no district (outside every district polygon). */
  noDistrict: number;
  /** Validation problems of dropped candidates (English). */
  problems: string[];
  seconds: number;
}

type ImportInput = Pick<
  ImportArgs,
  'inputs' | 'outDir' | 'bbox' | 'boundaries' | 'keepAllComponents' | 'date'
>;
interface ImportOptions {
  nightZones?: NightZoneOptions;
  log?: (line: string) => void;
  now?: Date;
}

/**
 * Phase 1: reads the extract, writes the walking graph, returns the elements. The collection (node store,
 * walk extract) is garbage once this returns, before the memory-hungry tiling.
 */
async function readAndWriteGraph(args: ImportInput, o: ImportOptions) {
  const collected = await collectOsm(args.inputs, { bbox: args.bbox, interest: IMPORT_INTEREST });
  o.log?.(
    `read ${args.inputs.map((p) => basename(p)).join(', ')} in ${collected.stats.passes} passes ` +
      `(${collected.stats.seconds.toFixed(1)} s): ${collected.stats.waysKept} ways, ${collected.stats.relationsKept} relations, ` +
      `${collected.stats.pois} tagged nodes, ${collected.stats.nodesInBbox} node positions in the bbox`,
  );
  const extractIso = collected.timestamp.iso;
  const { graph, stats: graphStats } = buildWalkGraph(collected.walk, {
    keepAllComponents: args.keepAllComponents,
    meta: {
      source: args.inputs.map((p) => basename(p)).join(','),
      bbox: args.bbox.join(','),
      builtAt: (o.now ?? new Date()).toISOString(),
      ...(extractIso ? { extract: extractIso } : {}),
    },
  });
  if (graph.nodeCount === 0)
    throw new Error(`no walkable ways inside bbox ${args.bbox.join(',')} in ${args.inputs.join(', ')}`);
  const graphBytes = serializeWalkGraph(graph);
  await mkdir(args.outDir, { recursive: true });
  await writeFile(join(args.outDir, OUTPUT_FILES.graph), graphBytes);
  const { elements, stats: elementStats } = buildElements(collected, IMPORT_INTEREST.way);
  return {
    elements,
    elementStats,
    collectStats: collected.stats,
    timestamp: collected.timestamp,
    graph: { nodes: graph.nodeCount, edges: graph.edgeCount, bytes: graphBytes.length, stats: graphStats },
  };
}

/**
 * Phase 2: everyday facilities (by src/lib/osm_rules.ts) and clusters of eateries, validated. Without
 * district boundaries, or outside every polygon, a facility is kept with no district (another city).
 */
function buildCandidates(
  elements: readonly OsmElement[],
  boundaries: FeatureCollection | null,
  ctx: { bbox: Bbox; date: string | null; nightZones?: NightZoneOptions },
) {
  const features: MapFeature[] = [];
  const problems: string[] = [];
  const skipped: Record<string, number> = {};
  const river = riverGeometries(elements);
  const districts = createDistrictLookup(
    (boundaries ?? { features: [] }) as unknown as DistrictCollectionLike,
  );
  const seenIds = new Map<string, string>();
  const dated = ctx.date ? { date: ctx.date } : {};
  const c = osmCandidates(elements, {
    districts,
    river,
    bbox: ctx.bbox,
    seenIds,
    ...dated,
  });
  features.push(...c.features);
  problems.push(...c.problems);
  Object.assign(skipped, c.skipped);
  const zones = clusterNightZones(nightVenues(elements), ctx.nightZones);
  const zoneFeatures = zones.map((z) => nightZoneFeature(z, { districts, ...dated }));
  const v = validateCandidates(zoneFeatures, {
    districts,
    bbox: ctx.bbox,
    file: 'osm/candidates.geojson',
    seenIds,
  });
  skipped.food_cluster_invalid = zoneFeatures.length - v.features.length;
  problems.push(...v.problems);
  features.push(...v.features);
  return { features, problems, skipped, river, nightZones: v.features.length };
}

/** The basemap's layers: Lanzhou's district layers (when the bbox reaches them) and the OSM layers. */
function basemapLayers(
  elements: readonly OsmElement[],
  boundaries: FeatureCollection | null,
  bbox: Bbox,
): ZoomedLayer[] {
  const layers: ZoomedLayer[] = [];
  if (boundaries && boundariesTouch(boundaries, bbox)) {
    for (const l of districtLayers(boundaries)) {
      layers.push({
        name: l.name,
        ...(l.description ? { description: l.description } : {}),
        features: l.features.map((feature: Feature) => ({ feature, minZoom: BASEMAP_MIN_ZOOM })),
      });
    }
  }
  layers.push(...osmBasemapLayers(elements, bbox).layers);
  return layers;
}

/**
 * Runs the import: reads the extract(s), clips to the bbox and writes into `outDir`
 * walk_graph.bin, basemap.pmtiles, candidates.geojson, river.geojson (when there is a river) and
 * manifest.json (which the app reads).
 * @throws when the bbox holds no walkable way or no basemap feature
 */
export async function runImport(args: ImportInput, options: ImportOptions = {}): Promise<ImportReport> {
  const t0 = performance.now();
  const boundaries = args.boundaries ? readBoundaries(args.boundaries) : null;
  const read = await readAndWriteGraph(args, options);
  const extractIso = read.timestamp.iso;
  const date = extractIso ? extractIso.slice(0, 10) : args.date;
  const dateFrom: ExtractDateSource = extractIso ? read.timestamp.from : args.date ? 'option' : 'none';

  const cand = buildCandidates(read.elements, boundaries, {
    bbox: args.bbox,
    date,
    ...(options.nightZones ? { nightZones: options.nightZones } : {}),
  });
  const candidateText = JSON.stringify({ type: 'FeatureCollection', features: cand.features });
  await writeFile(join(args.outDir, OUTPUT_FILES.candidates), candidateText);
  // The river lines the near-river rule measured to, for the tour's walks along the river (none: no file).
  const riverFile = riverFileOf(cand.river.ways, { match: cand.river.match, date: date ?? null });
  const riverText = riverFile ? JSON.stringify(riverFile) : null;
  if (riverText) await writeFile(join(args.outDir, OUTPUT_FILES.river), riverText);
  else await rm(join(args.outDir, OUTPUT_FILES.river), { force: true });

  // Only the layers are kept from here: the elements can be collected while tiles are sliced.
  const layers = basemapLayers(read.elements.splice(0), boundaries, args.bbox);
  const center: [number, number, number] = inBbox(args.bbox, INITIAL_CENTER[0], INITIAL_CENTER[1])
    ? [INITIAL_CENTER[0], INITIAL_CENTER[1], Math.floor(INITIAL_ZOOM)]
    : [(args.bbox[0] + args.bbox[2]) / 2, (args.bbox[1] + args.bbox[3]) / 2, BASEMAP_MIN_ZOOM + 6];
  const basemap = buildOsmBasemap({
    layers,
    outFile: join(args.outDir, OUTPUT_FILES.basemap),
    minZoom: BASEMAP_MIN_ZOOM,
    maxZoom: BASEMAP_MAX_ZOOM,
    bounds: [...args.bbox],
    center,
    attribution: boundaries ? `${ATTRIBUTION.osm} · ${ATTRIBUTION.boundaries}` : ATTRIBUTION.osm,
  });

  const perCategory: Record<string, number> = {};
  for (const f of cand.features)
    perCategory[f.properties.category] = (perCategory[f.properties.category] ?? 0) + 1;
  const manifest: OsmManifest = {
    version: OSM_MANIFEST_VERSION,
    generator: 'scripts/import_osm.ts',
    built_at: (options.now ?? new Date()).toISOString(),
    bbox: [...args.bbox],
    source: {
      title: 'OpenStreetMap contributors',
      attribution: ATTRIBUTION.osm,
      licence: 'ODbL-1.0',
      licence_url: 'https://www.openstreetmap.org/copyright',
      files: args.inputs.map((p) => basename(p)),
      extract_timestamp: extractIso,
      extract_date: date ?? null,
      extract_date_from: dateFrom,
    },
    counts: {
      graph_nodes: read.graph.nodes,
      graph_edges: read.graph.edges,
      basemap: basemap.featuresPerLayer,
      candidates: perCategory,
      skipped: cand.skipped,
      river_ways: riverFile?.features.length ?? 0,
    },
    files: {
      graph: { path: OUTPUT_FILES.graph, bytes: read.graph.bytes },
      basemap: { path: OUTPUT_FILES.basemap, bytes: basemap.bytes },
      candidates: { path: OUTPUT_FILES.candidates, bytes: Buffer.byteLength(candidateText) },
      ...(riverText ? { river: { path: OUTPUT_FILES.river, bytes: Buffer.byteLength(riverText) } } : {}),
    },
  };
  await writeFile(join(args.outDir, OUTPUT_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
  return {
    outDir: args.outDir,
    manifest,
    collect: read.collectStats,
    elements: read.elementStats,
    graph: read.graph.stats,
    basemap,
    river: cand.river.match,
    nightZones: cand.nightZones,
    noDistrict: cand.features.filter((f) => f.properties.district === '').length,
    problems: cand.problems,
    seconds: (performance.now() - t0) / 1000,
  };
}

function readBoundaries(path: string): FeatureCollection {
  if (!existsSync(path))
    throw new Error(`district boundaries not found: ${path} (pass --boundaries none to skip)`);
  const fc = JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection;
  if (!Array.isArray(fc?.features)) throw new Error(`${path} is not a GeoJSON FeatureCollection`);
  return fc;
}

/** Whether any boundary vertex lies in the bbox (another city's import skips Lanzhou's boundaries). */
function boundariesTouch(fc: FeatureCollection, bbox: Bbox): boolean {
  const visit = (c: unknown): boolean =>
    Array.isArray(c) && typeof c[0] === 'number'
      ? inBbox(bbox, c[0] as number, c[1] as number)
      : Array.isArray(c) && c.some(visit);
  return fc.features.some((f) => f.geometry && 'coordinates' in f.geometry && visit(f.geometry.coordinates));
}

/** The command line: optional download, the import, a short report. Returns the exit code. */
export async function importOsmCli(
  argv: readonly string[],
  io: { out: (line: string) => void; err: (line: string) => void; progress?: (line: string) => void } = {
    out: (l) => console.log(l),
    err: (l) => console.error(l),
  },
): Promise<number> {
  try {
    const args = parseImportArgs(argv);
    if (args.download) {
      const name = basename(new URL(args.url).pathname) || 'extract.osm.pbf';
      const dest = join(args.downloadDir, name);
      await mkdir(args.downloadDir, { recursive: true });
      io.out(`downloading ${args.url} → ${dest}`);
      let last = 0;
      const r = await downloadExtract({
        url: args.url,
        dest,
        onProgress: (p) => {
          const now = Date.now();
          if (now - last < 1000 && p.received !== p.total) return;
          last = now;
          (io.progress ?? io.err)(`  ${formatProgress(p)}`);
        },
      });
      io.out(
        `downloaded ${(r.bytes / 1048576).toFixed(1)} MiB${r.resumedFrom ? ` (resumed at ${(r.resumedFrom / 1048576).toFixed(1)} MiB)` : ''}; MD5 ${r.md5}`,
      );
      args.inputs = [dest];
    }
    const r = await runImport(args, { log: io.out });
    const m = r.manifest;
    const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
    io.out(`extract date: ${m.source.extract_date ?? 'unknown'} (${m.source.extract_date_from})`);
    io.out(
      `walk graph: ${m.counts.graph_nodes} nodes, ${m.counts.graph_edges} edges (${r.graph.components} components before keeping the largest) → ${kib(m.files.graph.bytes)}`,
    );
    io.out(
      `basemap: ${JSON.stringify(m.counts.basemap)}; ${r.basemap.tiles} tiles z${r.basemap.minZoom}–${r.basemap.maxZoom} → ${kib(m.files.basemap.bytes)} in ${(r.basemap.ms / 1000).toFixed(1)} s`,
    );
    io.out(
      `facilities: ${JSON.stringify(m.counts.candidates)} (river match: ${r.river}; ${r.noDistrict} outside every district); skipped ${JSON.stringify(m.counts.skipped)} → ${kib(m.files.candidates.bytes)}`,
    );
    for (const p of r.problems.slice(0, 20)) io.err(`  dropped: ${p}`);
    if (r.problems.length > 20) io.err(`  … and ${r.problems.length - 20} more`);
    io.out(
      `river: ${m.counts.river_ways ?? 0} ${r.river === 'named' ? 'Yellow River' : 'river'} ways → ${m.files.river ? kib(m.files.river.bytes) : 'no file'}`,
    );
    const written = Object.values(OUTPUT_FILES).filter((f) => f !== OUTPUT_FILES.river || m.files.river);
    io.out(`wrote ${r.outDir}/{${written.join(',')}} in ${r.seconds.toFixed(1)} s`);
    return 0;
  } catch (err) {
    io.err(err instanceof Error ? err.message : String(err));
    return 1;
  }
}
