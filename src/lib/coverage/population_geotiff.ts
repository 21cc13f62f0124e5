// Population from a WorldPop-style GeoTIFF: ranged reads of Lanzhou's window, WGS-84 only, pixels to points.

import { MAX_BOUNDS } from '../../config';
import type { Issue } from '../validate';
import { type PopulationImport, type PopulationPoints, populationFailure } from './population';

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
    ...populationFailure(name, key, params),
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
