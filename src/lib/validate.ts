// Validation of untrusted features (shipped data and user imports) with translatable, located messages.

import kinks from '@turf/kinks';
import { LANZHOU_BBOX } from '../config';
import {
  CATEGORY_IDS,
  type CategoryId,
  type FeatureProps,
  type Geometry,
  LANZHOU_DISTRICTS,
  type MapFeature,
  type Position,
  STATUSES,
  type Status,
} from './feature';
import type { Lang, MessageKey, Params } from './i18n';
import { translate } from './i18n';

/** A located problem. `where` is itself a message (e.g. "places.csv row 12"). */
export interface Issue {
  severity: 'error' | 'warning';
  key: MessageKey;
  params: Params;
  where?: { key: MessageKey; params: Params };
}

/** Looks up the district of a point; provided by src/lib/districts.ts from the shipped boundaries. */
export interface DistrictLookup {
  districtAt(lon: number, lat: number): string | null;
  distanceToDistrictM(lon: number, lat: number, adcode: string): number;
}

export interface ValidateOptions {
  /** Shown in messages, e.g. "data/places.csv". */
  file: string;
  districts?: DistrictLookup;
  /** Returns false for an opening_hours value that does not parse (injected: the parser is 160 KiB gzip). */
  checkOpeningHours?: (value: string) => boolean;
  /** Ids seen so far across files, mapped to where they were first seen. */
  seenIds?: Map<string, string>;
  /** Points farther than this from their claimed district fail (metres), on top of the point's accuracy. */
  districtToleranceM?: number;
  bbox?: readonly [number, number, number, number];
  /** Warn (`import.winding_fixed`) when a polygon ring is rewound to RFC 7946 order; silent when false. */
  reportWinding?: boolean;
  /**
   * User imports: a missing (undefined, null or NaN) `accuracy_m` is accepted and stored as NaN
   * ("unknown"), and the district check then allows no extra tolerance for it. Shipped data must state it.
   */
  allowUnknownAccuracy?: boolean;
  /**
   * OpenStreetMap facilities: an empty `district` ("in no district polygon", e.g. another city's import or a
   * point just outside the generalised boundaries) is accepted and the district check skipped for it.
   */
  allowNoDistrict?: boolean;
}

/** Boundary polygons are quantised to 1/1024° (~100 m) and generalised; points this close are accepted. */
export const DEFAULT_DISTRICT_TOLERANCE_M = 300;
const MAX_DEPTH = 8;
/** Longest accepted text property (characters). User imports cut longer strings to this, with a warning. */
export const MAX_STRING_LENGTH = 10_000;

/** Render an issue in `lang`, including where it happened. */
export function formatIssue(issue: Issue, lang: Lang): string {
  const where = issue.where ? translate(lang, issue.where.key, issue.where.params) : '';
  return translate(lang, issue.key, { ...issue.params, where });
}

/**
 * String(value) that cannot throw: JSON can build objects whose `toString` is not a function
 * (`{"toString": 1}`), on which String() throws a TypeError.
 */
export function displayValue(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** A short JSON preview of an untrusted value for a message: never throws, at most 80 characters. */
function brief(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? 'undefined';
  } catch {
    // Too deep for the stack, or otherwise unserialisable.
    text = displayValue(value);
  }
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const fmt = (p: readonly unknown[]) =>
  `[${p.map((v) => (isNum(v) ? +v.toFixed(6) : displayValue(v).slice(0, 40))).join(', ')}]`;

/** True for an http(s) URL; everything else (javascript:, data:, relative) is refused. */
export function isSafeUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function depth(value: unknown, level = 0): number {
  if (level > MAX_DEPTH || value === null || typeof value !== 'object') return level;
  let max = level;
  for (const child of Object.values(value)) max = Math.max(max, depth(child, level + 1));
  return max;
}

/** True when a properties object nests objects/arrays deeper than the validator accepts (8 levels). */
export function isNestedTooDeeply(value: unknown): boolean {
  return depth(value) > MAX_DEPTH;
}

class Collector {
  readonly issues: Issue[] = [];
  constructor(readonly where: Issue['where']) {}
  /** Records an error; returns null so that a check can `return c.error(...)`. */
  error(key: MessageKey, params: Params = {}): null {
    this.issues.push({ severity: 'error', key, params, where: this.where });
    return null;
  }
  warn(key: MessageKey, params: Params = {}) {
    this.issues.push({ severity: 'warning', key, params, where: this.where });
  }
  get failed() {
    return this.issues.some((i) => i.severity === 'error');
  }
}

function inBox(lon: number, lat: number, box: readonly [number, number, number, number]) {
  return lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3];
}

function checkPosition(
  p: unknown,
  c: Collector,
  box: readonly [number, number, number, number],
): p is Position {
  if (!Array.isArray(p) || p.length < 2 || p.length > 3 || !p.every(isNum)) {
    c.error('err.coord_invalid', { value: Array.isArray(p) ? fmt(p.slice(0, 4)) : brief(p) });
    return false;
  }
  const [lon, lat] = p as number[] as [number, number];
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
    if (Math.abs(lon) <= 90 && Math.abs(lat) <= 180 && inBox(lat, lon, box)) {
      c.error('err.coord_swapped', { value: fmt(p) });
    } else {
      c.error('err.coord_range', { value: fmt(p) });
    }
    return false;
  }
  if (!inBox(lon, lat, box)) {
    c.error(inBox(lat, lon, box) ? 'err.coord_swapped' : 'err.outside_lanzhou', { value: fmt(p) });
    return false;
  }
  return true;
}

function checkRing(ring: unknown, c: Collector, box: readonly [number, number, number, number]): boolean {
  if (!Array.isArray(ring)) {
    c.error('err.coord_invalid', { value: brief(ring) });
    return false;
  }
  if (!ring.every((p) => checkPosition(p, c, box))) return false;
  if (ring.length < 4) {
    c.error('err.ring_short');
    return false;
  }
  const first = ring[0] as Position;
  const last = ring[ring.length - 1] as Position;
  if (first[0] !== last[0] || first[1] !== last[1]) {
    c.error('err.ring_unclosed');
    return false;
  }
  return true;
}

/** Signed area (shoelace, in degrees²): positive for counter-clockwise rings. */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j] as Position;
    const b = ring[i] as Position;
    sum += (a[0] - b[0]) * (a[1] + b[1]);
  }
  return sum / 2;
}

/** RFC 7946 winding: outer rings counter-clockwise, holes clockwise. Returns a rewound copy. */
function rewindPolygon(rings: Position[][]): { rings: Position[][]; rewound: boolean } {
  let rewound = false;
  const out = rings.map((ring, i) => {
    const ccw = signedArea(ring) > 0;
    if ((i === 0) === ccw) return ring;
    rewound = true;
    return [...ring].reverse();
  });
  return { rings: out, rewound };
}

function checkGeometry(
  g: unknown,
  c: Collector,
  box: readonly [number, number, number, number],
  reportWinding = false,
): Geometry | null {
  if (g === null || g === undefined) {
    c.error('err.geometry_missing');
    return null;
  }
  if (typeof g !== 'object' || !('type' in g) || !('coordinates' in g)) {
    c.error('err.geometry_type', {
      value: typeof g === 'object' ? displayValue((g as { type?: unknown }).type) : typeof g,
    });
    return null;
  }
  const { type, coordinates } = g as { type: unknown; coordinates: unknown };
  const arr = (v: unknown): v is unknown[] => Array.isArray(v);
  switch (type) {
    case 'Point':
      return checkPosition(coordinates, c, box) ? { type, coordinates } : null;
    case 'LineString': {
      if (!arr(coordinates) || !coordinates.every((p) => checkPosition(p, c, box))) return null;
      if (coordinates.length < 2) return c.error('err.line_short');
      return { type, coordinates: coordinates as Position[] };
    }
    case 'MultiLineString': {
      if (!arr(coordinates))
        return c.error('err.coord_invalid', { value: displayValue(coordinates).slice(0, 80) });
      for (const line of coordinates) {
        if (!arr(line) || !line.every((p) => checkPosition(p, c, box))) return null;
        if (line.length < 2) return c.error('err.line_short');
      }
      return { type, coordinates: coordinates as Position[][] };
    }
    case 'Polygon':
    case 'MultiPolygon': {
      const polys = type === 'Polygon' ? [coordinates] : coordinates;
      if (!arr(polys)) return c.error('err.coord_invalid', { value: displayValue(coordinates).slice(0, 80) });
      const out: Position[][][] = [];
      for (const rings of polys) {
        if (!arr(rings) || rings.length === 0) return c.error('err.ring_short');
        if (!rings.every((r) => checkRing(r, c, box))) return null;
        const { rings: polygon, rewound } = rewindPolygon(rings as Position[][]);
        const crossing = kinks({ type: 'Polygon', coordinates: polygon }).features[0];
        if (crossing) {
          c.error('err.ring_self_intersection', { value: fmt(crossing.geometry.coordinates) });
          return null;
        }
        // Only a simple ring has a meaningful orientation.
        if (rewound && reportWinding) c.warn('import.winding_fixed');
        out.push(polygon);
      }
      return type === 'Polygon' ? { type, coordinates: out[0] as Position[][] } : { type, coordinates: out };
    }
    default:
      c.error('err.geometry_type', { value: displayValue(type) });
      return null;
  }
}

/** A point of the geometry used for the district check: the point itself, or the first vertex. */
function anchor(g: Geometry): Position {
  switch (g.type) {
    case 'Point':
      return g.coordinates;
    case 'LineString':
      return g.coordinates[0] as Position;
    case 'MultiLineString':
    case 'Polygon':
      return (g.coordinates[0] as Position[])[0] as Position;
    case 'MultiPolygon':
      return ((g.coordinates[0] as Position[][])[0] as Position[])[0] as Position;
  }
}

const REQUIRED_STRINGS = ['id', 'name_zh', 'name_en'] as const;
const OPTIONAL_STRINGS = [
  'address_zh',
  'description_zh',
  'description_en',
  'plan_target',
  'facility_type',
] as const;

function checkProps(p: unknown, c: Collector, opts: ValidateOptions): FeatureProps | null {
  if (p === null || typeof p !== 'object' || Array.isArray(p)) {
    c.error('err.field_missing', { field: 'properties' });
    return null;
  }
  if (depth(p) > MAX_DEPTH) {
    c.error('err.nesting');
    return null;
  }
  const r = p as Record<string, unknown>;
  const str = (k: string) =>
    typeof r[k] === 'string' &&
    (r[k] as string).trim() !== '' &&
    (r[k] as string).length <= MAX_STRING_LENGTH;
  for (const k of REQUIRED_STRINGS) {
    if (r[k] === undefined || r[k] === '') c.error('err.field_missing', { field: k });
    else if (!str(k)) c.error('err.field_type', { field: k, value: displayValue(r[k]).slice(0, 40) });
  }
  for (const k of OPTIONAL_STRINGS) {
    if (r[k] !== undefined && !str(k))
      c.error('err.field_type', { field: k, value: displayValue(r[k]).slice(0, 40) });
  }
  const category = r.category;
  if (!CATEGORY_IDS.includes(category as CategoryId) || category === 'fitness_circle') {
    c.error('err.category', { value: displayValue(category) });
  }
  if (!STATUSES.includes(r.status as Status)) c.error('err.status', { value: displayValue(r.status) });
  const noDistrict = opts.allowNoDistrict === true && r.district === '';
  if (!noDistrict && !(typeof r.district === 'string' && r.district in LANZHOU_DISTRICTS)) {
    c.error('err.district', { value: displayValue(r.district) });
  }
  const unknownAccuracy =
    opts.allowUnknownAccuracy === true &&
    (r.accuracy_m === undefined || r.accuracy_m === null || Number.isNaN(r.accuracy_m));
  if (!unknownAccuracy && (!isNum(r.accuracy_m) || r.accuracy_m <= 0)) {
    c.error(r.accuracy_m === undefined ? 'err.field_missing' : 'err.field_type', {
      field: 'accuracy_m',
      value: displayValue(r.accuracy_m),
    });
  }
  for (const k of ['units', 'length_m'] as const) {
    if (r[k] !== undefined && !(isNum(r[k]) && r[k] >= 0))
      c.error('err.field_type', { field: k, value: displayValue(r[k]) });
  }
  const source = r.source as Record<string, unknown> | undefined;
  if (!source || typeof source !== 'object' || typeof source.title !== 'string' || !source.title.trim()) {
    c.error('err.field_missing', { field: 'source.title' });
  } else {
    if (source.url !== undefined && !(typeof source.url === 'string' && isSafeUrl(source.url)))
      c.error('err.url');
    if (
      source.date !== undefined &&
      !(typeof source.date === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(source.date))
    ) {
      c.error('err.field_type', { field: 'source.date', value: displayValue(source.date) });
    }
  }
  if (r.opening_hours !== undefined) {
    const oh = r.opening_hours;
    if (typeof oh !== 'string' || (opts.checkOpeningHours && !opts.checkOpeningHours(oh))) {
      c.error('err.opening_hours', { value: displayValue(oh).slice(0, 60) });
    }
  }
  if (c.failed) return null;
  const out: FeatureProps = {
    id: r.id as string,
    category: category as CategoryId,
    name_zh: r.name_zh as string,
    name_en: r.name_en as string,
    district: r.district as string,
    status: r.status as Status,
    source: {
      title: (source as { title: string }).title,
      ...(typeof source?.date === 'string' ? { date: source.date } : {}),
      ...(typeof source?.url === 'string' ? { url: source.url } : {}),
    },
    accuracy_m: unknownAccuracy ? Number.NaN : (r.accuracy_m as number),
  };
  for (const k of [...OPTIONAL_STRINGS, 'opening_hours'] as const)
    if (typeof r[k] === 'string') out[k] = r[k] as string;
  for (const k of ['units', 'length_m'] as const) if (isNum(r[k])) out[k] = r[k] as number;
  return out;
}

/**
 * Validate one untrusted feature. Returns the clean feature (only known properties kept, polygons rewound
 * to RFC 7946 winding) when there is no error, and every issue found.
 */
export function validateFeature(
  raw: unknown,
  where: NonNullable<Issue['where']>,
  opts: ValidateOptions,
): { feature: MapFeature | null; issues: Issue[] } {
  const c = new Collector(where);
  if (raw === null || typeof raw !== 'object' || (raw as { type?: unknown }).type !== 'Feature') {
    c.error('err.feature_type');
    return { feature: null, issues: c.issues };
  }
  const f = raw as { geometry?: unknown; properties?: unknown };
  const geometry = checkGeometry(f.geometry, c, opts.bbox ?? LANZHOU_BBOX, opts.reportWinding);
  const props = checkProps(f.properties, c, opts);
  if (!geometry || !props) return { feature: null, issues: c.issues };

  if (opts.seenIds) {
    const whereText = translate('en', where.key, where.params);
    const first = opts.seenIds.get(props.id);
    if (first !== undefined) {
      c.error('err.duplicate_id', { value: props.id, other: first });
      return { feature: null, issues: c.issues };
    }
    opts.seenIds.set(props.id, whereText);
  }
  if (opts.districts && props.district !== '') {
    const [lon, lat] = anchor(geometry);
    const actual = opts.districts.districtAt(lon, lat);
    if (actual !== props.district) {
      const away = opts.districts.distanceToDistrictM(lon, lat, props.district);
      const accuracy = Number.isFinite(props.accuracy_m) ? props.accuracy_m : 0;
      const tolerance = (opts.districtToleranceM ?? DEFAULT_DISTRICT_TOLERANCE_M) + accuracy;
      if (away > tolerance) {
        const name = (code: string | null) =>
          code && code in LANZHOU_DISTRICTS
            ? `${LANZHOU_DISTRICTS[code as keyof typeof LANZHOU_DISTRICTS].zh} ${code}`
            : '—';
        c.error('err.outside_district', {
          actual: name(actual),
          value: name(props.district),
          m: Math.round(away),
        });
        return { feature: null, issues: c.issues };
      }
    }
  }
  return { feature: { type: 'Feature', id: props.id, geometry, properties: props }, issues: c.issues };
}

/**
 * The features of a parsed GeoJSON value (a FeatureCollection, or one Feature), or what it is instead
 * ("array", "null", a geometry type …) for the wrong-top-level message.
 */
export function geoJsonFeatureList(value: unknown): { list: unknown[] } | { kind: string } {
  const top = value as { type?: unknown; features?: unknown } | null;
  if (top && typeof top === 'object' && top.type === 'FeatureCollection' && Array.isArray(top.features)) {
    return { list: top.features };
  }
  if (top && typeof top === 'object' && top.type === 'Feature') return { list: [top] };
  const kind = Array.isArray(value)
    ? 'array'
    : value === null
      ? 'null'
      : typeof value === 'object'
        ? displayValue(top?.type ?? 'object').slice(0, 40)
        : typeof value;
  return { kind };
}

/** Validate a parsed GeoJSON value (FeatureCollection or single Feature). */
export function validateGeoJson(
  value: unknown,
  opts: ValidateOptions,
): { features: MapFeature[]; issues: Issue[] } {
  const top = geoJsonFeatureList(value);
  if ('kind' in top) {
    return {
      features: [],
      issues: [{ severity: 'error', key: 'err.top_level', params: { file: opts.file, value: top.kind } }],
    };
  }
  const list = top.list;
  const features: MapFeature[] = [];
  const issues: Issue[] = [];
  list.forEach((raw, index) => {
    const r = validateFeature(
      raw,
      { key: 'err.feature_where', params: { file: opts.file, index: index + 1 } },
      opts,
    );
    if (r.feature) features.push(r.feature);
    issues.push(...r.issues);
  });
  return { features, issues };
}

/** Parse GeoJSON text, turning JSON syntax errors and empty input into issues instead of exceptions. */
export function parseGeoJsonText(
  text: string,
  opts: ValidateOptions,
): { features: MapFeature[]; issues: Issue[] } {
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.trim() === '')
    return { features: [], issues: [{ severity: 'error', key: 'err.empty', params: { file: opts.file } }] };
  let value: unknown;
  try {
    value = JSON.parse(clean);
  } catch (e) {
    return {
      features: [],
      issues: [
        {
          severity: 'error',
          key: 'err.json',
          params: { file: opts.file, detail: (e as Error).message.slice(0, 120) },
        },
      ],
    };
  }
  return validateGeoJson(value, opts);
}
