// The OSM import: extract(s) → walking graph, basemap, candidates, river lines, manifest (CLI: import_cli.ts).

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
import { isCandidateTags, osmCandidates, validateCandidates } from './candidates.ts';
import { type CollectStats, collectOsm, type OsmInterest } from './collect.ts';
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
/** File names inside the output folder (the manifest lists them; the app reads the manifest). */
export const OUTPUT_FILES = {
  graph: 'walk_graph.bin',
  basemap: 'basemap.pmtiles',
  candidates: 'candidates.geojson',
  river: 'river.geojson',
  manifest: 'manifest.json',
} as const;

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

/** What one import reads and where it writes (the command line adds the download). */
export interface ImportInput {
  /** Extract files (several are read as one). */
  inputs: string[];
  outDir: string;
  bbox: Bbox;
  /** District polygons for facilities' districts and the basemap's boundary layer; null: no districts. */
  boundaries: string | null;
  keepAllComponents: boolean;
  /** YYYY-MM-DD used when the extract carries no timestamp. */
  date: string | null;
}
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
