// The deployer's Lanzhou basemap extract (public/data/basemap-lanzhou.json): its manifest and a pure reader.

/** Where the app looks for the extract's manifest, relative to the site root. */
export const BASEMAP_EXTRACT_MANIFEST_PATH = 'data/basemap-lanzhou.json';
export const BASEMAP_EXTRACT_VERSION = 1;

export interface BasemapExtractManifest {
  version: typeof BASEMAP_EXTRACT_VERSION;
  /** The archive, a plain file name beside the manifest. */
  file: string;
  bytes: number;
  tiles: number;
  /** [west, south, east, north], degrees WGS-84. */
  bbox: [number, number, number, number];
  min_zoom: number;
  max_zoom: number;
  /** The source archive's URL (a Protomaps daily build by default). */
  source: string;
  /** YYYY-MM-DD of the source build, or null when unknown. */
  build_date: string | null;
  /** YYYY-MM-DD of the OSM data inside (planetiler's replication time), or null. */
  osm_date: string | null;
  /** The Protomaps basemap schema version the tiles follow (metadata `version`), or null. */
  schema_version: string | null;
  /** Plain-text attribution lines (never HTML). */
  attribution: string[];
  /** When the extract was made, ISO 8601. */
  extracted_at: string;
}

const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.pmtiles$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks a parsed manifest before the app trusts it: a plain `.pmtiles` file name beside the manifest (no
 * directories or schemes, so the manifest cannot point the app elsewhere), a box, zooms and attribution.
 * @returns the manifest, or a one-line reason it was refused
 */
export function parseBasemapExtractManifest(
  value: unknown,
): { manifest: BasemapExtractManifest } | { error: string } {
  if (!value || typeof value !== 'object') return { error: 'manifest is not an object' };
  const m = value as Partial<BasemapExtractManifest>;
  if (m.version !== BASEMAP_EXTRACT_VERSION)
    return { error: `unsupported manifest version ${String(m.version)}` };
  if (typeof m.file !== 'string' || !FILE_NAME.test(m.file))
    return { error: 'manifest file is not a plain .pmtiles name' };
  const b = m.bbox;
  if (
    !Array.isArray(b) ||
    b.length !== 4 ||
    !b.every((v) => typeof v === 'number' && Number.isFinite(v)) ||
    b[0] >= b[2] ||
    b[1] >= b[3]
  )
    return { error: 'manifest bbox is not [W,S,E,N]' };
  if (!Number.isInteger(m.min_zoom) || !Number.isInteger(m.max_zoom) || m.min_zoom! > m.max_zoom!)
    return { error: 'manifest zooms are not integers min ≤ max' };
  if (!(typeof m.bytes === 'number' && m.bytes > 0)) return { error: 'manifest says the archive is empty' };
  if (
    !Array.isArray(m.attribution) ||
    m.attribution.length === 0 ||
    !m.attribution.every((a) => typeof a === 'string')
  )
    return { error: 'manifest has no attribution' };
  for (const k of ['build_date', 'osm_date'] as const) {
    const d = m[k];
    if (d !== null && (typeof d !== 'string' || !DAY.test(d)))
      return { error: `manifest ${k} is not YYYY-MM-DD` };
  }
  return { manifest: m as BasemapExtractManifest };
}

/** Longest attribution text read from a source archive (characters). */
export const MAX_ATTRIBUTION_CHARS = 2000;

/** Tags out, entities decoded for the few that attribution strings use: HTML attribution → plain text. */
export function plainAttribution(html: string): string {
  // Attribution is a line of credits; capping it bounds the regexes below on a hostile manifest.
  return html
    .slice(0, MAX_ATTRIBUTION_CHARS)
    .replace(/<[^>]*>/g, '')
    .replace(/&copy;/g, '©')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The manifest's attribution lines: the source's own (as plain text) and, always, OpenStreetMap's with the
 * data date, as the ODbL asks of anything drawn from OSM.
 */
export function extractAttribution(sourceAttribution: unknown, osmDate: string | null): string[] {
  const osm = `© OpenStreetMap contributors${osmDate ? ` (${osmDate})` : ''}`;
  const own = typeof sourceAttribution === 'string' ? plainAttribution(sourceAttribution) : '';
  // The source line usually names OpenStreetMap too; keep it only for what else it credits (Protomaps).
  const rest = own.replace(/©?\s*OpenStreetMap( contributors)?/gi, '').replace(/^[\s·|,]+|[\s·|,]+$/g, '');
  return rest ? [osm, rest] : [osm];
}

/** YYYY-MM-DD of an ISO-ish timestamp (planetiler writes `2024-05-01T04:00:00Z`), or null. */
export function dayOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
  return m ? m[1]! : null;
}
