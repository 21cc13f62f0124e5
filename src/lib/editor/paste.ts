// Rows copied from Excel / WPS (Tab-separated, any column order, zh/en headers) → editor rows in WGS-84.

import { type Crs, parseCrs, toWgs84 } from '../crs';
import { type CsvTable, readCsvTable } from '../import/csv';
import {
  type Field,
  hasCjk,
  normaliseKey,
  parseCategory,
  parseDistrict,
  parseStatus,
} from '../import/fields';
import { parseSourceDate } from '../import/user_feature';
import type { DistrictLookup, Issue } from '../validate';
import { emptyRow, formatDegrees, type PlaceRow } from './place_row';

/** One pasted row, converted. `raw` is the position as written (in `crs`), for the round-trip display. */
export interface PastedRow {
  row: PlaceRow;
  /** Row in the pasted table (the header is row 1). */
  line: number;
  crs: Crs | null;
  raw: [number, number] | null;
  /** No coordinates but an address: waiting for the geocoder (or a click / drag). */
  needsGeocode: boolean;
}

export type PasteResult =
  | { ok: true; rows: PastedRow[]; issues: Issue[] }
  /** The paste as a whole is unusable: nothing is added. */
  | { ok: false; issue: Issue };

export interface PasteOptions {
  /** The datum chosen for this paste; a `crs` / 坐标系 column overrides it row by row. */
  crs: Crs;
  /** Shown in messages as the "file" ("粘贴的表格" / "pasted table"). */
  label: string;
  /** Ids already in the working set: generated ids avoid them. */
  existingIds: ReadonlySet<string>;
  /** Fills the district of rows that give none, from their (converted) point. */
  districts?: DistrictLookup;
}

/** `plan_target` has no alias in the import's field table (imports never carry one); the editor's own. */
const PLAN_TARGET_KEYS = new Set(
  ['plan_target', 'plantarget', 'designation', '规划目标', '工作要点目标', '对应目标', '认定'].map(
    normaliseKey,
  ),
);
/** What a UTF-8 file read as GBK (or the reverse) leaves in cells: U+FFFD, 锟斤拷, Latin-1 debris. */
const GARBLED = /\uFFFD|锟斤拷|烫烫|屯屯|[ÃÂ][\u0080-\u00ff]/;

/**
 * A number as people type it into a sheet: full-width digits (１０３．８), a degree sign, a trailing
 * hemisphere letter (103.8°E, 36.05N), thin spaces. Returns null for empty text and NaN for anything else.
 */
export function parseSheetNumber(text: string): number | null {
  const s = text
    .normalize('NFKC')
    .trim()
    .replace(/\s+/g, '')
    .replace(/[°º]?[EN东北]?$/i, '')
    .replace(/^[EN东北]/i, '');
  if (s === '') return null;
  return /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(s) ? Number(s) : Number.NaN;
}

function cellOf(table: CsvTable, cells: readonly string[], field: Field): string {
  const i = table.columns.get(field);
  return i === undefined ? '' : (cells[i] ?? '').trim();
}

/**
 * Parses pasted spreadsheet text. Excel and WPS put Tab between cells, CRLF (or LF) between rows, and
 * quote cells that contain a Tab, a newline or a quote; a header row names the columns in any order, in
 * Chinese or English (the import's aliases: 名称, 经度, 纬度, 地址, 类别 …, plus 规划目标 for plan_target).
 * Coordinates are converted from the paste's datum (or the row's own `crs` cell) to WGS-84 at once.
 * Rows with problems are kept — the editor shows the build's messages for them — but a paste without a
 * header the editor understands, without names, or without coordinates or addresses is refused whole.
 */
export function parsePaste(text: string, opts: PasteOptions): PasteResult {
  const clean = text.replace(/^\uFEFF/, '');
  const fileError = (key: Issue['key'], params: Issue['params'] = {}): PasteResult => ({
    ok: false,
    issue: { severity: 'error', key, params: { file: opts.label, ...params } },
  });
  if (clean.trim() === '') return fileError('err.empty');
  const read = readCsvTable(clean, opts.label, '\t');
  if ('error' in read) return { ok: false, issue: read.error };
  const table = read.table;
  const has = (f: Field) => table.columns.has(f);
  if (!has('name') && !has('name_zh') && !has('name_en'))
    return fileError('editor.err.paste_header', { value: table.header.join(' | ').slice(0, 120) });
  const coords = (has('lon') && has('lat')) || has('lnglat');
  if (!coords && !has('address_zh')) return fileError('editor.err.paste_where');
  if (table.rows.length === 0) return fileError('import.err.no_features');
  const planTargetColumn = table.header.findIndex((h) => PLAN_TARGET_KEYS.has(normaliseKey(h)));

  const issues: Issue[] = table.issues.filter((i) => i.key !== 'import.csv_delimiter');
  const used = new Set(opts.existingIds);
  let n = 0;
  const nextId = () => {
    do n++;
    while (used.has(`ed-${n}`));
    return `ed-${n}`;
  };
  const rows: PastedRow[] = table.rows.map(({ row: line, cells }) => {
    const where = { key: 'err.csv_row' as const, params: { file: opts.label, row: line } };
    const get = (f: Field) => cellOf(table, cells, f);
    if (cells.some((c) => GARBLED.test(c)))
      issues.push({ severity: 'warning', key: 'editor.paste_garbled', params: {}, where });
    const row = emptyRow();

    const bare = get('name');
    row.name_zh = get('name_zh') || (hasCjk(bare) ? bare : '');
    row.name_en = get('name_en') || (!hasCjk(bare) ? bare : '');
    // The import's rule: one name stands in for the other, so a Chinese-only list still builds.
    row.name_zh ||= row.name_en;
    row.name_en ||= row.name_zh;

    const id = get('id');
    row.id = id !== '' && !used.has(id) ? id : nextId();
    if (id !== '' && id !== row.id)
      issues.push({
        severity: 'warning',
        key: 'import.duplicate_id',
        params: { value: id, other: '', id: row.id },
        where,
      });
    used.add(row.id);

    const category = get('category');
    row.category = parseCategory(category) ?? category;
    const status = get('status');
    row.status = parseStatus(status) ?? status;
    const accuracy = parseSheetNumber(get('accuracy_m'));
    row.accuracy_m = accuracy === null ? '' : Number.isNaN(accuracy) ? get('accuracy_m') : String(accuracy);
    row.source_title = get('source_title');
    row.source_url = get('source_url');
    const date = get('source_date');
    row.source_date = date === '' ? '' : (parseSourceDate(date) ?? date);
    row.address_zh = get('address_zh');
    row.opening_hours = get('opening_hours');
    row.description_zh = get('description_zh');
    row.description_en = get('description_en');
    row.units = get('units').normalize('NFKC');
    row.length_m = get('length_m').normalize('NFKC');
    if (planTargetColumn >= 0) row.plan_target = (cells[planTargetColumn] ?? '').trim();

    // Coordinates: lon/lat columns, or one "lon,lat" cell (AMap's and Baidu's pickers copy that form).
    let lonText = get('lon');
    let latText = get('lat');
    if (lonText === '' && latText === '' && has('lnglat')) {
      const parts = get('lnglat')
        .normalize('NFKC')
        .split(/[,;\s]+/)
        .filter(Boolean);
      [lonText = '', latText = ''] = parts;
    }
    const crsCell = get('crs');
    const crs = crsCell === '' ? opts.crs : parseCrs(crsCell);
    const lon = parseSheetNumber(lonText);
    const lat = parseSheetNumber(latText);
    let raw: [number, number] | null = null;
    if (lon === null && lat === null) {
      row.lon = '';
      row.lat = '';
    } else if (crs && lon !== null && lat !== null && Number.isFinite(lon) && Number.isFinite(lat)) {
      raw = [lon, lat];
      const [x, y] = Math.abs(lon) <= 180 && Math.abs(lat) <= 90 ? toWgs84(lon, lat, crs) : [lon, lat];
      row.lon = formatDegrees(x);
      row.lat = formatDegrees(y);
    } else {
      // Left as written: the validator names what is wrong with it.
      row.lon = lonText;
      row.lat = latText;
    }
    // An unknown datum stays visible in the row (the build's "unknown CRS" message) until it is fixed.
    row.crs = crs ? 'WGS84' : crsCell;

    const district = get('district');
    row.district = parseDistrict(district) ?? district;
    if (row.district === '' && raw && opts.districts)
      row.district = opts.districts.districtAt(Number(row.lon), Number(row.lat)) ?? '';

    return { row, line, crs, raw, needsGeocode: raw === null && row.lon === '' && row.address_zh !== '' };
  });
  return { ok: true, rows, issues };
}
