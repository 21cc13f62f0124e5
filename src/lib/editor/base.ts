// Which shipped places the editor edits: the rows of data/places.csv, not the places other data files give.

import type { MapFeature, MapFeatureCollection } from '../feature';

/** The file the editor's export replaces (see place_row.ts, which validates rows as this file). */
const EDITED_FILE = 'places.csv';

/**
 * The shipped features the editor starts from: those `npm run data` read from `data/places.csv`, named by
 * the `files` member it writes into features.geojson. Without that member (a build from before it), every
 * point is offered.
 */
export function editableFeatures(
  fc: MapFeatureCollection & { files?: Record<string, string[]> },
): MapFeature[] {
  const ids = fc.files?.[EDITED_FILE];
  if (!ids) return fc.features;
  const keep = new Set(ids);
  return fc.features.filter((f) => keep.has(f.properties.id));
}
