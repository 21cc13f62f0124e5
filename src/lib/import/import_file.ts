// The one entry point for user files: bytes → decoded, parsed, validated WGS-84 features and located issues.

import type { Crs } from '../crs';
import { createDistrictLookup, type DistrictCollectionLike } from '../districts';
import type { CategoryId, Position } from '../feature';
import type { Lang } from '../i18n';
import { displayValue, type Issue } from '../validate';
import { BudgetExceeded, IMPORT_TIME_BUDGET_MS, WorkMeter } from './budget';
import { CRS_LABEL } from './crs_label';
import type { Delimiter } from './csv';
import { checkDatum } from './datum';
import {
  type BinaryKind,
  decodeText,
  type EncodingChoice,
  sniffBinary,
  type TextEncodingName,
} from './decode';
import { createImportDistrictLookup } from './district_index';
import { MAX_IMPORT_BYTES } from './limits';
import { readCsv } from './read_csv';
import { readGeoJson } from './read_geojson';
import { countPositions, fileError } from './records';
import {
  buildUserFeature,
  firstPosition,
  type ImportedFeature,
  type UserFileContext,
  type Where,
} from './user_feature';

export { CRS_LABEL, MAX_IMPORT_BYTES };
/** Issues of one kind listed individually; the rest are counted in one `import.more_issues`. */
export const MAX_ISSUES_PER_KEY = 20;

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
  /** The text encoding: detected ('auto', the default) or the one the user picked. */
  encoding?: EncodingChoice;
  /** How long validation may take before the import stops with a message (ms; IMPORT_TIME_BUDGET_MS). */
  timeBudgetMs?: number;
}

export type ImportPhase = 'read' | 'decode' | 'parse' | 'validate' | 'done';
export interface ImportProgress {
  phase: ImportPhase;
  /** Units of work done in this phase (bytes for read; for validate, records plus their positions). */
  done: number;
  total: number;
  /** Validate: the 1-based record being checked, and how many there are. */
  record?: number;
  records?: number;
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

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
const extension = (name: string) => /\.([^.\\/]+)$/.exec(name.toLowerCase())?.[1] ?? '';
const ENCODING_LABEL: Record<string, string> = { 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8', gbk: 'GBK' };

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
  progress: (phase: ImportPhase, done: number, total: number, record?: number, records?: number) => void,
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
  const decoded = decodeText(bytes, opts.encoding);
  stats.encoding = decoded.encoding;
  const notices: Issue[] = [];
  if (decoded.truncated) notices.push({ severity: 'warning', key: 'import.truncated', params: { file } });
  const text = decoded.text;
  const start = /\S/.exec(text)?.[0];
  if (start === undefined && decoded.badLines.length === 0)
    return failWith(fileError('err.empty', { file }), notices);
  if (start === '<') return failWith(fileError('import.err.xml', { file }), notices);

  progress('parse', 0, 1);
  const ext = extension(file);
  const asJson = start === '{' || start === '[' || ext === 'json' || ext === 'geojson';
  if (asJson && decoded.badLines.length > 0) {
    // A JSON file is one value: a line left out would break it, so the file is refused and the lines named.
    return failWith(
      fileError('import.err.encoding_json', {
        file,
        encoding: ENCODING_LABEL[decoded.encoding] ?? decoded.encoding,
        lines: decoded.badLines.slice(0, 10).join(', ') + (decoded.badLines.length > 10 ? ', …' : ''),
      }),
      notices,
    );
  }
  const parsed = asJson ? readGeoJson(text, opts) : readCsv(decoded, opts);
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
    seenIds: new Map<string, Where>(
      (opts.existingIds ?? []).map((id) => [id, { key: 'import.loaded', params: {} }]),
    ),
    counts: { statusAssumed: 0, accuracyUnknown: 0, sourceMissing: 0 },
    decimalComma: parsed.decimalComma === true,
  };

  // Work = one unit per record plus one per position, so that progress moves inside a large polygon.
  const units = records.map((r) =>
    r.geometry !== null && typeof r.geometry === 'object'
      ? 1 + countPositions((r.geometry as { coordinates?: unknown }).coordinates)
      : 1,
  );
  const total = units.reduce((a, b) => a + b, 0);
  const meter = new WorkMeter(
    total,
    records.length,
    opts.timeBudgetMs ?? IMPORT_TIME_BUDGET_MS,
    (done, all, record, count) => progress('validate', done, all, record, count),
  );
  ctx.tick = meter.tick;
  const features: ImportedFeature[] = [];
  const rowIssues: Issue[] = [];
  try {
    records.forEach((r, i) => {
      meter.record = i + 1;
      const out = buildUserFeature(r.rec, r.geometry, r.crs, r.where, r.n, ctx);
      if (out.feature) features.push(out.feature);
      rowIssues.push(...out.issues);
      meter.tick(1);
    });
  } catch (e) {
    if (!(e instanceof BudgetExceeded)) throw e;
    const at = records[e.record - 1]?.where ?? {
      key: 'err.feature_where',
      params: { file, index: e.record },
    };
    return failWith({
      severity: 'error',
      key: 'import.err.time_budget',
      params: {
        file,
        s: Math.round((opts.timeBudgetMs ?? IMPORT_TIME_BUDGET_MS) / 1000),
        n: e.record - 1,
        total: records.length,
      },
      where: at,
    });
  }
  progress('validate', total, total, records.length, records.length);

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
    const progress = (phase: ImportPhase, done: number, total: number, record?: number, records?: number) =>
      onProgress?.(record === undefined ? { phase, done, total } : { phase, done, total, record, records });
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
