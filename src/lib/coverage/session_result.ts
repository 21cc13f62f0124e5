// The coverage session's answer to an analysis, as posted: copies of the scenario's arrays to transfer, the grid once.

import type { CategoryId } from '../feature';
import type { WalkEngine } from '../walk/engine';
import type { CoverageTable } from './aggregate';
import type { UncoveredCluster } from './clusters';
import type { CoverageContext } from './context';
import type { CoverageGrid } from './grid';
import type { AnalyseResult, AnalyseSettings, GridPayload, PopulationSummary } from './protocol';
import type { ApartmentScore } from './scores';
import type { ScenarioLayer } from './whatif';

/** What one analysis ended with. */
export interface AnalysisOutcome {
  engine: WalkEngine;
  grid: CoverageGrid;
  ctx: CoverageContext;
  settings: AnalyseSettings;
  categories: readonly CategoryId[];
  /** Per category: its layer under the scenario. */
  layers: ReadonlyMap<CategoryId, ScenarioLayer>;
  table: CoverageTable;
  /** The figures without the scenario's sites. */
  baseTable: CoverageTable;
  clusters: UncoveredCluster[];
  scores: ApartmentScore[];
  /** People per cell (figures by people), or null (by area). */
  pop: Float64Array | null;
  population: PopulationSummary | null;
  /** Milliseconds per step. */
  timings: Record<string, number>;
  /** Whether the page lacks this grid (it is sent once per grid). */
  includeGrid: boolean;
}

/**
 * The result message of an analysis and the buffers to transfer with it: every array is a copy, so the
 * session keeps its own for the next incremental update.
 */
export function analyseResult(o: AnalysisOutcome): { result: AnalyseResult; transfer: Transferable[] } {
  const { grid, ctx, engine, settings: s, categories } = o;
  const layer = (c: CategoryId) => (o.layers.get(c) as ScenarioLayer).layer;
  const minutes = categories.map((c) => layer(c).minutes.slice());
  const reach = categories.map((c) => layer(c).reach.slice());
  const payload: GridPayload | null = o.includeGrid
    ? {
        key: grid.key,
        spec: grid.spec,
        ids: grid.ids,
        lon: grid.lon.slice(),
        lat: grid.lat.slice(),
        areaM2: grid.areaM2.slice(),
        district: grid.district.slice(),
        adcodes: grid.adcodes,
        cellMethod: ctx.cellMethod.slice(),
      }
    : null;
  const transfer: Transferable[] = [...minutes, ...reach].map((a) => a.buffer);
  if (payload)
    transfer.push(
      payload.lon.buffer,
      payload.lat.buffer,
      payload.areaM2.buffer,
      payload.district.buffer,
      payload.cellMethod.buffer,
    );
  const hasSites = s.sites.length > 0;
  return {
    result: {
      gridKey: grid.key,
      grid: payload,
      cellCount: grid.count,
      method: engine.method,
      speedMPerMin: engine.speedMPerMin,
      detourFactor: engine.detourFactor,
      horizonMin: ctx.horizonMin,
      bands: [...s.bands],
      categories: [...categories],
      minutes,
      reach,
      facilityCounts: categories.map((c) => ({
        category: c,
        counted: layer(c).pointCount,
        unsnapped: layer(c).unsnapped.length,
      })),
      basis: o.pop ? 'population' : 'area',
      population: o.population,
      youthShare: s.youthShare,
      table: o.table,
      baseTable: hasSites ? o.baseTable : null,
      clusters: o.clusters,
      scores: o.scores,
      timings: o.timings,
    },
    transfer,
  };
}
