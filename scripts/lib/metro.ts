// Lanzhou Metro export (OSM via norman-mei/metro-tools) → station rows and line features for data/.

import { distance } from '@turf/distance';
import Papa from 'papaparse';
import type { DistrictLookup } from '../../src/lib/districts';
import type { MapFeature, Position } from '../../src/lib/feature';

/** What the export is cited as; the date is the commit of the export (the OSM edit dates are not in it). */
export const METRO_SOURCE = {
  title: 'OpenStreetMap contributors (ODbL), via norman-mei/metro-tools',
  date: '2026-01-24',
} as const;
/** The export's folder at the commit it was taken from (cited by the line features). */
export const METRO_EXPORT_URL =
  'https://github.com/norman-mei/metro-tools/tree/42d45d57a5ac3ffc0c91eb2a9d395454727e8385/src/app/(game)/asia/china/lanzhou/data';
/**
 * Metres. A station node marks one spot of a 100–200 m underground station (the export's README); the
 * track nodes are drawn from the same mapping.
 */
export const METRO_ACCURACY_M = 75;
/** A station of features.json farther than this from its OSM station node is a mismatch, not a station. */
export const MAX_MATCH_M = 200;

interface PointFeature {
  geometry: { type: string; coordinates: unknown };
  properties: Record<string, unknown>;
}
interface Collection {
  features: readonly PointFeature[];
}

/** The four files of the export, parsed. */
export interface MetroExport {
  /** lanzhou.geojson: the raw OSM export (`@id`, tags). */
  osm: Collection;
  /** features.json: one point per station and line, with `line`, `order`, `name`, `alternate_names`. */
  stations: Collection;
  /** routes.json: one MultiLineString per line, `properties.line`. */
  routes: Collection;
  /** lines.json: line key → name and colour. */
  lines: Readonly<Record<string, { name: string; color: string; order: number }>>;
}

/** One station, once, with every line that stops there (in line order). */
export interface MetroStation {
  /** OSM node id (number part). */
  osmId: string;
  name_zh: string;
  name_en: string;
  lon: number;
  lat: number;
  district: string;
  /** Line numbers, e.g. [1, 2]. */
  lines: number[];
}

export interface MetroBuild {
  stations: MetroStation[];
  lines: MapFeature[];
  /** Every inconsistency found; the CLI refuses to write anything when there is one. */
  problems: string[];
}

/** "Line 2" → 2. */
function lineNumber(name: string): number | null {
  const m = /^Line (\d+)$/.exec(name);
  return m ? Number(m[1]) : null;
}

/** "Lanzhou University (兰州大学)" → "Lanzhou University"; the Chinese name is the export's first alias. */
function englishPart(name: string): string {
  const cut = name.lastIndexOf(' (');
  return (cut > 0 ? name.slice(0, cut) : name).trim();
}

const isPosition = (c: unknown): c is Position =>
  Array.isArray(c) && c.length >= 2 && typeof c[0] === 'number' && typeof c[1] === 'number';

/** Chinese line label: [1, 2] → "1号线、2号线". */
const linesZh = (lines: readonly number[]) => lines.map((n) => `${n}号线`).join('、');
/** English line label: [1] → "Line 1", [1, 2] → "Lines 1 and 2". */
const linesEn = (lines: readonly number[]) =>
  lines.length === 1 ? `Line ${lines[0]}` : `Lines ${lines.slice(0, -1).join(', ')} and ${lines.at(-1)}`;

/**
 * Join the export's station list to the OSM station nodes (`railway=station` + `station=subway`, matched
 * by Chinese name and checked by distance): the node's id and position, the list's English name (the
 * export's display names are current where OSM's `name:en` still has a former name) and lines.
 * Interchanges come out once with both lines. Lines keep their OSM track geometry.
 */
export function buildMetro(src: MetroExport, districts: DistrictLookup): MetroBuild {
  const problems: string[] = [];
  const nodes = new Map<string, { osmId: string; position: Position }>();
  for (const f of src.osm.features) {
    const p = f.properties;
    if (p.railway !== 'station' || p.station !== 'subway' || f.geometry.type !== 'Point') continue;
    const id = /^node\/(\d+)$/.exec(String(p['@id']))?.[1];
    if (!id || typeof p.name !== 'string' || !isPosition(f.geometry.coordinates)) {
      problems.push(`lanzhou.geojson: station ${String(p['@id'])} has no node id, name or point`);
      continue;
    }
    if (nodes.has(p.name)) problems.push(`lanzhou.geojson: two station nodes named ${p.name}`);
    nodes.set(p.name, { osmId: id, position: f.geometry.coordinates });
  }
  const lineNo = new Map<string, number>();
  for (const [key, line] of Object.entries(src.lines)) {
    const n = lineNumber(line.name);
    if (n === null) problems.push(`lines.json: ${key} is named "${line.name}", not "Line N"`);
    else lineNo.set(key, n);
  }

  const byId = new Map<string, MetroStation & { order: number }>();
  const listed = [...src.stations.features].sort(
    (a, b) =>
      (lineNo.get(String(a.properties.line)) ?? 0) - (lineNo.get(String(b.properties.line)) ?? 0) ||
      Number(a.properties.order) - Number(b.properties.order),
  );
  for (const f of listed) {
    const p = f.properties;
    const aliases = Array.isArray(p.alternate_names) ? p.alternate_names.map(String) : [];
    const zh = aliases[0] ?? '';
    const line = lineNo.get(String(p.line));
    const node = nodes.get(zh);
    const label = `features.json: ${String(p.name)}`;
    if (line === undefined) {
      problems.push(`${label}: unknown line ${String(p.line)}`);
      continue;
    }
    if (!node) {
      problems.push(`${label}: no OSM station node named ${zh || '(no Chinese name)'}`);
      continue;
    }
    if (!isPosition(f.geometry.coordinates)) {
      problems.push(`${label}: no point`);
      continue;
    }
    const away = distance(f.geometry.coordinates, node.position, { units: 'meters' });
    if (away > MAX_MATCH_M) {
      problems.push(`${label}: ${Math.round(away)} m from OSM node ${node.osmId} of the same name`);
      continue;
    }
    const seen = byId.get(node.osmId);
    if (seen) {
      if (!seen.lines.includes(line)) seen.lines.push(line);
      continue;
    }
    const [lon, lat] = node.position;
    const district = districts.districtAt(lon, lat);
    if (!district) {
      problems.push(`${label}: OSM node ${node.osmId} lies in no district`);
      continue;
    }
    byId.set(node.osmId, {
      osmId: node.osmId,
      name_zh: zh,
      name_en: englishPart(String(p.name)),
      lon,
      lat,
      district,
      lines: [line],
      order: byId.size,
    });
  }
  const stations = [...byId.values()].map(({ order: _order, ...s }) => s);

  const lines: MapFeature[] = [];
  for (const f of src.routes.features) {
    const key = String(f.properties.line);
    const n = lineNo.get(key);
    const parts = f.geometry.coordinates;
    const valid =
      f.geometry.type === 'MultiLineString' &&
      Array.isArray(parts) &&
      parts.length > 0 &&
      parts.every((l) => Array.isArray(l) && l.length >= 2 && l.every(isPosition));
    if (n === undefined || !valid) {
      problems.push(`routes.json: ${key} is not a known line with a MultiLineString`);
      continue;
    }
    const coordinates = parts as Position[][];
    const first = (coordinates[0] as Position[])[0] as Position;
    const district = districts.districtAt(first[0], first[1]);
    if (!district) {
      problems.push(`routes.json: ${key} starts in no district`);
      continue;
    }
    // No length_m: the parts are both tracks of the line, so their sum is about twice the route length.
    const geometry = { type: 'MultiLineString' as const, coordinates };
    const stops = stations.filter((s) => s.lines.includes(n)).length;
    lines.push({
      type: 'Feature',
      id: `metro-line-${n}`,
      geometry,
      properties: {
        id: `metro-line-${n}`,
        category: 'metro_line',
        name_zh: `兰州轨道交通${n}号线`,
        name_en: `Lanzhou Metro Line ${n}`,
        district,
        status: 'existing',
        source: { ...METRO_SOURCE, url: METRO_EXPORT_URL },
        accuracy_m: METRO_ACCURACY_M,
        description_zh: `${stops}座车站；线路按 OpenStreetMap 的轨道绘制`,
        description_en: `${stops} stations; drawn along the OpenStreetMap track`,
      },
    });
  }
  return { stations, lines, problems };
}

/** Columns of data/metro_stations.csv (the ones `npm run data` reads from every CSV in data/). */
const COLUMNS = [
  'id',
  'category',
  'name_zh',
  'name_en',
  'district',
  'status',
  'lon',
  'lat',
  'crs',
  'accuracy_m',
  'source_title',
  'source_date',
  'source_url',
  'description_zh',
  'description_en',
  'facility_type',
] as const;

/** The stations as facility CSV rows: OSM ids (`osm-node-…`, as the importer names them), WGS-84. */
export function stationsCsv(stations: readonly MetroStation[]): string {
  const rows = stations.map((s) => ({
    id: `osm-node-${s.osmId}`,
    category: 'metro',
    name_zh: s.name_zh,
    name_en: s.name_en,
    district: s.district,
    status: 'existing',
    lon: s.lon,
    lat: s.lat,
    crs: 'WGS84',
    accuracy_m: METRO_ACCURACY_M,
    source_title: METRO_SOURCE.title,
    source_date: METRO_SOURCE.date,
    source_url: `https://www.openstreetmap.org/node/${s.osmId}`,
    description_zh:
      s.lines.length > 1 ? `兰州轨道交通${linesZh(s.lines)}换乘站` : `兰州轨道交通${linesZh(s.lines)}车站`,
    description_en:
      s.lines.length > 1
        ? `Interchange of Lanzhou Metro ${linesEn(s.lines)}`
        : `Station of Lanzhou Metro ${linesEn(s.lines)}`,
    facility_type: 'metro_station',
  }));
  return `${Papa.unparse(rows, { columns: [...COLUMNS], newline: '\n' })}\n`;
}
