// Clusters of eateries (night markets and food streets as OSM shows them): evening venues clustered by density.

import type { Position } from 'geojson';
import { around } from 'geokdbush';
import KDBush from 'kdbush';
import type { DistrictLookup } from '../../../src/lib/districts.ts';
import type { MapFeature } from '../../../src/lib/feature.ts';
import { FACILITY_TYPES, facilityNames } from '../../../src/lib/osm_rules.ts';
import { fromLanzhouWallClock } from '../../../src/lib/tour/lanzhou_time.ts';
import { isOpenKind, openingStatusAt } from '../../../src/lib/tour/opening.ts';
import { METRES_PER_DEGREE, metresPerDegreeLon } from '../../../src/lib/walk/geo.ts';
import { OSM_SOURCE_TITLE, representativePoint } from './candidates.ts';
import type { OsmElement } from './osm_elements.ts';
import type { OsmTagMap } from './osm_stream.ts';

/** amenity=* values that make up night-time consumption (food, drink, markets, clubs). */
export const NIGHT_AMENITIES = new Set([
  'restaurant',
  'bar',
  'pub',
  'cafe',
  'fast_food',
  'food_court',
  'nightclub',
  'marketplace',
]);
/** Venues that are night venues by their kind when they publish no hours. */
const NIGHT_BY_KIND = new Set(['bar', 'pub', 'nightclub']);

/** Whether the tags describe a venue the night-zone clustering considers. */
export function isNightAmenityTags(tags: OsmTagMap): boolean {
  return tags.amenity !== undefined && NIGHT_AMENITIES.has(tags.amenity);
}

/**
 * What a venue's data say about the evening:
 * - evening_hours: its opening_hours parse and it is open at some time 20:00–24:00 (Lanzhou) in a week
 * - night_kind: no usable hours, but a bar, pub or nightclub
 * - unknown_hours: no usable hours (restaurants, cafés …) — counted only inside a dense cluster
 * - day_only: its hours parse and it is closed every evening — left out
 */
export type EveningEvidence = 'evening_hours' | 'night_kind' | 'unknown_hours' | 'day_only';

/** A fixed ordinary week (no Chinese public holiday), Monday 2024-06-17 … Sunday 2024-06-23. */
const REFERENCE_WEEK = Array.from({ length: 7 }, (_, i) => 17 + i);
/** Evening sample times on Lanzhou's clock, every 30 minutes from 20:00 to 23:30. */
const EVENING_SAMPLES = Array.from({ length: 8 }, (_, i) => [20 + Math.floor(i / 2), (i % 2) * 30] as const);

/** Classifies a venue's evening evidence from its tags. */
export function eveningEvidence(tags: OsmTagMap): EveningEvidence {
  const oh = tags.opening_hours?.trim();
  if (oh) {
    let parsed = false;
    for (const day of REFERENCE_WEEK) {
      for (const [h, m] of EVENING_SAMPLES) {
        const kind = openingStatusAt(oh, fromLanzhouWallClock(2024, 6, day, h, m), { lookaheadDays: 1 }).kind;
        if (kind === 'unparseable') break;
        parsed = true;
        // "uncertain" (e.g. an open end "18:00+") still says the place works into the evening.
        if (isOpenKind(kind) || kind === 'uncertain') return 'evening_hours';
      }
    }
    if (parsed) return 'day_only';
  }
  return NIGHT_BY_KIND.has(tags.amenity ?? '') ? 'night_kind' : 'unknown_hours';
}

export interface NightVenue {
  type: OsmElement['type'];
  id: number;
  lon: number;
  lat: number;
  name?: string;
  amenity: string;
  evidence: EveningEvidence;
}

/** The venues among the elements (areas by their representative point); day-only venues excluded. */
export function nightVenues(elements: readonly OsmElement[]): NightVenue[] {
  const out: NightVenue[] = [];
  for (const e of elements) {
    if (!isNightAmenityTags(e.tags)) continue;
    const evidence = eveningEvidence(e.tags);
    if (evidence === 'day_only') continue;
    const [lon, lat] = representativePoint(e.geometry).point as [number, number];
    const names = facilityNames(e.tags, 'food_cluster');
    out.push({
      type: e.type,
      id: e.id,
      lon,
      lat,
      amenity: e.tags.amenity!,
      evidence,
      ...(names.named ? { name: names.name_zh } : {}),
    });
  }
  return out;
}

export interface NightZoneOptions {
  /** DBSCAN neighbourhood radius, metres (default 100). */
  epsM?: number;
  /** Venues within epsM (itself included) that make a core venue (default 5). */
  minPts?: number;
  /** Smallest cluster kept as a zone (default 8 venues). */
  minVenues?: number;
  /** Venues in the cluster with evening hours or a night kind, at least (default 2). */
  minEvidence?: number;
  /** Margin drawn around the venues, metres (default 30). */
  marginM?: number;
}

export interface NightZone {
  members: NightVenue[];
  /** Closed counter-clockwise ring, degrees: convex hull of the venues, each grown by marginM. */
  ring: Position[];
  centroid: [number, number];
  /** Members with evening hours or of a night kind. */
  evidence: number;
  /** The margin the ring was grown by, metres (the zone's stated accuracy). */
  marginM: number;
}

const DEFAULTS: Required<NightZoneOptions> = {
  epsM: 100,
  minPts: 5,
  minVenues: 8,
  minEvidence: 2,
  marginM: 30,
};

/**
 * DBSCAN over the venues (great-circle distance via geokdbush): a venue with ≥ minPts venues within epsM
 * is a core; clusters grow through cores. Clusters with ≥ minVenues venues of which ≥ minEvidence show
 * evening activity become zones, outlined by the convex hull of their venues grown by marginM.
 * Deterministic: zones come in order of their lowest member (type, then id).
 */
export function clusterNightZones(
  venues: readonly NightVenue[],
  options: NightZoneOptions = {},
): NightZone[] {
  const o = { ...DEFAULTS, ...options };
  if (venues.length === 0) return [];
  const order = [...venues].sort((a, b) => a.type.localeCompare(b.type) || a.id - b.id);
  const index = new KDBush(order.length);
  for (const v of order) index.add(v.lon, v.lat);
  index.finish();
  const neighbours = (i: number) =>
    around(index, order[i]!.lon, order[i]!.lat, Number.POSITIVE_INFINITY, o.epsM / 1000);
  const label = new Int32Array(order.length).fill(-1); // -1 unvisited, -2 noise, ≥0 cluster
  const clusters: number[][] = [];
  for (let i = 0; i < order.length; i++) {
    if (label[i] !== -1) continue;
    const seeds = neighbours(i);
    if (seeds.length < o.minPts) {
      label[i] = -2;
      continue;
    }
    const c = clusters.length;
    const members = [i];
    label[i] = c;
    const queue = seeds.filter((j) => j !== i);
    while (queue.length > 0) {
      const j = queue.shift()!;
      if (label[j] === -2) {
        label[j] = c;
        members.push(j);
      }
      if (label[j] !== -1) continue;
      label[j] = c;
      members.push(j);
      const more = neighbours(j);
      if (more.length >= o.minPts) queue.push(...more);
    }
    clusters.push(members);
  }
  const zones: NightZone[] = [];
  for (const members of clusters) {
    const list = members.sort((a, b) => a - b).map((k) => order[k]!);
    const evidence = list.filter((v) => v.evidence === 'evening_hours' || v.evidence === 'night_kind').length;
    if (list.length < o.minVenues || evidence < o.minEvidence) continue;
    const centroid: [number, number] = [
      list.reduce((s, v) => s + v.lon, 0) / list.length,
      list.reduce((s, v) => s + v.lat, 0) / list.length,
    ];
    zones.push({
      members: list,
      ring: hullRing(list, centroid, o.marginM),
      centroid,
      evidence,
      marginM: o.marginM,
    });
  }
  return zones;
}

/** Convex hull (monotone chain) of circles of radius marginM (16-gons) around the venues, as lon/lat. */
function hullRing(venues: readonly NightVenue[], centroid: [number, number], marginM: number): Position[] {
  const kx = metresPerDegreeLon(centroid[1]);
  const ky = METRES_PER_DEGREE;
  const pts: [number, number][] = [];
  for (const v of venues) {
    const x = (v.lon - centroid[0]) * kx;
    const y = (v.lat - centroid[1]) * ky;
    for (let k = 0; k < 16; k++) {
      const a = (k / 16) * 2 * Math.PI;
      pts.push([x + marginM * Math.cos(a), y + marginM * Math.sin(a)]);
    }
  }
  pts.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: [number, number], a: [number, number], b: [number, number]) =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: [number, number][] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0)
      lower.pop();
    lower.push(p);
  }
  const upper: [number, number][] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0)
      upper.pop();
    upper.push(p);
  }
  const hull = [...lower.slice(0, -1), ...upper.slice(0, -1)]; // counter-clockwise
  // Start at the vertex nearest the centre: the validator checks a polygon's district at its first vertex.
  let start = 0;
  hull.forEach((p, i) => {
    if (Math.hypot(p[0], p[1]) < Math.hypot(hull[start]![0], hull[start]![1])) start = i;
  });
  const rotated = [...hull.slice(start), ...hull.slice(0, start)];
  const ring = rotated.map(([x, y]) => [round7(centroid[0] + x / kx), round7(centroid[1] + y / ky)]);
  return [...ring, ring[0]!];
}

const round7 = (v: number) => Math.round(v * 1e7) / 1e7;

/**
 * A zone as an everyday `night_market` feature of type `food_cluster` (what OSM shows: eateries close
 * together; the plan's `night_zone` designation is for sources that tie a site to the plan). Status
 * existing, OSM as source (the map at the zone, since a zone is not one OSM object), named by its type and
 * venue count (no invented name); the description lists up to eight named venues. accuracy_m is the drawn
 * margin. The district is '' when the centre lies outside every district polygon.
 */
export function nightZoneFeature(
  zone: NightZone,
  ctx: { districts: DistrictLookup; date?: string },
): MapFeature {
  const district = ctx.districts.districtAt(zone.centroid[0], zone.centroid[1]) ?? '';
  const first = zone.members[0]!;
  const n = zone.members.length;
  const named = zone.members.filter((m) => m.name).map((m) => m.name!);
  const list = named.slice(0, 8);
  const more = named.length > list.length ? ` …` : '';
  const hours = zone.members.filter((m) => m.evidence === 'evening_hours').length;
  const kinds = zone.members.filter((m) => m.evidence === 'night_kind').length;
  const [lon, lat] = zone.centroid;
  const id = `osm-night-zone-${first.type}-${first.id}`;
  const type = FACILITY_TYPES.food_cluster;
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Polygon', coordinates: [zone.ring as [number, number][]] },
    properties: {
      id,
      category: 'night_market',
      facility_type: 'food_cluster',
      name_zh: `${type.zh}（${n} 处场所）`,
      name_en: `${type.en} (${n} venues)`,
      district,
      status: 'existing',
      source: {
        title: OSM_SOURCE_TITLE,
        ...(ctx.date ? { date: ctx.date } : {}),
        url: `https://www.openstreetmap.org/#map=18/${lat.toFixed(5)}/${lon.toFixed(5)}`,
      },
      accuracy_m: zone.marginM,
      description_zh:
        `由 OpenStreetMap 的 ${n} 处餐饮、酒吧、市场等场所按密度聚类得出（${hours} 处营业时间含晚间，${kinds} 处为酒吧/夜店），未经实地核实。` +
        (list.length ? `场所：${list.join('、')}${more}` : ''),
      description_en:
        `Clustered by density from ${n} OpenStreetMap food, drink and market venues (${hours} open in the evening by their hours, ${kinds} bars/clubs); not checked on the ground.` +
        (list.length ? ` Venues: ${list.join(', ')}${more}` : ''),
    },
  };
}
