// Population for coverage: CSV points (lon, lat, pop) or a WorldPop-style raster, summed into grid cells.

import Papa from 'papaparse';
import { MAX_BOUNDS } from '../../config';
import { decodeText, sniffBinary } from '../import/decode';
import { type NumberProblem, parseDecimal } from '../import/number';
import type { Issue } from '../validate';
import { type CoverageGrid, cellIdAt, cellIndexMap } from './grid';

/** People at points (e.g. raster pixel centres), WGS-84. */
export interface PopulationPoints {
  lon: Float64Array;
  lat: Float64Array;
  pop: Float64Array;
}

/** What reading a population file gave. */
export interface PopulationImport {
  name: string;
  format: 'csv' | 'geotiff';
  /** Null when the file could not be used at all (see issues). */
  points: PopulationPoints | null;
  /** Data rows (or raster pixels with a value) read. */
  records: number;
  accepted: number;
  /** Sum of the accepted population. */
  total: number;
  issues: Issue[];
}

const LON_NAMES = ['lon', 'lng', 'long', 'longitude', 'x', '经度'];
const LAT_NAMES = ['lat', 'latitude', 'y', '纬度'];
const POP_NAMES = ['pop', 'population', 'count', 'value', 'z', 'people', '人口', '人数', '人口数'];

const [[MIN_LON, MIN_LAT], [MAX_LON, MAX_LAT]] = MAX_BOUNDS;
const inLanzhou = (lon: number, lat: number) =>
  lon >= MIN_LON && lon <= MAX_LON && lat >= MIN_LAT && lat <= MAX_LAT;

/** More people than this at one point is not a count (it would also overflow the totals: 1e308 + 1e308). */
export const MAX_POINT_POPULATION = 10_000_000;

type Cell = { value: number } | { problem: NumberProblem };

/**
 * Reads a number the way spreadsheets write them: thousands grouped by commas or spaces, full-width
 * digits; a decimal comma only where commas do not separate columns. Never hexadecimal, never a guess.
 */
function num(cell: string | undefined, decimalComma: boolean): Cell {
  if (cell === undefined || cell.trim() === '') return { problem: 'text' };
  return parseDecimal(cell, { thousands: true, decimalComma });
}
const value = (c: Cell) => ('value' in c ? c.value : Number.NaN);

export function populationFailure(
  name: string,
  key: Issue['key'],
  params: Issue['params'] = {},
): PopulationImport {
  return {
    name,
    format: 'csv',
    points: null,
    records: 0,
    accepted: 0,
    total: 0,
    issues: [{ severity: 'error', key, params: { file: name, ...params } }],
  };
}

/**
 * Reads population points from CSV bytes: a header naming longitude, latitude and population columns
 * (English or Chinese names), or three bare numeric columns x, y, value (gdal2xyz output). Encoding as
 * for user imports (UTF-8 with or without BOM, UTF-16, GBK). Coordinates must be WGS-84. Rows with
 * unreadable numbers, negative counts, swapped or out-of-Lanzhou coordinates are skipped and counted.
 * @param bytes the whole file
 * @param name file name, for messages
 */
export function readPopulationCsv(bytes: Uint8Array, name: string): PopulationImport {
  if (bytes.length === 0) return populationFailure(name, 'plan.cov.pop.err.empty');
  if (sniffBinary(bytes)) return populationFailure(name, 'plan.cov.pop.err.binary');
  const { text } = decodeText(bytes);
  const parsed = Papa.parse<string[]>(text, {
    delimitersToGuess: [',', '\t', ';', '|', '，'],
    skipEmptyLines: 'greedy',
  });
  const rows = parsed.data;
  const decimalComma = parsed.meta.delimiter !== ',' && parsed.meta.delimiter !== '，';
  const first = rows[0];
  if (!first || rows.length === 0) return populationFailure(name, 'plan.cov.pop.err.empty');
  const lower = first.map((h) => h.trim().toLowerCase());
  const find = (names: string[]) => lower.findIndex((h) => names.includes(h));
  let cols = { lon: find(LON_NAMES), lat: find(LAT_NAMES), pop: find(POP_NAMES) };
  let body = rows.slice(1);
  let rowOffset = 2;
  if (cols.lon < 0 || cols.lat < 0 || cols.pop < 0) {
    if (first.length === 3 && first.every((c) => 'value' in num(c, decimalComma))) {
      cols = { lon: 0, lat: 1, pop: 2 };
      body = rows;
      rowOffset = 1;
    } else
      return populationFailure(name, 'plan.cov.pop.err.columns', { value: first.join(', ').slice(0, 80) });
  }
  // Accepted rows are written in place into arrays sized for every row; one trimming copy at the end.
  const lon = new Float64Array(body.length);
  const lat = new Float64Array(body.length);
  const pop = new Float64Array(body.length);
  let n = 0;
  let total = 0;
  const bad = {
    invalid: [] as number[],
    hex: [] as number[],
    comma: [] as number[],
    huge: [] as number[],
    negative: [] as number[],
    swapped: [] as number[],
    outside: [] as number[],
  };
  body.forEach((cells, i) => {
    const row = i + rowOffset;
    const read = [
      num(cells[cols.lon], decimalComma),
      num(cells[cols.lat], decimalComma),
      num(cells[cols.pop], decimalComma),
    ];
    const problems = read.flatMap((c) => ('problem' in c ? [c.problem] : []));
    const [x, y, p] = read.map(value) as [number, number, number];
    if (problems.includes('hex')) bad.hex.push(row);
    else if (problems.includes('comma')) bad.comma.push(row);
    else if (problems.includes('overflow') || p > MAX_POINT_POPULATION) bad.huge.push(row);
    else if (problems.length > 0) bad.invalid.push(row);
    else if (p < 0) bad.negative.push(row);
    else if (!inLanzhou(x, y)) (inLanzhou(y, x) ? bad.swapped : bad.outside).push(row);
    else {
      lon[n] = x;
      lat[n] = y;
      pop[n] = p;
      total += p;
      n++;
    }
  });
  const issues: Issue[] = [];
  const report = (rowsOf: number[], key: Issue['key']) => {
    if (rowsOf.length > 0)
      issues.push({
        severity: 'warning',
        key,
        params: { file: name, n: rowsOf.length, rows: rowsOf.slice(0, 5).join(', ') },
      });
  };
  report(bad.invalid, 'plan.cov.pop.row_invalid');
  report(bad.hex, 'plan.cov.pop.row_hex');
  report(bad.comma, 'plan.cov.pop.row_comma');
  report(bad.huge, 'plan.cov.pop.row_huge');
  report(bad.negative, 'plan.cov.pop.row_negative');
  report(bad.swapped, 'plan.cov.pop.row_swapped');
  report(bad.outside, 'plan.cov.pop.row_outside');
  if (n === 0) issues.unshift({ severity: 'error', key: 'plan.cov.pop.err.none', params: { file: name } });
  const trim = (a: Float64Array) => (n === a.length ? a : a.slice(0, n));
  return {
    name,
    format: 'csv',
    points: n > 0 ? { lon: trim(lon), lat: trim(lat), pop: trim(pop) } : null,
    records: body.length,
    accepted: n,
    total,
    issues,
  };
}

/** People per cell of a grid, and what fell outside it. */
export interface CellPopulation {
  pop: Float64Array;
  /** People at points inside the grid. */
  inside: number;
  /** People at points outside the chosen districts' cells. */
  outside: number;
}

/**
 * Sums points into the cells that contain them (the cell of the point itself, not of a centre test).
 * Points outside every cell count as outside.
 */
export function populationPerCell(grid: CoverageGrid, points: PopulationPoints): CellPopulation {
  const pop = new Float64Array(grid.count);
  const index = cellIndexMap(grid);
  let inside = 0;
  let outside = 0;
  for (let i = 0; i < points.lon.length; i++) {
    const p = points.pop[i] as number;
    const c = index.get(cellIdAt(grid.spec, points.lon[i] as number, points.lat[i] as number));
    if (c === undefined) outside += p;
    else {
      pop[c] = (pop[c] as number) + p;
      inside += p;
    }
  }
  return { pop, inside, outside };
}

/**
 * Young people (14–35) from total people and a share the user enters. Census age tables are not
 * shipped, so there is no default: without a share, figures are for all ages.
 * @param share 0–1, or null
 */
export function youthOf(people: number, share: number | null): number | null {
  return share === null || !(share >= 0 && share <= 1) ? null : people * share;
}
