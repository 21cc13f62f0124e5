import { readdirSync, readFileSync } from 'node:fs';
import distance from '@turf/distance';
import { describe, expect, it } from 'vitest';
import { LANZHOU_BBOX } from '../../config';
import { fromWgs84 } from '../crs';
import type { Position } from '../feature';
import { formatIssue, validateFeature } from '../validate';
import { type ImportOptions, type ImportProgress, importFile, MAX_ISSUES_PER_KEY } from './import_file';

const districts = JSON.parse(
  readFileSync(new URL('../../../data/boundaries/lanzhou_districts.geojson', import.meta.url), 'utf8'),
);
const bytes = (s: string) => new TextEncoder().encode(s);
const opts = (over: Partial<ImportOptions> = {}): ImportOptions => ({
  name: 'f.csv',
  crs: 'WGS84',
  lang: 'en',
  districts,
  ...over,
});
const en = (r: { issues: Parameters<typeof formatIssue>[0][] }) => r.issues.map((i) => formatIssue(i, 'en'));

describe('importFile: limits and robustness', () => {
  it('refuses oversized bytes, Blobs and Blob-likes that lie about their size', async () => {
    const small = { maxBytes: 1024 };
    const big = new Uint8Array(2048).fill(0x20);
    expect(en(await importFile(big, opts(small)))).toEqual([
      'f.csv: the file is too large (0.0 MB, limit 0 MB)',
    ]);
    let reads = 0;
    const blob = new Blob([big]);
    const spy = {
      size: blob.size,
      arrayBuffer: () => {
        reads++;
        return blob.arrayBuffer();
      },
    };
    expect((await importFile(spy, opts(small))).issues[0]?.key).toBe('err.too_large');
    expect(reads).toBe(0);
    const liar = { size: 10, arrayBuffer: async () => big.buffer };
    expect((await importFile(liar, opts(small))).issues[0]?.key).toBe('err.too_large');
  });

  it('reads a real Blob within the limit', async () => {
    const text = 'name_zh,lon,lat,category\n甲,103.8236,36.0611,checkin_spot\n';
    const r = await importFile(new Blob([text]), opts());
    expect(r.features).toHaveLength(1);
    expect(r.stats).toMatchObject({ bytes: bytes(text).length, format: 'csv', records: 1, accepted: 1 });
  });

  it('reports progress phase by phase up to the record count', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => `p${i},103.82,36.06,checkin_spot`);
    const seen: ImportProgress[] = [];
    await importFile(bytes(`name,lon,lat,category\n${rows.join('\n')}`), opts(), (p) => seen.push(p));
    const phases = [...new Set(seen.map((p) => p.phase))];
    expect(phases).toEqual(['read', 'decode', 'parse', 'validate', 'done']);
    const validate = seen.filter((p) => p.phase === 'validate');
    expect(validate.length).toBeGreaterThan(50);
    expect(validate.length).toBeLessThanOrEqual(102);
    expect(validate.at(-1)).toEqual({
      phase: 'validate',
      done: 1000,
      total: 1000,
      record: 500,
      records: 500,
    });
  });

  it('never throws on random bytes or on fixtures cut and corrupted at random', async () => {
    let seed = 1234;
    const rand = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    const dir = new URL('../../../test/fixtures/bad/', import.meta.url);
    const files = readdirSync(dir).filter((n) => !n.endsWith('.md'));
    for (let round = 0; round < 300; round++) {
      const name = files[Math.floor(rand() * files.length)] as string;
      const source = new Uint8Array(readFileSync(new URL(name, dir)));
      let data: Uint8Array;
      if (round % 3 === 0) data = Uint8Array.from({ length: Math.floor(rand() * 400) }, () => rand() * 256);
      else {
        data = source.slice(0, Math.floor(rand() * (source.length + 1)));
        for (let k = Math.floor(rand() * 4); k > 0 && data.length > 0; k--) {
          data[Math.floor(rand() * data.length)] = Math.floor(rand() * 256);
        }
      }
      const r = await importFile(data, opts({ name }));
      expect(
        r.issues.every((i) => i.key !== 'import.err.internal'),
        `${name} round ${round}`,
      ).toBe(true);
      // Whatever got through is a valid feature inside Lanzhou.
      for (const f of r.features) {
        const again = validateFeature(
          f,
          { key: 'err.feature_where', params: { file: name, index: 0 } },
          {
            file: name,
            allowUnknownAccuracy: true,
          },
        );
        expect(again.issues.filter((i) => i.severity === 'error')).toEqual([]);
      }
    }
  });

  it('turns a failing read into a message instead of a rejection', async () => {
    const broken = { size: 10, arrayBuffer: () => Promise.reject(new Error('NotReadableError: gone')) };
    const r = await importFile(broken, opts());
    expect(en(r)).toEqual([
      'f.csv: an unexpected error occurred while importing (Error: NotReadableError: gone); the data already loaded is unaffected',
    ]);
  });

  it(`lists ${MAX_ISSUES_PER_KEY} problems of a kind and counts the rest`, async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `p${i},abc,36.06,checkin_spot`);
    const r = await importFile(bytes(`name,lon,lat,category\n${rows.join('\n')}`), opts());
    expect(r.stats).toMatchObject({ records: 50, accepted: 0, rejected: 50, errors: 50 });
    expect(r.issues).toHaveLength(MAX_ISSUES_PER_KEY + 1);
    expect(en(r).at(-1)).toBe('f.csv: 30 more problems of the same kind are not listed');
    expect(en(r)[0]).toBe(
      'f.csv row 2: invalid coordinate (["abc", 36.06]); expected numbers [longitude, latitude]',
    );
  });
});

describe('importFile: the forgiving user mode', () => {
  it('fills defaults and says so: id, status, accuracy, source, district, category', async () => {
    const r = await importFile(
      bytes('名称,经度,纬度\n测试点甲,103.8236,36.0611\n'),
      opts({ category: 'youth_park' }),
    );
    expect(r.features).toHaveLength(1);
    const p = r.features[0]!.properties;
    expect(p).toMatchObject({
      id: 'f.csv#2',
      name_zh: '测试点甲',
      name_en: '测试点甲',
      category: 'youth_park',
      status: 'existing',
      district: '620102',
      source: { title: 'User import: f.csv' },
      user_import: true,
      import_file: 'f.csv',
    });
    expect(p.accuracy_m).toBeNaN();
    expect(en(r)).toEqual([
      'f.csv: places without a status: 1; they are shown as existing',
      'f.csv: places without a positional accuracy: 1; marked as accuracy unknown',
      'f.csv: places without a source: 1; marked as a user import',
    ]);
    const zh = await importFile(
      bytes('名称,经度,纬度\n测试点甲,103.8236,36.0611\n'),
      opts({ category: 'youth_park', lang: 'zh' }),
    );
    expect(zh.features[0]?.properties.source.title).toBe('用户导入：f.csv');
  });

  it('reads a single "lng,lat" column as AMap pickers copy it, and converts GCJ-02', async () => {
    const truth: Position = [103.8236, 36.0611];
    const gcj = fromWgs84(truth[0], truth[1], 'GCJ02');
    const text = `名称,坐标,类别\n甲,"${gcj[0]},${gcj[1]}",checkin_spot\n乙,${gcj[0]}，${gcj[1]},checkin_spot\n`;
    const r = await importFile(bytes(text), opts({ crs: 'GCJ02' }));
    expect(r.features).toHaveLength(2);
    for (const f of r.features) {
      expect(distance(f.geometry.coordinates as Position, truth, { units: 'meters' })).toBeLessThan(1);
    }
  });

  it('converts every vertex of GeoJSON polygons and warns when the file declares another CRS', async () => {
    const ring: Position[] = [
      [103.81, 36.05],
      [103.83, 36.05],
      [103.83, 36.06],
      [103.81, 36.06],
      [103.81, 36.05],
    ];
    const fc = {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } },
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Polygon', coordinates: [ring.map(([x, y]) => fromWgs84(x, y, 'BD09'))] },
          properties: { name: 'Zone', category: '夜间青年文旅消费集聚区', status: '规划中', accuracy_m: 100 },
        },
      ],
    };
    const r = await importFile(bytes(JSON.stringify(fc)), opts({ name: 'z.geojson', crs: 'BD09' }));
    expect(en(r)[0]).toBe('z.geojson: the file declares WGS-84 but BD-09 was chosen; converted as BD-09');
    const out = r.features[0]!.geometry.coordinates as Position[][];
    expect(r.features[0]!.properties).toMatchObject({
      category: 'night_zone',
      status: 'planned',
      name_en: 'Zone',
    });
    out[0]!.forEach((p, i) => {
      expect(distance(p, ring[i] as Position, { units: 'meters' })).toBeLessThan(1);
    });
  });

  it('renames ids that collide with loaded data or earlier rows, and never drops the row', async () => {
    const text = 'id,name,lon,lat,category\na,A,103.82,36.06,checkin_spot\na,A2,103.82,36.06,checkin_spot\n';
    const r = await importFile(bytes(text), opts({ existingIds: ['a', 'a-2'] }));
    expect(r.features.map((f) => f.properties.id)).toEqual(['a-3', 'a-4']);
    expect(en(r).slice(0, 2)).toEqual([
      'f.csv row 2: the id a is a duplicate (first seen at the data already loaded); renamed to a-3',
      'f.csv row 3: the id a is a duplicate (first seen at the data already loaded); renamed to a-4',
    ]);
  });

  it('keeps only points inside Lanzhou, with each outsider named', async () => {
    const text =
      'name,lon,lat,category\nA,103.82,36.06,checkin_spot\nB,104.55,37.05,checkin_spot\nC,121.47,31.23,checkin_spot\n';
    const r = await importFile(bytes(text), opts());
    expect(r.features.map((f) => f.properties.name_en)).toEqual(['A']);
    for (const f of r.features) {
      const [lon, lat] = f.geometry.coordinates as Position;
      expect(
        lon >= LANZHOU_BBOX[0] && lon <= LANZHOU_BBOX[2] && lat >= LANZHOU_BBOX[1] && lat <= LANZHOU_BBOX[3],
      ).toBe(true);
    }
    expect(en(r).slice(0, 2)).toEqual([
      'f.csv row 3: coordinate [104.55, 37.05] is outside Lanzhou',
      'f.csv row 4: coordinate [121.47, 31.23] is outside Lanzhou',
    ]);
  });
});
