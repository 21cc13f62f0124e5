// The analysis grid: H3 hexagons or squares over the chosen districts, each cell with centre, area, district.

import { cellArea, cellToBoundary, cellToLatLng, latLngToCell, polygonToCells } from 'h3-js';
import KDBush from 'kdbush';
import type { DistrictCollectionLike } from '../districts';
import { METRES_PER_DEGREE, metresPerDegreeLon } from '../walk/geo';
import { formatGridSpec, type GridSpec, SQ_COS0, SQ_KX, SQ_LAT0, SQ_LON0, squareRing } from './grid_spec';
import { BandedPolygon, ringsOf } from './pip';

export type { GridSpec } from './grid_spec';
export { DEFAULT_GRID, estimateCellCount, formatGridSpec, GRID_CHOICES, parseGridSpec } from './grid_spec';

/** One grid over a set of districts. Arrays are indexed by cell. */
export interface CoverageGrid {
  spec: GridSpec;
  /** Stable identity of the grid: spec and districts. */
  key: string;
  count: number;
  /** H3 index, or `s{size}:{i}:{j}` for squares. */
  ids: string[];
  /** Cell centre, degrees. */
  lon: Float64Array;
  lat: Float64Array;
  /** Cell area, m². */
  areaM2: Float64Array;
  /** Index into `adcodes` of the district containing the cell centre. */
  district: Uint8Array;
  adcodes: string[];
}

/** A district outline prepared for containment tests. */
export interface DistrictShape {
  adcode: string;
  polygon: BandedPolygon;
}

/** Prepares every district of a boundaries collection (parts of one adcode are merged). */
export function districtShapes(fc: DistrictCollectionLike): DistrictShape[] {
  const rings = new Map<string, ReturnType<typeof ringsOf>>();
  for (const f of fc.features) {
    const list = rings.get(f.properties.district) ?? [];
    list.push(...ringsOf(f.geometry));
    rings.set(f.properties.district, list);
  }
  return [...rings].map(([adcode, r]) => ({ adcode, polygon: new BandedPolygon(r) }));
}

/** Progress of a grid build: districts done of total. */
export type GridProgress = (done: number, total: number) => void;

/**
 * Builds the grid over the chosen districts: every cell whose centre lies in one of them, assigned to
 * the first district (in `adcodes` order) that contains the centre. H3 candidates come from
 * polygonToCells over each district's bounding box (a 5-vertex polygon is orders of magnitude faster
 * for h3-js than a 4,000-vertex boundary), then the centre test decides.
 * @param adcodes districts to cover, in priority order; unknown ones are ignored
 */
export function buildGrid(
  shapes: readonly DistrictShape[],
  adcodes: readonly string[],
  spec: GridSpec,
  onProgress?: GridProgress,
): CoverageGrid {
  const chosen = adcodes
    .map((a) => shapes.find((s) => s.adcode === a))
    .filter((s): s is DistrictShape => s !== undefined);
  const ids: string[] = [];
  const lon: number[] = [];
  const lat: number[] = [];
  const area: number[] = [];
  const district: number[] = [];
  const seen = new Set<string>();
  const owner = (x: number, y: number): number => {
    for (let d = 0; d < chosen.length; d++) if ((chosen[d] as DistrictShape).polygon.contains(x, y)) return d;
    return -1;
  };
  chosen.forEach((shape, k) => {
    const [w, s, e, n] = shape.polygon.bbox;
    if (spec.kind === 'h3') {
      const candidates = polygonToCells(
        [
          [w, s],
          [e, s],
          [e, n],
          [w, n],
          [w, s],
        ],
        spec.resolution,
        true,
      );
      for (const id of candidates) {
        if (seen.has(id)) continue;
        seen.add(id);
        const [y, x] = cellToLatLng(id);
        const d = owner(x, y);
        if (d < 0) continue;
        ids.push(id);
        lon.push(x);
        lat.push(y);
        area.push(cellArea(id, 'm2'));
        district.push(d);
      }
    } else {
      const size = spec.sizeM;
      const i0 = Math.floor(((w - SQ_LON0) * SQ_KX) / size);
      const i1 = Math.floor(((e - SQ_LON0) * SQ_KX) / size);
      const j0 = Math.floor(((s - SQ_LAT0) * METRES_PER_DEGREE) / size);
      const j1 = Math.floor(((n - SQ_LAT0) * METRES_PER_DEGREE) / size);
      for (let j = j0; j <= j1; j++) {
        const y = SQ_LAT0 + ((j + 0.5) * size) / METRES_PER_DEGREE;
        const cellArea = (size * size * Math.cos((y * Math.PI) / 180)) / SQ_COS0;
        for (let i = i0; i <= i1; i++) {
          const id = `s${size}:${i}:${j}`;
          if (seen.has(id)) continue;
          const x = SQ_LON0 + ((i + 0.5) * size) / SQ_KX;
          if (!shape.polygon.contains(x, y)) continue;
          const d = owner(x, y);
          seen.add(id);
          ids.push(id);
          lon.push(x);
          lat.push(y);
          area.push(cellArea);
          district.push(d);
        }
      }
    }
    onProgress?.(k + 1, chosen.length);
  });
  return {
    spec,
    key: `${formatGridSpec(spec)}|${chosen.map((c) => c.adcode).join(',')}`,
    count: ids.length,
    ids,
    lon: Float64Array.from(lon),
    lat: Float64Array.from(lat),
    areaM2: Float64Array.from(area),
    district: Uint8Array.from(district),
    adcodes: chosen.map((c) => c.adcode),
  };
}

const indexCache = new WeakMap<Pick<CoverageGrid, 'ids'>, Map<string, number>>();

/** id → cell index (built once per grid). */
export function cellIndexMap(grid: Pick<CoverageGrid, 'ids'>): Map<string, number> {
  let m = indexCache.get(grid);
  if (!m) {
    m = new Map(grid.ids.map((id, i) => [id, i]));
    indexCache.set(grid, m);
  }
  return m;
}

/** Id of the grid cell (in the grid's system, whether or not the grid holds it) containing a point. */
export function cellIdAt(spec: GridSpec, lon: number, lat: number): string {
  if (spec.kind === 'h3') return latLngToCell(lat, lon, spec.resolution);
  const i = Math.floor(((lon - SQ_LON0) * SQ_KX) / spec.sizeM);
  const j = Math.floor(((lat - SQ_LAT0) * METRES_PER_DEGREE) / spec.sizeM);
  return `s${spec.sizeM}:${i}:${j}`;
}

/** Index of the cell containing (lon, lat), or -1 when the grid has no such cell. */
export function cellAt(grid: Pick<CoverageGrid, 'ids' | 'spec'>, lon: number, lat: number): number {
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return -1;
  return cellIndexMap(grid).get(cellIdAt(grid.spec, lon, lat)) ?? -1;
}

/** Edge-sharing neighbours of every cell as CSR arrays (6 for hexagons, 4 for squares, fewer at borders). */
export interface Neighbours {
  offsets: Int32Array;
  adj: Int32Array;
}

const neighbourCache = new WeakMap<CoverageGrid, Neighbours>();

/**
 * Neighbour lists of a grid (computed once per grid), found geometrically: cells sharing an edge are the
 * ones whose centres are nearest. Squares: edge neighbours lie 1 side apart, diagonal ones 1.41 sides;
 * hexagons: edge neighbours lie √3 edges apart, the next ring 3 edges (1.73× farther). A cut-off between
 * the two (1.2× and 1.35× the spacing) separates them exactly at city scale, where cells of one
 * resolution differ in size by far less than that; it is tested against h3's own adjacency. Geometry
 * is used because asking h3-js (gridDisk) costs ~15 µs a cell: 2 s for a city grid.
 */
export function gridNeighbours(grid: CoverageGrid): Neighbours {
  const cached = neighbourCache.get(grid);
  if (cached) return cached;
  const n = grid.count;
  const offsets = new Int32Array(n + 1);
  if (n === 0) return { offsets, adj: new Int32Array(0) };
  let lat0 = 0;
  for (let c = 0; c < n; c++) lat0 += (grid.lat[c] as number) / n;
  const kx = metresPerDegreeLon(lat0);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const index = new KDBush(n, 64, Float64Array);
  for (let c = 0; c < n; c++) {
    x[c] = (grid.lon[c] as number) * kx;
    y[c] = (grid.lat[c] as number) * METRES_PER_DEGREE;
    index.add(x[c] as number, y[c] as number);
  }
  index.finish();
  const spacing =
    grid.spec.kind === 'square'
      ? grid.spec.sizeM
      : // Centre-to-centre distance of adjacent hexagons: √3 × the resolution's edge length here.
        Math.sqrt(3) * Math.sqrt((2 * (grid.areaM2.reduce((a, b) => a + b, 0) / n)) / (3 * Math.sqrt(3)));
  const cutoff = spacing * (grid.spec.kind === 'square' ? 1.2 : 1.35);
  const adj: number[] = [];
  const hits = new Int32Array(64);
  for (let c = 0; c < n; c++) {
    const k = index.withinInto(x[c] as number, y[c] as number, cutoff, hits);
    for (let i = 0; i < k; i++) if (hits[i] !== c) adj.push(hits[i] as number);
    offsets[c + 1] = adj.length;
  }
  const out = { offsets, adj: Int32Array.from(adj) };
  neighbourCache.set(grid, out);
  return out;
}

/** Closed outline of a cell, [lon, lat][] (counter-clockwise for squares; H3's own order for hexagons). */
export function cellRing(grid: Pick<CoverageGrid, 'ids' | 'spec'>, cell: number): [number, number][] {
  const id = grid.ids[cell] as string;
  if (grid.spec.kind === 'h3') return cellToBoundary(id, true) as [number, number][];
  const [, si, sj] = id.split(':');
  return squareRing(Number(si), Number(sj), grid.spec.sizeM);
}
