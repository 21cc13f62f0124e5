// Validation of untrusted features (shipped data and user imports) with translatable, located messages.

import { LANZHOU_BBOX } from '../config';
import {
  CATEGORY_IDS,
  type CategoryId,
  type FeatureProps,
  LANZHOU_DISTRICTS,
  type MapFeature,
  STATUSES,
  type Status,
} from './feature';
import type { Lang, MessageKey, Params } from './i18n';
import { translate } from './i18n';
import {
  anchor,
  brief,
  Collector,
  checkGeometry,
  displayValue,
  GEOMETRY_TYPES,
  isNum,
  OTHER_GEOMETRY_TYPES,
} from './validate_geometry';

export { displayValue };

/** A located problem. `where` is itself a message (e.g. "places.csv row 12"). */
export interface Issue {
  severity: 'error' | 'warning';
  key: MessageKey;
  params: Params;
  where?: { key: MessageKey; params: Params };
  /**
   * Params that are themselves messages (e.g. where a duplicate id was first seen), rendered with the
   * issue so that the whole text follows a language switch.
   */
  refs?: Record<string, { key: MessageKey; params: Params }>;
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
  /**
   * Called with units of work done (one per position or ring segment, in steps of TICK_UNITS), so that a
   * caller can show progress inside a large feature and stop at a time budget by throwing.
   */
  tick?: (units: number) => void;
}

/** Boundary polygons are quantised to 1/1024° (~100 m) and generalised; points this close are accepted. */
export const DEFAULT_DISTRICT_TOLERANCE_M = 300;
const MAX_DEPTH = 8;
/** Longest accepted text property (characters). User imports cut longer strings to this, with a warning. */
export const MAX_STRING_LENGTH = 10_000;

/** Render an issue in `lang`, including where it happened. */
export function formatIssue(issue: Issue, lang: Lang): string {
  const where = issue.where ? translate(lang, issue.where.key, issue.where.params) : '';
  const refs: Params = {};
  for (const [name, ref] of Object.entries(issue.refs ?? {}))
    refs[name] = translate(lang, ref.key, ref.params);
  return translate(lang, issue.key, { ...issue.params, ...refs, where });
}

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

const REQUIRED_STRINGS = ['id', 'name_zh', 'name_en'] as const;
const OPTIONAL_STRINGS = [
  'address_zh',
  'description_zh',
  'description_en',
  'plan_target',
  'facility_type',
] as const;

function checkProps(p: unknown, c: Collector, opts: ValidateOptions): FeatureProps | null {
  if (p === null || p === undefined) {
    c.error('err.field_missing', { field: 'properties' });
    return null;
  }
  if (typeof p !== 'object' || Array.isArray(p)) {
    c.error('err.properties_type', { value: brief(p) });
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
 * Why a value is not a GeoJSON Feature, or null when it is one: not an object, a bare geometry, or a
 * `type` that is missing or misspelt ("Featre"), each with its own message.
 */
export function featureTypeIssue(raw: unknown): { key: MessageKey; params: Params } | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { key: 'err.feature_not_object', params: { value: brief(raw) } };
  }
  const type = (raw as { type?: unknown }).type;
  if (type === 'Feature') return null;
  if (type === undefined) return { key: 'err.feature_no_type', params: {} };
  if (typeof type === 'string' && (GEOMETRY_TYPES.has(type) || OTHER_GEOMETRY_TYPES.has(type))) {
    return { key: 'err.feature_type', params: { value: type } };
  }
  return { key: 'err.feature_type_unknown', params: { value: brief(type) } };
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
  const notFeature = featureTypeIssue(raw);
  if (notFeature) {
    c.error(notFeature.key, notFeature.params);
    return { feature: null, issues: c.issues };
  }
  const f = raw as { geometry?: unknown; properties?: unknown };
  const geometry = checkGeometry(f.geometry, c, opts.bbox ?? LANZHOU_BBOX, opts.reportWinding, opts.tick);
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
 * The features of a parsed GeoJSON value (a FeatureCollection, or one Feature), or the file-level issue
 * saying what it is instead: the wrong top level ("array", "null", a geometry type …), or a
 * FeatureCollection whose `features` is missing or not an array.
 */
export function geoJsonFeatureList(value: unknown, file: string): { list: unknown[] } | { issue: Issue } {
  const top = value as { type?: unknown; features?: unknown } | null;
  const fail = (key: MessageKey, params: Params): { issue: Issue } => ({
    issue: { severity: 'error', key, params: { file, ...params } },
  });
  if (top && typeof top === 'object' && top.type === 'FeatureCollection') {
    if (Array.isArray(top.features)) return { list: top.features };
    if (top.features === undefined) return fail('err.features_missing', {});
    return fail('err.features_not_array', { value: brief(top.features) });
  }
  if (top && typeof top === 'object' && top.type === 'Feature') return { list: [top] };
  const kind = Array.isArray(value)
    ? 'array'
    : value === null
      ? 'null'
      : typeof value === 'object'
        ? displayValue(top?.type ?? 'object').slice(0, 40)
        : typeof value;
  return fail('err.top_level', { value: kind });
}

/** Validate a parsed GeoJSON value (FeatureCollection or single Feature). */
export function validateGeoJson(
  value: unknown,
  opts: ValidateOptions,
): { features: MapFeature[]; issues: Issue[] } {
  const top = geoJsonFeatureList(value, opts.file);
  if ('issue' in top) return { features: [], issues: [top.issue] };
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
