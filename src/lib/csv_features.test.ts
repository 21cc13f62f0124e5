import distance from '@turf/distance';
import { describe, expect, it } from 'vitest';
import { fromWgs84 } from './crs';
import { parseFacilityCsv } from './csv_features';
import { formatIssue } from './validate';

const HEADER =
  'id,category,name_zh,name_en,district,status,lon,lat,crs,accuracy_m,source_title,source_date,source_url,address_zh,opening_hours,description_zh,description_en,units,length_m';
const row = (over: Partial<Record<string, string>> = {}) => {
  const r: Record<string, string> = {
    id: 'h1',
    category: 'youth_housing',
    name_zh: '测试公寓',
    name_en: 'Test flats',
    district: '620102',
    status: 'planned',
    lon: '103.83',
    lat: '36.05',
    crs: 'WGS84',
    accuracy_m: '30',
    source_title: 'Source',
    source_date: '',
    source_url: '',
    address_zh: '',
    opening_hours: '',
    description_zh: '',
    description_en: '',
    units: '120',
    length_m: '',
    ...over,
  };
  return HEADER.split(',')
    .map((k) => (/[",]/.test(r[k] ?? '') ? `"${(r[k] ?? '').replace(/"/g, '""')}"` : r[k]))
    .join(',');
};

describe('parseFacilityCsv', () => {
  it('converts GCJ-02 and BD-09 rows to WGS-84 within 1 m of the true point', () => {
    const truth: [number, number] = [103.8236, 36.0611];
    const gcj = fromWgs84(truth[0], truth[1], 'GCJ02');
    const bd = fromWgs84(truth[0], truth[1], 'BD09');
    const text = [
      HEADER,
      row({ id: 'a', lon: String(gcj[0]), lat: String(gcj[1]), crs: 'gcj-02' }),
      row({ id: 'b', lon: String(bd[0]), lat: String(bd[1]), crs: 'BD09' }),
    ].join('\n');
    const r = parseFacilityCsv(text, { file: 'x.csv' });
    expect(r.issues).toEqual([]);
    for (const f of r.features) {
      const c = f.geometry.coordinates as [number, number];
      expect(distance(c, truth, { units: 'meters' })).toBeLessThan(1);
    }
    // The raw GCJ-02 point is ~200 m off: the conversion really happened.
    expect(distance(gcj, truth, { units: 'meters' })).toBeGreaterThan(100);
    expect(r.features[0]?.properties.units).toBe(120);
  });

  it('names the missing columns and the row of each bad value', () => {
    const missing = parseFacilityCsv('id,name\n1,a', { file: 'm.csv' });
    expect(formatIssue(missing.issues[0]!, 'en')).toMatch(/^m\.csv: missing column category, name_zh/);
    const bad = parseFacilityCsv(
      [HEADER, row(), row({ id: 'c', crs: 'EPSG:3857' }), row({ id: 'd', lat: 'north' })].join('\n'),
      {
        file: 'b.csv',
      },
    );
    expect(bad.features).toHaveLength(1);
    expect(bad.issues.map((i) => formatIssue(i, 'en'))).toEqual([
      'b.csv row 3: unknown coordinate system EPSG:3857 (use WGS84, GCJ02 or BD09)',
      'b.csv row 4: invalid coordinate ([103.83, "north"]); expected numbers [longitude, latitude]',
    ]);
    expect(formatIssue(bad.issues[0]!, 'zh')).toBe(
      'b.csv 第 3 行：未知坐标系 EPSG:3857（可用 WGS84、GCJ02、BD09）',
    );
  });

  it('reads a UTF-8 file with a byte-order mark and quoted fields', () => {
    const text = `\uFEFF${HEADER}\n${row({ name_en: 'Flats, "east"' })}`;
    const r = parseFacilityCsv(text, { file: 'bom.csv' });
    expect(r.issues).toEqual([]);
    expect(r.features[0]?.properties.name_en).toBe('Flats, "east"');
  });
});
