// Issue 12: a seeded fuzz of valid files through the importer, the per-file time budget, progress inside
// one large feature, and messages that follow a language switch.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../catalog';
import type { Position } from '../feature';
import { translate } from '../i18n';
import { formatIssue, type Issue } from '../validate';
import { type ImportProgress, importFile } from './import_file';

const districts = JSON.parse(
  readFileSync(new URL('../../../data/boundaries/lanzhou_districts.geojson', import.meta.url), 'utf8'),
);
// A layer that exists whatever the catalog's list is this week.
const category = CATALOG.find((l) => !l.derived)?.id as string;
const enc = (s: string) => new TextEncoder().encode(s);

/** mulberry32: reproducible randomness. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function circle(n: number, r = 0.004, lon = 103.82, lat = 36.06): Position[] {
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    ring.push([+(lon + r * Math.cos(a)).toFixed(7), +(lat + r * Math.sin(a)).toFixed(7)]);
  }
  ring.push(ring[0] as Position);
  return ring;
}

const validGeoJson = () =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [103.8236, 36.0611] },
        properties: { id: 'f1', name_zh: '测试点', category, accuracy_m: 30, source: { title: '测试数据' } },
      },
      {
        type: 'Feature',
        geometry: { type: 'Polygon', coordinates: [circle(40)] },
        properties: { id: 'f2', name_zh: '测试区域', category, status: 'planned', source_date: '2024-03' },
      },
      {
        type: 'Feature',
        geometry: {
          type: 'LineString',
          coordinates: [
            [103.81, 36.05],
            [103.82, 36.055],
          ],
        },
        properties: { id: 'f3', name_en: 'Test line', category, accuracy_m: '12.5' },
      },
    ],
  });
const validCsv = () =>
  [
    'id,name_zh,category,status,lon,lat,accuracy_m,source_title,source_date',
    `c1,测试点甲,${category},existing,103.8236,36.0611,30,测试数据,2024-03-19`,
    `c2,测试点乙,${category},planned,103.8301,36.0598,50,测试数据,2024年3月`,
  ].join('\n');

/** Insertions that hit the importer's edge cases: numbers, quotes, structure, encodings, long runs. */
const SNIPPETS = [
  '0x67',
  '1e400',
  '-Infinity',
  'NaN',
  '"',
  ',',
  '{',
  '}',
  '[',
  ']',
  ':',
  '\\',
  '\u0000',
  '\uFEFF',
  ' '.repeat(5000),
  '9'.repeat(400),
  '{"type":"Feature"}',
  '"type":"Polygon"',
  'null',
  '[[[',
  '\r\n',
  '103,8236',
  '__proto__',
  '"coordinates"',
  '年月日',
  '\uD800',
];

function mutate(text: string, rand: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(rand() * 4);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rand() * (out.length + 1));
    const op = rand();
    if (op < 0.4)
      out = out.slice(0, at) + (SNIPPETS[Math.floor(rand() * SNIPPETS.length)] as string) + out.slice(at);
    else if (op < 0.7) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(rand() * 20));
    else out = out.slice(0, at) + out.slice(Math.floor(rand() * out.length)); // a jump: cut or duplicate
  }
  return out;
}

/** Keys that say nothing specific; a rejection must never be only these. */
const GENERIC = new Set<Issue['key']>(['import.err.internal', 'import.err.worker_failed']);

describe('fuzz: random mutations of valid files', () => {
  it('never throw, finish within the budget, and every rejection carries a specific, complete message', async () => {
    const rand = rng(20261203);
    const seen = new Set<string>();
    for (let round = 0; round < 400; round++) {
      const csv = round % 2 === 1;
      const name = csv ? 'fuzz.csv' : 'fuzz.geojson';
      const text = mutate(csv ? validCsv() : validGeoJson(), rand);
      const r = await importFile(enc(text), {
        name,
        crs: 'WGS84',
        lang: 'en',
        districts,
        timeBudgetMs: 5000,
      });
      const errors = r.issues.filter((i) => i.severity === 'error');
      for (const i of r.issues) {
        seen.add(i.key);
        expect(GENERIC.has(i.key), `${i.key} for ${JSON.stringify(text).slice(0, 300)}`).toBe(false);
        for (const lang of ['en', 'zh'] as const) {
          const message = formatIssue(i, lang);
          expect(message).toContain(name);
          expect(message, message).not.toMatch(/\{\w+\}/);
        }
      }
      // Something rejected is explained: fewer features than records means at least one error.
      if (r.stats.accepted < r.stats.records) expect(errors.length, text.slice(0, 300)).toBeGreaterThan(0);
      expect(r.issues.some((i) => i.key === 'import.err.time_budget')).toBe(false);
    }
    // The mutations reached many different checks, not one parser error over and over.
    expect(seen.size).toBeGreaterThan(15);
  });
});

describe('bounded work', () => {
  const polygonFile = (n: number) =>
    enc(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Polygon', coordinates: [circle(n, 0.02)] },
            properties: { id: 'p1', name_zh: '测试多边形', category },
          },
        ],
      }),
    );

  it('stops at the per-file time budget with a message naming the record, and adds nothing', async () => {
    const r = await importFile(polygonFile(50_000), {
      name: 'slow.geojson',
      crs: 'WGS84',
      lang: 'en',
      districts,
      timeBudgetMs: 0,
    });
    expect(r.features).toEqual([]);
    expect(r.issues.map((i) => i.key)).toEqual(['import.err.time_budget']);
    expect(formatIssue(r.issues[0] as Issue, 'en')).toBe(
      'slow.geojson feature 1: checking took longer than the limit of 0 s per file (0 of 1 records checked); nothing was imported. Split the file or simplify large geometries and import again',
    );
    expect(formatIssue(r.issues[0] as Issue, 'zh')).toMatch(
      /^slow\.geojson 第 1 个要素：检查超过了每个文件 0 秒的时限/,
    );
  });

  it('reports progress that moves inside one large polygon, up to its last position', async () => {
    const seen: ImportProgress[] = [];
    const r = await importFile(
      polygonFile(150_000),
      { name: 'big.geojson', crs: 'WGS84', lang: 'en', districts },
      (p) => seen.push(p),
    );
    expect(r.stats.accepted).toBe(1);
    const validate = seen.filter((p) => p.phase === 'validate');
    // Many steps although there is only one record; done only grows.
    expect(validate.length).toBeGreaterThan(20);
    expect(validate.every((p) => p.record === 1 && p.records === 1)).toBe(true);
    for (let i = 1; i < validate.length; i++) {
      expect((validate[i] as ImportProgress).done).toBeGreaterThanOrEqual(
        (validate[i - 1] as ImportProgress).done,
      );
    }
    expect(validate.at(-1)).toMatchObject({ done: 150_002, total: 150_002 });
  });
});

describe('messages after a language switch', () => {
  it('render wholly in the new language, including where a duplicate id was first seen', async () => {
    const file = enc(
      JSON.stringify({
        type: 'FeatureCollection',
        features: ['same', 'same', 'loaded'].map((id, k) => ({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [103.8236, 36.0611] },
          properties: {
            id,
            name_zh: `测试点${k}`,
            category,
            status: 'existing',
            accuracy_m: 30,
            source: { title: '测试' },
          },
        })),
      }),
    );
    // Imported while the page was in English, with an id that is also already loaded.
    const r = await importFile(file, {
      name: 'd.geojson',
      crs: 'WGS84',
      lang: 'en',
      districts,
      existingIds: ['loaded'],
    });
    expect(r.issues.map((i) => formatIssue(i, 'zh'))).toEqual([
      'd.geojson 第 2 个要素：编号 same 重复（首次出现于 d.geojson 第 1 个要素），已改为 same-2',
      `d.geojson 第 3 个要素：编号 loaded 重复（首次出现于${translate('zh', 'import.loaded')}），已改为 loaded-2`,
    ]);
    expect(r.issues.map((i) => formatIssue(i, 'en'))).toEqual([
      'd.geojson feature 2: the id same is a duplicate (first seen at d.geojson feature 1); renamed to same-2',
      'd.geojson feature 3: the id loaded is a duplicate (first seen at the data already loaded); renamed to loaded-2',
    ]);
    // Nothing in the stored issue is pre-rendered text in the import-time language.
    expect(JSON.stringify(r.issues)).not.toMatch(/feature 1|already loaded/);
  });
});

describe('encodings in GeoJSON', () => {
  it('refuses a GeoJSON file with a line not valid in the encoding, and names the line, whichever encoding is picked', async () => {
    // "测试点" as GBK bytes (Python's gbk codec), inside an otherwise ASCII/UTF-8 file.
    const gbkName = [178, 226, 202, 212, 181, 227];
    const head = enc(
      '{"type":"FeatureCollection","features":[\n{"type":"Feature","geometry":{"type":"Point","coordinates":[103.8236,36.0611]},"properties":{"name_zh":"',
    );
    // Line 3 is UTF-8 text, so the file is UTF-8 with one line that is not.
    const tail = enc(
      `","category":"${category}","status":"existing","accuracy_m":30,"source":{"title":"t"}}},\n` +
        `{"type":"Feature","geometry":{"type":"Point","coordinates":[103.83,36.06]},"properties":{"name_zh":"白塔山测试","category":"${category}"}}\n]}`,
    );
    const bytes = new Uint8Array([...head, ...gbkName, ...tail]);
    const auto = await importFile(bytes, { name: 'g.geojson', crs: 'WGS84', lang: 'en', districts });
    expect(auto.features).toEqual([]);
    expect(auto.issues.map((i) => formatIssue(i, 'en'))).toEqual([
      'g.geojson: line(s) 2 are not valid UTF-8 text; nothing was imported. Choose the encoding the file was saved in under “Text encoding” and import again',
    ]);
    const gbk = await importFile(bytes, {
      name: 'g.geojson',
      crs: 'WGS84',
      lang: 'en',
      districts,
      encoding: 'gbk',
    });
    // Read as GBK, line 2 is fine and the UTF-8 line 3 is the one named: never decoded into mojibake.
    expect(gbk.stats.encoding).toBe('gbk');
    expect(gbk.issues.map((i) => [i.key, i.params.lines, i.params.encoding])).toEqual([
      ['import.err.encoding_json', '3', 'GBK'],
    ]);
  });
});
