// The OSM import's manifest (public/data/osm/manifest.json): its format, and a pure reader for the app.

/** Where the app finds the manifest, relative to the site root. */
export const OSM_MANIFEST_PATH = 'data/osm/manifest.json';
export const OSM_MANIFEST_VERSION = 1;

/** One written file, relative to the manifest's folder. */
export interface OsmManifestFile {
  path: string;
  bytes: number;
}

/** Where the extract date came from: the file header, its newest edit, or the --date option. */
export type ExtractDateSource = 'header' | 'elements' | 'option' | 'none';

export interface OsmManifest {
  version: typeof OSM_MANIFEST_VERSION;
  generator: string;
  /** When the import ran, ISO 8601. */
  built_at: string;
  /** [west, south, east, north] the data were clipped to, degrees WGS-84. */
  bbox: [number, number, number, number];
  source: {
    title: string;
    attribution: string;
    licence: string;
    licence_url: string;
    /** Input file names (no directories). */
    files: string[];
    /** The extract's timestamp, ISO 8601, or null when unknown. */
    extract_timestamp: string | null;
    /** YYYY-MM-DD of the same, or null. */
    extract_date: string | null;
    extract_date_from: ExtractDateSource;
  };
  counts: {
    graph_nodes: number;
    graph_edges: number;
    /** Features per basemap layer (water, park, road, building, place, and the district layers). */
    basemap: Record<string, number>;
    /** Validated facilities per category (clusters of eateries counted in night_market). */
    candidates: Record<string, number>;
    /** Candidates not written, by reason. */
    skipped: Record<string, number>;
    /** River ways written to `files.river` (absent in imports made before it was written). */
    river_ways?: number;
  };
  files: {
    graph: OsmManifestFile;
    basemap: OsmManifestFile;
    candidates: OsmManifestFile;
    /** The river centre lines the tour's walks follow (absent: none in the extract, or an older import). */
    river?: OsmManifestFile;
  };
}

const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Checks a parsed manifest before the app trusts it: version, bbox and the three files, and the river file
 * when listed (plain file names beside the manifest — no directories, schemes or `..`, so a manifest cannot
 * point the app elsewhere).
 * @returns the manifest, or a one-line reason it was refused
 */
export function parseOsmManifest(value: unknown): { manifest: OsmManifest } | { error: string } {
  if (!value || typeof value !== 'object') return { error: 'manifest is not an object' };
  const m = value as Partial<OsmManifest>;
  if (m.version !== OSM_MANIFEST_VERSION)
    return { error: `unsupported manifest version ${String(m.version)}` };
  const b = m.bbox;
  if (
    !Array.isArray(b) ||
    b.length !== 4 ||
    !b.every((v) => typeof v === 'number' && Number.isFinite(v)) ||
    b[0] >= b[2] ||
    b[1] >= b[3]
  )
    return { error: 'manifest bbox is not [W,S,E,N]' };
  for (const key of ['graph', 'basemap', 'candidates', 'river'] as const) {
    const f = m.files?.[key];
    if (key === 'river' && f === undefined) continue;
    if (!f || typeof f.path !== 'string' || !FILE_NAME.test(f.path) || f.path.includes('..'))
      return { error: `manifest files.${key} is missing or not a plain file name` };
    if (typeof f.bytes !== 'number' || !(f.bytes > 0)) return { error: `manifest files.${key} is empty` };
  }
  if (!m.source || typeof m.source.attribution !== 'string') return { error: 'manifest has no attribution' };
  return { manifest: m as OsmManifest };
}

/**
 * Absolute URLs of the imported files.
 * @param manifestUrl absolute URL the manifest was fetched from (e.g. new URL(OSM_MANIFEST_PATH, document.baseURI))
 */
export function osmAssetUrls(
  manifest: OsmManifest,
  manifestUrl: string,
): { graph: string; basemap: string; candidates: string; river: string | null } {
  const at = (f: OsmManifestFile) => new URL(f.path, manifestUrl).href;
  return {
    graph: at(manifest.files.graph),
    basemap: at(manifest.files.basemap),
    candidates: at(manifest.files.candidates),
    river: manifest.files.river ? at(manifest.files.river) : null,
  };
}

/** Whether a point (degrees) lies in the imported area, e.g. to decide if the walking graph can serve it. */
export function inOsmBbox(manifest: OsmManifest, lon: number, lat: number): boolean {
  const [w, s, e, n] = manifest.bbox;
  return lon >= w && lon <= e && lat >= s && lat <= n;
}
