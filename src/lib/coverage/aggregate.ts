// Coverage figures: per district and for the city, the area (and people) within each band of a category.

import type { CategoryId } from '../feature';
import type { LayerChange } from './add_facility';
import { CELL_ESTIMATE } from './cell_method';
import type { CoverageGrid } from './grid';

/**
 * Covered totals for every category × district × band, with the denominators. Flat arrays are laid
 * out as ((category × districts) + district) × bands + band.
 */
export interface CoverageTable {
  bands: number[];
  categories: CategoryId[];
  adcodes: string[];
  /** District area, m² (sum of its cells). */
  areaM2: Float64Array;
  /** District population (sum over its cells), or null without a population grid. */
  pop: Float64Array | null;
  /** Cells per district, and how many of them were timed by the straight-line estimate. */
  cells: Int32Array;
  estimated: Int32Array;
  coveredArea: Float64Array;
  coveredPop: Float64Array | null;
}

/**
 * Sums coverage over a grid.
 * @param layers minutes per cell for each category, in `categories` order
 * @param bands cumulative bands, minutes (e.g. [5, 10, 15])
 * @param pop people per cell, or null
 * @param cellMethod CELL_NETWORK / CELL_ESTIMATE per cell
 */
export function tabulate(
  grid: CoverageGrid,
  cellMethod: Uint8Array,
  layers: readonly { minutes: Float32Array }[],
  categories: readonly CategoryId[],
  bands: readonly number[],
  pop: Float64Array | null,
): CoverageTable {
  const D = grid.adcodes.length;
  const B = bands.length;
  const t: CoverageTable = {
    bands: [...bands],
    categories: [...categories],
    adcodes: [...grid.adcodes],
    areaM2: new Float64Array(D),
    pop: pop ? new Float64Array(D) : null,
    cells: new Int32Array(D),
    estimated: new Int32Array(D),
    coveredArea: new Float64Array(categories.length * D * B),
    coveredPop: pop ? new Float64Array(categories.length * D * B) : null,
  };
  for (let c = 0; c < grid.count; c++) {
    const d = grid.district[c] as number;
    t.areaM2[d] = (t.areaM2[d] as number) + (grid.areaM2[c] as number);
    if (t.pop && pop) t.pop[d] = (t.pop[d] as number) + (pop[c] as number);
    t.cells[d] = (t.cells[d] as number) + 1;
    if (cellMethod[c] === CELL_ESTIMATE) t.estimated[d] = (t.estimated[d] as number) + 1;
  }
  layers.forEach((layer, k) => {
    for (let c = 0; c < grid.count; c++) add(t, grid, k, c, layer.minutes[c] as number, 1, pop);
  });
  return t;
}

function add(
  t: CoverageTable,
  grid: CoverageGrid,
  k: number,
  c: number,
  minutes: number,
  sign: number,
  pop: Float64Array | null,
): void {
  const B = t.bands.length;
  const base = (k * t.adcodes.length + (grid.district[c] as number)) * B;
  for (let b = 0; b < B; b++) {
    if (minutes > (t.bands[b] as number)) continue;
    t.coveredArea[base + b] = (t.coveredArea[base + b] as number) + sign * (grid.areaM2[c] as number);
    if (t.coveredPop && pop)
      t.coveredPop[base + b] = (t.coveredPop[base + b] as number) + sign * (pop[c] as number);
  }
}

/**
 * Updates a table in place after an incremental change of one category (only the changed cells are
 * read), so a what-if site costs as much as the cells it reaches.
 * @param minutes the category's minutes after the change
 */
export function applyLayerChange(
  t: CoverageTable,
  grid: CoverageGrid,
  category: CategoryId,
  change: LayerChange,
  minutes: Float32Array,
  pop: Float64Array | null,
): void {
  const k = t.categories.indexOf(category);
  if (k < 0) return;
  change.cells.forEach((c, i) => {
    add(t, grid, k, c, change.oldMinutes[i] as number, -1, pop);
    add(t, grid, k, c, minutes[c] as number, 1, pop);
  });
}

/** Re-sums one category from scratch (after a rebuild of its layer). */
export function retabulateCategory(
  t: CoverageTable,
  grid: CoverageGrid,
  category: CategoryId,
  minutes: Float32Array,
  pop: Float64Array | null,
): void {
  const k = t.categories.indexOf(category);
  if (k < 0) return;
  const span = t.adcodes.length * t.bands.length;
  t.coveredArea.fill(0, k * span, (k + 1) * span);
  t.coveredPop?.fill(0, k * span, (k + 1) * span);
  for (let c = 0; c < grid.count; c++) add(t, grid, k, c, minutes[c] as number, 1, pop);
}

/** A deep copy of a table. */
export function cloneTable(t: CoverageTable): CoverageTable {
  return {
    ...t,
    bands: [...t.bands],
    categories: [...t.categories],
    adcodes: [...t.adcodes],
    areaM2: t.areaM2.slice(),
    pop: t.pop?.slice() ?? null,
    cells: t.cells.slice(),
    estimated: t.estimated.slice(),
    coveredArea: t.coveredArea.slice(),
    coveredPop: t.coveredPop?.slice() ?? null,
  };
}

/** One row of the figures: a district (adcode) or the whole selection (adcode null). */
export interface ShareRow {
  adcode: string | null;
  areaM2: number;
  pop: number | null;
  cells: number;
  estimated: number;
  /** Covered area per band, m². */
  coveredAreaM2: number[];
  /** Share (0–1) of the area within each band. */
  areaShare: number[];
  coveredPop: number[] | null;
  /** Share (0–1) of the population within each band (null without population, or when it is 0). */
  popShare: number[] | null;
}

/**
 * The shares (0–1, per band) a figure is read by: of people when the analysis is by population and the
 * row has people, else of area.
 */
export function basisShare(row: ShareRow, basis: 'area' | 'population'): number[] {
  return basis === 'population' && row.popShare ? row.popShare : row.areaShare;
}

/** Rows for one category: every district in grid order, then the city (all chosen districts). */
export function shareRows(t: CoverageTable, category: CategoryId): ShareRow[] {
  const k = t.categories.indexOf(category);
  const D = t.adcodes.length;
  const B = t.bands.length;
  const row = (adcode: string | null, ds: number[]): ShareRow => {
    let area = 0;
    let pop = 0;
    let cells = 0;
    let estimated = 0;
    const covA = new Array<number>(B).fill(0);
    const covP = new Array<number>(B).fill(0);
    for (const d of ds) {
      area += t.areaM2[d] as number;
      pop += t.pop ? (t.pop[d] as number) : 0;
      cells += t.cells[d] as number;
      estimated += t.estimated[d] as number;
      for (let b = 0; b < B; b++) {
        const i = (k * D + d) * B + b;
        covA[b] = (covA[b] as number) + (k < 0 ? 0 : (t.coveredArea[i] as number));
        covP[b] = (covP[b] as number) + (k < 0 || !t.coveredPop ? 0 : (t.coveredPop[i] as number));
      }
    }
    return {
      adcode,
      areaM2: area,
      pop: t.pop ? pop : null,
      cells,
      estimated,
      coveredAreaM2: covA,
      areaShare: covA.map((a) => (area > 0 ? a / area : 0)),
      coveredPop: t.pop ? covP : null,
      popShare: t.pop && pop > 0 ? covP.map((p) => p / pop) : null,
    };
  };
  const all = Array.from({ length: D }, (_, d) => d);
  return [...all.map((d) => row(t.adcodes[d] as string, [d])), row(null, all)];
}

/** City-wide share of area (or population when given) within `band` for every category. */
export function cityShares(
  t: CoverageTable,
  bandIndex: number,
): { category: CategoryId; area: number; pop: number | null }[] {
  return t.categories.map((category) => {
    const city = shareRows(t, category).at(-1) as ShareRow;
    return {
      category,
      area: city.areaShare[bandIndex] as number,
      pop: city.popShare ? (city.popShare[bandIndex] as number) : null,
    };
  });
}
