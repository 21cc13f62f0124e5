// The analysis' cells as the planner sees them: the drawn category, where its covered cells are, the selected cell, the camera on a gap.

import { CELL_ESTIMATE } from '../lib/coverage/cell_method';
import type { UncoveredCluster } from '../lib/coverage/clusters';
import { anyCoveredIn, type CoveredCells, coveredCells } from '../lib/coverage/covered';
import type { AnalyseResult, GridPayload } from '../lib/coverage/protocol';
import type { CoverageViewState } from '../lib/coverage/scenario_state';
import type { CategoryId } from '../lib/feature';
import type { SelectedCell } from './coverage_panel_props';
import type { MapHit } from './map_click';
import type { PlannerHost, PlannerState } from './planner_host';

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

/** The shown result and its grid (either may be missing), and whether it belongs to the current settings. */
export interface ShownResult {
  result: AnalyseResult | null;
  grid: GridPayload | null;
  ready: boolean;
}

type CellAt = (grid: GridPayload, lon: number, lat: number) => number;

/**
 * The planner's view of the cells: which one is selected (outlined, its details in the panel), what a map
 * click on them means, and framing the covered cells once when the drawn layer changes.
 */
export class PlannerCells {
  /** The selected cell's index, or null. */
  selected: number | null = null;
  /** What the map draws ('coverage:<category>', 'circle' or null); undefined before the first state. */
  private drawn: string | null | undefined = undefined;
  /** The drawn layer changed: once its result is in, show its covered cells if none is in view. */
  private framePending = false;
  /** The grid's point lookup (src/lib/coverage/grid.ts cellAt), loaded with the first drawn cells. */
  private cellAt: CellAt | null = null;
  private cellAtLoad: Promise<void> | null = null;

  constructor(
    private readonly host: Pick<PlannerHost, 'flyTo' | 'fitBox' | 'freeBounds' | 'refresh' | 'redraw'>,
  ) {}

  /** Notes what state `s` draws; a change during the visit asks for framing (the opening state keeps its camera). */
  noteDrawn(s: PlannerState): void {
    const drawn =
      s.panel === 'coverage' ? `coverage:${s.covCat}` : s.layers.includes('fitness_circle') ? 'circle' : null;
    if (this.drawn !== undefined && drawn !== null && drawn !== this.drawn) this.framePending = true;
    this.drawn = drawn;
  }

  /**
   * After the drawn layer changed: when its result is in and none of its covered cells lies in the free
   * part of the map (the view would be one "over 15 min" wash), frame them.
   */
  frame(s: PlannerState, shown: ShownResult): void {
    const category = drawnCategory(s);
    if (!this.framePending || !category || !shown.ready) return;
    this.framePending = false;
    const box = framingBox(shown.result, shown.grid, category, this.host.freeBounds());
    if (box) this.host.fitBox(box);
  }

  /** A new result with `cellCount` cells arrived: a selection past its end is dropped. */
  resultArrived(cellCount: number): void {
    if (this.selected !== null && this.selected >= cellCount) this.selected = null;
  }

  /** Select the centre cell of an uncovered area and fly to it. */
  showCluster(c: UncoveredCluster): void {
    this.selected = c.cell;
    const { centre, zoom } = clusterCamera(c);
    this.host.flyTo(centre, zoom);
    this.host.refresh();
    this.host.redraw();
  }

  /** Loads the point lookup before the cells are first drawn (h3-js comes in its own chunk). */
  prepare(): Promise<void> {
    this.cellAtLoad ??= import('../lib/coverage/grid').then((m) => {
      this.cellAt = m.cellAt;
    });
    return this.cellAtLoad;
  }

  /**
   * A map click with the coverage cells drawn (the coverage panel open). A marker under the pointer is
   * the place the planner aimed at: the app selects it and the cell stays. Otherwise a click inside a
   * drawn cell selects that cell and nothing else (the district, or any area or line under the cell, stays
   * as it was); outside every cell the app's own rule applies (a district is selected).
   * @returns true when the click selected a cell
   */
  click(s: PlannerState, [lon, lat]: [number, number], hit: MapHit | null, shown: ShownResult): boolean {
    const { result: r, grid: g } = shown;
    if (s.panel !== 'coverage' || hit?.point || !this.cellAt || !r || !g || g.key !== r.gridKey) return false;
    if (!r.categories.includes(s.covCat)) return false;
    const cell = this.cellAt(g, lon, lat);
    if (cell < 0) return false;
    this.selected = cell;
    this.host.refresh();
    this.host.redraw();
    return true;
  }
}
