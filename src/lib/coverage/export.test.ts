import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../import/decode';
import { shareRows, tabulate } from './aggregate';
import { computeLayer } from './compute';
import {
  CSV_BOM,
  cellIdsCsv,
  cellsToGeoJson,
  classLabels,
  districtTableCsv,
  type ExportContext,
  scoresCsv,
  toCsv,
} from './export';
import { cellRing } from './grid';
import { methodSummary } from './method_label';
import { bandClass } from './ramp';
import { prepareScoreCategories, scoreApartments } from './scores';
import { randomPoints, world } from './test_support';

const { ctx, grid, engine } = world({ seed: 7, horizonMin: 6 });
const bands = [2, 4, 6];
const fit = computeLayer(ctx, randomPoints(3, 3));
const park = computeLayer(ctx, []);
const pop = Float64Array.from({ length: grid.count }, (_, c) => (c % 4) * 1.25);
// The invented world is mixed: 817 of its 3,255 cells lie near its streets, the rest are estimates.
const table = tabulate(grid, ctx.cellMethod, [fit], ['fitness_site'], bands, null);
const mixed = methodSummary({ method: 'network', table });
const exportCtx = (over: Partial<ExportContext> = {}): ExportContext => ({
  lang: 'zh',
  method: 'network',
  summary: mixed,
  speedMPerMin: 80,
  detourFactor: 1.3,
  horizonMin: 6,
  bands,
  basis: 'population',
  sites: [{ category: 'fitness_site', lon: 103.81, lat: 36.05 }],
  generated: '2026-01-01T00:00:00Z',
  ...over,
});

/** Bytes as a browser would save them, read back the way the importer reads user files. */
const readBack = (text: string) => {
  const bytes = new TextEncoder().encode(text);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const decoded = decodeText(bytes);
  expect(decoded.encoding).toBe('utf-8-bom');
  return Papa.parse<string[]>(decoded.text, { skipEmptyLines: true }).data;
};

describe('CSV', () => {
  it('writes a BOM, CRLF rows, quotes where needed, and defuses formulas', () => {
    const text = toCsv([
      ['名称', 'n'],
      ['兰州, 城关', 1.5],
      ['=HYPERLINK("x")', -2],
      ['"quoted"', null],
    ]);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text).toContain('\r\n');
    expect(readBack(text)).toEqual([
      ['名称', 'n'],
      ['兰州, 城关', '1.5'],
      ['\'=HYPERLINK("x")', '-2'],
      ['"quoted"', ''],
    ]);
  });

  it('round-trips the district table (Chinese names intact, shares as in the table)', () => {
    const table = tabulate(grid, ctx.cellMethod, [fit, park], ['fitness_site', 'youth_park'], bands, pop);
    const rows = readBack(districtTableCsv(table, exportCtx()));
    const [header, ...body] = rows;
    expect(header![0]).toBe('区县');
    expect(header).toContain('2分钟内面积占比（%）');
    expect(body).toHaveLength(2 * 3);
    const want = shareRows(table, 'fitness_site');
    want.forEach((r, i) => {
      const row = body[i]!;
      expect(row[0]).toBe(
        r.adcode === '620102' ? '城关区' : r.adcode === '620103' ? '七里河区' : '所选区县合计',
      );
      expect(row[2]).toBe('运动健身');
      expect(Number(row[3])).toBeCloseTo(r.areaM2 / 1e6, 3);
      r.areaShare.forEach((s, k) => {
        expect(Number(row[4 + k])).toBeCloseTo(s * 100, 1);
      });
      expect(Number(row[7])).toBeCloseTo(r.pop!, 0);
      r.popShare!.forEach((s, k) => {
        expect(Number(row[8 + k])).toBeCloseTo(s * 100, 1);
      });
      expect(Number(row[11])).toBe(r.cells);
      expect(row[13]).toBe('按人口');
      expect(row[14]).toMatch(/^混合：25\.1%格网按街道网络（80米\/分钟），74\.9%为估算（直线距离×1\.3）/);
      expect(row[15]).toBe('日常设施');
    });
    // Without population every row says "by area" and leaves the population columns empty.
    const areaOnly = tabulate(grid, ctx.cellMethod, [fit], ['fitness_site'], bands, null);
    const en = readBack(
      districtTableCsv(
        areaOnly,
        exportCtx({
          lang: 'en',
          basis: 'area',
          method: 'estimate',
          summary: methodSummary({ method: 'estimate', table: areaOnly }),
        }),
      ),
    );
    expect(en[1]![7]).toBe('');
    expect(en[1]![13]).toBe('by area');
    expect(en[1]![14]).toBe('Estimate: straight line × 1.3 at 80 m/min');
  });

  it('round-trips apartment scores', () => {
    const apartments = randomPoints(70, 3, 'apt').map((p, i) => ({
      ...p,
      name_zh: `青年公寓${i}`,
      name_en: `Apartment ${i}`,
      district: '620102',
      status: 'existing',
      units: 100 + i,
    }));
    const facilities = randomPoints(3, 3).map((p) => ({
      ...p,
      name_zh: `场地${p.id}`,
      name_en: `Site ${p.id}`,
    }));
    const cats = prepareScoreCategories(engine, [
      { category: 'fitness_site', facilities },
      { category: 'study_room', facilities: [] },
    ]);
    const scores = scoreApartments(engine, apartments, cats, bands, 30);
    const rows = readBack(scoresCsv(scores, ['fitness_site', 'study_room'], exportCtx()));
    expect(rows[0]!.slice(0, 3)).toEqual(['公寓', '编号', '区县']);
    expect(rows[0]).toContain('最近的运动健身');
    scores.forEach((s, i) => {
      const row = rows[i + 1]!;
      expect(row[0]).toBe(s.apartment.name_zh);
      expect(row[1]).toBe(s.apartment.id);
      expect(row[2]).toBe('城关区');
      expect(Number(row[3])).toBe(s.apartment.units);
      expect(row[4]).toContain('青年城市书房');
      const n = s.categories[0]!.nearest;
      expect(row[6]).toBe(n ? n.name_zh : '');
      if (n) expect(Number(row[7])).toBeCloseTo(n.minutes, 1);
      expect(row.slice(8, 11).map(Number)).toEqual(s.categories[0]!.within);
      expect(row.slice(11)).toEqual(['', '', '0', '0', '0']);
    });
  });
});

describe('cellsToGeoJson', () => {
  it('round-trips every cell: outline (5 decimals), district, minutes (0.1), class, method, population, metadata; no empty member', () => {
    const layers = [
      { category: 'fitness_site' as const, minutes: fit.minutes, reach: fit.reach },
      { category: 'youth_park' as const, minutes: park.minutes, reach: park.reach },
    ];
    const fc = JSON.parse(JSON.stringify(cellsToGeoJson(grid, ctx.cellMethod, layers, exportCtx(), pop)));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(grid.count);
    expect(fc.metadata.network_share).toBeCloseTo(817 / 3255, 4);
    expect(fc.metadata.note).toContain('Mixed: 25.1% of cells on the street network');
    expect(fc.metadata).toMatchObject({
      method: 'mixed',
      basis: 'population',
      horizon_min: 6,
      bands_min: bands,
      districts: ['620102', '620103'],
      whatif_sites: [{ category: 'fitness_site', lon: 103.81, lat: 36.05 }],
      // No youth park is mapped: every cell would say "unreachable", so the category is named once here.
      categories_without_facilities: ['youth_park'],
    });
    const labels = classLabels(bands);
    expect(labels).toEqual(['0-2', '2-4', '4-6', '>6', 'unreachable']);
    fc.features.forEach(
      (f: { properties: Record<string, unknown>; geometry: { coordinates: number[][][] } }, c: number) => {
        const p = f.properties;
        expect(p.id).toBe(grid.ids[c]);
        expect(p.district).toBe(grid.adcodes[grid.district[c]!]);
        expect(p.method).toBe(ctx.cellMethod[c] === 0 ? 'network' : 'estimate');
        expect(p.population).toBeCloseTo(pop[c]!, 2);
        const m = fit.minutes[c]!;
        if (Number.isFinite(m)) {
          expect(Math.abs((p.min_fitness_site as number) - m)).toBeLessThanOrEqual(0.05 + 1e-9);
          expect(p.min_fitness_site).toBe(Math.round((p.min_fitness_site as number) * 10) / 10);
        } else expect(p).not.toHaveProperty('min_fitness_site');
        expect(p.class_fitness_site).toBe(labels[bandClass(m, fit.reach[c]!, bands)]);
        expect(p).not.toHaveProperty('class_youth_park');
        for (const v of Object.values(p)) expect(v === null || v === '').toBe(false);
        const ring = f.geometry.coordinates[0]!;
        cellRing(grid, c).forEach(([x, y], k) => {
          // 1e-5° ≈ 1.1 m: each vertex within half of it, written with at most 5 decimals.
          expect(Math.abs(ring[k]![0]! - x)).toBeLessThanOrEqual(0.5e-5 + 1e-12);
          expect(Math.abs(ring[k]![1]! - y)).toBeLessThanOrEqual(0.5e-5 + 1e-12);
          for (const v of ring[k]!) expect(String(v).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(5);
        });
      },
    );
    const noPop = cellsToGeoJson(grid, ctx.cellMethod, layers, exportCtx({ basis: 'area' }), null);
    expect(noPop.features[0]!.properties).not.toHaveProperty('population');
    expect(noPop.metadata.basis).toBe('area');
  });
});

describe('cellIdsCsv', () => {
  it('lists every H3 cell by its index with the figures of the GeoJSON, without outlines', () => {
    const h3 = world({ seed: 5, horizonMin: 6, spec: { kind: 'h3', resolution: 10 } });
    const l = computeLayer(h3.ctx, randomPoints(3, 3));
    const none = computeLayer(h3.ctx, []);
    const layers = [
      { category: 'fitness_site' as const, minutes: l.minutes, reach: l.reach },
      { category: 'youth_park' as const, minutes: none.minutes, reach: none.reach },
    ];
    const ectx = exportCtx({ lang: 'en', basis: 'area' });
    const rows = readBack(cellIdsCsv(h3.grid, h3.ctx.cellMethod, layers, ectx, null));
    expect(rows[0]).toEqual([
      'H3 index',
      'Adcode',
      'Area (m²)',
      'Method',
      'Minutes to nearest Fitness and sports',
      'Band to Fitness and sports',
      'Note',
    ]);
    expect(rows).toHaveLength(h3.grid.count + 1);
    const fc = cellsToGeoJson(h3.grid, h3.ctx.cellMethod, layers, ectx, null);
    fc.features.forEach((f, c) => {
      const row = rows[c + 1]!;
      const p = f.properties;
      expect(row[0]).toBe(h3.grid.ids[c]);
      expect(row.slice(1, 6)).toEqual([
        p.district,
        String(p.area_m2),
        p.method,
        p.min_fitness_site === undefined ? '' : String(p.min_fitness_site),
        p.class_fitness_site,
      ]);
      expect(row[6] === '').toBe(c > 0);
    });
    expect(rows[1]![6]).toContain('2026-01-01T00:00:00Z');
    expect(rows[1]![6]).toContain('Mixed');
  });
});
