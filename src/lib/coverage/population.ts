// Population for coverage: CSV points (lon, lat, pop) or a WorldPop-style raster, summed into grid cells.

import Papa from 'papaparse';
import { MAX_BOUNDS } from '../../config';
import { decodeText, sniffBinary } from '../import/decode';
import { type NumberProblem, parseDecimal } from '../import/number';
import type { Issue } from '../validate';
import { type CoverageGrid, cellIdAt, cellIndexMap } from './grid';

/** People at points (e.g. raster pixel centres), WGS-84. */
export interface PopulationPoints {
  lon: Float64Array;
  lat: Float64Array;
  pop: Float64Array;
}

/** What reading a population file gave. */
export interface PopulationImport {
  name: string;
  format: 'csv' | 'geotiff';
  /** Null when the file could not be used at all (see issues). */
  points: PopulationPoints | null;
  /** Data rows (or raster pixels with a value) read. */
  records: number;
  accepted: number;
  /** Sum of the accepted population. */
  total: number;
  issues: Issue[];
}

const LON_NAMES = ['lon', 'lng', 'long', 'longitude', 'x', '经度'];
const LAT_NAMES = ['lat', 'latitude', 'y', '纬度'];
const POP_NAMES = ['pop', 'population', 'count', 'value', 'z', 'people', '人口', '人数', '人口数'];

const [[MIN_LON, MIN_LAT], [MAX_LON, MAX_LAT]] = MAX_BOUNDS;
const inLanzhou = (lon: number, lat: number) =>
  lon >= MIN_LON && lon <= MAX_LON && lat >= MIN_LAT && lat <= MAX_LAT;

/** More people than this at one point is not a count (it would also overflow the totals: 1e308 + 1e308). */
export const MAX_POINT_POPULATION = 10_000_000;

type Cell = { value: number } | { problem: NumberProblem };

/**
 * Reads a number the way spreadsheets write them: thousands grouped by commas or spaces, full-width
 * digits; a decimal comma only where commas do not separate columns. Never hexadecimal, never a guess.
 */
function num(cell: string | undefined, decimalComma: boolean): Cell {
  if (cell === undefined || cell.trim() === '') return { problem: 'text' };
  return parseDecimal(cell, { thousands: true, decimalComma });
}
const value = (c: Cell) => ('value' in c ? c.value : Number.NaN);

function failure(name: string, key: Issue['key'], params: Issue['params'] = {}): PopulationImport {
  return {
    name,
    format: 'csv',
    points: null,
    records: 0,
    accepted: 0,
    total: 0,
    issues: [{ severity: 'error', key, params: { file: name, ...params } }],
  };
}

/**
 * Reads population points from CSV bytes: a header naming longitude, latitude and population columns
 * (English or Chinese names), or three bare numeric columns x, y, value (gdal2xyz output). Encoding as
 * for user imports (UTF-8 with or without BOM, UTF-16, GBK). Coordinates must be WGS-84. Rows with
 * unreadable numbers, negative counts, swapped or out-of-Lanzhou coordinates are skipped and counted.
 * @param bytes the whole file
 * @param name file name, for messages
 */
export function readPopulationCsv(bytes: Uint8Array, name: string): PopulationImport {
  if (bytes.length === 0) return failure(name, 'plan.cov.pop.err.empty');
  if (sniffBinary(bytes)) return failure(name, 'plan.cov.pop.err.binary');
  const { text } = decodeText(bytes);
  const parsed = Papa.parse<string[]>(text, {
    delimitersToGuess: [',', '\t', ';', '|', '，'],
    skipEmptyLines: 'greedy',
  });
  const rows = parsed.data;
  const decimalComma = parsed.meta.delimiter !== ',' && parsed.meta.delimiter !== '，';
  const first = rows[0];
  if (!first || rows.length === 0) return failure(name, 'plan.cov.pop.err.empty');
  const lower = first.map((h) => h.trim().toLowerCase());
  const find = (names: string[]) => lower.findIndex((h) => names.includes(h));
  let cols = { lon: find(LON_NAMES), lat: find(LAT_NAMES), pop: find(POP_NAMES) };
  let body = rows.slice(1);
  let rowOffset = 2;
  if (cols.lon < 0 || cols.lat < 0 || cols.pop < 0) {
    if (first.length === 3 && first.every((c) => 'value' in num(c, decimalComma))) {
      cols = { lon: 0, lat: 1, pop: 2 };
      body = rows;
      rowOffset = 1;
    } else return failure(name, 'plan.cov.pop.err.columns', { value: first.join(', ').slice(0, 80) });
  }
  // Accepted rows are written in place into arrays sized for every row; one trimming copy at the end.
  const lon = new Float64Array(body.length);
  const lat = new Float64Array(body.length);
  const pop = new Float64Array(body.length);
  let n = 0;
  let total = 0;
  const bad = {
    invalid: [] as number[],
    hex: [] as number[],
    comma: [] as number[],
    huge: [] as number[],
    negative: [] as number[],
    swapped: [] as number[],
    outside: [] as number[],
  };
  body.forEach((cells, i) => {
    const row = i + rowOffset;
    const read = [
      num(cells[cols.lon], decimalComma),
      num(cells[cols.lat], decimalComma),
      num(cells[cols.pop], decimalComma),
    ];
    const problems = read.flatMap((c) => ('problem' in c ? [c.problem] : []));
    const [x, y, p] = read.map(value) as [number, number, number];
    if (problems.includes('hex')) bad.hex.push(row);
    else if (problems.includes('comma')) bad.comma.push(row);
    else if (problems.includes('overflow') || p > MAX_POINT_POPULATION) bad.huge.push(row);
    else if (problems.length > 0) bad.invalid.push(row);
    else if (p < 0) bad.negative.push(row);
    else if (!inLanzhou(x, y)) (inLanzhou(y, x) ? bad.swapped : bad.outside).push(row);
    else {
      lon[n] = x;
      lat[n] = y;
      pop[n] = p;
      total += p;
      n++;
    }
  });
  const issues: Issue[] = [];
  const report = (rowsOf: number[], key: Issue['key']) => {
    if (rowsOf.length > 0)
      issues.push({
        severity: 'warning',
        key,
        params: { file: name, n: rowsOf.length, rows: rowsOf.slice(0, 5).join(', ') },
      });
  };
  report(bad.invalid, 'plan.cov.pop.row_invalid');
  report(bad.hex, 'plan.cov.pop.row_hex');
  report(bad.comma, 'plan.cov.pop.row_comma');
  report(bad.huge, 'plan.cov.pop.row_huge');
  report(bad.negative, 'plan.cov.pop.row_negative');
  report(bad.swapped, 'plan.cov.pop.row_swapped');
  report(bad.outside, 'plan.cov.pop.row_outside');
  if (n === 0) issues.unshift({ severity: 'error', key: 'plan.cov.pop.err.none', params: { file: name } });
  const trim = (a: Float64Array) => (n === a.length ? a : a.slice(0, n));
  return {
    name,
    format: 'csv',
    points: n > 0 ? { lon: trim(lon), lat: trim(lat), pop: trim(pop) } : null,
    records: body.length,
    accepted: n,
    total,
    issues,
  };
}

/**
 * A decoded single-band raster in WGS-84 longitude/latitude (WorldPop's and GHS-POP's 4326 products):
 * the top-left corner and the pixel size in degrees (height negative for north-up rasters).
 */
export interface PopulationRaster {
  width: number;
  height: number;
  originLon: number;
  originLat: number;
  pixelWidth: number;
  pixelHeight: number;
  values: ArrayLike<number>;
  noData: number | null;
}

/** [[west, south], [east, north]] in degrees. */
type Bounds = [[number, number], [number, number]];

/** Whether a pixel value is people: positive, finite and not the no-data value. */
const isPeople = (v: number, noData: number | null) => v > 0 && v !== noData && Number.isFinite(v);

/**
 * Pixel centres with a positive count become points (no-data and zero pixels are dropped), in row
 * order. Counts first, then fills arrays of the exact size, so a 15-million-pixel window costs the
 * three result arrays and nothing more.
 * @param within keep only the centres inside these bounds (degrees, edges included); all when absent
 * @returns the points, and `pixels`: how many pixels had people, inside the bounds or not
 */
export function rasterToPoints(r: PopulationRaster, within?: Bounds): PopulationPoints & { pixels: number } {
  const [[west, south], [east, north]] = within ?? [
    [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY],
    [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY],
  ];
  const { width, height, values, noData } = r;
  const lonOf = (i: number) => r.originLon + (i + 0.5) * r.pixelWidth;
  const latOf = (j: number) => r.originLat + (j + 0.5) * r.pixelHeight;
  // The columns whose centre is inside: a contiguous run, whichever way the raster runs.
  let i0 = 0;
  while (i0 < width && !(lonOf(i0) >= west && lonOf(i0) <= east)) i0++;
  let i1 = i0;
  while (i1 < width && lonOf(i1) >= west && lonOf(i1) <= east) i1++;
  let pixels = 0;
  let kept = 0;
  for (let j = 0; j < height; j++) {
    const y = latOf(j);
    const rowIn = y >= south && y <= north;
    for (let i = 0, k = j * width; i < width; i++, k++)
      if (isPeople(values[k] as number, noData)) {
        pixels++;
        if (rowIn && i >= i0 && i < i1) kept++;
      }
  }
  const lon = new Float64Array(kept);
  const lat = new Float64Array(kept);
  const pop = new Float64Array(kept);
  let n = 0;
  for (let j = 0; j < height && n < kept; j++) {
    const y = latOf(j);
    if (!(y >= south && y <= north)) continue;
    for (let i = i0, k = j * width + i0; i < i1; i++, k++) {
      const v = values[k] as number;
      if (!isPeople(v, noData)) continue;
      lon[n] = lonOf(i);
      lat[n] = y;
      pop[n] = v;
      n++;
    }
  }
  return { lon, lat, pop, pixels };
}

/** Turns a GeoTIFF file into a raster (see geotiffReader and lazyGeotiffReader). */
export type GeoTiffReader = (file: Blob) => Promise<PopulationRaster>;

/** The part of a geotiff.js (npm `geotiff` 3) image the reader uses; the real class satisfies it. */
export interface GeoTiffImageLike {
  getWidth(): number;
  getHeight(): number;
  /** Top-left corner (x, y, z) from the tie point or ModelTransformation; throws without either. */
  getOrigin(): number[];
  /** Pixel size (x, y, z); y is negative for north-up images. */
  getResolution(): number[];
  getGDALNoData(): number | null;
  getGeoKeys(): Partial<Record<string, unknown>> | null;
  getFileDirectory(): {
    getValue(tag: 'ModelTransformation' | 'ModelPixelScale'): ArrayLike<number> | undefined;
  };
  /** window: [left, top, right, bottom] in pixels, right/bottom exclusive. */
  readRasters(options: { window: number[]; samples: number[]; interleave: true }): Promise<ArrayLike<number>>;
}

/** A byte range of a file, as geotiff.js asks for it. */
export interface ByteSlice {
  offset: number;
  length: number;
}

/** What geotiff.js reads a file through (its BaseSource): byte ranges on demand. */
export interface GeoTiffSource {
  fetch(slices: ByteSlice[], signal?: AbortSignal): Promise<ArrayBuffer[]>;
  fetchSlice(slice: ByteSlice, signal?: AbortSignal): Promise<ByteSlice & { data: ArrayBuffer }>;
  readonly fileSize: number | null;
  close(): Promise<void>;
}

/** The part of geotiff.js (npm `geotiff` 3) the reader uses; `await import('geotiff')` satisfies it. */
export interface GeoTiffModule {
  GeoTIFF: { fromSource(source: GeoTiffSource): Promise<{ getImage(): Promise<GeoTiffImageLike> }> };
}

/**
 * A geotiff.js source over a Blob (a File is one): each read takes only the byte range asked for, so
 * opening a file reads its header and directory, and a window reads only the strips or tiles it
 * meets. geotiff.js's own fromBlob does the same through FileReader, which Node does not have;
 * Blob.slice().arrayBuffer() exists in workers, pages and Node alike.
 */
export function blobSource(blob: Blob): GeoTiffSource {
  const fetchSlice = async (s: ByteSlice) => ({
    ...s,
    data: await blob.slice(s.offset, s.offset + s.length).arrayBuffer(),
  });
  return {
    fetchSlice,
    fetch: (slices) => Promise.all(slices.map(async (s) => (await fetchSlice(s)).data)),
    fileSize: blob.size,
    close: async () => {},
  };
}

/** Thrown for a raster that is not in WGS-84 longitude/latitude. */
class RasterCrsError extends Error {}

/** Thrown when the GeoTIFF library itself could not be loaded (e.g. its script failed to download). */
class GeoTiffUnavailableError extends Error {}

/** Pixels [start, end) along one axis whose extent meets [lo, hi]; empty when start >= end. */
function pixelSpan(lo: number, hi: number, origin: number, step: number, size: number): [number, number] {
  const a = (lo - origin) / step;
  const b = (hi - origin) / step;
  const clamp = (v: number) => Math.min(size, Math.max(0, v));
  return [clamp(Math.floor(Math.min(a, b))), clamp(Math.ceil(Math.max(a, b)))];
}

/**
 * Wraps geotiff.js into a reader of the first band of the first image. Only the pixels that meet
 * `bounds` are read from the file and decoded (any compression geotiff.js knows: LZW, deflate, with
 * or without a predictor), so a country-wide WorldPop file costs memory for Lanzhou's window only.
 * Refuses (RasterCrsError) projected rasters and geographic ones other than EPSG:4326, and throws for
 * rotated or sheared ones; PixelIsPoint rasters are shifted to corner-based pixels as GDAL reads them.
 * @param geotiff the geotiff.js module
 * @param bounds [[west, south], [east, north]] in degrees; the raster returned covers the pixels meeting it
 */
export function geotiffReader(geotiff: GeoTiffModule, bounds: Bounds = MAX_BOUNDS): GeoTiffReader {
  return async (file) => {
    const image = await (await geotiff.GeoTIFF.fromSource(blobSource(file))).getImage();
    const keys = image.getGeoKeys() ?? {};
    // 4326 is WGS 84; a projected raster (UTM, Web Mercator) would need reprojection we do not do.
    const projected = keys.ProjectedCSTypeGeoKey;
    const geographic = keys.GeographicTypeGeoKey;
    if (
      projected !== undefined ||
      keys.GTModelTypeGeoKey === 1 ||
      (geographic !== undefined && geographic !== 4326)
    )
      // The value is shown in both languages as it is: an EPSG code, or the GeoTIFF key saying "projected".
      throw new RasterCrsError(String(projected ?? geographic ?? 'GTModelTypeGeoKey=1'));
    const dir = image.getFileDirectory();
    const m = dir.getValue('ModelTransformation');
    if (m && ((m[1] ?? 0) !== 0 || (m[4] ?? 0) !== 0))
      throw new Error('rotated or sheared rasters are not supported');
    let [originLon = Number.NaN, originLat = Number.NaN] = image.getOrigin();
    // geotiff.js 3 flips the sign of the y size it derives from a ModelTransformation (north-up comes
    // out positive), so the affine terms are read directly when there is no ModelPixelScale.
    const [pixelWidth = Number.NaN, pixelHeight = Number.NaN] =
      m && !dir.getValue('ModelPixelScale') ? [m[0], m[5]] : image.getResolution();
    if (!(Number.isFinite(originLon) && Number.isFinite(originLat)))
      throw new Error('the raster has no usable origin');
    if (!(Number.isFinite(pixelWidth) && Number.isFinite(pixelHeight) && pixelWidth && pixelHeight))
      throw new Error('the raster has no usable pixel size');
    // PixelIsPoint: the tie point is the centre of the first pixel, not its corner.
    if (keys.GTRasterTypeGeoKey === 2) {
      originLon -= pixelWidth / 2;
      originLat -= pixelHeight / 2;
    }
    const [[west, south], [east, north]] = bounds;
    const [c0, c1] = pixelSpan(west, east, originLon, pixelWidth, image.getWidth());
    const [r0, r1] = pixelSpan(south, north, originLat, pixelHeight, image.getHeight());
    const empty = c1 <= c0 || r1 <= r0;
    const values = empty
      ? new Float32Array(0)
      : await image.readRasters({ window: [c0, r0, c1, r1], samples: [0], interleave: true });
    const noData = image.getGDALNoData();
    return {
      width: empty ? 0 : c1 - c0,
      height: empty ? 0 : r1 - r0,
      originLon: originLon + c0 * pixelWidth,
      originLat: originLat + r0 * pixelHeight,
      pixelWidth,
      pixelHeight,
      values,
      // GDAL writes the no-data value as decimal text; a float32 band holds it rounded to float32.
      noData: noData !== null && values instanceof Float32Array ? Math.fround(noData) : noData,
    };
  };
}

/**
 * A reader that loads geotiff.js on first use, so a host pays nothing for it until a GeoTIFF arrives.
 * A failed load becomes GeoTiffUnavailableError, and the next file tries loading again.
 * @param load e.g. `() => import('geotiff')`
 */
export function lazyGeotiffReader(load: () => Promise<GeoTiffModule>): GeoTiffReader {
  let reader: Promise<GeoTiffReader> | null = null;
  return async (file) => {
    reader ??= load().then(
      (m) => geotiffReader(m),
      (e: unknown) => {
        reader = null;
        throw new GeoTiffUnavailableError((e as Error)?.message || String(e));
      },
    );
    return (await reader)(file);
  };
}

/**
 * The app's GeoTIFF reader: geotiff.js loaded on the first file. Only the GeoTIFF class is taken, so
 * the bundler can leave out the rest (remote sources, decoder pool, writer); with Vite's worker format
 * 'es' the library is a separate chunk fetched only then.
 */
export function appGeotiffReader(): GeoTiffReader {
  return lazyGeotiffReader(async () => {
    const { GeoTIFF } = await import('geotiff');
    return { GeoTIFF };
  });
}

/**
 * Reads a population GeoTIFF through a reader. Without a reader, or when the library cannot be
 * loaded, the result is an error saying so, never a crash. Pixels whose centre lies outside Lanzhou
 * are dropped; `records` counts the pixels with people read from the window the reader decoded.
 * @param file the GeoTIFF (a File, or any Blob); only the parts the reader asks for are read
 */
export async function readPopulationGeoTiff(
  file: Blob,
  name: string,
  reader: GeoTiffReader | null,
): Promise<PopulationImport> {
  const fail = (key: Issue['key'], params: Issue['params'] = {}) => ({
    ...failure(name, key, params),
    format: 'geotiff' as const,
  });
  if (!reader) return fail('plan.cov.pop.err.geotiff_missing', { detail: 'no GeoTIFF reader' });
  let raster: PopulationRaster;
  try {
    raster = await reader(file);
  } catch (e) {
    if (e instanceof RasterCrsError) return fail('plan.cov.pop.err.geotiff_crs', { value: e.message });
    if (e instanceof GeoTiffUnavailableError)
      return fail('plan.cov.pop.err.geotiff_missing', { detail: e.message });
    return fail('plan.cov.pop.err.geotiff_read', { detail: (e as Error)?.message || String(e) });
  }
  const { pixels, ...points } = rasterToPoints(raster, MAX_BOUNDS);
  let total = 0;
  for (let i = 0; i < points.pop.length; i++) total += points.pop[i] as number;
  const accepted = points.pop.length;
  return {
    name,
    format: 'geotiff',
    points: accepted > 0 ? points : null,
    records: pixels,
    accepted,
    total,
    issues: accepted > 0 ? [] : [{ severity: 'error', key: 'plan.cov.pop.err.none', params: { file: name } }],
  };
}

/** People per cell of a grid, and what fell outside it. */
export interface CellPopulation {
  pop: Float64Array;
  /** People at points inside the grid. */
  inside: number;
  /** People at points outside the chosen districts' cells. */
  outside: number;
}

/**
 * Sums points into the cells that contain them (the cell of the point itself, not of a centre test).
 * Points outside every cell count as outside.
 */
export function populationPerCell(grid: CoverageGrid, points: PopulationPoints): CellPopulation {
  const pop = new Float64Array(grid.count);
  const index = cellIndexMap(grid);
  let inside = 0;
  let outside = 0;
  for (let i = 0; i < points.lon.length; i++) {
    const p = points.pop[i] as number;
    const c = index.get(cellIdAt(grid.spec, points.lon[i] as number, points.lat[i] as number));
    if (c === undefined) outside += p;
    else {
      pop[c] = (pop[c] as number) + p;
      inside += p;
    }
  }
  return { pop, inside, outside };
}

/**
 * Young people (14–35) from total people and a share the user enters. Census age tables are not
 * shipped, so there is no default: without a share, figures are for all ages.
 * @param share 0–1, or null
 */
export function youthOf(people: number, share: number | null): number | null {
  return share === null || !(share >= 0 && share <= 1) ? null : people * share;
}
