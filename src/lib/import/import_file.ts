// The one entry point for user files: bytes → decoded, parsed, validated WGS-84 features and located issues.

import { type Crs, parseCrs } from '../crs';
import { createDistrictLookup, type DistrictCollectionLike } from '../districts';
import type { CategoryId, Position } from '../feature';
import { type Lang, translate } from '../i18n';
import { displayValue, geoJsonFeatureList, type Issue, isNestedTooDeeply } from '../validate';
import { type Delimiter, readCsvTable } from './csv';
import { checkDatum } from './datum';
import { type BinaryKind, decodeText, sniffBinary, type TextEncodingName } from './decode';
import { createImportDistrictLookup } from './district_index';
import { FIELDS, type Field, fieldOf } from './fields';
import { locateJsonError } from './json_locate';
import { MAX_IMPORT_BYTES } from './limits';
import {
  buildUserFeature,
  firstPosition,
  type ImportedFeature,
  type UserFileContext,
  type UserRecord,
  type Where,
} from './user_feature';

export { MAX_IMPORT_BYTES };
/** Issues of one kind listed individually; the rest are counted in one `import.more_issues`. */
export const MAX_ISSUES_PER_KEY = 20;
/** CRS names as shown in messages (the same in both languages). */
export const CRS_LABEL: Record<Crs, string> = { WGS84: 'WGS-84', GCJ02: 'GCJ-02', BD09: 'BD-09' };

/** What File and Blob provide; lets the size be checked before anything is read. */
export interface BlobLike {
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}
export type ImportSource = Uint8Array | BlobLike;

/** Polygons in WGS-84 degrees, e.g. water areas from the OSM import. */
export interface AreaCollectionLike {
  features: readonly { geometry: { type: string; coordinates: unknown } }[];
}

export interface ImportOptions {
  /** The file name, shown in every message. Its extension hints the format (.csv .tsv .txt .json .geojson). */
  name: string;
  /** The CRS the user chose for coordinates the file does not label itself. */
  crs: Crs;
  /** Language of generated text stored in features ("User import: …"). Messages are keys, rendered later. */
  lang: Lang;
  /** Layer for records without a category. */
  category?: CategoryId;
  /** Lanzhou's district boundaries (public/data/districts.geojson): districts for rows without one. */
  districts?: DistrictCollectionLike;
  /** Water areas: points inside them are reported, and they inform the CRS plausibility check. */
  water?: AreaCollectionLike;
  /** Ids already on the map; an imported duplicate is renamed, never replaces them. */
  existingIds?: readonly string[];
  /** Returns false for opening_hours that do not parse (the parser is injected: it is 160 KiB gzip). */
  checkOpeningHours?: (value: string) => boolean;
  /** Overrides MAX_IMPORT_BYTES (tests). */
  maxBytes?: number;
}

export type ImportPhase = 'read' | 'decode' | 'parse' | 'validate' | 'done';
export interface ImportProgress {
  phase: ImportPhase;
  /** Units of work done in this phase (bytes for read, records for validate). */
  done: number;
  total: number;
}

export interface ImportStats {
  file: string;
  bytes: number;
  format: 'geojson' | 'csv' | null;
  encoding: TextEncodingName | null;
  delimiter: Delimiter | null;
  crs: Crs;
  /** Records (features or data rows) found in the file. */
  records: number;
  accepted: number;
  rejected: number;
  /** Counts before the per-kind listing cap. */
  errors: number;
  warnings: number;
  ms: number;
}

/**
 * The outcome of one import. `features` are only the records without errors; a file-level error leaves it
 * empty. The caller adds them to what is loaded — an import never modifies or removes existing data.
 */
export interface ImportResult {
  features: ImportedFeature[];
  issues: Issue[];
  stats: ImportStats;
}

const BINARY_KEY: Record<BinaryKind, Issue['key']> = {
  zip: 'import.err.zip',
  ole: 'import.err.xls',
  pdf: 'import.err.pdf',
  image: 'import.err.image',
  shapefile: 'import.err.shapefile',
  binary: 'import.err.binary',
};

const JSON_KEY = {
  eof: 'import.err.json_truncated',
  token: 'import.err.json_syntax',
  nan: 'import.err.json_nan',
  trailing_comma: 'import.err.json_trailing_comma',
  comment: 'import.err.json_comment',
  trailing_content: 'import.err.json_trailing',
} as const satisfies Record<string, Issue['key']>;

const EXACT_FIELDS = new Set<string>(FIELDS);
const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
const extension = (name: string) => /\.([^.\\/]+)$/.exec(name.toLowerCase())?.[1] ?? '';

interface Rec {
  rec: UserRecord;
  geometry: unknown;
  crs: Crs;
  where: Where;
  n: number;
}

interface Parsed {
  records: Rec[];
  /** Records in the file, including those rejected before they became a Rec. */
  total: number;
  issues: Issue[];
  format: 'geojson' | 'csv';
  delimiter: Delimiter | null;
}

function fileError(key: Issue['key'], params: Issue['params']): Issue {
  return { severity: 'error', key, params };
}

function readGeoJson(text: string, opts: ImportOptions): Parsed | Issue {
  const file = opts.name;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const at = locateJsonError(text);
    if (!at) return fileError('err.json', { file, detail: String((e as Error).message).slice(0, 120) });
    return fileError(JSON_KEY[at.kind], { file, line: at.line, column: at.column, found: at.found });
  }
  const found = geoJsonFeatureList(value);
  if ('kind' in found) return fileError('err.top_level', { file, value: found.kind });
  const list = found.list;
  const top = value as { crs?: unknown };
  const issues: Issue[] = [];
  // The 2008 GeoJSON `crs` member: a projected CRS cannot be read; a geographic one is only compared.
  const crsName = (top.crs as { properties?: { name?: unknown } } | undefined)?.properties?.name;
  if (typeof crsName === 'string') {
    const declared = parseCrs(crsName);
    if (!declared) return fileError('import.err.crs_unsupported', { file, value: crsName.slice(0, 60) });
    if (declared !== opts.crs) {
      issues.push({
        severity: 'warning',
        key: 'import.crs_mismatch',
        params: { file, value: CRS_LABEL[declared], crs: CRS_LABEL[opts.crs] },
      });
    }
  }
  if (list.length === 0) return fileError('import.err.no_features', { file });
  const records: Rec[] = [];
  list.forEach((raw, i) => {
    const where: Where = { key: 'err.feature_where', params: { file, index: i + 1 } };
    const f = raw as { type?: unknown; id?: unknown; geometry?: unknown; properties?: unknown } | null;
    if (f === null || typeof f !== 'object' || f.type !== 'Feature') {
      issues.push({ severity: 'error', key: 'err.feature_type', params: {}, where });
      return;
    }
    const props = f.properties;
    if (props !== null && props !== undefined && isNestedTooDeeply(props)) {
      issues.push({ severity: 'error', key: 'err.nesting', params: {}, where });
      return;
    }
    const rec: UserRecord = {};
    if (props && typeof props === 'object' && !Array.isArray(props)) {
      const p = props as Record<string, unknown>;
      const keys = Object.keys(p);
      // Exact field names first, so `name_zh` beats `名称` whatever the key order.
      for (const key of keys) if (EXACT_FIELDS.has(key)) rec[key as Field] = p[key];
      for (const key of keys) {
        const v = p[key];
        if (key === 'source' && v !== null && typeof v === 'object') {
          rec.source ??= v;
          continue;
        }
        const field = fieldOf(key);
        if (field && rec[field] === undefined) rec[field] = v;
      }
    }
    if (rec.id === undefined && (typeof f.id === 'string' || typeof f.id === 'number')) rec.id = f.id;
    records.push({ rec, geometry: f.geometry, crs: opts.crs, where, n: i + 1 });
  });
  return { records, total: list.length, issues, format: 'geojson', delimiter: null };
}

/** "103,82" → "103.82" for files whose delimiter leaves the comma free to be a decimal mark. */
const decimal = (s: string, comma: boolean) => (comma && /^-?\d+,\d+$/.test(s) ? s.replace(',', '.') : s);
const numeric = (s: string): number | string => (s !== '' && Number.isFinite(Number(s)) ? Number(s) : s);

function readCsv(text: string, opts: ImportOptions): Parsed | Issue {
  const file = opts.name;
  const ext = extension(file);
  const read = readCsvTable(text, file, ext === 'tsv' || ext === 'txt' ? '\t' : ',');
  if ('error' in read) return read.error;
  const { header, columns, rows, delimiter } = read.table;
  const issues = [...read.table.issues];
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
  const comma = delimiter !== ',' && delimiter !== '，';
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
    let lon: number | string;
    let lat: number | string;
    if (columns.has('lon') && columns.has('lat')) {
      lon = numeric(decimal(cell('lon'), comma));
      lat = numeric(decimal(cell('lat'), comma));
    } else {
      const parts = cell('lnglat').split(/\s*[,，;\s]\s*/);
      lon = numeric(parts[0] ?? '');
      lat = numeric(parts[1] ?? '');
    }
    const rec: UserRecord = {};
    for (const [f, i] of columns) {
      if (f === 'lon' || f === 'lat' || f === 'lnglat' || f === 'crs') continue;
      const v = (cells[i] ?? '').trim();
      if (v === '') continue;
      rec[f] = f === 'accuracy_m' || f === 'units' || f === 'length_m' ? decimal(v, comma) : v;
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
  return { records, total: rows.length + unreadable, issues, format: 'csv', delimiter };
}

/** Keeps the first MAX_ISSUES_PER_KEY issues of each key and counts the rest in one issue after them. */
function capIssues(issues: Issue[], file: string): Issue[] {
  const seen = new Map<string, number>();
  for (const i of issues) seen.set(i.key, (seen.get(i.key) ?? 0) + 1);
  const kept = new Map<string, number>();
  const out: Issue[] = [];
  for (const i of issues) {
    const k = (kept.get(i.key) ?? 0) + 1;
    kept.set(i.key, k);
    if (k <= MAX_ISSUES_PER_KEY) out.push(i);
    const total = seen.get(i.key) ?? 0;
    if (k === MAX_ISSUES_PER_KEY && total > k) {
      out.push({ severity: i.severity, key: 'import.more_issues', params: { file, n: total - k } });
    }
  }
  return out;
}

function emptyStats(opts: ImportOptions, bytes: number): ImportStats {
  return {
    file: opts.name,
    bytes,
    format: null,
    encoding: null,
    delimiter: null,
    crs: opts.crs,
    records: 0,
    accepted: 0,
    rejected: 0,
    errors: 0,
    warnings: 0,
    ms: 0,
  };
}

function importBytes(
  bytes: Uint8Array,
  opts: ImportOptions,
  stats: ImportStats,
  progress: (phase: ImportPhase, done: number, total: number) => void,
): ImportResult {
  const file = opts.name;
  const failWith = (issue: Issue, extra: Issue[] = []): ImportResult => ({
    features: [],
    issues: [...extra, issue],
    stats,
  });
  if (bytes.byteLength === 0) return failWith(fileError('err.empty', { file }));
  const binary = sniffBinary(bytes);
  if (binary) return failWith(fileError(BINARY_KEY[binary], { file }));
  progress('decode', 0, bytes.byteLength);
  const decoded = decodeText(bytes);
  stats.encoding = decoded.encoding;
  const notices: Issue[] = [];
  if (decoded.truncated) notices.push({ severity: 'warning', key: 'import.truncated', params: { file } });
  const text = decoded.text;
  const start = /\S/.exec(text)?.[0];
  if (start === undefined) return failWith(fileError('err.empty', { file }), notices);
  if (start === '<') return failWith(fileError('import.err.xml', { file }), notices);

  progress('parse', 0, 1);
  const ext = extension(file);
  const asJson = start === '{' || start === '[' || ext === 'json' || ext === 'geojson';
  const parsed = asJson ? readGeoJson(text, opts) : readCsv(text, opts);
  if (!('records' in parsed)) return failWith(parsed, notices);
  stats.format = parsed.format;
  stats.delimiter = parsed.delimiter;
  const { records } = parsed;
  stats.records = parsed.total;

  const ctx: UserFileContext = {
    file,
    lang: opts.lang,
    category: opts.category,
    districts: opts.districts ? createImportDistrictLookup(opts.districts) : undefined,
    checkOpeningHours: opts.checkOpeningHours,
    seenIds: new Map<string, Where | string>(
      (opts.existingIds ?? []).map((id) => [id, translate(opts.lang, 'import.loaded')]),
    ),
    counts: { statusAssumed: 0, accuracyUnknown: 0, sourceMissing: 0 },
  };

  const features: ImportedFeature[] = [];
  const rowIssues: Issue[] = [];
  const every = Math.max(1, Math.ceil(records.length / 100));
  records.forEach((r, i) => {
    if (i % every === 0) progress('validate', i, records.length);
    const out = buildUserFeature(r.rec, r.geometry, r.crs, r.where, r.n, ctx);
    if (out.feature) features.push(out.feature);
    rowIssues.push(...out.issues);
  });
  progress('validate', records.length, records.length);

  const summary: Issue[] = [];
  const { counts } = ctx;
  if (counts.statusAssumed)
    summary.push({
      severity: 'warning',
      key: 'import.assumed_status',
      params: { file, n: counts.statusAssumed },
    });
  if (counts.accuracyUnknown)
    summary.push({
      severity: 'warning',
      key: 'import.accuracy_unknown',
      params: { file, n: counts.accuracyUnknown },
    });
  if (counts.sourceMissing)
    summary.push({
      severity: 'warning',
      key: 'import.source_missing',
      params: { file, n: counts.sourceMissing },
    });

  // Plausibility of the chosen CRS, from the coordinates as written (only records in the chosen CRS).
  const raw: Position[] = [];
  for (const r of records) {
    if (r.crs !== opts.crs || r.geometry === null || typeof r.geometry !== 'object') continue;
    const p = firstPosition((r.geometry as { coordinates?: unknown }).coordinates);
    if (p && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90) raw.push(p);
  }
  if (raw.length > 0) {
    const water = opts.water
      ? createDistrictLookup({
          features: opts.water.features.map((f) => ({
            geometry: f.geometry,
            properties: { district: 'water' },
          })),
        })
      : undefined;
    const datum = checkDatum(raw, opts.crs, { districts: ctx.districts, water });
    if (datum.declared.inWater > 0) {
      summary.push({
        severity: 'warning',
        key: 'import.in_water',
        params: { file, n: datum.declared.inWater, total: datum.checked },
      });
    }
    if (datum.suggestion) {
      summary.push({
        severity: 'warning',
        key: 'import.datum_suggest',
        params: {
          file,
          crs: CRS_LABEL[opts.crs],
          alt: CRS_LABEL[datum.suggestion.crs],
          n: datum.declared.outside + datum.declared.inWater,
          m: datum.suggestion.outside + datum.suggestion.inWater,
          total: datum.checked,
        },
      });
    }
  }

  // File-level notices first, then record issues in file order, then the summaries.
  const position = (i: Issue) => Number(i.where?.params.row ?? i.where?.params.index ?? 0);
  const located = [...parsed.issues.filter((i) => i.where), ...rowIssues].sort(
    (a, b) => position(a) - position(b),
  );
  const all = [...notices, ...parsed.issues.filter((i) => !i.where), ...located, ...summary];
  stats.accepted = features.length;
  stats.rejected = stats.records - features.length;
  stats.errors = all.filter((i) => i.severity === 'error').length;
  stats.warnings = all.length - stats.errors;
  return { features, issues: capIssues(all, file), stats };
}

/**
 * Imports one user file (CSV, TSV or GeoJSON; UTF-8 with or without BOM, UTF-16 with BOM, or GBK).
 * Never throws and never rejects: every failure is an issue in the result. The size is checked before
 * the bytes are read, so an oversized File costs nothing.
 * @param source the file's bytes, or a File/Blob (read only if it is within the size limit)
 * @param opts see ImportOptions
 * @param onProgress called with the phase and work done (at most ~100 times per phase)
 */
export async function importFile(
  source: ImportSource,
  opts: ImportOptions,
  onProgress?: (p: ImportProgress) => void,
): Promise<ImportResult> {
  const t0 = now();
  const size = ArrayBuffer.isView(source) ? source.byteLength : source.size;
  const stats = emptyStats(opts, size);
  const max = opts.maxBytes ?? MAX_IMPORT_BYTES;
  const finish = (r: ImportResult): ImportResult => {
    r.stats.ms = Math.round(now() - t0);
    // Early failures return before counting.
    if (r.stats.errors + r.stats.warnings === 0) {
      r.stats.errors = r.issues.filter((i) => i.severity === 'error').length;
      r.stats.warnings = r.issues.length - r.stats.errors;
    }
    onProgress?.({ phase: 'done', done: 1, total: 1 });
    return r;
  };
  const tooLarge = (bytes: number) =>
    finish({
      features: [],
      issues: [
        fileError('err.too_large', {
          file: opts.name,
          size: (bytes / 2 ** 20).toFixed(1),
          max: Math.round(max / 2 ** 20),
        }),
      ],
      stats,
    });
  try {
    if (size > max) return tooLarge(size);
    const progress = (phase: ImportPhase, done: number, total: number) =>
      onProgress?.({ phase, done, total });
    progress('read', 0, size);
    const bytes = ArrayBuffer.isView(source) ? source : new Uint8Array(await source.arrayBuffer());
    // A Blob's size is trustworthy; a hand-made BlobLike's might not be.
    if (bytes.byteLength > max) return tooLarge(bytes.byteLength);
    stats.bytes = bytes.byteLength;
    progress('read', bytes.byteLength, bytes.byteLength);
    return finish(importBytes(bytes, opts, stats, progress));
  } catch (e) {
    const detail = e instanceof Error ? `${e.name}: ${e.message}` : displayValue(e);
    return finish({
      features: [],
      issues: [fileError('import.err.internal', { file: opts.name, detail: detail.slice(0, 160) })],
      stats,
    });
  }
}
