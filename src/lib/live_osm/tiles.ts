// The tiles live OpenStreetMap facilities are fetched in: a fixed degree grid over the chosen districts, and each tile's query.

import type { DistrictCollectionLike } from '../districts.ts';
import type { Position } from '../feature.ts';
import { OVERPASS_SELECTORS } from '../osm_rules.ts';
import { pointInRing } from '../walk/geo.ts';

/** One request's area: [west, south, east, north] degrees on the grid, and a stable key. */
export interface LiveTile {
  key: string;
  bbox: [number, number, number, number];
}

/** Grid step, degrees (≈ 9 km × 11 km in Lanzhou): a city-centre tile answers in a few seconds. */
export const LIVE_TILE_DEG = 0.1;
/** The urban districts fetched by default: 城关, 七里河, 安宁, 西固. */
export const URBAN_DISTRICTS = ['620102', '620103', '620105', '620104'] as const;
/** The outer districts and counties (红古, 榆中, 皋兰, 永登), an option in the layer panel. */
export const OUTER_DISTRICTS = ['620111', '620123', '620122', '620121'] as const;
/**
 * How far beyond a tile the river is fetched, degrees (≈ 550 m north–south, 450 m east–west): more than
 * the 300 m "along the river" reach, so a sight near a tile edge still finds the river in the next tile.
 */
export const RIVER_MARGIN_DEG = 0.005;
/** Server-side time limit of one tile's query, seconds. */
export const LIVE_QUERY_TIMEOUT_S = 60;

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** Liang–Barsky: whether segment a–b meets the box. */
function segmentHitsBox(a: Position, b: Position, box: LiveTile['bbox']): boolean {
  const [w, s, e, n] = box;
  let t0 = 0;
  let t1 = 1;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const edges: [number, number][] = [
    [-dx, a[0] - w],
    [dx, e - a[0]],
    [-dy, a[1] - s],
    [dy, n - a[1]],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const r = q / p;
      if (p < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
      if (t0 > t1) return false;
    }
  }
  return true;
}

function polygonsOf(geometry: { type: string; coordinates: unknown }): Position[][][] {
  if (geometry.type === 'Polygon') return [geometry.coordinates as Position[][]];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates as Position[][][];
  return [];
}

/**
 * The grid tiles that meet the chosen districts' polygons, west to east then south to north. Tiles are
 * aligned on multiples of the step, so the same place always has the same tile (and cache entry).
 * @param adcodes districts to cover (unknown codes are ignored)
 * @param stepDeg grid step, degrees
 */
export function liveTiles(
  districts: DistrictCollectionLike,
  adcodes: readonly string[],
  stepDeg = LIVE_TILE_DEG,
): LiveTile[] {
  const want = new Set(adcodes);
  const polys = districts.features
    .filter((f) => want.has(f.properties.district))
    .flatMap((f) => polygonsOf(f.geometry));
  const keys = new Map<string, LiveTile>();
  const box = (ix: number, iy: number): LiveTile['bbox'] => [
    round6(ix * stepDeg),
    round6(iy * stepDeg),
    round6((ix + 1) * stepDeg),
    round6((iy + 1) * stepDeg),
  ];
  const add = (ix: number, iy: number) => {
    const key = `g${stepDeg}:${ix}:${iy}`;
    if (!keys.has(key)) keys.set(key, { key, bbox: box(ix, iy) });
  };
  for (const poly of polys) {
    // Cells an edge passes through (each segment tested only against the cells of its own box) …
    const crossed = new Set<string>();
    for (const ring of poly)
      for (let i = 1; i < ring.length; i++) {
        const a = ring[i - 1]!;
        const b = ring[i]!;
        for (
          let ix = Math.floor(Math.min(a[0], b[0]) / stepDeg);
          ix <= Math.floor(Math.max(a[0], b[0]) / stepDeg);
          ix++
        )
          for (
            let iy = Math.floor(Math.min(a[1], b[1]) / stepDeg);
            iy <= Math.floor(Math.max(a[1], b[1]) / stepDeg);
            iy++
          ) {
            const k = `${ix}:${iy}`;
            if (!crossed.has(k) && segmentHitsBox(a, b, box(ix, iy))) {
              crossed.add(k);
              add(ix, iy);
            }
          }
      }
    // … and cells no edge crosses that lie inside (their centre is in the outer ring, not in a hole).
    const [outer, ...holes] = poly.map((r) => r.flat());
    if (!outer) continue;
    let w = Number.POSITIVE_INFINITY;
    let s = Number.POSITIVE_INFINITY;
    let e = Number.NEGATIVE_INFINITY;
    let n = Number.NEGATIVE_INFINITY;
    for (const [x, y] of poly[0] ?? []) {
      w = Math.min(w, x as number);
      e = Math.max(e, x as number);
      s = Math.min(s, y as number);
      n = Math.max(n, y as number);
    }
    for (let ix = Math.floor(w / stepDeg); ix * stepDeg < e; ix++)
      for (let iy = Math.floor(s / stepDeg); iy * stepDeg < n; iy++) {
        if (crossed.has(`${ix}:${iy}`)) continue;
        const cx = (ix + 0.5) * stepDeg;
        const cy = (iy + 0.5) * stepDeg;
        if (pointInRing(cx, cy, outer) && !holes.some((h) => pointInRing(cx, cy, h))) add(ix, iy);
      }
  }
  return [...keys.values()].sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0]);
}

/** Overpass bbox filter "(south,west,north,east)". */
function bboxFilter([w, s, e, n]: readonly number[]): string {
  return `(${s},${w},${n},${e})`;
}

/**
 * The Overpass QL of one tile: every rules-module selector in the tile, printed with tags and bounding
 * box (`out tags bb`: nodes get their position, ways and relations their bounds), then the rivers around
 * it with their geometry (for the "along the Yellow River" rule).
 * @param timeoutS server-side time limit, seconds
 */
export function liveTileQuery(tile: LiveTile, timeoutS = LIVE_QUERY_TIMEOUT_S): string {
  const box = bboxFilter(tile.bbox);
  const [w, s, e, n] = tile.bbox;
  const m = RIVER_MARGIN_DEG;
  const river = bboxFilter([round6(w - m), round6(s - m), round6(e + m), round6(n + m)]);
  return (
    `[out:json][timeout:${timeoutS}];(${OVERPASS_SELECTORS.map((sel) => `${sel}${box};`).join('')});` +
    `out tags bb;way["waterway"="river"]${river};out geom;`
  );
}

/** Whether a value read back from storage is a well-formed tile. */
export function isLiveTile(value: unknown): value is LiveTile {
  const t = value as Partial<LiveTile> | null;
  return (
    t !== null &&
    typeof t === 'object' &&
    typeof t.key === 'string' &&
    Array.isArray(t.bbox) &&
    t.bbox.length === 4 &&
    t.bbox.every((v) => typeof v === 'number' && Number.isFinite(v))
  );
}
