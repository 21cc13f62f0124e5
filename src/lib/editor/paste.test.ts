import { readFileSync } from 'node:fs';
import distance from '@turf/distance';
import { describe, expect, it } from 'vitest';
import { type Crs, fromWgs84 } from '../crs';
import { createDistrictLookup } from '../districts';
import { parsePaste, parseSheetNumber } from './paste';
import { excelClipboard, fixturePlaces } from './paste_test_support';

const districts = createDistrictLookup(
  JSON.parse(readFileSync('data/boundaries/lanzhou_districts.geojson', 'utf8')),
);
const opts = (crs: Crs = 'WGS84', existing: string[] = []) => ({
  crs,
  label: 'paste',
  existingIds: new Set(existing),
  districts,
});
const m = (a: [number, number], b: [number, number]) => distance(a, b, { units: 'meters' });

describe('parseSheetNumber', () => {
  it('reads what people type into a sheet', () => {
    expect(parseSheetNumber('103.84')).toBe(103.84);
    expect(parseSheetNumber('１０３．８４')).toBe(103.84);
    expect(parseSheetNumber(' 36.05°N ')).toBe(36.05);
    expect(parseSheetNumber('E103.8')).toBe(103.8);
    expect(parseSheetNumber('')).toBeNull();
    expect(parseSheetNumber('约103')).toBeNaN();
    expect(parseSheetNumber('103.8.1')).toBeNaN();
  });
});

describe('datum round trips at Lanzhou', () => {
  // A grid over the four central districts and the counties' seats, every 0.05°.
  const grid: [number, number][] = [];
  for (let lon = 103.4; lon <= 104.2; lon += 0.05)
    for (let lat = 35.9; lat <= 36.5; lat += 0.05) grid.push([lon, lat]);

  for (const crs of ['GCJ02', 'BD09'] as const) {
    it(`${crs} picked on a Chinese map site → stored WGS-84 within 1 m, and back within 1 m`, () => {
      const header = 'name\tlon\tlat\r\n';
      const rows = grid.map((p, i) => {
        const [x, y] = fromWgs84(p[0], p[1], crs);
        // Pickers copy 6 decimals.
        return `p${i}\t${x.toFixed(6)}\t${y.toFixed(6)}`;
      });
      const r = parsePaste(`${header}${rows.join('\r\n')}\r\n`, opts(crs));
      if (!r.ok) throw new Error('refused');
      let worst = 0;
      let worstBack = 0;
      r.rows.forEach((row, i) => {
        const truth = grid[i] as [number, number];
        const stored: [number, number] = [Number(row.row.lon), Number(row.row.lat)];
        worst = Math.max(worst, m(stored, truth));
        // Shown again the way the site expects it: the user's own numbers come back.
        const back = fromWgs84(stored[0], stored[1], crs);
        worstBack = Math.max(worstBack, m(back, row.raw as [number, number]));
        expect(row.row.crs).toBe('WGS84');
      });
      expect(r.rows).toHaveLength(grid.length);
      expect(worst).toBeLessThan(1);
      expect(worstBack).toBeLessThan(1);
    });
  }
});

describe('parsePaste on clipboard shapes', () => {
  it('reads the Excel clipboard: Tab, CRLF, quoted multi-line cell, shuffled Chinese headers, per-row datums', () => {
    const places = fixturePlaces();
    const r = parsePaste(excelClipboard(places), opts('WGS84'));
    if (!r.ok) throw new Error(JSON.stringify(r.issue));
    expect(r.rows).toHaveLength(20);
    r.rows.forEach((row, i) => {
      const p = places[i] as (typeof places)[number];
      expect(row.row.id).toBe(p.id);
      expect(row.row.name_zh).toBe(p.name_zh);
      expect(row.row.name_en).toBe(p.name_zh);
      expect(row.row.category).toBe(p.category);
      expect(row.crs).toBe(p.crs);
      expect(row.row.description_zh).toBe('第一行\n第二行，含"引号"');
      expect(row.row.source_date).toBe('2024-03-19');
      expect(m([Number(row.row.lon), Number(row.row.lat)], p.truth)).toBeLessThan(1);
    });
    expect(r.rows[0]?.row.status).toBe('existing');
    expect(r.rows[1]?.row.status).toBe('planned');
    expect(r.rows[2]?.row.status).toBe('under_construction');
    // The bad row keeps what it says, for the validator to name.
    expect(r.rows[19]?.row.status).toBe('待定');
  });

  it('reads a WPS paste: LF only, trailing empty cells, lnglat in one cell, English headers, no ids', () => {
    const text =
      'Name\tCoordinates\tCategory\tAddress\t\t\n测试点甲\t103.840000,36.050000\tyouth_home\t城关区\t\t\n\t\t\t\t\t\nTest B\t103.72 36.10\tjob_station\t\t\t\n';
    const r = parsePaste(text, opts('WGS84', ['ed-1']));
    if (!r.ok) throw new Error(JSON.stringify(r.issue));
    expect(r.rows.map((x) => x.row.id)).toEqual(['ed-2', 'ed-3']);
    expect(r.rows[0]?.row).toMatchObject({
      name_zh: '测试点甲',
      lon: '103.84',
      lat: '36.05',
      district: '620102',
    });
    expect(r.rows[1]?.row).toMatchObject({ name_en: 'Test B', name_zh: 'Test B', district: '620105' });
  });

  it('keeps rows without coordinates as waiting for the geocoder', () => {
    const r = parsePaste('名称\t地址\t经度\t纬度\n测试甲\t城关区张掖路1号\t\t\n', opts());
    if (!r.ok) throw new Error('refused');
    expect(r.rows[0]?.needsGeocode).toBe(true);
    expect(r.rows[0]?.row.lon).toBe('');
  });

  it('flags garbled text and keeps unknown datums visible', () => {
    const r = parsePaste('名称\t经度\t纬度\t坐标系\n锟斤拷测试\t103.84\t36.05\tbd09mc\n', opts());
    if (!r.ok) throw new Error('refused');
    expect(r.issues.map((i) => i.key)).toContain('editor.paste_garbled');
    expect(r.rows[0]?.row.crs).toBe('bd09mc');
    expect(r.rows[0]?.row.lon).toBe('103.84');
  });

  it('refuses a paste it cannot read as a sheet, changing nothing', () => {
    const refused = (text: string) => {
      const r = parsePaste(text, opts());
      return r.ok ? null : r.issue.key;
    };
    expect(refused('')).toBe('err.empty');
    expect(refused('just some words')).toBe('import.err.csv_delimiter');
    expect(refused('103.84\t36.05\n103.85\t36.06\n')).toBe('editor.err.paste_header');
    expect(refused('名称\t类别\n测试\tyouth_home\n')).toBe('editor.err.paste_where');
    expect(refused('名称\t经度\t纬度\n')).toBe('import.err.no_features');
  });

  it('renames an id already in the working set instead of replacing that place', () => {
    const r = parsePaste('id\t名称\t经度\t纬度\ntaken\t测试\t103.84\t36.05\n', opts('WGS84', ['taken']));
    if (!r.ok) throw new Error('refused');
    expect(r.rows[0]?.row.id).toBe('ed-1');
    expect(r.issues.map((i) => i.key)).toContain('import.duplicate_id');
  });
});
