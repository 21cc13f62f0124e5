// One tile's Overpass answer → validated facility features and river lines (the worker's job, pure and synchronous).

import type { DistrictLookup } from '../districts.ts';
import type { FeatureProps, MapFeature } from '../feature.ts';
import { bridgeKey, classifyTags, facilityNames, isPublic, type Tags } from '../osm_rules.ts';
import { isValidOpeningHours } from '../tour/opening.ts';
import { validateFeature } from '../validate.ts';
import { decodeOverpassBody } from '../walk/online/fetcher.ts';
import { type Bounds, centreOf, OSM_SOURCE_TITLE, osmDate } from './centre.ts';

export type { Bounds } from './centre.ts';

/** A validated facility of one tile, with what the assembly step still needs. */
export interface LiveCandidate {
  feature: MapFeature;
  /** The rule applies only along the river (decided when every tile's rivers are known). */
  nearRiver: boolean;
  /** Bridges drawn as several ways share this key (see osm_rules bridgeKey); null otherwise. */
  bridge: string | null;
  /** The element's extent (a node: its position twice). */
  bounds: Bounds;
}

/** A river centre line (`waterway=river`) with the names it carries. */
export interface RiverLine {
  id: number;
  /** name, name:zh, name:en, name:zh-Hans joined by "|" (for the Yellow River test). */
  names: string;
  coords: [number, number][];
}

/** What one tile gives; stored as JSON in the device cache. */
export interface LiveTileData {
  /** Format version of this record. */
  v: 1;
  tile: string;
  /** Overpass's `osm3s.timestamp_osm_base`: the OSM data's own date (ISO), or null when absent. */
  osmBase: string | null;
  candidates: LiveCandidate[];
  rivers: RiverLine[];
  stats: {
    /** Elements in the answer. */
    elements: number;
    /** Elements a rule matched. */
    matched: number;
    /** Matched but `access=private|no`. */
    notPublic: number;
    /** Matched but refused by the validator (e.g. outside Lanzhou's box). */
    invalid: number;
  };
}

interface RawElement {
  type?: unknown;
  id?: unknown;
  lat?: unknown;
  lon?: unknown;
  bounds?: { minlat?: unknown; minlon?: unknown; maxlat?: unknown; maxlon?: unknown };
  geometry?: unknown;
  tags?: unknown;
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const TYPES = new Set(['node', 'way', 'relation']);
/** Tag keys shown in a facility's description, in the order the rules read them. */
const DESCRIBE_KEYS = [
  'railway',
  'leisure',
  'place',
  'amenity',
  'man_made',
  'bridge',
  'tourism',
  'historic',
  'highway',
];

function boundsOf(e: RawElement): Bounds | null {
  if (isNum(e.lon) && isNum(e.lat)) return [e.lon, e.lat, e.lon, e.lat];
  const b = e.bounds;
  if (b && isNum(b.minlon) && isNum(b.minlat) && isNum(b.maxlon) && isNum(b.maxlat))
    return [b.minlon, b.minlat, b.maxlon, b.maxlat];
  return null;
}

/** The string tags of an element (anything else is dropped: properties are untrusted). */
function tagsOf(raw: unknown): Record<string, string> {
  if (raw === null || typeof raw !== 'object') return {};
  const tags = raw as Record<string, unknown>;
  // Overpass always writes strings: then the object is used as it is, without a copy per element.
  for (const k in tags) {
    if (typeof tags[k] !== 'string') {
      const out: Record<string, string> = {};
      for (const [key, v] of Object.entries(tags)) if (typeof v === 'string') out[key] = v;
      return out;
    }
  }
  return tags as Record<string, string>;
}

function describe(tags: Tags): string {
  const parts: string[] = [];
  for (const k of DESCRIBE_KEYS) {
    const v = tags[k];
    if (v !== undefined) {
      parts.push(`${k}=${v}`);
      break;
    }
  }
  if (tags.sport !== undefined) parts.push(`sport=${tags.sport}`);
  return parts.join(', ').slice(0, 120);
}

function addressOf(tags: Tags): string | undefined {
  if (tags['addr:full']?.trim()) return tags['addr:full'].trim();
  const street = tags['addr:street']?.trim();
  if (!street) return undefined;
  return `${street}${tags['addr:housenumber']?.trim() ?? ''}`;
}

/** Properties of a matched element before validation. */
export function liveProps(
  type: string,
  id: number,
  tags: Tags,
  m: NonNullable<ReturnType<typeof classifyTags>>,
  district: string,
  accuracyM: number,
  date: string | undefined,
): FeatureProps {
  const what = describe(tags);
  const props: FeatureProps = {
    id: `osm-${type}-${id}`,
    category: m.category,
    facility_type: m.facility_type,
    ...(({ name_zh, name_en }) => ({ name_zh, name_en }))(facilityNames(tags, m.facility_type)),
    district,
    status: 'existing',
    source: {
      title: OSM_SOURCE_TITLE,
      ...(date ? { date } : {}),
      url: `https://www.openstreetmap.org/${type}/${id}`,
    },
    accuracy_m: accuracyM,
    description_zh: `OpenStreetMap 在线数据（${what}），未经实地核实。`,
    description_en: `Live from OpenStreetMap (${what}); not checked on the ground.`,
  };
  const address = addressOf(tags);
  if (address) props.address_zh = address;
  const oh = tags.opening_hours?.trim();
  // A value the parser cannot read is left out, never guessed at.
  if (oh && isValidOpeningHours(oh)) props.opening_hours = oh;
  return props;
}

/**
 * Decodes one tile's answer, classifies every element with the rules module, and validates each match
 * with the project's validator (district from the lookup; a point in no district is kept with an empty
 * district, as for the import). River lines come back as they are; the river rule and the joining of
 * bridges happen once all tiles are in (`assembleLive`), because a tile's neighbour may hold the river.
 * @throws OverpassError bad_json (not an Overpass JSON answer) | busy (a `remark` runtime error)
 */
export function parseLiveTile(body: Uint8Array, tileKey: string, districts: DistrictLookup): LiveTileData {
  const json = decodeOverpassBody(body) as { elements: unknown[]; osm3s?: { timestamp_osm_base?: unknown } };
  const base = json.osm3s?.timestamp_osm_base;
  const osmBase = typeof base === 'string' ? base : null;
  const date = osmDate(osmBase);
  const out: LiveTileData = {
    v: 1,
    tile: tileKey,
    osmBase,
    candidates: [],
    rivers: [],
    stats: { elements: json.elements.length, matched: 0, notPublic: 0, invalid: 0 },
  };
  const file = `Overpass ${tileKey}`;
  let index = 0;
  for (const item of json.elements) {
    if (item === null || typeof item !== 'object') continue;
    const e = item as RawElement;
    if (typeof e.type !== 'string' || !TYPES.has(e.type) || !isNum(e.id)) continue;
    const tags = tagsOf(e.tags);
    if (Array.isArray(e.geometry)) {
      // `out geom` is only asked for the rivers.
      if (tags.waterway !== 'river') continue;
      const coords: [number, number][] = [];
      for (const p of e.geometry as { lat?: unknown; lon?: unknown }[])
        if (p && isNum(p.lon) && isNum(p.lat)) coords.push([p.lon, p.lat]);
      const names = ['name', 'name:zh', 'name:en', 'name:zh-Hans'].map((k) => tags[k] ?? '').join('|');
      if (coords.length >= 2) out.rivers.push({ id: e.id, names, coords });
      continue;
    }
    const m = classifyTags(tags);
    if (!m) continue;
    out.stats.matched++;
    if (!isPublic(tags)) {
      out.stats.notPublic++;
      continue;
    }
    const bounds = boundsOf(e);
    if (!bounds) {
      out.stats.invalid++;
      continue;
    }
    const { point, accuracyM } = centreOf(bounds);
    const district = districts.districtAt(point[0], point[1]) ?? '';
    const raw: MapFeature = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: point },
      properties: liveProps(e.type, e.id, tags, m, district, accuracyM, date),
    };
    index++;
    const v = validateFeature(
      raw,
      { key: 'err.feature_where', params: { file, index } },
      { file, districts, allowNoDistrict: true },
    );
    if (!v.feature) {
      out.stats.invalid++;
      continue;
    }
    out.candidates.push({ feature: v.feature, nearRiver: m.nearRiver, bridge: bridgeKey(m, tags), bounds });
  }
  return out;
}
