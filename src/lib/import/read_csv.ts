// CSV text → records: column mapping, per-row CRS, strict coordinates, rows that could not be decoded.

import { parseCrs } from '../crs';
import type { Issue } from '../validate';
import { CRS_LABEL } from './crs_label';
import { readCsvTable } from './csv';
import type { DecodedText } from './decode';
import type { Field } from './fields';
import type { ImportOptions } from './import_file';
import { MAX_NUMBER_LENGTH, parseDecimal } from './number';
import { NUMBER_KEY } from './number_keys';
import { fileError, type Parsed, type Rec } from './records';
import type { UserRecord, Where } from './user_feature';

const ENCODING_LABEL: Record<string, string> = { 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8', gbk: 'GBK' };
const extension = (name: string) => /\.([^.\\/]+)$/.exec(name.toLowerCase())?.[1] ?? '';

/**
 * Reads CSV/TSV text into records.
 * @param decoded the decoded file: its bad lines (not valid in its encoding) become row errors
 * @returns the records and row issues, or the one issue that makes the whole file unreadable
 */
export function readCsv(
  decoded: Pick<DecodedText, 'text' | 'badLines' | 'alt' | 'encoding'>,
  opts: Pick<ImportOptions, 'name' | 'crs' | 'category'>,
): Parsed | Issue {
  const file = opts.name;
  const { text } = decoded;
  const encoding = ENCODING_LABEL[decoded.encoding] ?? decoded.encoding;
  const alt = decoded.alt ? ENCODING_LABEL[decoded.alt] : null;
  if (decoded.badLines[0] === 1) {
    return fileError('import.err.encoding_header', { file, encoding, alt: alt ?? '—' });
  }
  const ext = extension(file);
  const read = readCsvTable(text, file, ext === 'tsv' || ext === 'txt' ? '\t' : ',');
  if ('error' in read) return read.error;
  const { header, columns, rows, delimiter } = read.table;
  const issues = [...read.table.issues];
  for (const row of decoded.badLines) {
    issues.push({
      severity: 'error',
      key: alt ? 'import.err.row_encoding_alt' : 'import.err.row_encoding',
      params: { encoding, alt: alt ?? '' },
      where: { key: 'err.csv_row', params: { file, row } },
    });
  }
  const columnList = header.join(', ').slice(0, 200);
  const hasCoords = (columns.has('lon') && columns.has('lat')) || columns.has('lnglat');
  if (!hasCoords) {
    return fileError('err.csv_columns', { file, field: 'lon / 经度, lat / 纬度', value: columnList });
  }
  if (!columns.has('name_zh') && !columns.has('name_en') && !columns.has('name')) {
    return fileError('err.csv_columns', { file, field: 'name_zh / 名称', value: columnList });
  }
  if (!columns.has('category') && !opts.category) return fileError('import.err.no_category', { file });
  if (rows.length === 0 && !issues.some((i) => i.severity === 'error')) {
    return fileError('import.err.no_features', { file });
  }
  // Where the comma does not separate columns it may be a decimal mark ("103,82", European Excel).
  const decimalComma = delimiter !== ',' && delimiter !== '，';
  let otherCrs = 0;
  const records: Rec[] = [];
  for (const { row, cells } of rows) {
    const where: Where = { key: 'err.csv_row', params: { file, row } };
    const cell = (f: Field) => {
      const i = columns.get(f);
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    let crs = opts.crs;
    const crsText = cell('crs');
    if (crsText !== '') {
      const c = parseCrs(crsText);
      if (!c) {
        issues.push({ severity: 'error', key: 'err.crs', params: { value: crsText.slice(0, 40) }, where });
        continue;
      }
      if (c !== opts.crs) otherCrs++;
      crs = c;
    }
    const refused: Issue[] = [];
    // A refused number stops the row with its own message; text stays text for "invalid coordinate".
    const coordinate = (field: string, s: string): number | string => {
      if (s === '') return s;
      const r = parseDecimal(s, { decimalComma });
      if ('value' in r) return r.value;
      if (r.problem !== 'text') {
        refused.push({
          severity: 'error',
          key: NUMBER_KEY[r.problem],
          params: { field, value: s.slice(0, MAX_NUMBER_LENGTH) },
          where,
        });
      }
      return s.slice(0, 40);
    };
    let lon: number | string;
    let lat: number | string;
    if (columns.has('lon') && columns.has('lat')) {
      lon = coordinate('lon', cell('lon'));
      lat = coordinate('lat', cell('lat'));
    } else {
      // One separator class under one quantifier: linear however long the cell.
      const parts = cell('lnglat')
        .slice(0, 200)
        .split(/[,，;\s]+/);
      lon = coordinate('lon', parts[0] ?? '');
      lat = coordinate('lat', parts[1] ?? '');
    }
    if (refused[0]) {
      issues.push(refused[0]);
      continue;
    }
    const rec: UserRecord = {};
    for (const [f, i] of columns) {
      if (f === 'lon' || f === 'lat' || f === 'lnglat' || f === 'crs') continue;
      const v = (cells[i] ?? '').trim();
      if (v !== '') rec[f] = v;
    }
    records.push({ rec, geometry: { type: 'Point', coordinates: [lon, lat] }, crs, where, n: row });
  }
  if (otherCrs > 0) {
    issues.push({
      severity: 'warning',
      key: 'import.crs_column',
      params: { file, n: otherCrs, crs: CRS_LABEL[opts.crs] },
    });
  }
  const unreadable = read.table.issues.filter((i) => i.key === 'import.err.csv_quotes').length;
  return {
    records,
    total: rows.length + unreadable + decoded.badLines.length,
    issues,
    format: 'csv',
    delimiter,
    decimalComma,
  };
}
