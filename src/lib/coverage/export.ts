// Exports of the coverage analysis: cells as GeoJSON, district figures and apartment scores as Excel-ready CSV.

import Papa from 'papaparse';
import { CATALOG } from '../../catalog';
import { familyLabel, familyOf } from '../attribution';
import { type CategoryId, districtName } from '../feature';
import { type Lang, type MessageKey, translate } from '../i18n';
import type { WalkMethod } from '../walk/engine';
import type { CoverageTable } from './aggregate';
import { shareRows } from './aggregate';
import { CELL_ESTIMATE } from './cell_method';
import { type CoverageGrid, cellRing, formatGridSpec } from './grid';
import { exportMethodNote, type MethodSummary } from './method_label';
import { bandClass } from './ramp';
import type { ApartmentScore } from './scores';
import type { WhatIfSite } from './whatif';

/** UTF-8 byte-order mark: Excel on Chinese Windows reads a CSV without it as GBK and garbles Chinese. */
export const CSV_BOM = '\uFEFF';

/**
 * Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) get a leading
 * apostrophe (OWASP "CSV injection"): names come from untrusted imports. Numbers are left alone.
 */
function safeCell(v: string | number | null): string | number {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/** CSV text with a BOM and CRLF line ends (what Excel writes and reads best). */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return CSV_BOM + Papa.unparse(rows.map((r) => r.map(safeCell)) as unknown[][], { newline: '\r\n' });
}

const round = (v: number, digits: number) => {
  const k = 10 ** digits;
  return Math.round(v * k) / k;
};

const categoryName = (c: CategoryId, lang: Lang) => {
  const e = CATALOG.find((x) => x.id === c);
  return e ? (lang === 'zh' ? e.name_zh : e.name_en) : c;
};

/** Band labels for classes: "0-5", "5-10", "10-15", ">15", "unreachable". */
export function classLabels(bands: readonly number[]): string[] {
  const labels = bands.map((b, i) => `${i === 0 ? 0 : bands[i - 1]}-${b}`);
  return [...labels, `>${bands[bands.length - 1]}`, 'unreachable'];
}

/** How the figures were made, written into every export. */
export interface ExportContext {
  lang: Lang;
  method: WalkMethod;
  /** How the cells were timed (network / estimate / mixed with shares). */
  summary: MethodSummary;
  speedMPerMin: number;
  detourFactor: number;
  horizonMin: number;
  bands: readonly number[];
  /** 'population' only when a population grid is loaded. */
  basis: 'area' | 'population';
  sites: readonly WhatIfSite[];
  /** ISO timestamp. */
  generated: string;
}

/** One category's per-cell times, for exports. */
export interface ExportLayer {
  category: CategoryId;
  minutes: Float32Array;
  reach: Uint8Array;
}

/**
 * The grid as a GeoJSON FeatureCollection of cell polygons. Per cell: id, district, area, population
 * (when loaded), how it was timed (network / estimate), and per category the minutes to the nearest
 * (null beyond the horizon) and the band class. A top-level `metadata` member (RFC 7946 §6.1 foreign
 * member) records the method, speed, detour factor, basis and what-if sites.
 */
export function cellsToGeoJson(
  grid: CoverageGrid,
  cellMethod: Uint8Array,
  layers: readonly ExportLayer[],
  ctx: ExportContext,
  pop: Float64Array | null,
): {
  type: 'FeatureCollection';
  metadata: Record<string, unknown>;
  features: {
    type: 'Feature';
    geometry: { type: 'Polygon'; coordinates: [number, number][][] };
    properties: Record<string, string | number | null>;
  }[];
} {
  const labels = classLabels(ctx.bands);
  const features = [];
  for (let c = 0; c < grid.count; c++) {
    const properties: Record<string, string | number | null> = {
      id: grid.ids[c] as string,
      district: grid.adcodes[grid.district[c] as number] as string,
      area_m2: round(grid.areaM2[c] as number, 1),
      method: cellMethod[c] === CELL_ESTIMATE ? 'estimate' : 'network',
    };
    if (pop) properties.population = round(pop[c] as number, 2);
    for (const l of layers) {
      const m = l.minutes[c] as number;
      properties[`min_${l.category}`] = Number.isFinite(m) ? round(m, 2) : null;
      properties[`class_${l.category}`] = labels[bandClass(m, l.reach[c] as number, ctx.bands)] as string;
    }
    features.push({
      type: 'Feature' as const,
      geometry: {
        type: 'Polygon' as const,
        coordinates: [cellRing(grid, c).map(([x, y]) => [round(x, 7), round(y, 7)] as [number, number])],
      },
      properties,
    });
  }
  return {
    type: 'FeatureCollection',
    metadata: {
      grid: formatGridSpec(grid.spec),
      districts: grid.adcodes,
      method: ctx.summary.basis,
      network_share: round(ctx.summary.networkShare, 4),
      note: exportMethodNote('en', ctx.summary, ctx.speedMPerMin, ctx.detourFactor),
      speed_m_per_min: ctx.speedMPerMin,
      detour_factor: ctx.detourFactor,
      horizon_min: ctx.horizonMin,
      bands_min: [...ctx.bands],
      basis: ctx.basis,
      whatif_sites: ctx.sites.map((s) => ({ category: s.category, lon: s.lon, lat: s.lat })),
      generated: ctx.generated,
    },
    features,
  };
}

const t = (lang: Lang, key: MessageKey, params?: Record<string, string | number>) =>
  translate(lang, key, params);

/** Method note for CSV rows (localised). */
function methodNote(ctx: ExportContext): string {
  return exportMethodNote(ctx.lang, ctx.summary, ctx.speedMPerMin, ctx.detourFactor);
}

/**
 * District figures as CSV: one row per district (and the whole selection) and category, with the area
 * share within every band, and the population share when a population grid is loaded.
 */
export function districtTableCsv(table: CoverageTable, ctx: ExportContext): string {
  const L = ctx.lang;
  const pct = (v: number) => round(v * 100, 2);
  const header: string[] = [
    t(L, 'plan.cov.csv.district'),
    t(L, 'plan.cov.csv.adcode'),
    t(L, 'plan.cov.csv.category'),
    t(L, 'plan.cov.csv.area_km2'),
    ...ctx.bands.map((b) => t(L, 'plan.cov.csv.area_share', { min: b })),
    t(L, 'plan.cov.csv.population'),
    ...ctx.bands.map((b) => t(L, 'plan.cov.csv.pop_share', { min: b })),
    t(L, 'plan.cov.csv.cells'),
    t(L, 'plan.cov.csv.estimated_cells'),
    t(L, 'plan.cov.csv.basis'),
    t(L, 'plan.cov.csv.method'),
    t(L, 'plan.cov.csv.family'),
  ];
  const rows: (string | number | null)[][] = [header];
  for (const category of table.categories) {
    for (const r of shareRows(table, category)) {
      rows.push([
        r.adcode ? districtName(r.adcode, L) : t(L, 'plan.cov.city'),
        r.adcode ?? '',
        categoryName(category, L),
        round(r.areaM2 / 1e6, 4),
        ...r.areaShare.map(pct),
        r.pop === null ? null : round(r.pop, 1),
        ...(r.popShare ? r.popShare.map(pct) : ctx.bands.map(() => null)),
        r.cells,
        r.estimated,
        t(L, ctx.basis === 'population' ? 'plan.cov.basis.population' : 'plan.cov.basis.area'),
        methodNote(ctx),
        familyLabel(familyOf(category), L),
      ]);
    }
  }
  return toCsv(rows);
}

/** Apartment scores as CSV: one row per apartment, per category the nearest and counts per band. */
export function scoresCsv(
  scores: readonly ApartmentScore[],
  categories: readonly CategoryId[],
  ctx: ExportContext,
): string {
  const L = ctx.lang;
  const header: string[] = [
    t(L, 'plan.cov.csv.apartment'),
    t(L, 'plan.cov.csv.id'),
    t(L, 'plan.cov.csv.district'),
    t(L, 'plan.cov.csv.units'),
    t(L, 'plan.cov.csv.missing'),
    t(L, 'plan.cov.csv.method'),
  ];
  for (const c of categories) {
    const name = categoryName(c, L);
    header.push(
      t(L, 'plan.cov.csv.nearest', { category: name }),
      t(L, 'plan.cov.csv.nearest_min', { category: name }),
      ...ctx.bands.map((b) => t(L, 'plan.cov.csv.count_within', { category: name, min: b })),
    );
  }
  const rows: (string | number | null)[][] = [header];
  const sep = L === 'zh' ? '、' : '; ';
  for (const s of scores) {
    const a = s.apartment;
    const row: (string | number | null)[] = [
      L === 'zh' ? a.name_zh : a.name_en,
      a.id,
      districtName(a.district, L),
      a.units ?? null,
      s.missing.map((c) => categoryName(c, L)).join(sep),
      s.method === 'estimate'
        ? t(L, 'plan.cov.csv.method_estimate', { factor: ctx.detourFactor, speed: ctx.speedMPerMin })
        : t(L, 'plan.cov.csv.method_network', { speed: ctx.speedMPerMin }),
    ];
    for (const c of categories) {
      const cs = s.categories.find((x) => x.category === c);
      const n = cs?.nearest;
      row.push(
        n ? (L === 'zh' ? n.name_zh : n.name_en) : null,
        n ? round(n.minutes, 1) : null,
        ...ctx.bands.map((_, k) => cs?.within[k] ?? 0),
      );
    }
    rows.push(row);
  }
  return toCsv(rows);
}
