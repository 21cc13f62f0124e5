// Which street-network tiles a coverage analysis downloads: a fixed square lattice over the chosen districts, capped.

import type { AreaTile } from '../walk/online/tiles';
import { OVERPASS_SKIP_HIGHWAYS } from '../walk/overpass';
import { BandedPolygon, type Ring } from './pip';

/** Side of a tile, metres (≈10 km² per Overpass request: a few MB of dense city streets). */
export const NETWORK_TILE_M = 3_000;
/** Most tiles one analysis downloads; the rest of the area stays on the estimate, and the panel says so. */
export const MAX_NETWORK_TILES = 60;
/**
 * Tiles this close to a district are fetched too, metres: cells near a border snap to streets and walk
 * to facilities just across it.
 */
export const NETWORK_MARGIN_M = 600;

/** Latitude at which the lattice's degree steps are fixed, so keys never depend on the districts chosen. */
const LATTICE_LAT = 36;
const M_PER_DEG_LAT = 111_195;
/** Sample points per tile side for the district-area estimate. */
const SAMPLES = 8;

/** One square tile of the lattice: a bbox request, also described as its circumscribed circle for the cache. */
export interface NetworkTile extends AreaTile {
  /** [west, south, east, north], degrees. */
  bbox: [number, number, number, number];
  ix: number;
  iy: number;
}

/** A district as the planner needs it. */
export interface TileDistrict {
  adcode: string;
  rings: readonly Ring[];
}

/** How much of one district the downloaded tiles leave out. */
export interface DistrictLeftOut {
  adcode: string;
  /** Tiles over the district that were left out, and all tiles over it. */
  tilesLeft: number;
  tiles: number;
  /** Share (0–1) of the district's area lying in tiles left out (sampled). */
  areaShare: number;
}

export interface NetworkTilePlan {
  /** Tiles to download, most useful first (at most the cap). */
  tiles: NetworkTile[];
  /** All tiles the districts need (before the cap). */
  needed: number;
  /** Districts with area in tiles left out (empty when nothing was left out). */
  leftOut: DistrictLeftOut[];
}

/** Options of planNetworkTiles. */
export interface TilePlanOptions {
  /** Tile side, metres (default 3,000). */
  tileM?: number;
  /** Cap on tiles (default 60). */
  maxTiles?: number;
  /** Margin around the districts, metres (default 600). */
  marginM?: number;
}

function lattice(tileM: number): { dLat: number; dLon: number } {
  const dLat = tileM / M_PER_DEG_LAT;
  return { dLat, dLon: tileM / (M_PER_DEG_LAT * Math.cos((LATTICE_LAT * Math.PI) / 180)) };
}

/**
 * The lattice tile (ix, iy) of side `tileM` metres: [ix·dLon, (ix+1)·dLon] × [iy·dLat, (iy+1)·dLat].
 * Its cache key names the lattice, so two analyses over overlapping districts share tiles.
 */
export function latticeTile(ix: number, iy: number, tileM = NETWORK_TILE_M): NetworkTile {
  const { dLat, dLon } = lattice(tileM);
  const bbox: [number, number, number, number] = [ix * dLon, iy * dLat, (ix + 1) * dLon, (iy + 1) * dLat];
  const lon = (bbox[0] + bbox[2]) / 2;
  const lat = (bbox[1] + bbox[3]) / 2;
  // The edge nearer the equator is the wider one; a metre of slack covers the sphere's curvature.
  const edge = Math.min(Math.abs(bbox[1]), Math.abs(bbox[3]));
  const halfW = (dLon / 2) * M_PER_DEG_LAT * Math.cos((edge * Math.PI) / 180);
  return { lon, lat, radiusM: Math.hypot(halfW, tileM / 2) + 1, key: `sq${tileM}:${ix}:${iy}`, bbox, ix, iy };
}

/** Whether segment (ax,ay)–(bx,by) meets the rectangle [w, s, e, n] (Liang–Barsky clipping). */
export function segmentMeetsRect(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  r: readonly number[],
): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = bx - ax;
  const dy = by - ay;
  const p = [-dx, dx, -dy, dy];
  const q = [ax - (r[0] as number), (r[2] as number) - ax, ay - (r[1] as number), (r[3] as number) - ay];
  for (let i = 0; i < 4; i++) {
    const pi = p[i] as number;
    const qi = q[i] as number;
    if (pi === 0) {
      if (qi < 0) return false;
    } else {
      const t = qi / pi;
      if (pi < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/** Whether a polygon (all rings, even–odd) and a rectangle overlap. */
export function polygonMeetsRect(
  polygon: BandedPolygon,
  rings: readonly Ring[],
  rect: readonly number[],
): boolean {
  const [w, s, e, n] = rect as [number, number, number, number];
  const [pw, ps, pe, pn] = polygon.bbox;
  if (pe < w || pw > e || pn < s || ps > n) return false;
  if (polygon.contains((w + e) / 2, (s + n) / 2)) return true;
  for (const ring of rings) {
    const k = ring.length;
    for (let i = 0; i < k; i++) {
      const a = ring[i] as readonly number[];
      const b = ring[(i + 1) % k] as readonly number[];
      if (segmentMeetsRect(a[0] as number, a[1] as number, b[0] as number, b[1] as number, rect)) return true;
    }
  }
  // No edge meets the rectangle and its centre is outside: it lies wholly outside (or in a hole).
  return false;
}

/**
 * Plans the downloads for an analysis of `districts`: every lattice tile within `marginM` of one of
 * them, ordered by usefulness — tiles holding more of the given points (the facilities analysed) first,
 * then the tiles nearest the points' centre (the districts' centre without points) — and cut at the cap. Reports, per district, how
 * much lies in the tiles left out (that area stays on the estimate).
 * @param points facility positions, degrees (only their count per tile matters)
 */
export function planNetworkTiles(
  districts: readonly TileDistrict[],
  points: readonly { lon: number; lat: number }[],
  options: TilePlanOptions = {},
): NetworkTilePlan {
  const tileM = options.tileM ?? NETWORK_TILE_M;
  const cap = Math.max(0, Math.floor(options.maxTiles ?? MAX_NETWORK_TILES));
  const marginM = options.marginM ?? NETWORK_MARGIN_M;
  const { dLat, dLon } = lattice(tileM);
  const mLat = marginM / M_PER_DEG_LAT;
  const prepared = districts.map((d) => ({ ...d, polygon: new BandedPolygon(d.rings) }));
  interface Candidate {
    tile: NetworkTile;
    points: number;
    /** Sampled district area share per prepared district (0–1 of the tile). */
    share: number[];
  }
  const byKey = new Map<string, Candidate>();
  for (const [k, d] of prepared.entries()) {
    const [w, s, e, n] = d.polygon.bbox;
    if (!(e > w || n > s)) continue;
    const mLon = marginM / (M_PER_DEG_LAT * Math.cos((((s + n) / 2) * Math.PI) / 180));
    for (let iy = Math.floor((s - mLat) / dLat); iy * dLat <= n + mLat; iy++) {
      for (let ix = Math.floor((w - mLon) / dLon); ix * dLon <= e + mLon; ix++) {
        const tile = latticeTile(ix, iy, tileM);
        const [tw, ts, te, tn] = tile.bbox;
        const grown = [tw - mLon, ts - mLat, te + mLon, tn + mLat];
        if (!polygonMeetsRect(d.polygon, d.rings, grown)) continue;
        let c = byKey.get(tile.key);
        if (!c) {
          c = { tile, points: 0, share: prepared.map(() => 0) };
          byKey.set(tile.key, c);
        }
        let inside = 0;
        for (let j = 0; j < SAMPLES; j++)
          for (let i = 0; i < SAMPLES; i++)
            if (d.polygon.contains(tw + ((i + 0.5) / SAMPLES) * dLon, ts + ((j + 0.5) / SAMPLES) * dLat))
              inside++;
        c.share[k] = inside / (SAMPLES * SAMPLES);
      }
    }
  }
  const candidates = [...byKey.values()];
  for (const p of points) {
    const c = byKey.get(`sq${tileM}:${Math.floor(p.lon / dLon)}:${Math.floor(p.lat / dLat)}`);
    if (c) c.points++;
  }
  // Ties (e.g. tiles without facilities) go to the tiles nearest the facilities' centre, else the
  // districts': in a valley city the streets are where the facilities are, not on the hills.
  let cx = 0;
  let cy = 0;
  const weight = points.length > 0 ? points : candidates.map((c) => c.tile);
  for (const p of weight) {
    cx += p.lon;
    cy += p.lat;
  }
  cx /= Math.max(1, weight.length);
  cy /= Math.max(1, weight.length);
  const cos = Math.cos((cy * Math.PI) / 180);
  const away = (c: Candidate) => ((c.tile.lon - cx) * cos) ** 2 + (c.tile.lat - cy) ** 2;
  candidates.sort(
    (a, b) => b.points - a.points || away(a) - away(b) || a.tile.iy - b.tile.iy || a.tile.ix - b.tile.ix,
  );
  const kept = candidates.slice(0, cap);
  const left = candidates.slice(cap);
  const leftOut: DistrictLeftOut[] = [];
  prepared.forEach((d, k) => {
    const over = (list: Candidate[]) => list.filter((c) => (c.share[k] as number) > 0);
    const all = over(candidates);
    const out = over(left);
    if (out.length === 0) return;
    const total = all.reduce((a, c) => a + (c.share[k] as number), 0);
    const lost = out.reduce((a, c) => a + (c.share[k] as number), 0);
    leftOut.push({
      adcode: d.adcode,
      tilesLeft: out.length,
      tiles: all.length,
      areaShare: total > 0 ? lost / total : 0,
    });
  });
  return { tiles: kept.map((c) => c.tile), needed: candidates.length, leftOut };
}

/**
 * Overpass QL for the walkable ways meeting a tile's bbox, with all their nodes: a way crossing the
 * tile's edge comes whole, so the same way (same node ids) appears in both neighbours and the merged
 * network joins at the seam.
 * @param timeoutS server-side timeout, seconds
 */
export function networkTileQuery(tile: NetworkTile, timeoutS = 25): string {
  const [w, s, e, n] = tile.bbox;
  const box = `(${s.toFixed(6)},${w.toFixed(6)},${n.toFixed(6)},${e.toFixed(6)})`;
  return [
    `[out:json][timeout:${Math.round(timeoutS)}];`,
    '(',
    `  way["highway"]["highway"!~"^(${OVERPASS_SKIP_HIGHWAYS})$"]${box};`,
    `  way["man_made"="pier"]${box};`,
    ');',
    '(._;>;);',
    'out body qt;',
  ].join('\n');
}
