// CSV rows (one point feature per row, any supported CRS) → validated WGS-84 features.

import Papa from 'papaparse';
import { parseCrs, toWgs84 } from './crs';
import type { MapFeature } from './feature';
import { type Issue, type ValidateOptions, validateFeature } from './validate';

/** Columns every facility CSV must have. Optional ones are read when present. */
export const REQUIRED_COLUMNS = [
  'id',
  'category',
  'name_zh',
  'name_en',
  'district',
  'status',
  'lon',
  'lat',
  'crs',
  'accuracy_m',
  'source_title',
] as const;
const OPTIONAL_TEXT = [
  'address_zh',
  'opening_hours',
  'description_zh',
  'description_en',
  'plan_target',
  'facility_type',
] as const;
const OPTIONAL_NUMBER = ['units', 'length_m'] as const;

/**
 * Every column a facility CSV may carry, in the order `data/places.csv` uses (the editor exports this order).
 * `plan_target` is last: the shipped file has no such column yet.
 */
export const FACILITY_COLUMNS = [
  'id',
  'category',
  'name_zh',
  'name_en',
  'district',
  'status',
  'lon',
  'lat',
  'crs',
  'accuracy_m',
  'source_title',
  'source_date',
  'source_url',
  'address_zh',
  'opening_hours',
  'description_zh',
  'description_en',
  'units',
  'length_m',
  'facility_type',
  'plan_target',
] as const;
export type FacilityColumn = (typeof FACILITY_COLUMNS)[number];

const numberOrRaw = (v: string): number | string =>
  v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v;

/**
 * One facility CSV row → a validated WGS-84 feature, exactly as `npm run data` reads it (the editor validates
 * its rows with this too). The coordinates are converted from the row's `crs` first.
 * @param row cells by column name
 * @param rowNumber the row as a spreadsheet shows it (the header is row 1)
 */
export function facilityRowToFeature(
  row: Partial<Record<string, string>>,
  rowNumber: number,
  opts: ValidateOptions,
): { feature: MapFeature | null; issues: Issue[] } {
  const where = { key: 'err.csv_row' as const, params: { file: opts.file, row: rowNumber } };
  const crs = parseCrs(row.crs ?? '');
  if (!crs)
    return {
      feature: null,
      issues: [{ severity: 'error', key: 'err.crs', params: { value: row.crs ?? '' }, where }],
    };
  const lon = numberOrRaw(row.lon ?? '');
  const lat = numberOrRaw(row.lat ?? '');
  const coordinates =
    typeof lon === 'number' && typeof lat === 'number' && Math.abs(lon) <= 180 && Math.abs(lat) <= 90
      ? toWgs84(lon, lat, crs)
      : [lon, lat];
  const properties: Record<string, unknown> = {
    id: row.id,
    category: row.category,
    name_zh: row.name_zh,
    name_en: row.name_en,
    district: row.district,
    status: row.status,
    accuracy_m: numberOrRaw(row.accuracy_m ?? ''),
    source: {
      title: row.source_title,
      ...(row.source_date ? { date: row.source_date } : {}),
      ...(row.source_url ? { url: row.source_url } : {}),
    },
  };
  for (const k of OPTIONAL_TEXT) if (row[k]?.trim()) properties[k] = row[k]?.trim();
  for (const k of OPTIONAL_NUMBER) if (row[k]?.trim()) properties[k] = numberOrRaw(row[k] ?? '');
  return validateFeature(
    { type: 'Feature', geometry: { type: 'Point', coordinates }, properties },
    where,
    opts,
  );
}

/**
 * Parse facility CSV text. Coordinates are converted from the row's `crs` (WGS84 | GCJ02 | BD09) to WGS-84
 * before validation, so the district check sees the true position. Rows with errors are dropped and reported.
 */
export function parseFacilityCsv(
  text: string,
  opts: ValidateOptions,
): { features: MapFeature[]; issues: Issue[] } {
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.trim() === '')
    return { features: [], issues: [{ severity: 'error', key: 'err.empty', params: { file: opts.file } }] };
  const parsed = Papa.parse<Record<string, string>>(clean, { header: true, skipEmptyLines: 'greedy' });
  const columns = parsed.meta.fields ?? [];
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    return {
      features: [],
      issues: [
        {
          severity: 'error',
          key: 'err.csv_columns',
          params: { file: opts.file, field: missing.join(', '), value: columns.join(', ').slice(0, 200) },
        },
      ],
    };
  }
  const features: MapFeature[] = [];
  const issues: Issue[] = [];
  parsed.data.forEach((row, i) => {
    const r = facilityRowToFeature(row, i + 2, opts);
    if (r.feature) features.push(r.feature);
    issues.push(...r.issues);
  });
  return { features, issues };
}
