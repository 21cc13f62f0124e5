import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildData, isValidOpeningHours } from '../../../scripts/lib/build_data';
import { parseFacilityCsv } from '../csv_features';
import { createDistrictLookup } from '../districts';
import type { MapFeatureCollection } from '../feature';
import { translate } from '../i18n';
import { formatIssue } from '../validate';
import { editableFeatures } from './base';
import { changeSummary, featuresToGeoJson, rowsToCsv, summaryText } from './export';
import { parsePaste } from './paste';
import { excelClipboard, fixturePlaces } from './paste_test_support';
import { checkRows, emptyRow, featureToRow, type PlaceRow } from './place_row';

const districtsFc = JSON.parse(readFileSync('data/boundaries/lanzhou_districts.geojson', 'utf8'));
const districts = createDistrictLookup(districtsFc);
const targets = JSON.parse(readFileSync('data/plan_targets.json', 'utf8')) as { targets: { id: string }[] };
const ctx = {
  districts,
  checkOpeningHours: isValidOpeningHours,
  planTargetIds: new Set(targets.targets.map((t) => t.id)),
};
const shipped = (): PlaceRow[] => {
  const built = buildData('data');
  return editableFeatures({ ...built.features, files: built.files })
    .map(featureToRow)
    .filter((r): r is PlaceRow => r !== null);
};
const pasted = (): PlaceRow[] => {
  const r = parsePaste(excelClipboard(fixturePlaces()), {
    crs: 'WGS84',
    label: 'paste',
    existingIds: new Set(),
    districts,
  });
  if (!r.ok) throw new Error('refused');
  return r.rows.map((x) => x.row);
};
const tmp: string[] = [];
afterAll(() => {
  for (const d of tmp) rmSync(d, { recursive: true, force: true });
});

describe('checkRows', () => {
  it("gives the build's messages for the bad row and passes the good ones", () => {
    const rows = [...shipped(), ...pasted()];
    const checks = checkRows(rows, ctx);
    const bad = checks.filter((c) => c.issues.some((i) => i.severity === 'error'));
    expect(bad).toHaveLength(1);
    const text = bad[0]?.issues.map((i) => formatIssue(i, 'en')).join('\n') ?? '';
    expect(text).toContain(`places.csv row ${rows.length + 1}`);
    expect(text).toContain('unknown status');
    // The same rows written out and read by the build's CSV reader give the same verdicts and messages.
    const seenIds = new Map<string, string>();
    const build = parseFacilityCsv(rowsToCsv(rows), {
      file: 'places.csv',
      districts,
      seenIds,
      checkOpeningHours: isValidOpeningHours,
    });
    expect(build.issues.map((i) => formatIssue(i, 'zh'))).toEqual(
      checks.flatMap((c) => c.issues).map((i) => formatIssue(i, 'zh')),
    );
    expect(build.features.map((f) => f.properties.id)).toEqual(
      checks.flatMap((c) => (c.feature ? [c.feature.properties.id] : [])),
    );
  });

  it('names a district mismatch, a duplicate id and an unknown plan target', () => {
    const base = {
      ...emptyRow(),
      category: 'youth_home',
      name_zh: '测试',
      name_en: 'Test',
      status: 'existing',
    };
    const rows: PlaceRow[] = [
      {
        ...base,
        id: 'a',
        district: '620105',
        lon: '103.75',
        lat: '36.045',
        accuracy_m: '30',
        source_title: 's',
      },
      {
        ...base,
        id: 'a',
        district: '620102',
        lon: '103.84',
        lat: '36.05',
        accuracy_m: '30',
        source_title: 's',
      },
      {
        ...base,
        id: 'b',
        district: '620102',
        lon: '103.84',
        lat: '36.05',
        accuracy_m: '30',
        source_title: 's',
        plan_target: 'nope',
      },
      { ...base, id: 'c', district: '620102', lon: '', lat: '', accuracy_m: '', source_title: '' },
    ];
    const keys = checkRows(rows, ctx).map((c) => c.issues.map((i) => i.key));
    expect(keys[0]).toEqual(['err.outside_district']);
    expect(keys[1]).toEqual(['err.duplicate_id']);
    expect(keys[2]).toEqual(['editor.err.plan_target']);
    expect(keys[3]).toEqual(
      expect.arrayContaining(['err.coord_invalid', 'err.field_type', 'err.field_missing']),
    );
    expect(translate('zh', 'editor.err.plan_target', { where: 'x', value: 'nope' })).toContain('nope');
  });
});

describe('export', () => {
  it('writes a places.csv that npm run data accepts unchanged, with every place and its source', () => {
    const rows = [...shipped(), ...pasted()];
    // The bad row fixed the way the e2e test fixes it: a point inside 安宁区 and a known status.
    const bad = rows[rows.length - 1] as PlaceRow;
    Object.assign(bad, { lon: '103.71', lat: '36.105', status: 'existing' });
    expect(checkRows(rows, ctx).every((c) => c.feature)).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'lym-editor-'));
    tmp.push(dir);
    cpSync('data', dir, { recursive: true });
    writeFileSync(join(dir, 'places.csv'), rowsToCsv(rows));
    const built = buildData(dir);
    expect(built.errors).toEqual([]);
    // places.csv gives exactly the exported rows; the other data files (the metro) are not repeated in it.
    expect(built.files['places.csv']).toEqual(rows.map((r) => r.id));
    const one = built.features.features.find((f) => f.properties.id === 'test-editor-1');
    expect(one?.properties.source).toEqual({ title: '编辑器测试数据（虚构）', date: '2024-03-19' });
    // The shipped places come out as they went in.
    const before = buildData('data');
    const shippedIds = new Set(before.files['places.csv']);
    expect(built.features.features.filter((f) => shippedIds.has(f.properties.id))).toEqual(
      before.features.features.filter((f) => shippedIds.has(f.properties.id)),
    );
  });

  it('writes GeoJSON that data/features/ accepts', () => {
    const rows = pasted().slice(0, 19);
    const features = checkRows(rows, ctx)
      .map((c) => c.feature)
      .filter((f) => f !== null);
    const dir = mkdtempSync(join(tmpdir(), 'lym-editor-'));
    tmp.push(dir);
    cpSync('data', dir, { recursive: true });
    mkdirSync(join(dir, 'features'), { recursive: true });
    writeFileSync(join(dir, 'features', 'editor.geojson'), featuresToGeoJson(features));
    const built = buildData(dir);
    expect(built.errors).toEqual([]);
    const fc = JSON.parse(featuresToGeoJson(features)) as MapFeatureCollection;
    expect(built.features.features.map((f) => f.properties.id)).toEqual(
      expect.arrayContaining(fc.features.map((f) => f.properties.id)),
    );
  });

  it('quotes cells with commas, quotes and line breaks so the build reads them back', () => {
    const row = { ...emptyRow(), id: 'q', description_zh: 'a, "b"\nc', name_zh: '甲,乙' };
    const back = parseFacilityCsv(rowsToCsv([row]), { file: 'x.csv' });
    expect(back.issues.map((i) => i.key)).not.toContain('err.csv_columns');
    expect(rowsToCsv([row]).endsWith('\n')).toBe(true);
  });
});

describe('changeSummary', () => {
  it('counts added, moved, edited and removed against the shipped rows', () => {
    const base = pasted().slice(0, 4);
    const rows = base.map((r) => ({ ...r }));
    (rows[0] as PlaceRow).lon = String(Number(rows[0]?.lon) + 0.001); // ~90 m
    (rows[1] as PlaceRow).lat = String(Number(rows[1]?.lat) + 1e-6); // ~0.1 m: formatting, not a move
    (rows[1] as PlaceRow).status = 'existing';
    rows.splice(2, 1);
    rows.push({ ...emptyRow(), id: 'new' });
    const c = changeSummary(base, rows);
    expect(c).toEqual({
      added: ['new'],
      moved: [base[0]?.id],
      edited: [base[1]?.id],
      removed: [base[2]?.id],
    });
    expect(changeSummary(base, base)).toEqual({ added: [], moved: [], edited: [], removed: [] });
    const text = summaryText(c, 'zh', '2026-12-03');
    expect(text).toContain('新增 1');
    expect(text).toContain('  - new');
    expect(summaryText(c, 'en', 'x')).toContain('Removed 1');
  });
});
