// The OSM import's river centre lines (public/data/osm/river.geojson): the format, how it is written, and a
// pure reader for the app, so the tour's suggested walks follow the river without a live download.

import type { LonLat } from './river_frame';

/** Decimal places kept: 1e-6° is at most 0.11 m, far below how exactly a river's centre line is mapped. */
export const RIVER_DECIMALS = 6;
const ATTRIBUTION = '© OpenStreetMap contributors';

/** One `waterway=river` way as the import writes it. */
export interface RiverFileFeature {
  type: 'Feature';
  /** "osm-way-<id>", as the importer names OSM objects (the live download's river lines use the same ids). */
  id: string;
  properties: {
    osm_way: number;
    name: string | null;
    source: { title: string; date?: string; url: string };
  };
  /** WGS-84 degrees; a MultiLineString when the extract lacks some of the way's nodes. */
  geometry:
    | { type: 'LineString'; coordinates: LonLat[] }
    | { type: 'MultiLineString'; coordinates: LonLat[][] };
}

export interface RiverFile {
  type: 'FeatureCollection';
  /** 'named': the ways named like the Yellow River; 'any': none is, so every river in the extract. */
  match: 'named' | 'any';
  attribution: string;
  /** YYYY-MM-DD of the extract, or null when unknown. */
  extract_date: string | null;
  features: RiverFileFeature[];
}

const round = (v: number) => Number(v.toFixed(RIVER_DECIMALS));

/**
 * The file for the river ways the importer measured to (each line rounded to RIVER_DECIMALS, repeated
 * points after rounding dropped). Null when there is no river line (nothing to write).
 */
export function riverFileOf(
  ways: readonly { id: number; name: string | null; lines: readonly (readonly number[])[][] }[],
  o: { match: 'named' | 'any' | 'none'; date: string | null },
): RiverFile | null {
  const features: RiverFileFeature[] = [];
  for (const w of ways) {
    const lines = w.lines
      .map((l) =>
        l
          .map((p) => [round(p[0] as number), round(p[1] as number)] as LonLat)
          .filter((p, i, a) => i === 0 || p[0] !== a[i - 1]![0] || p[1] !== a[i - 1]![1]),
      )
      .filter((l) => l.length >= 2);
    if (lines.length === 0) continue;
    features.push({
      type: 'Feature',
      id: `osm-way-${w.id}`,
      properties: {
        osm_way: w.id,
        name: w.name,
        source: {
          title: 'OpenStreetMap contributors',
          ...(o.date ? { date: o.date } : {}),
          url: `https://www.openstreetmap.org/way/${w.id}`,
        },
      },
      geometry:
        lines.length === 1
          ? { type: 'LineString', coordinates: lines[0]! }
          : { type: 'MultiLineString', coordinates: lines },
    });
  }
  if (features.length === 0 || o.match === 'none') return null;
  return {
    type: 'FeatureCollection',
    match: o.match,
    attribution: ATTRIBUTION,
    extract_date: o.date,
    features,
  };
}

/** The river as the app uses it: lines by OSM way id, and whether they carry the Yellow River's name. */
export interface RiverLines {
  /** Way id → its line(s), [lon, lat] degrees. */
  ways: Map<number, LonLat[][]>;
  named: boolean;
  /** The extract's date (YYYY-MM-DD), when the file gives one. */
  date?: string | null;
}

const isLonLat = (p: unknown): p is LonLat =>
  Array.isArray(p) &&
  p.length >= 2 &&
  typeof p[0] === 'number' &&
  typeof p[1] === 'number' &&
  Math.abs(p[0]) <= 180 &&
  Math.abs(p[1]) <= 90;
const isLine = (l: unknown): l is LonLat[] => Array.isArray(l) && l.length >= 2 && l.every(isLonLat);

/**
 * Checks a parsed river file before the app uses it (untrusted: every way id, line and coordinate).
 * @returns the lines, or a one-line reason (English, shown inside the translated OSM-import error)
 */
export function parseRiverFile(value: unknown): { river: RiverLines } | { error: string } {
  const f = value as Partial<RiverFile> | null;
  if (!f || typeof f !== 'object' || f.type !== 'FeatureCollection' || !Array.isArray(f.features))
    return { error: 'river file is not a GeoJSON FeatureCollection' };
  if (f.match !== 'named' && f.match !== 'any') return { error: 'river file: match is not named or any' };
  if (typeof f.attribution !== 'string' || !f.attribution.includes('OpenStreetMap'))
    return { error: 'river file has no OpenStreetMap attribution' };
  const ways = new Map<number, LonLat[][]>();
  for (const [i, x] of f.features.entries()) {
    const way = (x as Partial<RiverFileFeature> | null)?.properties?.osm_way;
    if (typeof way !== 'number' || !Number.isSafeInteger(way) || way <= 0)
      return { error: `river file: feature ${i} has no OSM way id` };
    const g = x?.geometry as { type?: unknown; coordinates?: unknown } | undefined;
    const lines =
      g?.type === 'LineString' ? [g.coordinates] : g?.type === 'MultiLineString' ? g.coordinates : null;
    if (!Array.isArray(lines) || lines.length === 0 || !lines.every(isLine))
      return { error: `river file: way ${way} is not a line of [lon, lat] degrees` };
    ways.set(
      way,
      lines.map((l) => l.map((p) => [p[0], p[1]] as LonLat)),
    );
  }
  const date =
    typeof f.extract_date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(f.extract_date) ? f.extract_date : null;
  return { river: { ways, named: f.match === 'named', date } };
}
