// All tiles of a live download → one list of facilities: each OSM object once, bridges joined, the river rule applied.

import type { DistrictLookup } from '../districts.ts';
import type { MapFeature } from '../feature.ts';
import { METRES_PER_DEGREE, metresPerDegreeLon, projectOnSegment } from '../walk/geo.ts';
import { type Bounds, centreOf } from './centre.ts';
import type { LiveTileData, RiverLine } from './parse.ts';

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

/** Numeric order of "osm-<type>-<id>" ids: nodes, then ways, then relations, each by id. */
function idOrder(id: string): [number, number] {
  const m = id.match(/^osm-(node|way|relation)-(\d+)$/);
  return m ? [['node', 'way', 'relation'].indexOf(m[1]!), Number(m[2])] : [9, 0];
}
const byId = (a: string, b: string) => {
  const x = idOrder(a);
  const y = idOrder(b);
  return x[0] - y[0] || x[1] - y[1];
};

/**
 * Joins the tiles: an object answered by several tiles (it crosses their edge) is kept once; ways of one
 * named bridge become one bridge (the lowest OSM id, centred on their joint extent, district looked up
 * again); sights that the rules keep only along the river are kept when their centre lies within
 * `RIVER_REACH_M` of the river. Order: as the tiles list them.
 */
export function assembleLive(tiles: readonly LiveTileData[], districts: DistrictLookup): LiveAssembly {
  const seen = new Set<string>();
  const rivers = new Map<number, RiverLine>();
  const bridges = new Map<string, { ids: string[]; bounds: Bounds; first: MapFeature }>();
  const kept: { feature: MapFeature; nearRiver: boolean; bridge: string | null }[] = [];
  let osmBase: string | null = null;
  for (const t of tiles) {
    if (t.osmBase && (osmBase === null || t.osmBase < osmBase)) osmBase = t.osmBase;
    for (const r of t.rivers) rivers.set(r.id, r);
    for (const c of t.candidates) {
      const id = c.feature.properties.id;
      if (seen.has(id)) continue;
      seen.add(id);
      if (c.bridge) {
        const b = bridges.get(c.bridge);
        if (b) {
          b.ids.push(id);
          b.bounds = union(b.bounds, c.bounds);
          continue;
        }
        bridges.set(c.bridge, { ids: [id], bounds: c.bounds, first: c.feature });
      }
      kept.push({ feature: c.feature, nearRiver: c.nearRiver, bridge: c.bridge });
    }
  }
  const all = [...rivers.values()];
  const named = all.filter((r) => YELLOW_RIVER_NAME.test(r.names));
  const lines = named.length > 0 ? named : all;
  const river: LiveAssembly['river'] = named.length > 0 ? 'named' : all.length > 0 ? 'any' : 'none';
  const features: MapFeature[] = [];
  for (const k of kept) {
    let f = k.feature;
    const joined = k.bridge ? bridges.get(k.bridge) : undefined;
    if (joined && joined.ids.length > 1) {
      const { point, accuracyM } = centreOf(joined.bounds);
      const id = [...joined.ids].sort(byId)[0]!;
      const type = id.split('-')[1];
      f = {
        type: 'Feature',
        id,
        geometry: { type: 'Point', coordinates: point },
        properties: {
          ...f.properties,
          id,
          district: districts.districtAt(point[0], point[1]) ?? '',
          accuracy_m: accuracyM,
          source: {
            ...f.properties.source,
            url: `https://www.openstreetmap.org/${type}/${id.split('-')[2]}`,
          },
        },
      };
    }
    if (k.nearRiver) {
      const [lon, lat] = (f.geometry as { coordinates: [number, number] }).coordinates;
      if (!(distanceToLinesM(lines, lon, lat) <= RIVER_REACH_M)) continue;
    }
    features.push(f);
  }
  return { features, river, rivers: lines, osmBase };
}
