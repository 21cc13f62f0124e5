// OSM elements → everyday facility features (by src/lib/osm_rules.ts), validated like shipped data, OSM as the source.

import type { LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { DistrictLookup } from '../../../src/lib/districts.ts';
import type { FeatureProps, MapFeature } from '../../../src/lib/feature.ts';
import {
  bridgeKey,
  classifyTags,
  type EverydayMatch,
  type FacilityType,
  facilityNames,
  isPublic,
} from '../../../src/lib/osm_rules.ts';
import { isValidOpeningHours } from '../../../src/lib/tour/opening.ts';
import { formatIssue, validateFeature } from '../../../src/lib/validate.ts';
import { haversineM } from '../../../src/lib/walk/geo.ts';
import type { Bbox } from '../../../src/lib/walk/osm_extract.ts';
import { labelPoint } from '../label_point.ts';
import { joinedGeometry, splitBridgeParts } from './bridge_parts.ts';
import type { OsmElement } from './osm_elements.ts';
import type { OsmTagMap } from './osm_stream.ts';
import { distanceToRiverM, type RiverSet } from './river.ts';

/** Source title of everything the import derives from OSM (ODbL attribution). */
export const OSM_SOURCE_TITLE = 'OpenStreetMap contributors';
/** Positional accuracy given to OSM nodes, metres (the map's own precision, not a survey claim). */
export const OSM_NODE_ACCURACY_M = 10;
/** Default reach of "near the river" for riverside facilities, metres from the water's edge or centre line. */
export const DEFAULT_RIVER_DISTANCE_M = 300;

/** Whether the collection should keep an element for the rules (src/lib/osm_rules.ts). */
export function isCandidateTags(tags: OsmTagMap): boolean {
  return classifyTags(tags) !== null;
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

/**
 * Why an element matched by a rule is not written: not open to the public, a riverside type far from the
 * river, the outer way of a multipolygon that is the same facility, a further part of a named bridge, or
 * refused by the validator.
 */
export type CandidateSkip = 'not_public' | 'far_from_river' | 'same_as_relation' | 'bridge_part' | 'invalid';

export interface CandidateContext {
  districts: DistrictLookup;
  river: RiverSet;
  /** Extract date, YYYY-MM-DD, when known. */
  date?: string;
  riverDistanceM?: number;
}

/** The tags each facility type was recognised by, quoted in its description (they name unnamed ones). */
const RULE_KEYS: Readonly<Record<FacilityType, readonly string[]>> = {
  metro_station: ['railway', 'station'],
  fitness_station: ['leisure', 'sport'],
  stadium: ['leisure', 'sport'],
  sports_centre: ['leisure', 'sport'],
  basketball: ['leisure', 'sport'],
  football: ['leisure', 'sport'],
  badminton: ['leisure', 'sport'],
  table_tennis: ['leisure', 'sport'],
  tennis: ['leisure', 'sport'],
  pitch: ['leisure', 'sport'],
  track: ['leisure', 'sport'],
  swimming_pool: ['leisure', 'sport'],
  park: ['leisure'],
  square: ['place'],
  library: ['amenity'],
  coworking_space: ['amenity'],
  youth_centre: ['amenity', 'community_centre'],
  community_centre: ['amenity'],
  university: ['amenity'],
  college: ['amenity'],
  marketplace: ['amenity'],
  food_street: ['amenity', 'highway'],
  food_cluster: [],
  bridge: ['man_made', 'bridge', 'highway'],
  viewpoint: ['tourism'],
  attraction: ['tourism'],
  landmark: ['historic'],
};

/** Tag values quoted in descriptions are cut to this many characters (they are untrusted text). */
const MAX_QUOTED_VALUE = 60;

/** "leisure=pitch, sport=basketball": the element's tags that its facility type was recognised by. */
export function ruleTagsOf(tags: OsmTagMap, type: FacilityType): string[] {
  return RULE_KEYS[type]
    .filter((k) => tags[k]?.trim())
    .map((k) => `${k}=${[...tags[k]!.trim()].slice(0, MAX_QUOTED_VALUE).join('')}`);
}

/**
 * One facility feature (Point) from the elements that make it (one, or the parts of a named bridge, the
 * first of which gives id, tags and source), or why not.
 */
function facilityFeature(
  parts: readonly OsmElement[],
  m: EverydayMatch,
  ctx: CandidateContext,
): { feature?: MapFeature; skip?: CandidateSkip } {
  const e = parts[0]!;
  const { point, accuracyM } = representativePoint(joinedGeometry(parts));
  const [lon, lat] = point as [number, number];
  let riverNote: { zh: string; en: string } | null = null;
  if (m.nearRiver) {
    const d = distanceToRiverM(ctx.river, lon, lat);
    if (!(d <= (ctx.riverDistanceM ?? DEFAULT_RIVER_DISTANCE_M))) return { skip: 'far_from_river' };
    const metres = Math.round(d / 10) * 10;
    riverNote =
      metres === 0
        ? { zh: '在河上', en: 'on the river' }
        : { zh: `距河约 ${metres} 米`, en: `about ${metres} m from the river` };
  }
  const names = facilityNames(e.tags, m.facility_type);
  const tagList = ruleTagsOf(e.tags, m.facility_type);
  const zhList = [...tagList, ...(riverNote ? [riverNote.zh] : [])].join('，');
  const enList = [...tagList, ...(riverNote ? [riverNote.en] : [])].join(', ');
  let description_zh = names.named
    ? `来自 OpenStreetMap（${zhList}），未经实地核实。`
    : `OpenStreetMap 中没有名称，按其标签命名（${zhList}），未经实地核实。`;
  let description_en = names.named
    ? `From OpenStreetMap (${enList}); not checked on the ground.`
    : `Unnamed in OpenStreetMap, named by its tags (${enList}); not checked on the ground.`;
  if (parts.length > 1) {
    const shown = parts.slice(0, 5).map((p) => `${p.type}/${p.id}`);
    const more = parts.length > shown.length ? ' …' : '';
    description_zh += `OpenStreetMap 中由 ${parts.length} 个对象组成：${shown.join('、')}${more}。`;
    description_en += ` Drawn in OpenStreetMap as ${parts.length} objects: ${shown.join(', ')}${more}.`;
  }
  const props: FeatureProps = {
    id: `osm-${e.type}-${e.id}`,
    category: m.category,
    facility_type: m.facility_type,
    name_zh: names.name_zh,
    name_en: names.name_en,
    // Outside every district polygon (another city, or just past the generalised boundary): kept, no district.
    district: ctx.districts.districtAt(lon, lat) ?? '',
    status: 'existing',
    source: { title: OSM_SOURCE_TITLE, ...(ctx.date ? { date: ctx.date } : {}), url: osmUrl(e.type, e.id) },
    accuracy_m: accuracyM,
    description_zh,
    description_en,
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
 * Turns one element into a facility feature (Point), or says why not; named bridges drawn as several
 * ways are joined by `osmCandidates`, not here.
 * @returns `{feature}` (not yet validated) or `{skip}`; elements no rule matches return `{}`
 */
export function elementCandidate(
  e: OsmElement,
  ctx: CandidateContext,
): { feature?: MapFeature; skip?: CandidateSkip } {
  const m = classifyTags(e.tags);
  if (!m) return {};
  if (!isPublic(e.tags)) return { skip: 'not_public' };
  return facilityFeature([e], m, ctx);
}

/**
 * Runs features through the shared validator (src/lib/validate.ts) with the district lookup and the
 * opening-hours parser; an empty district (outside every polygon) is accepted. Only clean features come
 * back, the rest are reported in English.
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
      {
        file: o.file,
        districts: o.districts,
        checkOpeningHours: isValidOpeningHours,
        seenIds,
        bbox: o.bbox,
        allowNoDistrict: true,
      },
    );
    if (r.feature) out.push(r.feature);
    for (const issue of r.issues) if (issue.severity === 'error') problems.push(formatIssue(issue, 'en'));
  });
  return { features: out, problems };
}

/**
 * Facility features of all elements (validated) and counts of what was skipped and why. A way that is an
 * outer ring of a multipolygon matched as the same facility type is that facility, not a second one (old
 * tagging put the tags on both); the parts of a named bridge (`bridgeKey`) within BRIDGE_JOIN_M of each
 * other make one feature.
 */
export function osmCandidates(
  elements: readonly OsmElement[],
  ctx: CandidateContext & { bbox: Bbox; seenIds?: Map<string, string> },
): { features: MapFeature[]; skipped: Record<CandidateSkip, number>; problems: string[] } {
  const skipped: Record<CandidateSkip, number> = {
    not_public: 0,
    far_from_river: 0,
    same_as_relation: 0,
    bridge_part: 0,
    invalid: 0,
  };
  const matched = elements
    .map((e) => ({ e, m: classifyTags(e.tags) }))
    .filter((x): x is { e: OsmElement; m: EverydayMatch } => x.m !== null);
  const relationOuter = new Map<number, FacilityType[]>();
  for (const { e, m } of matched)
    for (const w of e.outerWays ?? [])
      relationOuter.set(w, [...(relationOuter.get(w) ?? []), m.facility_type]);
  const singles: { parts: OsmElement[]; m: EverydayMatch }[] = [];
  const bridges = new Map<string, { parts: OsmElement[]; m: EverydayMatch }>();
  for (const { e, m } of matched) {
    if (!isPublic(e.tags)) {
      skipped.not_public++;
      continue;
    }
    if (e.type === 'way' && relationOuter.get(e.id)?.includes(m.facility_type)) {
      skipped.same_as_relation++;
      continue;
    }
    const key = bridgeKey(m, e.tags);
    if (key === null) singles.push({ parts: [e], m });
    else if (bridges.has(key)) bridges.get(key)!.parts.push(e);
    else bridges.set(key, { parts: [e], m });
  }
  for (const b of bridges.values()) {
    for (const parts of splitBridgeParts(b.parts)) {
      singles.push({ parts, m: b.m });
      skipped.bridge_part += parts.length - 1;
    }
  }
  const raw: MapFeature[] = [];
  for (const { parts, m } of singles) {
    const r = facilityFeature(parts, m, ctx);
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
