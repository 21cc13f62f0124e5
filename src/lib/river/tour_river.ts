// Which river centre lines the tour's suggested walks follow: the live download's, else the OSM import's.

import type { OsmOrigin } from '../tour/data_origin';
import type { RiverLines } from './river_file';
import type { LonLat } from './river_frame';

/** The river for the tour, and where it came from. */
export interface TourRiver {
  lines: LonLat[][];
  named: boolean;
  from: 'live' | 'import' | 'none';
  /** Where the lines came from, with their dates, for the tour's words (null without lines). */
  origin: OsmOrigin | null;
}

/**
 * The live lines when there are any, else the import's. Not merged by way id: each set is one OSM snapshot,
 * and mixing two dates can overlap a way with its own later pieces (a split way gets new ids), which would
 * chain as two rivers on one stretch.
 */
export function tourRiver(
  live: { lines: readonly LonLat[][]; named: boolean; origin?: OsmOrigin | null },
  imported: RiverLines | null,
): TourRiver {
  if (live.lines.length > 0)
    return { lines: [...live.lines], named: live.named, from: 'live', origin: live.origin ?? null };
  if (imported && imported.ways.size > 0)
    return {
      lines: [...imported.ways.values()].flat(),
      named: imported.named,
      from: 'import',
      origin: { kind: 'import', date: imported.date ?? null },
    };
  return { lines: [], named: false, from: 'none', origin: null };
}
