// CSV text → header and rows: delimiter sniffing (, ; Tab ， |) and row-level problems, before field mapping.

import Papa from 'papaparse';
import type { Issue } from '../validate';
import { type Field, fieldOf, mapColumns } from './fields';

export const DELIMITERS = [',', ';', '\t', '，', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** How a delimiter is named in messages (the same in both languages). */
export const DELIMITER_LABEL: Record<Delimiter, string> = {
  ',': '","',
  ';': '";"',
  '\t': 'Tab',
  '，': '"，" (U+FF0C)',
  '|': '"|"',
};

export interface CsvRow {
  /** Row number as a spreadsheet shows it (the header is row 1). */
  row: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  columns: Map<Field, number>;
  rows: CsvRow[];
  delimiter: Delimiter;
  /** Row-level problems (quotes, ragged rows) and the delimiter notice. */
  issues: Issue[];
}

const SNIFF_ROWS = 30;

/**
 * Picks the delimiter under which the header names the most known columns, then the one giving the most
 * rows as wide as the header. A full-width comma inside Chinese text cells does not fool it, because
 * header names decide first.
 * @param text the CSV text (at least its first lines)
 */
export function sniffDelimiter(text: string): { delimiter: Delimiter; width: number } {
  let best: { delimiter: Delimiter; score: number; width: number } = { delimiter: ',', score: -1, width: 0 };
  for (const delimiter of DELIMITERS) {
    const { data } = Papa.parse<string[]>(text, { delimiter, preview: SNIFF_ROWS, skipEmptyLines: 'greedy' });
    const header = data[0] ?? [];
    if (header.length < 2) continue;
    const known = new Set(header.map(fieldOf).filter((f) => f !== null)).size;
    const consistent = data.slice(1).filter((r) => r.length === header.length).length;
    const score = known * 10_000 + consistent * 10 + Math.min(header.length, 9);
    if (score > best.score) best = { delimiter, score, width: header.length };
  }
  return { delimiter: best.delimiter, width: best.width };
}

/**
 * Splits CSV text into a header and rows. Never throws.
 * @param text decoded text (no byte-order mark)
 * @param file the file name, for messages
 * @param expected the delimiter the file's extension promises (Tab for .tsv / .txt as Excel's "Unicode
 *   text"); another one is read but announced
 * @returns the table, or a file-level error when no delimiter gives more than one column
 */
export function readCsvTable(
  text: string,
  file: string,
  expected: Delimiter = ',',
): { table: CsvTable } | { error: Issue } {
  const { delimiter, width } = sniffDelimiter(text);
  if (width < 2) {
    const firstLine = (text.split(/\r?\n/, 1)[0] ?? '').slice(0, 60);
    return {
      error: { severity: 'error', key: 'import.err.csv_delimiter', params: { file, value: firstLine } },
    };
  }
  const issues: Issue[] = [];
  if (delimiter !== expected) {
    issues.push({
      severity: 'warning',
      key: 'import.csv_delimiter',
      params: { file, value: DELIMITER_LABEL[delimiter] },
    });
  }
  // Empty lines are kept while parsing so that row numbers match the spreadsheet's.
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const header = (parsed.data[0] ?? []).map((h) => h.trim());
  const where = (row: number) => ({ key: 'err.csv_row' as const, params: { file, row } });
  for (const e of parsed.errors) {
    if (e.code === 'MissingQuotes' || e.code === 'InvalidQuotes') {
      issues.push({
        severity: 'error',
        key: 'import.err.csv_quotes',
        params: {},
        where: where((e.row ?? 0) + 1),
      });
    }
  }
  const badQuoteRows = new Set(
    parsed.errors.filter((e) => e.code === 'MissingQuotes').map((e) => (e.row ?? -1) + 1),
  );
  const rows: CsvRow[] = [];
  parsed.data.forEach((cells, i) => {
    if (i === 0) return;
    const row = i + 1;
    if (cells.every((c) => c.trim() === '')) return;
    if (badQuoteRows.has(row)) return;
    if (cells.length !== header.length) {
      issues.push({
        severity: 'warning',
        key: 'import.csv_fields',
        params: { n: cells.length, expected: header.length },
        where: where(row),
      });
    }
    rows.push({ row, cells });
  });
  return { table: { header, columns: mapColumns(header), rows, delimiter, issues } };
}
