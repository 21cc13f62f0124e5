// The analysis' cells as the planner sees them: the figures of the selected cell, and the camera on an uncovered area.

import { CELL_ESTIMATE } from '../lib/coverage/cell_method';
import type { UncoveredCluster } from '../lib/coverage/clusters';
import type { AnalyseResult, GridPayload } from '../lib/coverage/protocol';
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
