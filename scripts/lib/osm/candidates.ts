// OSM elements → candidate facility features (rules table), validated like shipped data, OSM as the source.

import type { LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { DistrictLookup } from '../../../src/lib/districts.ts';
import type { CategoryId, FeatureProps, MapFeature } from '../../../src/lib/feature.ts';
import { isValidOpeningHours } from '../../../src/lib/tour/opening.ts';
import { formatIssue, validateFeature } from '../../../src/lib/validate.ts';
import { haversineM } from '../../../src/lib/walk/geo.ts';
import type { Bbox } from '../../../src/lib/walk/osm_extract.ts';
import { labelPoint } from '../label_point.ts';
import type { OsmElement } from './osm_elements.ts';
import type { OsmTagMap } from './osm_stream.ts';
import { distanceToRiverM, type RiverSet } from './river.ts';

/** Source title of everything the import derives from OSM (ODbL attribution). */
export const OSM_SOURCE_TITLE = 'OpenStreetMap contributors';
/** Positional accuracy given to OSM nodes, metres (the map's own precision, not a survey claim). */
export const OSM_NODE_ACCURACY_M = 10;
/** Default reach of "near the river" for check-in candidates, metres from the water's edge or centre line. */
export const DEFAULT_RIVER_DISTANCE_M = 300;

/** One mapping rule: an OSM tag → a layer category, optionally only near the river. */
export interface CandidateRule {
  key: string;
  value: string;
  category: CategoryId;
  /** Only within `riverDistanceM` of the river (the Yellow River check-in spots). */
  nearRiver?: boolean;
}

/**
 * The rules, first match wins. Objects with `access=private|no` are not candidates (not open to the public).
 * | OSM tag                  | category      | condition     |
 * |--------------------------|---------------|---------------|
 * | leisure=park             | youth_park    |               |
 * | leisure=fitness_station  | fitness_site  |               |
 * | leisure=sports_centre    | fitness_site  |               |
 * | leisure=pitch            | fitness_site  |               |
 * | leisure=track            | fitness_site  |               |
 * | tourism=viewpoint        | checkin_spot  | near the river |
 * | tourism=attraction       | checkin_spot  | near the river |
 */
export const CANDIDATE_RULES: readonly CandidateRule[] = [
  { key: 'leisure', value: 'park', category: 'youth_park' },
  { key: 'leisure', value: 'fitness_station', category: 'fitness_site' },
  { key: 'leisure', value: 'sports_centre', category: 'fitness_site' },
  { key: 'leisure', value: 'pitch', category: 'fitness_site' },
  { key: 'leisure', value: 'track', category: 'fitness_site' },
  { key: 'tourism', value: 'viewpoint', category: 'checkin_spot', nearRiver: true },
  { key: 'tourism', value: 'attraction', category: 'checkin_spot', nearRiver: true },
];

const NOT_PUBLIC = new Set(['private', 'no']);

/** The first rule an element's tags match, or undefined. */
export function candidateRuleOf(tags: OsmTagMap): CandidateRule | undefined {
  return CANDIDATE_RULES.find((r) => tags[r.key] === r.value);
}

/** Whether the collection should keep an element for the candidate rules. */
export function isCandidateTags(tags: OsmTagMap): boolean {
  return candidateRuleOf(tags) !== undefined;
}

/**
 * Names from OSM: Chinese from `name:zh` (or `name:zh-Hans`), else `name` (Chinese in Lanzhou), else
 * `name:en`; English from `name:en`, else `name`, else the Chinese name. Null when OSM has no name at all:
 * a candidate is never given an invented one.
 */
export function candidateNames(tags: OsmTagMap): { name_zh: string; name_en: string } | null {
  const clean = (v: string | undefined) => (v && v.trim() !== '' ? v.trim() : undefined);
  const zh = clean(tags['name:zh']) ?? clean(tags['name:zh-Hans']);
  const plain = clean(tags.name);
  const en = clean(tags['name:en']);
  const name_zh = zh ?? plain ?? en;
  const name_en = en ?? plain ?? zh;
  return name_zh && name_en ? { name_zh, name_en } : null;
}

/** The object's page on openstreetmap.org. */
export function osmUrl(type: OsmElement['type'], id: number): string {
  return `https://www.openstreetmap.org/${type}/${id}`;
}

/** Half the diagonal of a coordinate list's bounding box, metres. */
function halfDiagonalM(coords: readonly Position[]): number {
  let w = Number.POSITIVE_INFINITY;
  let s = Number.POSITIVE_INFINITY;
  let e = Number.NEGATIVE_INFINITY;
  let n = Number.NEGATIVE_INFINITY;
  for (const [x, y] of coords as [number, number][]) {
    w = Math.min(w, x);
    e = Math.max(e, x);
    s = Math.min(s, y);
    n = Math.max(n, y);
  }
  return haversineM(w, s, e, n) / 2;
}

function midpointAlong(line: readonly Position[]): Position {
  const seg: number[] = [];
  let total = 0;
  for (let i = 1; i < line.length; i++) {
    const d = haversineM(line[i - 1]![0]!, line[i - 1]![1]!, line[i]![0]!, line[i]![1]!);
    seg.push(d);
    total += d;
  }
  let left = total / 2;
  for (let i = 0; i < seg.length; i++) {
    if (left <= seg[i]! && seg[i]! > 0) {
      const t = left / seg[i]!;
      const a = line[i]!;
      const b = line[i + 1]!;
      return [a[0]! + (b[0]! - a[0]!) * t, a[1]! + (b[1]! - a[1]!) * t];
    }
    left -= seg[i]!;
  }
  return line[0]!;
}

/**
 * One point for an element and its honest accuracy: a node is itself (10 m); an area is its pole of
 * inaccessibility and a line its half-length point, each accurate to half its bounding-box diagonal
 * (the facility is somewhere in that extent), never less than 10 m.
 */
export function representativePoint(geometry: OsmElement['geometry']): {
  point: Position;
  accuracyM: number;
} {
  switch (geometry.type) {
    case 'Point':
      return { point: geometry.coordinates, accuracyM: OSM_NODE_ACCURACY_M };
    case 'Polygon':
    case 'MultiPolygon': {
      const all = (geometry as Polygon | MultiPolygon).coordinates.flat(2) as Position[];
      const outers =
        geometry.type === 'Polygon' ? geometry.coordinates[0]! : geometry.coordinates.flatMap((p) => p[0]!);
      return {
        point: labelPoint(geometry),
        accuracyM: Math.max(OSM_NODE_ACCURACY_M, Math.round(halfDiagonalM(outers.length ? outers : all))),
      };
    }
    default: {
      const lines =
        geometry.type === 'LineString'
          ? [geometry.coordinates]
          : ((geometry as MultiLineString | LineString).coordinates as Position[][]);
      const longest = lines.reduce((a, b) => (b.length > a.length ? b : a), lines[0] ?? []);
      return {
        point: midpointAlong(longest),
        accuracyM: Math.max(OSM_NODE_ACCURACY_M, Math.round(halfDiagonalM(lines.flat()))),
      };
    }
  }
}

/** Address from `addr:full`, else street + house number (Chinese order, no space). */
function addressOf(tags: OsmTagMap): string | undefined {
  if (tags['addr:full']?.trim()) return tags['addr:full'].trim();
  const street = tags['addr:street']?.trim();
  if (!street) return undefined;
  return `${street}${tags['addr:housenumber']?.trim() ?? ''}`;
}

export type CandidateSkip = 'no_name' | 'not_public' | 'far_from_river' | 'outside_districts' | 'invalid';

export interface CandidateContext {
  districts: DistrictLookup;
  river: RiverSet;
  /** Extract date, YYYY-MM-DD, when known. */
  date?: string;
  riverDistanceM?: number;
}

/**
 * Turns one element into a candidate feature (Point), or says why not.
 * @returns `{feature}` (not yet validated) or `{skip}`; elements no rule matches return `{skip: undefined}`
 */
export function elementCandidate(
  e: OsmElement,
  ctx: CandidateContext,
): { feature?: MapFeature; skip?: CandidateSkip } {
  const rule = candidateRuleOf(e.tags);
  if (!rule) return {};
  if (NOT_PUBLIC.has(e.tags.access ?? '')) return { skip: 'not_public' };
  const names = candidateNames(e.tags);
  if (!names) return { skip: 'no_name' };
  const { point, accuracyM } = representativePoint(e.geometry);
  const [lon, lat] = point as [number, number];
  let riverNote: { zh: string; en: string } | null = null;
  if (rule.nearRiver) {
    const d = distanceToRiverM(ctx.river, lon, lat);
    if (!(d <= (ctx.riverDistanceM ?? DEFAULT_RIVER_DISTANCE_M))) return { skip: 'far_from_river' };
    const m = Math.round(d / 10) * 10;
    riverNote = { zh: `，距河约 ${m} 米`, en: `, about ${m} m from the river` };
  }
  const district = ctx.districts.districtAt(lon, lat);
  if (!district) return { skip: 'outside_districts' };
  const tag = `${rule.key}=${rule.value}`;
  const props: FeatureProps = {
    id: `osm-${e.type}-${e.id}`,
    category: rule.category,
    ...names,
    district,
    status: 'existing',
    source: { title: OSM_SOURCE_TITLE, ...(ctx.date ? { date: ctx.date } : {}), url: osmUrl(e.type, e.id) },
    accuracy_m: accuracyM,
    description_zh: `OpenStreetMap 候选（${tag}${riverNote?.zh ?? ''}），未经实地核实。`,
    description_en: `Candidate from OpenStreetMap (${tag}${riverNote?.en ?? ''}); not checked on the ground.`,
  };
  const address = addressOf(e.tags);
  if (address) props.address_zh = address;
  const oh = e.tags.opening_hours?.trim();
  if (oh && isValidOpeningHours(oh)) props.opening_hours = oh;
  return {
    feature: {
      type: 'Feature',
      id: props.id,
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties: props,
    },
  };
}

/**
 * Runs features through the shared validator (src/lib/validate.ts) with the district lookup and the
 * opening-hours parser; only clean features come back, the rest are reported in English.
 */
export function validateCandidates(
  features: readonly MapFeature[],
  o: { districts: DistrictLookup; bbox: Bbox; file: string; seenIds?: Map<string, string> },
): { features: MapFeature[]; problems: string[] } {
  const out: MapFeature[] = [];
  const problems: string[] = [];
  const seenIds = o.seenIds ?? new Map<string, string>();
  features.forEach((f, i) => {
    const r = validateFeature(
      f,
      { key: 'err.feature_where', params: { file: o.file, index: i + 1 } },
      { file: o.file, districts: o.districts, checkOpeningHours: isValidOpeningHours, seenIds, bbox: o.bbox },
    );
    if (r.feature) out.push(r.feature);
    for (const issue of r.issues) if (issue.severity === 'error') problems.push(formatIssue(issue, 'en'));
  });
  return { features: out, problems };
}

/** Candidate features of all elements (validated) and counts of what was skipped and why. */
export function osmCandidates(
  elements: readonly OsmElement[],
  ctx: CandidateContext & { bbox: Bbox; seenIds?: Map<string, string> },
): { features: MapFeature[]; skipped: Record<CandidateSkip, number>; problems: string[] } {
  const skipped: Record<CandidateSkip, number> = {
    no_name: 0,
    not_public: 0,
    far_from_river: 0,
    outside_districts: 0,
    invalid: 0,
  };
  const raw: MapFeature[] = [];
  for (const e of elements) {
    const r = elementCandidate(e, ctx);
    if (r.feature) raw.push(r.feature);
    else if (r.skip) skipped[r.skip]++;
  }
  const v = validateCandidates(raw, {
    districts: ctx.districts,
    bbox: ctx.bbox,
    file: 'osm/candidates.geojson',
    ...(ctx.seenIds ? { seenIds: ctx.seenIds } : {}),
  });
  skipped.invalid = raw.length - v.features.length;
  return { features: v.features, skipped, problems: v.problems };
}
