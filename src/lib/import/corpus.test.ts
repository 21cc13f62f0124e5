// The bad-input corpus (test/fixtures/bad/): every file yields exactly its expected, located messages.

import { readdirSync, readFileSync } from 'node:fs';
import OpeningHours from 'opening_hours';
import { describe, expect, it } from 'vitest';
import type { MessageKey } from '../i18n';
import { formatIssue, type Issue } from '../validate';
import { type ImportOptions, type ImportResult, importFile } from './import_file';

const DIR = new URL('../../../test/fixtures/bad/', import.meta.url);
const read = (name: string) => new Uint8Array(readFileSync(new URL(name, DIR)));
const json = (path: string | URL) => JSON.parse(readFileSync(path, 'utf8'));

/** Deep-freezes inputs so that any mutation by the importer throws (strict mode). */
function freeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) freeze(v);
  }
  return value;
}

const districts = freeze(
  json(new URL('../../../data/boundaries/lanzhou_districts.geojson', import.meta.url)),
);
const water = freeze(json(new URL('_synthetic_water_band.geojson', DIR)));
const checkOpeningHours = (v: string) => {
  try {
    new OpeningHours(v);
    return true;
  } catch {
    return false;
  }
};

type Loc = number | null;
interface Expected {
  accepted: number;
  /** severity, key, row (CSV) / feature number (GeoJSON) or null for the whole file. */
  issues: [Issue['severity'], MessageKey, Loc][];
  water?: boolean;
}

const E = (key: MessageKey, at: Loc = null): [Issue['severity'], MessageKey, Loc] => ['error', key, at];
const W = (key: MessageKey, at: Loc = null): [Issue['severity'], MessageKey, Loc] => ['warning', key, at];

const EXPECTED: Record<string, Expected> = {
  // JSON that does not parse
  'malformed.geojson': { accepted: 0, issues: [E('import.err.json_syntax')] },
  'truncated.geojson': { accepted: 0, issues: [E('import.err.json_truncated')] },
  'coord_nan.geojson': { accepted: 0, issues: [E('import.err.json_nan')] },
  'trailing_comma.geojson': { accepted: 0, issues: [E('import.err.json_trailing_comma')] },
  'comment.geojson': { accepted: 0, issues: [E('import.err.json_comment')] },
  'concatenated.geojson': { accepted: 0, issues: [E('import.err.json_trailing')] },
  'csv_named_geojson.geojson': { accepted: 0, issues: [E('import.err.json_syntax')] },
  // Empty, wrong kind of file, wrong top level
  'empty.geojson': { accepted: 0, issues: [E('err.empty')] },
  'whitespace_only.geojson': { accepted: 0, issues: [E('err.empty')] },
  'top_level_array.geojson': { accepted: 0, issues: [E('err.top_level')] },
  'top_level_geometry.geojson': { accepted: 0, issues: [E('err.top_level')] },
  'empty_collection.geojson': { accepted: 0, issues: [E('import.err.no_features')] },
  'projected_crs.geojson': { accepted: 0, issues: [E('import.err.crs_unsupported')] },
  'places.kml': { accepted: 0, issues: [E('import.err.xml')] },
  'workbook.xlsx': { accepted: 0, issues: [E('import.err.zip')] },
  'map_screenshot.png': { accepted: 0, issues: [E('import.err.image')] },
  // Coordinates
  'coord_null.geojson': { accepted: 0, issues: [E('err.coord_invalid', 1)] },
  'coord_string.geojson': { accepted: 0, issues: [E('err.coord_invalid', 1)] },
  'latlon_swapped.geojson': { accepted: 0, issues: [E('err.coord_swapped', 1)] },
  'out_of_range.geojson': { accepted: 0, issues: [E('err.coord_range', 1)] },
  'outside_lanzhou.geojson': { accepted: 0, issues: [E('err.outside_lanzhou', 1)] },
  'outside_districts.csv': { accepted: 0, issues: [E('err.outside_lanzhou', 2)] },
  'wrong_district.csv': { accepted: 0, issues: [E('err.outside_district', 2)] },
  'gcj_declared_wgs84.csv': {
    accepted: 5,
    water: true,
    issues: [W('import.in_water'), W('import.datum_suggest')],
  },
  // Geometry
  'unclosed_ring.geojson': { accepted: 0, issues: [E('err.ring_unclosed', 1)] },
  'ring_short.geojson': { accepted: 0, issues: [E('err.ring_short', 1)] },
  'bowtie.geojson': { accepted: 0, issues: [E('err.ring_self_intersection', 1)] },
  'wrong_winding.geojson': {
    accepted: 1,
    issues: [W('import.winding_fixed', 1), W('import.assumed_status'), W('import.source_missing')],
  },
  'line_short.geojson': { accepted: 0, issues: [E('err.line_short', 1)] },
  'geometry_null.geojson': { accepted: 0, issues: [E('err.geometry_missing', 1)] },
  'geometry_collection.geojson': { accepted: 0, issues: [E('err.geometry_type', 1)] },
  'not_a_feature.geojson': { accepted: 0, issues: [E('err.feature_type', 1)] },
  // Properties
  'duplicate_ids.geojson': {
    accepted: 2,
    issues: [W('import.duplicate_id', 2), W('import.assumed_status'), W('import.source_missing')],
  },
  'deep_nesting.geojson': { accepted: 0, issues: [E('err.nesting', 1)] },
  'missing_name.geojson': { accepted: 0, issues: [E('err.field_missing', 1)] },
  'unknown_category.geojson': { accepted: 0, issues: [E('err.category', 1)] },
  'javascript_url.geojson': {
    accepted: 1,
    issues: [W('import.url_removed', 1), W('import.assumed_status')],
  },
  'hostile.geojson': { accepted: 1, issues: [W('import.url_removed', 1), W('import.assumed_status')] },
  // CSV structure
  'semicolon.csv': { accepted: 2, issues: [W('import.csv_delimiter')] },
  'fullwidth_comma.csv': { accepted: 1, issues: [W('import.csv_delimiter')] },
  'space_separated.csv': { accepted: 0, issues: [E('import.err.csv_delimiter')] },
  'missing_lat.csv': { accepted: 0, issues: [E('err.csv_columns')] },
  'no_name_column.csv': { accepted: 0, issues: [E('err.csv_columns')] },
  'no_category.csv': { accepted: 0, issues: [E('import.err.no_category')] },
  'header_only.csv': { accepted: 0, issues: [E('import.err.no_features')] },
  'unclosed_quote.csv': { accepted: 1, issues: [E('import.err.csv_quotes', 3)] },
  'ragged.csv': {
    accepted: 2,
    issues: [W('import.csv_fields', 2), W('import.csv_fields', 3), W('import.source_missing')],
  },
  'bad_rows.csv': {
    accepted: 1,
    issues: [
      E('err.coord_invalid', 3),
      E('err.coord_invalid', 4),
      E('err.status', 5),
      E('err.district', 6),
      E('err.crs', 7),
      E('err.field_type', 8),
    ],
  },
  'bad_date_hours.csv': {
    accepted: 2,
    issues: [W('import.date_dropped', 3), W('import.hours_dropped', 3)],
  },
  // Issue 12: specific messages for each cause
  'features_missing.geojson': { accepted: 0, issues: [E('err.features_missing')] },
  'features_not_array.geojson': { accepted: 0, issues: [E('err.features_not_array')] },
  'geometry_no_coordinates.geojson': { accepted: 0, issues: [E('err.geometry_no_coordinates', 1)] },
  'properties_string.geojson': { accepted: 0, issues: [E('err.properties_type', 1)] },
  'type_typo.geojson': { accepted: 0, issues: [E('err.feature_type_unknown', 1)] },
  'duplicate_key.geojson': { accepted: 0, issues: [E('import.err.duplicate_key', 1)] },
  'minus_infinity.geojson': { accepted: 0, issues: [E('import.err.json_nan')] },
  'coord_overflow.geojson': { accepted: 0, issues: [E('err.coord_overflow', 1)] },
  'repeated_vertex.geojson': { accepted: 1, issues: [] },
  'hole_outside.geojson': { accepted: 0, issues: [E('err.hole_outside', 1)] },
  'zero_area.geojson': { accepted: 0, issues: [E('err.ring_zero_area', 1)] },
  // Issue 12: bounded work (a 100 kB "date" once took minutes in a quadratic regex)
  'long_date.geojson': { accepted: 1, issues: [W('import.date_dropped', 1)] },
  // Issue 12: strict numbers
  'hex_numbers.csv': { accepted: 0, issues: [E('import.err.number_hex', 2), E('import.err.number_hex', 3)] },
  'decimal_comma.csv': {
    accepted: 0,
    issues: [E('import.err.number_comma', 2), E('import.err.number_comma', 3)],
  },
  'number_overflow.csv': {
    accepted: 0,
    issues: [E('import.err.number_overflow', 2), E('import.err.number_not_finite', 3)],
  },
  // Issue 12: bytes that are not valid in the encoding are listed by row, never decoded into mojibake
  'bom_gbk.csv': {
    accepted: 0,
    issues: [E('import.err.row_encoding_alt', 2), E('import.err.row_encoding_alt', 3)],
  },
  'mixed_gbk_row.csv': { accepted: 2, issues: [E('import.err.row_encoding_alt', 3)] },
  // Encodings (these must be read correctly)
  'excel_gbk.csv': { accepted: 2, issues: [W('import.crs_column')] },
  'excel_utf8_bom.csv': { accepted: 2, issues: [W('import.crs_column')] },
  'excel_unicode.txt': { accepted: 2, issues: [W('import.crs_column')] },
  'truncated_utf8.csv': { accepted: 1, issues: [W('import.truncated')] },
};

const corpus = readdirSync(DIR)
  .filter((n) => !n.startsWith('_') && n !== 'README.md')
  .sort();

const run = (name: string, lang: 'zh' | 'en', existingIds: string[] = []): Promise<ImportResult> => {
  const opts: ImportOptions = {
    name,
    crs: 'WGS84',
    lang,
    districts,
    checkOpeningHours,
    existingIds,
    ...(EXPECTED[name]?.water ? { water } : {}),
  };
  return importFile(read(name), opts);
};

const locationOf = (i: Issue): Loc => {
  const p = i.where?.params;
  return p ? Number(p.row ?? p.index) : null;
};

describe('bad-input corpus', () => {
  it('has at least 30 committed files, each with an expectation, and no stale expectations', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    expect(corpus.filter((n) => !(n in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((n) => !corpus.includes(n))).toEqual([]);
  });

  for (const name of corpus) {
    it(`${name}: exactly the expected located messages, in Chinese and English`, async () => {
      const expected = EXPECTED[name];
      if (!expected) throw new Error(`no expectation for ${name}`);
      for (const lang of ['en', 'zh'] as const) {
        const r = await run(name, lang);
        expect(r.issues.map((i) => [i.severity, i.key, locationOf(i)])).toEqual(expected.issues);
        expect(r.features).toHaveLength(expected.accepted);
        expect(r.stats.accepted).toBe(expected.accepted);
        for (const issue of r.issues) {
          const text = formatIssue(issue, lang);
          // Names the file, says where (in this language), and leaves no {placeholder} unfilled.
          expect(text).toContain(name);
          if (issue.where)
            expect(text.startsWith(formatIssue({ ...issue.where, severity: 'error' }, lang))).toBe(true);
          expect(text).not.toMatch(/\{\w+\}/);
          expect(formatIssue(issue, lang === 'en' ? 'zh' : 'en')).not.toBe(text);
        }
      }
    });
  }

  it('the README lists every file with the exact English message(s) it must produce', async () => {
    const readme = readFileSync(new URL('README.md', DIR), 'utf8');
    const rows = new Map<string, string[]>();
    for (const line of readme.split('\n')) {
      const m = /^\| `([^`]+)` \|[^|]*\|([^|]*)\|$/.exec(line);
      if (m?.[1] && m[2] !== undefined) {
        rows.set(
          m[1],
          m[2]
            .split('<br>')
            .map((s) => s.trim())
            .filter(Boolean),
        );
      }
    }
    expect([...rows.keys()].sort()).toEqual(corpus);
    for (const name of corpus) {
      const r = await run(name, 'en');
      expect(rows.get(name), name).toEqual(r.issues.map((i) => formatIssue(i, 'en')));
    }
  });

  it('reads the GBK, UTF-8-with-BOM and UTF-16 exports of one sheet identically', async () => {
    const results = await Promise.all(
      ['excel_gbk.csv', 'excel_utf8_bom.csv', 'excel_unicode.txt'].map((n) => run(n, 'zh')),
    );
    expect(results.map((r) => r.stats.encoding)).toEqual(['gbk', 'utf-8-bom', 'utf-16le']);
    const strip = (r: ImportResult) => r.features.map((f) => ({ ...f.properties, import_file: '' }));
    const [gbk, bom, utf16] = results.map(strip);
    expect(bom).toEqual(gbk);
    expect(utf16).toEqual(gbk);
    expect(gbk?.map((p) => [p.id, p.name_zh, p.category, p.status, p.district, p.address_zh])).toEqual([
      ['x-1', '测试点甲', 'checkin_spot', 'existing', '620102', '兰州市城关区'],
      ['x-2', '测试点乙', 'youth_park', 'planned', '620102', undefined],
    ]);
    expect(gbk?.[0]?.source.title).toBe('测试数据（非真实地点）');
    // Row 3 is declared GCJ-02 in its crs column and was converted (≈ 220 m west in Lanzhou).
    const [lon] = results[0]!.features[1]!.geometry.coordinates as [number, number];
    expect(103.8301 - lon).toBeGreaterThan(0.002);
  });

  it('keeps the loaded session intact through the whole corpus', async () => {
    const good = [
      ...(await run('excel_gbk.csv', 'en')).features,
      ...(await run('duplicate_ids.geojson', 'en')).features,
    ];
    let session = freeze(good.slice());
    const snapshot = JSON.stringify(session);
    for (const name of corpus) {
      const ids = session.map((f) => f.properties.id);
      const r = await run(name, 'en', ids);
      // Imports only add; a colliding id is renamed, never replaces what is loaded.
      for (const f of r.features) expect(ids).not.toContain(f.properties.id);
      session = freeze([...session, ...r.features]);
    }
    expect(JSON.stringify(session.slice(0, good.length))).toBe(snapshot);
    // Files reusing the loaded ids (t1) were imported under new ids.
    expect(session.filter((f) => f.properties.id.startsWith('t1')).length).toBeGreaterThan(2);
  });

  it('refuses a 200 MB file from its size alone, without reading or allocating it', async () => {
    const size = 200 * 1024 * 1024;
    let produced = 0;
    // A File-like whose bytes would be generated only if someone asked for them.
    const huge = {
      size,
      arrayBuffer: async () => {
        produced++;
        const bytes = new Uint8Array(size);
        bytes.fill(0x20);
        return bytes.buffer;
      },
    };
    const progress: string[] = [];
    const r = await importFile(huge, { name: 'huge.geojson', crs: 'WGS84', lang: 'en' }, (p) =>
      progress.push(p.phase),
    );
    expect(produced).toBe(0);
    expect(r.features).toEqual([]);
    expect(r.issues.map((i) => formatIssue(i, 'en'))).toEqual([
      'huge.geojson: the file is too large (200.0 MB, limit 100 MB)',
    ]);
    expect(formatIssue(r.issues[0] as Issue, 'zh')).toBe('huge.geojson：文件过大（200.0 MB，上限 100 MB）');
    expect(progress).toEqual(['done']);
  });
});
