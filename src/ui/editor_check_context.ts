// What the editor checks rows against, as `npm run data` does: boundaries, plan-target ids, opening hours.

import type { DistrictLookup } from '../lib/districts';
import type { RowCheckContext } from '../lib/editor/place_row';

/**
 * The context of every row check. The opening-hours parser loads here (its own chunk); without it,
 * opening hours go unchecked rather than the editor failing.
 */
export async function rowCheckContext(
  districts: DistrictLookup | undefined,
  planTargetIds: ReadonlySet<string>,
): Promise<RowCheckContext> {
  const OpeningHours = await import('opening_hours').then((m) => m.default).catch(() => null);
  return {
    districts,
    planTargetIds,
    // The build's check (scripts/lib/build_data.ts isValidOpeningHours): the value must parse.
    checkOpeningHours: OpeningHours
      ? (v) => {
          try {
            new OpeningHours(v);
            return true;
          } catch {
            return false;
          }
        }
      : undefined,
  };
}
