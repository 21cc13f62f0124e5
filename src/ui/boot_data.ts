// Start-up data: the shipped places, districts and plan targets, and the deployer's optional OSM import.

import type { MapFeature, MapFeatureCollection } from '../lib/feature';
import { OSM_MANIFEST_PATH, osmAssetUrls, parseOsmManifest } from '../lib/osm_manifest';
import type { PlanTarget } from '../lib/plan_targets';
import { parseRiverFile, type RiverLines } from '../lib/river/river_file';
import { validateGeoJson } from '../lib/validate';
import type { WalkGraph } from '../lib/walk/graph';
import { deserializeWalkGraph } from '../lib/walk/graph_binary';

export type OsmUrls = ReturnType<typeof osmAssetUrls>;

/** The OSM import's parts: the whole-city walking graph, its candidate facilities and its river lines. */
export interface OsmParts {
  graph: WalkGraph | null;
  graphUrl: string | null;
  candidates: MapFeature[];
  river: ImportRiver;
}

/** The import's river lines, the reason its river file was refused, or null when it lists none. */
export type ImportRiver = { river: RiverLines } | { error: string } | null;

export const NO_OSM: OsmParts = { graph: null, graphUrl: null, candidates: [], river: null };

/** What the app ships in public/data/ (built by `npm run data`). */
export interface ShippedData {
  features: MapFeatureCollection;
  districts: MapFeatureCollection;
  targets: PlanTarget[];
}

/** GET a JSON file; a non-2xx answer is an error naming the path and status. */
export async function fetchJson<T>(path: string): Promise<T> {
  const res = await fetch(path);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** The shipped places, districts and plan targets, fetched in parallel. */
export async function loadShipped(): Promise<ShippedData> {
  const [features, districts, plan] = await Promise.all([
    fetchJson<MapFeatureCollection>('data/features.geojson'),
    fetchJson<MapFeatureCollection>('data/districts.geojson'),
    fetchJson<{ targets: PlanTarget[] }>('data/plan_targets.json'),
  ]);
  return { features, districts, targets: plan.targets };
}

/**
 * The OSM import's manifest, if the deployer built one (see docs/DATA.md): absent (404) is the normal case,
 * null without a message; a broken one is reported through `onError` (its detail) and also gives null.
 */
export async function loadOsmManifest(onError: (detail: string) => void): Promise<OsmUrls | null> {
  const manifestUrl = new URL(OSM_MANIFEST_PATH, document.baseURI).href;
  try {
    const res = await fetch(manifestUrl);
    // Static hosts with an SPA fallback (vite preview among them) answer a missing file with index.html.
    if (!res.ok || !/json/i.test(res.headers.get('content-type') ?? '')) return null;
    const parsed = parseOsmManifest(await res.json());
    if ('error' in parsed) throw new Error(parsed.error);
    return osmAssetUrls(parsed.manifest, manifestUrl);
  } catch (e) {
    onError((e as Error).message);
    return null;
  }
}

/**
 * The import's river lines, or why they could not be read (the layer panel says so and the tour waits for
 * the live river): a broken river file never costs the rest of the import.
 */
async function loadRiver(url: string | null): Promise<ImportRiver> {
  if (!url) return null;
  try {
    return parseRiverFile(await fetchJson<unknown>(url));
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** The whole-city walking graph, the OSM candidate facilities (labelled by their OSM source) and the river. */
export async function loadOsmParts(
  urls: OsmUrls | null,
  onError: (detail: string) => void,
): Promise<OsmParts> {
  if (!urls) return NO_OSM;
  try {
    const [graphBytes, candidates, river] = await Promise.all([
      fetch(urls.graph).then((r) =>
        r.ok ? r.arrayBuffer() : Promise.reject(new Error(`${urls.graph}: HTTP ${r.status}`)),
      ),
      fetchJson<unknown>(urls.candidates),
      loadRiver(urls.river),
    ]);
    const valid = validateGeoJson(candidates, { file: 'osm/candidates.geojson' });
    return {
      graph: deserializeWalkGraph(new Uint8Array(graphBytes)),
      graphUrl: urls.graph,
      candidates: valid.features,
      river,
    };
  } catch (e) {
    onError((e as Error).message);
    return NO_OSM;
  }
}
