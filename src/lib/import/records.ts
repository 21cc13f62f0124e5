// What the format readers hand to validation: records with their geometry, CRS, location and work size.

import type { Crs } from '../crs';
import type { Issue } from '../validate';
import type { Delimiter } from './csv';
import type { UserRecord, Where } from './user_feature';

export interface Rec {
  rec: UserRecord;
  geometry: unknown;
  crs: Crs;
  where: Where;
  n: number;
}

export interface Parsed {
  records: Rec[];
  /** Records in the file, including those rejected before they became a Rec. */
  total: number;
  issues: Issue[];
  format: 'geojson' | 'csv';
  delimiter: Delimiter | null;
  /** A comma between digits in a number field is a decimal mark (CSV not separated by commas). */
  decimalComma?: boolean;
}

export function fileError(key: Issue['key'], params: Issue['params']): Issue {
  return { severity: 'error', key, params };
}

/**
 * Positions in a geometry's coordinates (at most 4 levels deep, as in a MultiPolygon): the work units of
 * validating it, counted before validation so that progress can move inside one large feature.
 */
export function countPositions(value: unknown, depth = 0): number {
  if (!Array.isArray(value) || depth > 4) return 0;
  if (value.length > 0 && !Array.isArray(value[0])) return 1;
  // A list of positions (a ring or a line): no need to visit each.
  if (Array.isArray(value[0]) && !Array.isArray(value[0][0])) return value.length;
  let n = 0;
  for (const v of value) n += countPositions(v, depth + 1);
  return n;
}
