import { readFileSync } from 'node:fs';
import * as geotiff from 'geotiff';
import { writeArrayBuffer } from 'geotiff';
import { describe, expect, it } from 'vitest';
import { MAX_BOUNDS } from '../../config';
import { rng } from '../walk/test_support';
import { buildGrid, cellAt, districtShapes } from './grid';
import { type PopulationImport, populationPerCell, readPopulationCsv, youthOf } from './population';
import {
  blobSource,
  type GeoTiffModule,
  geotiffReader,
  lazyGeotiffReader,
  type PopulationRaster,
  rasterToPoints,
  readPopulationGeoTiff,
} from './population_geotiff';
import { SMALL_DISTRICTS } from './test_support';
import { CountingBlob, lzwEncode, type TestTiff, writeTestTiff } from './tiff_test_support';

const fixture = readFileSync(new URL('../fixtures/coverage/population_points.csv', import.meta.url));
const utf8 = (s: string) => new TextEncoder().encode(s);
/** A file as the worker receives it (a File is a Blob). */
const blob = (bytes: ArrayBuffer | Uint8Array<ArrayBuffer>) => new Blob([bytes]);

describe('readPopulationCsv', () => {
  it('reads points, skipping and counting bad rows with their row numbers', () => {
    const r = readPopulationCsv(new Uint8Array(fixture), 'pop.csv');
    expect(r.records).toBe(10);
    expect(r.accepted).toBe(6);
    expect(r.total).toBeCloseTo(120 + 80.5 + 1000 + 40 + 7 + 0, 9);
    expect([...r.points!.lon]).toEqual([103.799, 103.805, 103.81, 103.79, 103.815, 103.8]);
    const byKey = Object.fromEntries(r.issues.map((i) => [i.key, i.params]));
    expect(byKey['plan.cov.pop.row_swapped']).toMatchObject({ n: 1, rows: '7' });
    expect(byKey['plan.cov.pop.row_invalid']).toMatchObject({ n: 1, rows: '8' });
    expect(byKey['plan.cov.pop.row_negative']).toMatchObject({ n: 1, rows: '9' });
    expect(byKey['plan.cov.pop.row_outside']).toMatchObject({ n: 1, rows: '10' });
    expect(r.issues.every((i) => i.severity === 'warning')).toBe(true);
  });

  it('reads numbers strictly: no hexadecimal, no guessed decimal comma, no population that overflows the total', () => {
    const csv = [
      'lon,lat,pop',
      '103.8,36.05,"1,234"', // thousands: 1234
      '0x67,36.05,5', // hexadecimal longitude: not 103
      '"103,8236",36.05,5', // a decimal comma where commas separate columns: refused, not 1038236
      '103.8,36.05,1e308',
      '103.8,36.05,1e308',
      '103.8,36.05,1e400',
      '103.8,36.05,0x10',
    ].join('\n');
    const r = readPopulationCsv(utf8(csv), 'strict.csv');
    expect(r.accepted).toBe(1);
    expect(r.total).toBe(1234);
    expect(Number.isFinite(r.total)).toBe(true);
    const byKey = Object.fromEntries(r.issues.map((i) => [i.key, i.params]));
    expect(byKey['plan.cov.pop.row_hex']).toMatchObject({ n: 2, rows: '3, 8' });
    expect(byKey['plan.cov.pop.row_comma']).toMatchObject({ n: 1, rows: '4' });
    expect(byKey['plan.cov.pop.row_huge']).toMatchObject({ n: 3, rows: '5, 6, 7' });
    // With semicolons between columns the comma can only be a decimal mark.
    const eu = readPopulationCsv(utf8('lon;lat;pop\n103,8;36,05;12,5\n'), 'eu.csv');
    expect(eu.accepted).toBe(1);
    expect([eu.points?.lon[0], eu.points?.lat[0], eu.total]).toEqual([103.8, 36.05, 12.5]);
  });

  it('accepts Chinese headers with a BOM, tabs, and bare x,y,value columns', () => {
    const zh = readPopulationCsv(utf8('\uFEFF经度\t纬度\t人口\n103.8\t36.05\t12\n'), 'zh.tsv');
    expect(zh.accepted).toBe(1);
    expect(zh.total).toBe(12);
    const xyz = readPopulationCsv(utf8('103.8 ,36.05,3\n103.81,36.051,4\n'), 'xyz.csv');
    expect(xyz.accepted).toBe(2);
    expect(xyz.total).toBe(7);
  });

  it('refuses unusable files with a message, never throwing', () => {
    expect(readPopulationCsv(new Uint8Array(), 'e.csv').issues[0]!.key).toBe('plan.cov.pop.err.empty');
    expect(readPopulationCsv(utf8('name,value\na,1\n'), 'n.csv').issues[0]).toMatchObject({
      key: 'plan.cov.pop.err.columns',
      params: { file: 'n.csv', value: 'name, value' },
    });
    expect(readPopulationCsv(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), 'x.xlsx').issues[0]!.key).toBe(
      'plan.cov.pop.err.binary',
    );
    const none = readPopulationCsv(utf8('lon,lat,pop\n1,2,3\n'), 'far.csv');
    expect(none.points).toBeNull();
    expect(none.issues[0]).toMatchObject({ severity: 'error', key: 'plan.cov.pop.err.none' });
  });
});

describe('populationPerCell', () => {
  it('puts each point in the cell that contains it, and counts the rest as outside', () => {
    const grid = buildGrid(districtShapes(SMALL_DISTRICTS), ['620102', '620103'], {
      kind: 'h3',
      resolution: 9,
    });
    const r = readPopulationCsv(new Uint8Array(fixture), 'pop.csv');
    const cells = populationPerCell(grid, r.points!);
    expect(cells.inside + cells.outside).toBeCloseTo(r.total, 9);
    expect(cells.pop.reduce((a, b) => a + b, 0)).toBeCloseTo(cells.inside, 9);
    const pts = r.points!;
    for (let i = 0; i < pts.lon.length; i++) {
      const c = cellAt(grid, pts.lon[i]!, pts.lat[i]!);
      if (c >= 0) expect(cells.pop[c]!).toBeGreaterThanOrEqual(pts.pop[i]!);
    }
    // 103.79 lies in the western district; 103.815/36.047 in its eastern part: both inside.
    expect(cells.outside).toBe(0);
  });
});

describe('rasters (the GeoTIFF seam)', () => {
  const raster: PopulationRaster = {
    width: 3,
    height: 2,
    originLon: 103.8,
    originLat: 36.06,
    pixelWidth: 0.001,
    pixelHeight: -0.001,
    values: [1, -9999, 0, 2.5, Number.NaN, 4],
    noData: -9999,
  };

  it('turns pixel centres with people into points', () => {
    const p = rasterToPoints(raster);
    expect([...p.pop]).toEqual([1, 2.5, 4]);
    expect(p.lon[0]).toBeCloseTo(103.8005, 12);
    expect(p.lat[0]).toBeCloseTo(36.0595, 12);
    expect(p.lat[1]).toBeCloseTo(36.0585, 12);
    expect(p.lon[2]).toBeCloseTo(103.8025, 12);
  });

  it('keeps only centres within bounds, as a test of every pixel does, whichever way the raster runs', () => {
    const random = rng(11);
    const bounds: [[number, number], [number, number]] = [
      [103.71, 36.02],
      [103.83, 36.09],
    ];
    for (const [sx, sy] of [
      [1, -1],
      [1, 1],
      [-1, -1],
      [-1, 1],
    ] as const) {
      const r: PopulationRaster = {
        width: 37,
        height: 23,
        originLon: sx > 0 ? 103.7 : 103.85,
        originLat: sy < 0 ? 36.1 : 36.0,
        pixelWidth: sx * 0.004,
        pixelHeight: sy * 0.0045,
        values: Float32Array.from({ length: 37 * 23 }, () => {
          const u = random();
          return u < 0.1 ? -99999 : u < 0.15 ? Number.NaN : u < 0.2 ? -3 : u < 0.3 ? 0 : random() * 50;
        }),
        noData: -99999,
      };
      const want = { lon: [] as number[], lat: [] as number[], pop: [] as number[] };
      let pixels = 0;
      for (let j = 0; j < r.height; j++)
        for (let i = 0; i < r.width; i++) {
          const v = r.values[j * r.width + i]!;
          if (!(v > 0) || v === r.noData) continue;
          pixels++;
          const lon = r.originLon + (i + 0.5) * r.pixelWidth;
          const lat = r.originLat + (j + 0.5) * r.pixelHeight;
          if (lon < 103.71 || lon > 103.83 || lat < 36.02 || lat > 36.09) continue;
          want.lon.push(lon);
          want.lat.push(lat);
          want.pop.push(v);
        }
      const got = rasterToPoints(r, bounds);
      expect(want.pop.length).toBeGreaterThan(100);
      expect(want.pop.length).toBeLessThan(pixels);
      expect(got.pixels).toBe(pixels);
      expect([...got.lon]).toEqual(want.lon);
      expect([...got.lat]).toEqual(want.lat);
      expect([...got.pop]).toEqual(want.pop);
      expect(rasterToPoints(r).pop.length).toBe(pixels);
    }
  });

  it('says that the GeoTIFF reader is unavailable when no reader is given', async () => {
    const r = await readPopulationGeoTiff(blob(new ArrayBuffer(8)), 'p.tif', null);
    expect(r.points).toBeNull();
    expect(r.format).toBe('geotiff');
    expect(r.issues[0]!.key).toBe('plan.cov.pop.err.geotiff_missing');
  });

  const fakeModule = (geoKeys: Record<string, unknown>): GeoTiffModule => ({
    GeoTIFF: {
      fromSource: async () => ({
        getImage: async () => ({
          getWidth: () => raster.width,
          getHeight: () => raster.height,
          getOrigin: () => [raster.originLon, raster.originLat, 0],
          getResolution: () => [raster.pixelWidth, raster.pixelHeight, 0],
          getGDALNoData: () => raster.noData,
          getGeoKeys: () => geoKeys,
          getFileDirectory: () => ({ getValue: () => undefined }),
          readRasters: async () => Float32Array.from(raster.values),
        }),
      }),
    },
  });

  it('reads a WGS-84 raster through the module interface and refuses a projected one', async () => {
    const ok = await readPopulationGeoTiff(
      blob(new ArrayBuffer(8)),
      'p.tif',
      geotiffReader(fakeModule({ GeographicTypeGeoKey: 4326 })),
    );
    expect(ok.accepted).toBe(3);
    expect(ok.total).toBeCloseTo(7.5, 6);
    const utm = await readPopulationGeoTiff(
      blob(new ArrayBuffer(8)),
      'utm.tif',
      geotiffReader(fakeModule({ ProjectedCSTypeGeoKey: 32648 })),
    );
    expect(utm.issues[0]).toMatchObject({ key: 'plan.cov.pop.err.geotiff_crs', params: { value: '32648' } });
    // Projected without an EPSG code: the key itself is named, the same text in both languages.
    const model = await readPopulationGeoTiff(
      blob(new ArrayBuffer(8)),
      'lcc.tif',
      geotiffReader(fakeModule({ GTModelTypeGeoKey: 1 })),
    );
    expect(model.issues[0]).toMatchObject({
      key: 'plan.cov.pop.err.geotiff_crs',
      params: { value: 'GTModelTypeGeoKey=1' },
    });
    const broken = await readPopulationGeoTiff(blob(new ArrayBuffer(8)), 'b.tif', async () => {
      throw new Error('not a TIFF');
    });
    expect(broken.issues[0]).toMatchObject({
      key: 'plan.cov.pop.err.geotiff_read',
      params: { detail: 'not a TIFF' },
    });
  });
});

/** A real GeoTIFF (geotiff.js's writer) of one float32 band; pixel (i, j) is values[j * width + i]. */
interface TiffSpec {
  width: number;
  height: number;
  /** Top-left corner of the top-left pixel, degrees (or metres for a projected raster). */
  west: number;
  north: number;
  /** Pixel size, positive. */
  size: number;
  values: number[];
  noData?: string;
  keys?: Record<string, number>;
  /** Tie point at the centre of the first pixel (GTRasterTypeGeoKey 2). */
  pointTie?: boolean;
}

function makeTiff(t: TiffSpec): ArrayBuffer {
  const shift = t.pointTie ? t.size / 2 : 0;
  return writeArrayBuffer(Float32Array.from(t.values), {
    width: t.width,
    height: t.height,
    ModelPixelScale: [t.size, t.size, 0],
    ModelTiepoint: [0, 0, 0, t.west + shift, t.north - shift, 0],
    ...(t.noData === undefined ? {} : { GDAL_NODATA: t.noData }),
    ...(t.keys ?? { GTModelTypeGeoKey: 2, GeographicTypeGeoKey: 4326 }),
    GTRasterTypeGeoKey: t.pointTie ? 2 : 1,
  });
}

/** What the raster definition says: every pixel with people whose centre is in Lanzhou, row by row. */
function expected(t: TiffSpec): { lon: number[]; lat: number[]; pop: number[] } {
  const [[w, s], [e, n]] = MAX_BOUNDS;
  const noData = t.noData === undefined ? null : Math.fround(Number(t.noData));
  const out = { lon: [] as number[], lat: [] as number[], pop: [] as number[] };
  for (let j = 0; j < t.height; j++)
    for (let i = 0; i < t.width; i++) {
      const v = Math.fround(t.values[j * t.width + i]!);
      const lon = t.west + (i + 0.5) * t.size;
      const lat = t.north - (j + 0.5) * t.size;
      if (!(v > 0) || v === noData || lon < w || lon > e || lat < s || lat > n) continue;
      out.lon.push(lon);
      out.lat.push(lat);
      out.pop.push(v);
    }
  return out;
}

const real = geotiffReader(geotiff);
const read = (t: TiffSpec, name = 'pop.tif') => readPopulationGeoTiff(blob(makeTiff(t)), name, real);

function expectPoints(r: PopulationImport, want: ReturnType<typeof expected>) {
  expect(r.points).not.toBeNull();
  const p = r.points!;
  expect(p.pop.length).toBe(want.pop.length);
  want.pop.forEach((v, k) => {
    expect(p.pop[k]).toBe(v);
    expect(p.lon[k]).toBeCloseTo(want.lon[k]!, 9);
    expect(p.lat[k]).toBeCloseTo(want.lat[k]!, 9);
  });
  expect(r.accepted).toBe(want.pop.length);
  expect(r.total).toBeCloseTo(
    want.pop.reduce((a, b) => a + b, 0),
    6,
  );
}

describe('readPopulationGeoTiff with geotiff.js on real GeoTIFF bytes', () => {
  // 4 × 3 pixels of 0.01° over central Lanzhou (WorldPop's no-data value is -99999).
  const lanzhou: TiffSpec = {
    width: 4,
    height: 3,
    west: 103.78,
    north: 36.07,
    size: 0.01,
    values: [120.5, -99999, 0, 310, 7.25, -5, 1000, 42, 0.5, 88, -99999, 3],
    noData: '-99999',
  };

  it('gives each pixel with people at its centre, skipping no-data, zero and negative pixels', async () => {
    const r = await read(lanzhou);
    expect(r.format).toBe('geotiff');
    expect(r.issues).toEqual([]);
    const want = expected(lanzhou);
    expect(want.pop).toEqual([120.5, 310, 7.25, 1000, 42, 0.5, 88, 3]);
    expectPoints(r, want);
    // Spot check of one centre against the raster definition: column 3, row 2.
    expect(r.points!.lon.at(-1)).toBeCloseTo(103.815, 9);
    expect(r.points!.lat.at(-1)).toBeCloseTo(36.045, 9);
    expect(r.records).toBe(8);
  });

  it('puts PixelIsPoint rasters (tie point at the first pixel centre) at the same centres', async () => {
    const r = await read({ ...lanzhou, pointTie: true });
    expectPoints(r, expected(lanzhou));
  });

  it('drops a no-data value that float32 cannot hold exactly', async () => {
    const t = { ...lanzhou, values: [0.1, 5, 0.1, 6, 0, 0, 0, 0, 0, 0, 0, 0], noData: '0.1' };
    const r = await read(t);
    expect([...r.points!.pop]).toEqual([5, 6]);
  });

  it('drops pixels whose centre is outside Lanzhou, and reports a raster entirely elsewhere', async () => {
    // Straddles the western limit (101.5°E): centres at 101.485 and 101.495 are outside.
    const edge: TiffSpec = { ...lanzhou, west: 101.48, north: 36.0, noData: undefined };
    const r = await read(edge);
    const want = expected(edge);
    expect(want.lon.every((x) => x > 101.5)).toBe(true);
    expect(want.pop.length).toBeLessThan(8);
    expectPoints(r, want);
    const beijing = await read({ ...lanzhou, west: 116.38, north: 39.92 }, 'bj.tif');
    expect(beijing.points).toBeNull();
    expect(beijing.issues[0]).toMatchObject({ severity: 'error', key: 'plan.cov.pop.err.none' });
  });

  it('decodes only the window over Lanzhou of a larger raster, with the same points', async () => {
    // 100 × 80 pixels of 0.05° over 101–106°E, 34–38°N: the window is about 83 × 53 pixels.
    const width = 100;
    const height = 80;
    const values = Array.from({ length: width * height }, (_, k) => ((k * 7919) % 997) - 50);
    const big: TiffSpec = { width, height, west: 101, north: 38, size: 0.05, values, noData: '-1' };
    const raster = await real(blob(makeTiff(big)));
    expect(raster.width).toBeLessThan(width);
    expect(raster.height).toBeLessThan(height);
    expect(raster.width * raster.height).toBe(raster.values.length);
    expectPoints(await read(big), expected(big));
  });

  it('reads a raster placed by a ModelTransformation, and refuses a rotated one', async () => {
    const affine = (b: number, e: number) =>
      writeArrayBuffer(Float32Array.from(lanzhou.values), {
        width: 4,
        height: 3,
        ModelTransformation: [0.01, b, 0, 103.78, e, -0.01, 0, 36.07, 0, 0, 0, 0, 0, 0, 0, 1],
        GDAL_NODATA: '-99999',
        GeographicTypeGeoKey: 4326,
      });
    expectPoints(await readPopulationGeoTiff(blob(affine(0, 0)), 'm.tif', real), expected(lanzhou));
    const rotated = await readPopulationGeoTiff(blob(affine(0.001, 0.001)), 'r.tif', real);
    expect(rotated.issues[0]).toMatchObject({
      key: 'plan.cov.pop.err.geotiff_read',
      params: { detail: 'rotated or sheared rasters are not supported' },
    });
  });

  it('refuses a projected raster with the CRS error', async () => {
    const utm: TiffSpec = {
      ...lanzhou,
      west: 300_000,
      north: 3_990_000,
      size: 100,
      keys: { GTModelTypeGeoKey: 1, ProjectedCSTypeGeoKey: 32648 },
    };
    const r = await read(utm, 'utm.tif');
    expect(r.points).toBeNull();
    expect(r.issues).toEqual([
      {
        severity: 'error',
        key: 'plan.cov.pop.err.geotiff_crs',
        params: { file: 'utm.tif', value: '32648' },
      },
    ]);
    const other = await read({ ...lanzhou, keys: { GTModelTypeGeoKey: 2, GeographicTypeGeoKey: 4490 } });
    expect(other.issues[0]).toMatchObject({ key: 'plan.cov.pop.err.geotiff_crs', params: { value: '4490' } });
  });

  it('gives the read error for garbage, an empty file and a truncated TIFF', async () => {
    const garbage = new TextEncoder().encode('this is not a tiff at all, just text').buffer;
    const tiff = makeTiff(lanzhou);
    for (const [bytes, name] of [
      [garbage, 'garbage.tif'],
      [new ArrayBuffer(0), 'empty.tif'],
      [tiff.slice(0, 64), 'cut.tif'],
    ] as const) {
      const r = await readPopulationGeoTiff(blob(bytes), name, real);
      expect(r.points).toBeNull();
      expect(r.issues).toHaveLength(1);
      expect(r.issues[0]).toMatchObject({ severity: 'error', key: 'plan.cov.pop.err.geotiff_read' });
      expect(String(r.issues[0]!.params.detail).length).toBeGreaterThan(0);
    }
  });
});

describe('compressed GeoTIFFs, as WorldPop and GDAL write them', () => {
  // 300 × 200 pixels of 0.02° over 100–106°E, 35–39°N (Lanzhou's window is about 205 × 130 of them):
  // WorldPop-like fractional counts, a few zeros and no-data pixels, random enough that LZW's table
  // fills and restarts several times within each strip.
  const width = 300;
  const height = 200;
  const random = rng(7);
  const values = Array.from({ length: width * height }, () => {
    const u = random();
    return u < 0.05 ? -99999 : u < 0.1 ? 0 : Math.fround(random() ** 3 * 400);
  });
  const spec: TiffSpec = { width, height, west: 100, north: 39, size: 0.02, values, noData: '-99999' };
  const plain = () => blob(makeTiff(spec));
  const packed = (o: Partial<TestTiff>) =>
    writeTestTiff({ ...spec, compression: 8, rowsPerStrip: 16, ...o } as TestTiff);

  const variants: [string, Partial<TestTiff>][] = [
    ['deflate', { compression: 8 }],
    ['deflate, floating-point predictor', { compression: 8, predictor: 3 }],
    ['LZW', { compression: 5 }],
    ['LZW, floating-point predictor', { compression: 5, predictor: 3 }],
    ['deflate tiles of 64 × 32, predictor 3', { compression: 8, predictor: 3, tile: [64, 32] }],
    ['LZW tiles of 32 × 48', { compression: 5, tile: [32, 48] }],
    ['BigTIFF, deflate, predictor 3', { compression: 8, predictor: 3, bigTiff: true }],
  ];

  it.each(variants)('%s: the same window and points as the uncompressed file', async (_, o) => {
    const bytes = packed(o);
    // The file really is what it says: geotiff.js sees the compression and predictor it was given.
    const image = await (await geotiff.GeoTIFF.fromSource(blobSource(blob(bytes)))).getImage();
    const dir = image.getFileDirectory();
    expect(await dir.loadValue('Compression')).toBe(o.compression);
    expect((await dir.loadValue('Predictor')) ?? 1).toBe(o.predictor ?? 1);
    expect(image.isTiled).toBe(o.tile !== undefined);

    const want = await real(plain());
    const got = await real(blob(bytes));
    expect(got.width).toBeGreaterThan(150);
    expect({ ...got, values: null }).toEqual({ ...want, values: null });
    expect(Array.from(got.values)).toEqual(Array.from(want.values));

    const r = await readPopulationGeoTiff(blob(bytes), 'worldpop.tif', real);
    expect(r.accepted).toBeGreaterThan(15_000);
    expect(r).toEqual(await readPopulationGeoTiff(plain(), 'worldpop.tif', real));
  });

  it('reads only the strips over Lanzhou (and the directory), not the whole file', async () => {
    const file = new CountingBlob([packed({ compression: 5, predictor: 3, rowsPerStrip: 4 })]);
    const r = await readPopulationGeoTiff(file, 'worldpop.tif', real);
    expectPoints(r, expected(spec));
    // The window holds 131 of the 200 rows; the rest of the file is never read.
    expect(file.bytesRead).toBeLessThan(0.75 * file.size);
    expect(file.bytesRead).toBeGreaterThan(0.5 * file.size);
  });
});

describe("lzwEncode (the test files' LZW)", () => {
  it("round-trips through geotiff.js's decoder across code widths and table restarts", async () => {
    const random = rng(3);
    // Runs and noise: long matches reach 12-bit codes, noise fills the table quickly.
    const data = Uint8Array.from({ length: 200_000 }, (_, k) =>
      k % 5000 < 2500 ? (k >> 6) & 0xff : Math.floor(random() * 256),
    );
    const decoder = await geotiff.getDecoder(5, {
      tileWidth: data.length,
      tileHeight: 1,
      planarConfiguration: 1,
      bitsPerSample: [8],
      predictor: 1,
    } as never);
    const out = new Uint8Array(await decoder.decode(lzwEncode(data).buffer));
    expect(out.length).toBe(data.length);
    expect(out.every((v, k) => v === data[k])).toBe(true);
    expect(new Uint8Array(await decoder.decode(lzwEncode(new Uint8Array(0)).buffer)).length).toBe(0);
  });
});

describe('lazyGeotiffReader', () => {
  it('loads geotiff.js once, on the first file', async () => {
    let loads = 0;
    const reader = lazyGeotiffReader(async () => {
      loads++;
      return geotiff;
    });
    expect(loads).toBe(0);
    const bytes = writeArrayBuffer(Float32Array.from([1, 2, 3, 4]), {
      width: 2,
      height: 2,
      ModelPixelScale: [0.01, 0.01, 0],
      ModelTiepoint: [0, 0, 0, 103.8, 36.06, 0],
      GeographicTypeGeoKey: 4326,
    });
    const a = await readPopulationGeoTiff(blob(bytes), 'a.tif', reader);
    const b = await readPopulationGeoTiff(blob(bytes), 'b.tif', reader);
    expect(a.total).toBe(10);
    expect(b.total).toBe(10);
    expect(loads).toBe(1);
  });

  it('reports a library that fails to load as unavailable, and tries again on the next file', async () => {
    let fail = true;
    let loads = 0;
    const reader = lazyGeotiffReader(async () => {
      loads++;
      if (fail) throw new TypeError('Failed to fetch dynamically imported module');
      return geotiff;
    });
    const r = await readPopulationGeoTiff(blob(new ArrayBuffer(8)), 'p.tif', reader);
    expect(r.points).toBeNull();
    expect(r.issues[0]).toMatchObject({
      severity: 'error',
      key: 'plan.cov.pop.err.geotiff_missing',
      params: { file: 'p.tif', detail: 'Failed to fetch dynamically imported module' },
    });
    fail = false;
    const again = await readPopulationGeoTiff(blob(new ArrayBuffer(8)), 'p.tif', reader);
    expect(loads).toBe(2);
    // Loaded this time: the 8 zero bytes are now read (and refused) by geotiff.js itself.
    expect(again.issues[0]!.key).toBe('plan.cov.pop.err.geotiff_read');
  });
});

describe('youthOf', () => {
  it('applies the share the user gave, and nothing without one', () => {
    expect(youthOf(1000, 0.3)).toBeCloseTo(300, 9);
    expect(youthOf(1000, null)).toBeNull();
    expect(youthOf(1000, 1.5)).toBeNull();
  });
});
