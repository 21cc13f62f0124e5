// The editor's unit of work: one `data/places.csv` row (WGS-84 text cells), and its validation as the build does it.

import { FACILITY_COLUMNS, type FacilityColumn, facilityRowToFeature } from '../csv_features';
import type { MapFeature } from '../feature';
import type { DistrictLookup, Issue } from '../validate';

/** Cells of one place, by `data/places.csv` column. Coordinates are always WGS-84 (`crs` = WGS84). */
export type PlaceRow = Record<FacilityColumn, string>;

/** The file name the editor's rows are validated and exported as. */
export const PLACES_FILE = 'places.csv';
/** Decimal places of stored degrees: 1e-6° is ≤ 0.11 m, far inside the 1 m round-trip budget. */
export const COORD_DECIMALS = 6;

/** A row with every cell empty except `crs` (WGS-84: the editor converts on the way in). */
export function emptyRow(): PlaceRow {
  const row = Object.fromEntries(FACILITY_COLUMNS.map((c) => [c, ''])) as PlaceRow;
  row.crs = 'WGS84';
  return row;
}

/** Degrees as stored in a row. */
export function formatDegrees(value: number): string {
  return String(+value.toFixed(COORD_DECIMALS));
}

/** The row of a shipped point feature (lines and polygons live in data/features/ and are not edited here). */
export function featureToRow(f: MapFeature): PlaceRow | null {
  if (f.geometry.type !== 'Point') return null;
  const p = f.properties;
  const row = emptyRow();
  const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  Object.assign(row, {
    id: p.id,
    category: p.category,
    name_zh: p.name_zh,
    name_en: p.name_en,
    district: p.district,
    status: p.status,
    lon: formatDegrees(f.geometry.coordinates[0]),
    lat: formatDegrees(f.geometry.coordinates[1]),
    accuracy_m: text(p.accuracy_m),
    source_title: text(p.source?.title),
    source_date: text(p.source?.date),
    source_url: text(p.source?.url),
    address_zh: text(p.address_zh),
    opening_hours: text(p.opening_hours),
    description_zh: text(p.description_zh),
    description_en: text(p.description_en),
    units: text(p.units),
    length_m: text(p.length_m),
    facility_type: text(p.facility_type),
    plan_target: text(p.plan_target),
  });
  return row;
}

/** What the build checks beyond one row: districts, opening hours, plan target ids. */
export interface RowCheckContext {
  districts?: DistrictLookup;
  /** False for opening_hours that do not parse (the same parser the build uses, loaded lazily). */
  checkOpeningHours?: (value: string) => boolean;
  /** Ids in data/plan_targets.json; a row naming another is refused, as the build refuses it. */
  planTargetIds?: ReadonlySet<string>;
}

export interface RowCheck {
  feature: MapFeature | null;
  issues: Issue[];
}

/**
 * Validates rows in export order with the build's own rules (`facilityRowToFeature`, shared ids, districts,
 * opening hours, plan targets), so that a row shows why it would fail `npm run data` before it is exported.
 * Messages name the row as the exported places.csv will number it (header = row 1).
 * @returns one result per row, same order
 */
export function checkRows(rows: readonly PlaceRow[], ctx: RowCheckContext): RowCheck[] {
  const seenIds = new Map<string, string>();
  return rows.map((row, i) => {
    const r = facilityRowToFeature(row, i + 2, {
      file: PLACES_FILE,
      districts: ctx.districts,
      checkOpeningHours: ctx.checkOpeningHours,
      seenIds,
    });
    const issues = [...r.issues];
    const target = row.plan_target.trim();
    if (target !== '' && ctx.planTargetIds && !ctx.planTargetIds.has(target)) {
      issues.push({
        severity: 'error',
        key: 'editor.err.plan_target',
        params: { value: target },
        where: { key: 'err.csv_row', params: { file: PLACES_FILE, row: i + 2 } },
      });
      return { feature: null, issues };
    }
    return { feature: r.feature, issues };
  });
}
