// Hostile properties survive import as inert, length-capped strings; unsafe links are removed.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssue, MAX_STRING_LENGTH } from '../validate';
import { importFile } from './import_file';

const HOSTILE = {
  img: '<img src=x onerror=alert(1)>',
  script: '<script>alert(document.cookie)</script>',
  js: 'javascript:alert(1)',
  rtl: '\u202Egnp.exe\u202C 中山桥',
  zeroWidth: 'a\u200Bb\uFEFFc',
};

function feature(properties: Record<string, unknown>) {
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [103.8236, 36.0611] }, properties };
}

const districts = JSON.parse(
  readFileSync(new URL('../../../data/boundaries/lanzhou_districts.geojson', import.meta.url), 'utf8'),
);
const run = (value: unknown, name = 'h.geojson') =>
  importFile(new TextEncoder().encode(JSON.stringify(value)), { name, crs: 'WGS84', lang: 'en', districts });

describe('hostile data', () => {
  it('keeps markup, script-like text and bidi controls as the exact same plain strings', async () => {
    const r = await run(
      feature({
        id: HOSTILE.script,
        name_zh: HOSTILE.img,
        name_en: HOSTILE.rtl,
        address_zh: HOSTILE.zeroWidth,
        description_zh: HOSTILE.js,
        description_en: `<a href="${HOSTILE.js}">click</a>`,
        category: 'checkin_spot',
        status: 'existing',
        district: '620102',
        accuracy_m: 30,
        source: { title: HOSTILE.img, url: 'https://example.org/ok' },
      }),
    );
    expect(r.issues).toEqual([]);
    const p = r.features[0]!.properties;
    expect(p).toMatchObject({
      id: HOSTILE.script,
      name_zh: HOSTILE.img,
      name_en: HOSTILE.rtl,
      address_zh: HOSTILE.zeroWidth,
      description_zh: HOSTILE.js,
      source: { title: HOSTILE.img, url: 'https://example.org/ok' },
    });
    for (const v of Object.values(p)) expect(['string', 'number', 'boolean', 'object']).toContain(typeof v);
  });

  it('removes javascript:, data: and relative source links with a message, keeping the place', async () => {
    for (const url of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,<b>x</b>',
      '/relative',
      'ftp://x',
    ]) {
      const r = await run(
        feature({ name: 'A', category: 'checkin_spot', status: 'existing', source: { title: 't', url } }),
      );
      expect(r.features).toHaveLength(1);
      expect(r.features[0]?.properties.source).toEqual({ title: 't' });
      expect(r.issues.map((i) => i.key)).toContain('import.url_removed');
    }
    const r = await run(
      feature({ name: 'A', category: 'checkin_spot', status: 'existing', source_url: HOSTILE.js }),
    );
    expect(formatIssue(r.issues[0]!, 'en')).toBe(
      'h.geojson feature 1: the source link javascript:alert(1) was removed (only http/https links are allowed)',
    );
    expect(formatIssue(r.issues[0]!, 'zh')).toBe(
      'h.geojson 第 1 个要素：来源网址 javascript:alert(1) 已删除（仅允许 http/https 链接）',
    );
  });

  it('cuts 1 MB strings to the maximum length with a message per field, without splitting a character', async () => {
    const mb = '兰'.repeat(1024 * 1024 - 1);
    const emoji = `${'a'.repeat(MAX_STRING_LENGTH - 1)}😀tail`;
    const r = await run(
      feature({
        name_zh: mb,
        name_en: emoji,
        description_en: mb,
        category: 'checkin_spot',
        status: 'existing',
      }),
    );
    const p = r.features[0]!.properties;
    expect(p.name_zh).toHaveLength(MAX_STRING_LENGTH);
    expect(p.description_en).toBe('兰'.repeat(MAX_STRING_LENGTH));
    // The emoji's surrogate pair would straddle the cut: it is left out whole.
    expect(p.name_en).toBe('a'.repeat(MAX_STRING_LENGTH - 1));
    expect(
      r.issues.filter((i) => i.key === 'import.string_truncated').map((i) => formatIssue(i, 'en')),
    ).toEqual([
      `h.geojson feature 1: the field name_zh is too long (${mb.length} characters); cut to ${MAX_STRING_LENGTH}`,
      `h.geojson feature 1: the field name_en is too long (${emoji.length} characters); cut to ${MAX_STRING_LENGTH}`,
      `h.geojson feature 1: the field description_en is too long (${mb.length} characters); cut to ${MAX_STRING_LENGTH}`,
    ]);
  });

  it('ignores __proto__ / constructor keys and unknown properties without polluting prototypes', async () => {
    const text = readFileSync(new URL('../../../test/fixtures/bad/hostile.geojson', import.meta.url));
    const r = await importFile(new Uint8Array(text), {
      name: 'hostile.geojson',
      crs: 'WGS84',
      lang: 'en',
      districts,
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    const p = r.features[0]!.properties as unknown as Record<string, unknown>;
    expect(Object.keys(p).sort()).toEqual(
      [
        'accuracy_m',
        'category',
        'description_en',
        'district',
        'id',
        'import_file',
        'name_en',
        'name_zh',
        'source',
        'status',
        'user_import',
      ].sort(),
    );
    expect(Object.getPrototypeOf(p)).toBe(Object.prototype);
    expect(p.name_en).toBe('\u202Egnp.exe');
  });

  it('gives non-text values of text fields a located message instead of stringifying objects', async () => {
    const r = await run(
      feature({ name_zh: { toString: 'x' }, name_en: 'A', category: 'checkin_spot', status: 'existing' }),
    );
    expect(r.features).toEqual([]);
    expect(formatIssue(r.issues[0]!, 'en')).toBe(
      'h.geojson feature 1: the field name_zh has an invalid value ([object Object])',
    );
  });

  it('keeps messages short and the import alive for huge or absurdly deep geometry values', async () => {
    const deep = `${'['.repeat(100_000)}103.82,36.06${']'.repeat(100_000)}`;
    const text = `{"type":"FeatureCollection","features":[
      {"type":"Feature","geometry":{"type":"Polygon","coordinates":${deep}},"properties":{"name":"A","category":"night_zone"}},
      {"type":"Feature","geometry":{"type":"Polygon","coordinates":[{"x":"${'y'.repeat(1_000_000)}"}]},"properties":{"name":"B","category":"night_zone"}},
      {"type":"Feature","geometry":{"type":"Point","coordinates":["${'9'.repeat(100_000)}", 36]},"properties":{"name":"C","category":"night_zone"}}]}`;
    const r = await importFile(new TextEncoder().encode(text), {
      name: 'g.geojson',
      crs: 'WGS84',
      lang: 'en',
      districts,
    });
    expect(r.features).toEqual([]);
    expect(r.issues.map((i) => [i.key, i.where?.params.index])).toEqual([
      ['err.coord_invalid', 1],
      ['err.coord_invalid', 2],
      ['err.coord_invalid', 3],
    ]);
    for (const i of r.issues) expect(formatIssue(i, 'en').length).toBeLessThan(200);
  });
});
