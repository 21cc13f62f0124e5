import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGrid, cellAt, districtShapes } from './grid';
import {
  type GeoTiffModule,
  geotiffReader,
  type PopulationRaster,
  populationPerCell,
  rasterToPoints,
  readPopulationCsv,
  readPopulationGeoTiff,
  youthOf,
} from './population';
import { SMALL_DISTRICTS } from './test_support';

const fixture = readFileSync(new URL('../fixtures/coverage/population_points.csv', import.meta.url));
const utf8 = (s: string) => new TextEncoder().encode(s);

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

  it('says that geotiff must be installed when no reader is given', async () => {
    const r = await readPopulationGeoTiff(new ArrayBuffer(8), 'p.tif', null);
    expect(r.points).toBeNull();
    expect(r.format).toBe('geotiff');
    expect(r.issues[0]!.key).toBe('plan.cov.pop.err.geotiff_missing');
  });

  const fakeModule = (geoKeys: Record<string, unknown>): GeoTiffModule => ({
    fromArrayBuffer: async () => ({
      getImage: async () => ({
        getWidth: () => raster.width,
        getHeight: () => raster.height,
        getOrigin: () => [raster.originLon, raster.originLat, 0],
        getResolution: () => [raster.pixelWidth, raster.pixelHeight, 0],
        getGDALNoData: () => raster.noData,
        getGeoKeys: () => geoKeys,
        readRasters: async () => Float32Array.from(raster.values),
      }),
    }),
  });

  it('reads a WGS-84 raster through geotiff.js and refuses a projected one', async () => {
    const ok = await readPopulationGeoTiff(
      new ArrayBuffer(8),
      'p.tif',
      geotiffReader(fakeModule({ GeographicTypeGeoKey: 4326 })),
    );
    expect(ok.accepted).toBe(3);
    expect(ok.total).toBeCloseTo(7.5, 6);
    const utm = await readPopulationGeoTiff(
      new ArrayBuffer(8),
      'utm.tif',
      geotiffReader(fakeModule({ ProjectedCSTypeGeoKey: 32648 })),
    );
    expect(utm.issues[0]).toMatchObject({ key: 'plan.cov.pop.err.geotiff_crs', params: { value: '32648' } });
    const broken = await readPopulationGeoTiff(new ArrayBuffer(8), 'b.tif', async () => {
      throw new Error('not a TIFF');
    });
    expect(broken.issues[0]).toMatchObject({
      key: 'plan.cov.pop.err.geotiff_read',
      params: { detail: 'not a TIFF' },
    });
  });
});

describe('youthOf', () => {
  it('applies the share the user gave, and nothing without one', () => {
    expect(youthOf(1000, 0.3)).toBeCloseTo(300, 9);
    expect(youthOf(1000, null)).toBeNull();
    expect(youthOf(1000, 1.5)).toBeNull();
  });
});
