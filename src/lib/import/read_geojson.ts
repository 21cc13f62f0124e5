// GeoJSON text → records: syntax errors located, duplicate keys named, the 2008 `crs` member honoured.

import { parseCrs } from '../crs';
import { featureTypeIssue, geoJsonFeatureList, type Issue, isNestedTooDeeply } from '../validate';
import { CRS_LABEL } from './crs_label';
import { FIELDS, type Field, fieldOf } from './fields';
import type { ImportOptions } from './import_file';
import { findDuplicateKeys } from './json_keys';
import { locateJsonError } from './json_locate';
import { fileError, type Parsed, type Rec } from './records';
import type { UserRecord, Where } from './user_feature';

const JSON_KEY = {
  eof: 'import.err.json_truncated',
  token: 'import.err.json_syntax',
  nan: 'import.err.json_nan',
  trailing_comma: 'import.err.json_trailing_comma',
  comment: 'import.err.json_comment',
  trailing_content: 'import.err.json_trailing',
} as const satisfies Record<string, Issue['key']>;

const EXACT_FIELDS = new Set<string>(FIELDS);

/**
 * Reads a GeoJSON FeatureCollection (or one Feature) into records for validation.
 * @returns the records and file-level notices, or the one issue that makes the whole file unreadable
 */
export function readGeoJson(text: string, opts: Pick<ImportOptions, 'name' | 'crs'>): Parsed | Issue {
  const file = opts.name;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const at = locateJsonError(text);
    if (!at) return fileError('err.json', { file, detail: String((e as Error).message).slice(0, 120) });
    return fileError(JSON_KEY[at.kind], { file, line: at.line, column: at.column, found: at.found });
  }
  const found = geoJsonFeatureList(value, file);
  if ('issue' in found) return found.issue;
  const list = found.list;
  const top = value as { crs?: unknown };
  const issues: Issue[] = [];
  // JSON.parse keeps the last of two equal keys; which one the author meant is unknown, so say so.
  const duplicates = new Map<number, { key: string; line: number; column: number }>();
  for (const d of findDuplicateKeys(text)) {
    if (d.feature === null) {
      return fileError('import.err.json_duplicate_key', {
        file,
        value: d.key,
        line: d.line,
        column: d.column,
      });
    }
    if (!duplicates.has(d.feature)) duplicates.set(d.feature, d);
  }
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
  for (const [i, raw] of list.entries()) {
    const where: Where = { key: 'err.feature_where', params: { file, index: i + 1 } };
    const error = (key: Issue['key'], params: Issue['params'] = {}) => {
      issues.push({ severity: 'error', key, params, where });
    };
    const notFeature = featureTypeIssue(raw);
    if (notFeature) {
      error(notFeature.key, notFeature.params);
      continue;
    }
    const dup = duplicates.get(i + 1);
    if (dup) {
      error('import.err.duplicate_key', { value: dup.key, line: dup.line, column: dup.column });
      continue;
    }
    const f = raw as { id?: unknown; geometry?: unknown; properties?: unknown };
    const props = f.properties;
    if (props !== null && props !== undefined && (typeof props !== 'object' || Array.isArray(props))) {
      const shown = JSON.stringify(props) ?? String(props);
      error('err.properties_type', { value: shown.length > 80 ? `${shown.slice(0, 79)}…` : shown });
      continue;
    }
    if (props && isNestedTooDeeply(props)) {
      error('err.nesting');
      continue;
    }
    const rec: UserRecord = {};
    if (props && typeof props === 'object') {
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
  }
  return { records, total: list.length, issues, format: 'geojson', delimiter: null };
}
