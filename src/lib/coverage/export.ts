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
 * Decimals of the cell outlines' coordinates: 1e-5° is 1.1 m north–south and 0.9 m east–west at Lanzhou
 * (36° N), so a vertex moves at most ≈0.6 m, under 1% of the smallest cell's edge (H3 res 10, ≈66 m).
 */
export const COORD_DECIMALS = 5;
/** Decimals of the minutes: 0.1 min is 6 s, finer than any estimate here is honest about. */
export const MINUTE_DECIMALS = 1;

/**
 * The layers some cell can walk to a facility of. A category with nothing mapped would only repeat
 * "unreachable" in every cell: it is named once in the metadata instead.
 */
function withFacilities(layers: readonly ExportLayer[]): {
  kept: readonly ExportLayer[];
  empty: CategoryId[];
} {
  const kept = layers.filter((l) => l.reach.includes(1));
  return { kept, empty: layers.filter((l) => !kept.includes(l)).map((l) => l.category) };
}

/** One cell's figures: id, district, area, how it was timed, people, and per category minutes and class. */
function cellProperties(
  grid: CoverageGrid,
  cellMethod: Uint8Array,
  layers: readonly ExportLayer[],
  labels: readonly string[],
  bands: readonly number[],
  pop: Float64Array | null,
  c: number,
): Record<string, string | number> {
  const properties: Record<string, string | number> = {
    id: grid.ids[c] as string,
    district: grid.adcodes[grid.district[c] as number] as string,
    area_m2: round(grid.areaM2[c] as number, 1),
    method: cellMethod[c] === CELL_ESTIMATE ? 'estimate' : 'network',
  };
  if (pop) properties.population = round(pop[c] as number, 2);
  for (const l of layers) {
    const m = l.minutes[c] as number;
    // Beyond the horizon there is no number: the member is left out (its class says why).
    if (Number.isFinite(m)) properties[`min_${l.category}`] = round(m, MINUTE_DECIMALS);
    properties[`class_${l.category}`] = labels[bandClass(m, l.reach[c] as number, bands)] as string;
  }
  return properties;
}

/**
 * The grid as a GeoJSON FeatureCollection of cell polygons. Per cell: id, district, area, population
 * (when loaded), how it was timed (network / estimate), and per category the minutes to the nearest
 * (left out beyond the horizon) and the band class; coordinates to COORD_DECIMALS. A top-level `metadata`
 * member (RFC 7946 §6.1 foreign member) records the method, speed, detour factor, basis, what-if sites and
 * the categories left out because no cell can walk to any of them.
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
    properties: Record<string, string | number>;
  }[];
} {
  const labels = classLabels(ctx.bands);
  const { kept, empty } = withFacilities(layers);
  const features = [];
  for (let c = 0; c < grid.count; c++) {
    features.push({
      type: 'Feature' as const,
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          cellRing(grid, c).map(
            ([x, y]) => [round(x, COORD_DECIMALS), round(y, COORD_DECIMALS)] as [number, number],
          ),
        ],
      },
      properties: cellProperties(grid, cellMethod, kept, labels, ctx.bands, pop, c),
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
      categories_without_facilities: empty,
      generated: ctx.generated,
    },
    features,
  };
}

/**
 * The cells of an H3 grid without outlines, as CSV: the H3 index (any H3 tool redraws the hexagon from it),
 * district, area, method, people, and per category with a facility the minutes (empty beyond the horizon)
 * and the class.
 * The last column holds the method note and generation time, on the first row only (the table stays one
 * rectangle for spreadsheets and databases).
 */
export function cellIdsCsv(
  grid: CoverageGrid,
  cellMethod: Uint8Array,
  layers: readonly ExportLayer[],
  ctx: ExportContext,
  pop: Float64Array | null,
): string {
  const L = ctx.lang;
  const labels = classLabels(ctx.bands);
  const { kept } = withFacilities(layers);
  const header: string[] = [
    t(L, 'plan.cov.csv.h3'),
    t(L, 'plan.cov.csv.adcode'),
    t(L, 'plan.cov.csv.area_m2'),
    t(L, 'plan.cov.csv.method'),
    ...(pop ? [t(L, 'plan.cov.csv.population')] : []),
    ...kept.flatMap((l) => {
      const name = categoryName(l.category, L);
      return [
        t(L, 'plan.cov.csv.nearest_min', { category: name }),
        t(L, 'plan.cov.csv.class', { category: name }),
      ];
    }),
    t(L, 'plan.cov.csv.note'),
  ];
  const rows: (string | number | null)[][] = [header];
  for (let c = 0; c < grid.count; c++) {
    const p = cellProperties(grid, cellMethod, kept, labels, ctx.bands, pop, c);
    rows.push([
      p.id as string,
      p.district as string,
      p.area_m2 as number,
      p.method as string,
      ...(pop ? [p.population as number] : []),
      ...kept.flatMap((l) => [p[`min_${l.category}`] ?? null, p[`class_${l.category}`] as string]),
      c === 0 ? t(L, 'plan.cov.csv.note_text', { method: methodNote(ctx), time: ctx.generated }) : null,
    ]);
  }
  return toCsv(rows);
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
