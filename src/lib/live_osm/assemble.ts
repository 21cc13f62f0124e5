// All tiles of a live download → one list of facilities: each OSM object once, bridges joined, the river rule applied.

import { type BridgePart, splitBridgeParts } from '../bridge_join.ts';
import type { DistrictLookup } from '../districts.ts';
import type { MapFeature } from '../feature.ts';
import { METRES_PER_DEGREE, metresPerDegreeLon, projectOnSegment } from '../walk/geo.ts';
import { type Bounds, centreOf } from './centre.ts';
import type { LiveCandidate, LiveTileData, RiverLine } from './parse.ts';

/** "Along the Yellow River": within this distance of its centre line, metres (as the importer uses). */
export const RIVER_REACH_M = 300;
/** Yellow River names as OSM writes them in Lanzhou. */
export const YELLOW_RIVER_NAME = /黄河|Yellow River|Huang ?He/i;

/** The facilities of a download and how the river rule was applied. */
export interface LiveAssembly {
  features: MapFeature[];
  /**
   * 'named': the lines named like the Yellow River; 'any': no line carries the name (another city's
   * data, test extracts), so every `waterway=river` line; 'none': no river in the tiles, so no sight.
   */
  river: 'named' | 'any' | 'none';
  /** The river lines the rule measured to (as `river` says), for the tour's walks along the river. */
  rivers: RiverLine[];
  /** The oldest tile's `timestamp_osm_base`, ISO, or null. */
  osmBase: string | null;
}

/**
 * Distance from a point to the nearest river line, metres (local equirectangular frame, error well
 * under 1 % at city scale), or Infinity without lines.
 */
export function distanceToLinesM(lines: readonly RiverLine[], lon: number, lat: number): number {
  const kx = metresPerDegreeLon(lat);
  let best = Number.POSITIVE_INFINITY;
  const slack = RIVER_REACH_M * 4;
  for (const l of lines) {
    const c = l.coords;
    for (let i = 1; i < c.length; i++) {
      const a = c[i - 1]!;
      const b = c[i]!;
      // Skip segments whose box is far away in latitude (cheap, exact enough as a prefilter).
      if (Math.min(a[1], b[1]) * METRES_PER_DEGREE - lat * METRES_PER_DEGREE > best + slack) continue;
      if (lat * METRES_PER_DEGREE - Math.max(a[1], b[1]) * METRES_PER_DEGREE > best + slack) continue;
      const d = Math.sqrt(projectOnSegment(lon, lat, a[0], a[1], b[0], b[1], kx).d2);
      if (d < best) best = d;
    }
  }
  return best;
}

function union(a: Bounds, b: Bounds): Bounds {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

/** The OSM identity and extent of a live candidate ("osm-<type>-<id>"). */
function partOf(c: LiveCandidate): BridgePart {
  const [, type, id] = c.feature.properties.id.split('-');
  return { type: type as BridgePart['type'], id: Number(id), bounds: c.bounds };
}

/** One bridge from its parts (in OSM order): the first part's facility, centred on their joint extent. */
function joinedBridge(parts: readonly LiveCandidate[], districts: DistrictLookup): MapFeature {
  const first = parts[0]!.feature;
  if (parts.length === 1) return first;
  const { point, accuracyM } = centreOf(parts.map((p) => p.bounds).reduce(union));
  const id = first.properties.id;
  const [, type, n] = id.split('-');
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: point },
    properties: {
      ...first.properties,
      district: districts.districtAt(point[0], point[1]) ?? '',
      accuracy_m: accuracyM,
      source: { ...first.properties.source, url: `https://www.openstreetmap.org/${type}/${n}` },
    },
  };
}

/**
 * Joins the tiles: an object answered by several tiles (it crosses their edge) is kept once; the parts of a
 * named bridge are split into bridges by the importer's rule (src/lib/bridge_join.ts: extents within
 * BRIDGE_JOIN_M, named by the first part in OSM order), each centred on its parts' joint extent (district
 * looked up again); sights that the rules keep only along the river are kept when their centre lies within
 * `reachM` of the river. Order: as the tiles list them (a bridge where its first-listed part was).
 * @param reachM the river rule's reach, metres (default RIVER_REACH_M)
 */
export function assembleLive(
  tiles: readonly LiveTileData[],
  districts: DistrictLookup,
  reachM = RIVER_REACH_M,
): LiveAssembly {
  const seen = new Set<string>();
  const rivers = new Map<number, RiverLine>();
  const byName = new Map<string, LiveCandidate[]>();
  const kept: LiveCandidate[] = [];
  let osmBase: string | null = null;
  for (const t of tiles) {
    if (t.osmBase && (osmBase === null || t.osmBase < osmBase)) osmBase = t.osmBase;
    for (const r of t.rivers) rivers.set(r.id, r);
    for (const c of t.candidates) {
      const id = c.feature.properties.id;
      if (seen.has(id)) continue;
      seen.add(id);
      kept.push(c);
      if (c.bridge) byName.set(c.bridge, [...(byName.get(c.bridge) ?? []), c]);
    }
  }
  // Each bridge part → its bridge's parts; the part listed first stands where the bridge goes.
  const bridgeOf = new Map<LiveCandidate, LiveCandidate[]>();
  for (const parts of byName.values())
    for (const bridge of splitBridgeParts(parts, partOf)) for (const p of bridge) bridgeOf.set(p, bridge);
  const placed = new Set<LiveCandidate[]>();
  const all = [...rivers.values()];
  const named = all.filter((r) => YELLOW_RIVER_NAME.test(r.names));
  const lines = named.length > 0 ? named : all;
  const river: LiveAssembly['river'] = named.length > 0 ? 'named' : all.length > 0 ? 'any' : 'none';
  const features: MapFeature[] = [];
  for (const k of kept) {
    const bridge = bridgeOf.get(k);
    if (bridge && placed.has(bridge)) continue;
    if (bridge) placed.add(bridge);
    const f = bridge ? joinedBridge(bridge, districts) : k.feature;
    if (k.nearRiver) {
      const [lon, lat] = (f.geometry as { coordinates: [number, number] }).coordinates;
      if (!(distanceToLinesM(lines, lon, lat) <= reachM)) continue;
    }
    features.push(f);
  }
  return { features, river, rivers: lines, osmBase };
}
