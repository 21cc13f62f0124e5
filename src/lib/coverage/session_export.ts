// The coverage session's downloads: the shown scenario as cells (GeoJSON), district table or apartment scores (CSV).

import type { CategoryId } from '../feature';
import type { Lang } from '../i18n';
import type { WalkEngine } from '../walk/engine';
import type { CoverageTable } from './aggregate';
import type { CoverageContext } from './context';
import { cellIdsCsv, cellsToGeoJson, districtTableCsv, type ExportContext, scoresCsv } from './export';
import { type CoverageGrid, formatGridSpec } from './grid';
import { methodSummary } from './method_label';
import type { AnalyseSettings, ExportResult, ExportWhat } from './protocol';
import type { ApartmentScore } from './scores';

/** What an export is made of: the session's latest analysis. */
export interface ExportInput {
  engine: WalkEngine;
  grid: CoverageGrid;
  ctx: CoverageContext;
  settings: AnalyseSettings;
  table: CoverageTable;
  /** Per category: minutes and reach per cell under the scenario. */
  layers: { category: CategoryId; minutes: Float32Array; reach: Uint8Array }[];
  scores: readonly ApartmentScore[];
  categories: readonly CategoryId[];
  /** People per cell, or null. */
  pop: Float64Array | null;
}

/**
 * One download of the latest analysis, with its file name and type; every file says how it was timed.
 * (The panel offers `cell_ids` for H3 grids only: a square cell's id means nothing to other tools.)
 */
export function exportCoverage(what: ExportWhat, lang: Lang, o: ExportInput): ExportResult {
  const s = o.settings;
  const ectx: ExportContext = {
    lang,
    method: o.engine.method,
    summary: methodSummary({ method: o.engine.method, table: o.table }),
    speedMPerMin: o.engine.speedMPerMin,
    detourFactor: o.engine.detourFactor,
    horizonMin: o.ctx.horizonMin,
    bands: s.bands,
    basis: o.pop ? 'population' : 'area',
    sites: s.sites,
    generated: new Date().toISOString(),
  };
  const stamp = `${formatGridSpec(o.grid.spec)}${s.sites.length ? '-whatif' : ''}`;
  if (what === 'cells')
    return {
      filename: `coverage-cells-${stamp}.geojson`,
      mime: 'application/geo+json',
      text: JSON.stringify(cellsToGeoJson(o.grid, o.ctx.cellMethod, o.layers, ectx, o.pop)),
    };
  if (what === 'cell_ids')
    return {
      filename: `coverage-cell-ids-${stamp}.csv`,
      mime: 'text/csv;charset=utf-8',
      text: cellIdsCsv(o.grid, o.ctx.cellMethod, o.layers, ectx, o.pop),
    };
  if (what === 'districts')
    return {
      filename: `coverage-districts-${stamp}.csv`,
      mime: 'text/csv;charset=utf-8',
      text: districtTableCsv(o.table, ectx),
    };
  return {
    filename: `apartment-scores-${stamp}.csv`,
    mime: 'text/csv;charset=utf-8',
    text: scoresCsv(o.scores, o.categories, ectx),
  };
}
