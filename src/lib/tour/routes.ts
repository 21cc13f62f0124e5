// Night-tour routes as data: the file format, its validation (located, translatable issues) and stop lookup.

import centroid from '@turf/centroid';
import type { FeatureProps, MapFeature, SourceRef, Status } from '../feature';
import type { MessageKey, Params } from '../i18n';
import { type Issue, isSafeUrl } from '../validate';
import type { LonLat } from './legs';

/**
 * Who proposes a route: `'this_map'` (the map's own suggestion — the default, shown as such) or an
 * official source (a published route of the city or district).
 */
export type SuggestedBy = 'this_map' | { source: SourceRef };

/** A stop: a shipped feature (normally a `checkin_spot`) and the suggested time spent there. */
export interface TourStopRef {
  feature_id: string;
  /** Suggested dwell time, minutes (0–720). */
  dwell_min: number;
}

/**
 * One route of `data/night_routes.json`. The file is `{ "routes": [TourRoute, …] }`; stops reference
 * feature ids, so a route can only list places that exist, with their own source and accuracy.
 */
export interface TourRoute {
  id: string;
  name_zh: string;
  name_en: string;
  description_zh?: string;
  description_en?: string;
  suggested_by: SuggestedBy;
  stops: TourStopRef[];
}

/** A stop resolved against the features: what the schedule, itinerary and exports need. */
export interface ResolvedStop {
  feature_id: string;
  name_zh: string;
  name_en: string;
  description_zh?: string;
  description_en?: string;
  opening_hours?: string;
  status: Status;
  /** Positional accuracy of the feature, metres. */
  accuracy_m: number;
  /** Where the stop is drawn and routed to: the point itself, or the centroid of a line/polygon. */
  coord: LonLat;
  dwell_min: number;
}

export interface RouteValidateOptions {
  /** Shown in messages, e.g. "data/night_routes.json". */
  file: string;
  /** The features stops may reference; when given, unknown ids are errors. */
  features?: ReadonlyMap<string, MapFeature>;
}

/** Longest dwell accepted, minutes (a stop longer than half a day is a typo). */
export const MAX_DWELL_MIN = 720;
const MAX_TEXT = 2_000;
/** Route ids: URL-safe, so they can go into share links unescaped. */
export const ROUTE_ID_RE = /^[A-Za-z0-9_.:-]{1,100}$/;
const KNOWN_FIELDS = new Set([
  'id',
  'name_zh',
  'name_en',
  'description_zh',
  'description_en',
  'suggested_by',
  'stops',
]);

type Where = NonNullable<Issue['where']>;

function issue(severity: Issue['severity'], key: MessageKey, params: Params, where?: Where): Issue {
  return where ? { severity, key, params, where } : { severity, key, params };
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const clip = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v))).slice(0, 40);

function checkSuggestedBy(v: unknown, where: Where, out: Issue[]): SuggestedBy | null {
  if (v === undefined || v === 'this_map') return 'this_map';
  if (!isObj(v) || !isObj(v.source)) {
    out.push(issue('error', 'tour.err.suggested_by', { value: clip(v) }, where));
    return null;
  }
  const s = v.source;
  if (typeof s.title !== 'string' || !s.title.trim()) {
    out.push(issue('error', 'err.field_missing', { field: 'suggested_by.source.title' }, where));
    return null;
  }
  const source: SourceRef = { title: s.title };
  if (s.url !== undefined) {
    if (typeof s.url !== 'string' || !isSafeUrl(s.url)) {
      out.push(issue('error', 'err.url', {}, where));
      return null;
    }
    source.url = s.url;
  }
  if (s.date !== undefined) {
    if (typeof s.date !== 'string' || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(s.date)) {
      out.push(
        issue('error', 'err.field_type', { field: 'suggested_by.source.date', value: clip(s.date) }, where),
      );
      return null;
    }
    source.date = s.date;
  }
  return { source };
}

function checkStop(
  raw: unknown,
  routeId: string,
  index: number,
  opts: RouteValidateOptions,
  out: Issue[],
): TourStopRef | null {
  const where: Where = { key: 'tour.where.stop', params: { file: opts.file, id: routeId, index: index + 1 } };
  if (!isObj(raw)) {
    out.push(issue('error', 'err.field_type', { field: 'stops', value: clip(raw) }, where));
    return null;
  }
  let ok = true;
  const fid = raw.feature_id;
  if (fid === undefined || fid === '') {
    out.push(issue('error', 'err.field_missing', { field: 'feature_id' }, where));
    ok = false;
  } else if (typeof fid !== 'string' || fid.length > 200) {
    out.push(issue('error', 'err.field_type', { field: 'feature_id', value: clip(fid) }, where));
    ok = false;
  } else if (opts.features) {
    const f = opts.features.get(fid);
    if (!f) {
      out.push(issue('error', 'tour.err.unknown_feature', { value: fid }, where));
      ok = false;
    } else if (f.properties.status !== 'existing') {
      // A planned place cannot be visited tonight; allowed (plans change) but flagged.
      out.push(issue('warning', 'tour.warn.not_existing', { value: fid }, where));
    }
  }
  const dwell = raw.dwell_min;
  if (dwell === undefined) {
    out.push(issue('error', 'err.field_missing', { field: 'dwell_min' }, where));
    ok = false;
  } else if (typeof dwell !== 'number' || !Number.isFinite(dwell) || dwell < 0 || dwell > MAX_DWELL_MIN) {
    out.push(issue('error', 'tour.err.dwell', { value: clip(dwell), max: MAX_DWELL_MIN }, where));
    ok = false;
  }
  return ok ? { feature_id: fid as string, dwell_min: dwell as number } : null;
}

function checkRoute(raw: unknown, index: number, opts: RouteValidateOptions, out: Issue[]): TourRoute | null {
  const id = isObj(raw) && typeof raw.id === 'string' ? raw.id.slice(0, 100) : '—';
  const where: Where = { key: 'tour.where.route', params: { file: opts.file, index: index + 1, id } };
  if (!isObj(raw)) {
    out.push(issue('error', 'tour.err.route_type', { value: clip(raw) }, where));
    return null;
  }
  const before = out.length;
  if (raw.id === undefined || raw.id === '')
    out.push(issue('error', 'err.field_missing', { field: 'id' }, where));
  else if (typeof raw.id !== 'string' || !ROUTE_ID_RE.test(raw.id))
    out.push(issue('error', 'err.field_type', { field: 'id', value: clip(raw.id) }, where));
  for (const k of ['name_zh', 'name_en'] as const) {
    const v = raw[k];
    if (v === undefined || v === '') out.push(issue('error', 'err.field_missing', { field: k }, where));
    else if (typeof v !== 'string' || !v.trim() || v.length > MAX_TEXT)
      out.push(issue('error', 'err.field_type', { field: k, value: clip(v) }, where));
  }
  for (const k of ['description_zh', 'description_en'] as const) {
    const v = raw[k];
    if (v !== undefined && (typeof v !== 'string' || v.length > MAX_TEXT))
      out.push(issue('error', 'err.field_type', { field: k, value: clip(v) }, where));
  }
  for (const k of Object.keys(raw)) {
    if (!KNOWN_FIELDS.has(k))
      out.push(issue('warning', 'tour.warn.unknown_field', { field: k.slice(0, 40) }, where));
  }
  const suggested = checkSuggestedBy(raw.suggested_by, where, out);
  const stops: TourStopRef[] = [];
  if (!Array.isArray(raw.stops)) {
    out.push(
      issue(
        'error',
        raw.stops === undefined ? 'err.field_missing' : 'err.field_type',
        { field: 'stops', value: clip(raw.stops) },
        where,
      ),
    );
  } else {
    if (raw.stops.length < 2)
      out.push(issue('error', 'tour.err.stops_short', { n: raw.stops.length }, where));
    raw.stops.forEach((s, i) => {
      const stop = checkStop(s, id, i, opts, out);
      if (!stop) return;
      const prev = stops[stops.length - 1];
      if (prev && prev.feature_id === stop.feature_id) {
        out.push(
          issue(
            'warning',
            'tour.warn.repeated_stop',
            { value: stop.feature_id },
            { key: 'tour.where.stop', params: { file: opts.file, id, index: i + 1 } },
          ),
        );
      }
      stops.push(stop);
    });
  }
  if (out.slice(before).some((i) => i.severity === 'error') || !suggested) return null;
  const route: TourRoute = {
    id: raw.id as string,
    name_zh: raw.name_zh as string,
    name_en: raw.name_en as string,
    suggested_by: suggested,
    stops,
  };
  if (typeof raw.description_zh === 'string') route.description_zh = raw.description_zh;
  if (typeof raw.description_en === 'string') route.description_en = raw.description_en;
  return route;
}

/**
 * Validates a parsed routes file (`{ "routes": [...] }`). Returns the routes without errors (unknown
 * fields dropped) and every issue, each located by file, route and stop.
 */
export function validateTourRoutes(
  value: unknown,
  opts: RouteValidateOptions,
): { routes: TourRoute[]; issues: Issue[] } {
  if (!isObj(value) || !Array.isArray(value.routes)) {
    const kind = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
    return { routes: [], issues: [issue('error', 'tour.err.top_level', { file: opts.file, value: kind })] };
  }
  const issues: Issue[] = [];
  const routes: TourRoute[] = [];
  const seen = new Map<string, number>();
  value.routes.forEach((raw, i) => {
    const route = checkRoute(raw, i, opts, issues);
    if (!route) return;
    const first = seen.get(route.id);
    if (first !== undefined) {
      issues.push(
        issue(
          'error',
          'err.duplicate_id',
          { value: route.id, other: String(first + 1) },
          { key: 'tour.where.route', params: { file: opts.file, index: i + 1, id: route.id } },
        ),
      );
      return;
    }
    seen.set(route.id, i);
    routes.push(route);
  });
  return { routes, issues };
}

/** Parses routes JSON text; syntax errors and empty files become issues, never exceptions. */
export function parseTourRoutesText(
  text: string,
  opts: RouteValidateOptions,
): { routes: TourRoute[]; issues: Issue[] } {
  const clean = text.replace(/^\uFEFF/, '');
  if (!clean.trim()) return { routes: [], issues: [issue('error', 'err.empty', { file: opts.file })] };
  let value: unknown;
  try {
    value = JSON.parse(clean);
  } catch (e) {
    return {
      routes: [],
      issues: [issue('error', 'err.json', { file: opts.file, detail: (e as Error).message.slice(0, 120) })],
    };
  }
  return validateTourRoutes(value, opts);
}

/** The point a stop is drawn and routed at: a Point itself, else the centroid of the geometry's vertices. */
export function stopCoord(feature: MapFeature): LonLat {
  const g = feature.geometry;
  if (g.type === 'Point') return [g.coordinates[0], g.coordinates[1]];
  const c = centroid(g).geometry.coordinates;
  return [c[0] as number, c[1] as number];
}

/**
 * Looks up a route's stops among the features, in order. Ids not found (e.g. a feature removed after the
 * route was written) are left out of `stops` and listed in `missing`; callers should not show a partial
 * route as if it were complete.
 */
export function resolveStops(
  route: TourRoute,
  features: ReadonlyMap<string, MapFeature>,
): { stops: ResolvedStop[]; missing: string[] } {
  const stops: ResolvedStop[] = [];
  const missing: string[] = [];
  for (const ref of route.stops) {
    const f = features.get(ref.feature_id);
    if (!f) {
      missing.push(ref.feature_id);
      continue;
    }
    const p: FeatureProps = f.properties;
    const stop: ResolvedStop = {
      feature_id: ref.feature_id,
      name_zh: p.name_zh,
      name_en: p.name_en,
      status: p.status,
      accuracy_m: p.accuracy_m,
      coord: stopCoord(f),
      dwell_min: ref.dwell_min,
    };
    if (p.description_zh) stop.description_zh = p.description_zh;
    if (p.description_en) stop.description_en = p.description_en;
    if (p.opening_hours) stop.opening_hours = p.opening_hours;
    stops.push(stop);
  }
  return { stops, missing };
}

/** Features by id, for stop lookup. */
export function featuresById(features: readonly MapFeature[]): Map<string, MapFeature> {
  return new Map(features.map((f) => [f.properties.id, f]));
}
