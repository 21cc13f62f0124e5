import { describe, expect, it } from 'vitest';
import { formatIssue } from '../validate';
import { readCsvTable, sniffDelimiter } from './csv';

describe('sniffDelimiter', () => {
  it('finds comma, semicolon, tab, full-width comma and pipe files by their header names', () => {
    const rows = [
      ['名称', '经度', '纬度'],
      ['甲', '103.8', '36.0'],
    ];
    for (const d of [',', ';', '\t', '，', '|'] as const) {
      expect(sniffDelimiter(rows.map((r) => r.join(d)).join('\n')).delimiter, JSON.stringify(d)).toBe(d);
    }
  });

  it('is not fooled by full-width commas inside Chinese text cells', () => {
    const text = 'name_zh,lon,lat,description_zh\n甲,103.8,36.0,"公园，广场，步道"\n乙,103.9,36.1,一，二，三';
    expect(sniffDelimiter(text).delimiter).toBe(',');
  });
});

describe('readCsvTable', () => {
  it('numbers rows as a spreadsheet does, counting blank lines, and skips blank rows', () => {
    const r = readCsvTable('name,lon,lat\r\na,1,2\r\n\r\n,,\r\nb,3,4\r\n', 'x.csv');
    if (!('table' in r)) throw new Error('expected a table');
    expect(r.table.rows).toEqual([
      { row: 2, cells: ['a', '1', '2'] },
      { row: 5, cells: ['b', '3', '4'] },
    ]);
    expect(r.table.issues).toEqual([]);
  });

  it('announces a delimiter other than the expected one, and accepts Tab for .txt/.tsv silently', () => {
    const text = 'name\tlon\tlat\na\t1\t2';
    const csv = readCsvTable(text, 'x.csv');
    const tsv = readCsvTable(text, 'x.tsv', '\t');
    if (!('table' in csv) || !('table' in tsv)) throw new Error('expected tables');
    expect(csv.table.issues.map((i) => formatIssue(i, 'en'))).toEqual([
      'x.csv: the columns are separated by Tab, not commas; read that way',
    ]);
    expect(tsv.table.issues).toEqual([]);
  });

  it('refuses a one-column header with the first line in the message', () => {
    const r = readCsvTable('name lon lat\na 1 2', 'sp.csv');
    expect('error' in r && formatIssue(r.error, 'en')).toBe(
      'sp.csv: the header has only one column (name lon lat); the file does not seem to be comma-separated. Save it as “CSV (comma delimited)”',
    );
  });

  it('reports an unclosed quote at the row where it opens, and ragged rows', () => {
    const r = readCsvTable('a,b\n1,2\n3\n"4,5\n6,7', 'q.csv');
    if (!('table' in r)) throw new Error('expected a table');
    expect(r.table.issues.map((i) => formatIssue(i, 'en'))).toEqual([
      'q.csv row 4: an opening quote is never closed, so everything after it became one cell',
      'q.csv row 3: the row has 1 cell(s) but the header has 2 columns',
    ]);
    expect(r.table.rows.map((x) => x.row)).toEqual([2, 3]);
  });
});
