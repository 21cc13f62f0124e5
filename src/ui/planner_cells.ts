// The analysis' cells as the planner sees them: the drawn category, where its covered cells are, the selected cell, the camera on a gap.

import { CELL_ESTIMATE } from '../lib/coverage/cell_method';
import type { UncoveredCluster } from '../lib/coverage/clusters';
import { anyCoveredIn, type CoveredCells, coveredCells } from '../lib/coverage/covered';
import type { AnalyseResult, GridPayload } from '../lib/coverage/protocol';
import type { CoverageViewState } from '../lib/coverage/scenario_state';
import type { CategoryId } from '../lib/feature';
import type { SelectedCell } from './coverage_panel_props';

/** What cell `c` of result `r` shows in the panel, or null when the grid is not the result's. */
export function selectedCell(
  r: AnalyseResult | null,
  g: GridPayload | null,
  c: number | null,
): SelectedCell | null {
  if (c === null || !r || !g || g.key !== r.gridKey || c >= g.ids.length) return null;
  return {
    id: g.ids[c] as string,
    district: g.adcodes[g.district[c] as number] ?? '',
    estimate: g.cellMethod[c] === CELL_ESTIMATE,
    times: r.categories.map((category, k) => ({
      category,
      minutes: r.minutes[k]?.[c] ?? Infinity,
      reach: r.reach[k]?.[c] ?? 0,
    })),
  };
}

/** Centre ([lon, lat]) and zoom that show an uncovered area roughly whole. */
export function clusterCamera(c: UncoveredCluster): { centre: [number, number]; zoom: number } {
  const [w, s, e, n] = c.bbox;
  // One zoom level per halving of its span (≈20 km at z12).
  const spanKm = Math.max((e - w) * 90, (n - s) * 111, 0.3);
  return { centre: c.centre, zoom: Math.max(10, Math.min(16, 12 + Math.log2(20 / spanKm))) };
}

/** The category whose cells the map draws: the chosen one with the coverage panel open, else fitness sites for the fitness circle, else none. */
export function drawnCategory(
  s: Pick<CoverageViewState, 'covCat'> & { panel: string | null; layers: readonly CategoryId[] },
): CategoryId | null {
  return s.panel === 'coverage' ? s.covCat : s.layers.includes('fitness_circle') ? 'fitness_site' : null;
}

/** Where the cells of `category` within the last band are, or null (no result for this grid, or none). */
export function coveredOf(
  r: AnalyseResult | null,
  g: GridPayload | null,
  category: CategoryId,
): CoveredCells | null {
  const minutes = r?.minutes[r.categories.indexOf(category)];
  if (!r || !g || g.key !== r.gridKey || !minutes) return null;
  return coveredCells(g, minutes, r.bands[r.bands.length - 1] as number);
}

/**
 * The box to frame so that the covered cells of `category` show, or null when one already lies in `view`
 * (or there are none).
 * @param view [west, south, east, north] of the free part of the map, degrees
 */
export function framingBox(
  r: AnalyseResult | null,
  g: GridPayload | null,
  category: CategoryId,
  view: readonly [number, number, number, number] | null,
): [number, number, number, number] | null {
  const minutes = r?.minutes[r.categories.indexOf(category)];
  if (!r || !g || g.key !== r.gridKey || !minutes || !view) return null;
  if (anyCoveredIn(g, minutes, r.bands[r.bands.length - 1] as number, view)) return null;
  return coveredOf(r, g, category)?.bbox ?? null;
}
