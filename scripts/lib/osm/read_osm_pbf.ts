// Reader of OSM PBF extracts (.osm.pbf, e.g. Geofabrik's Gansu) into the walking extract (shared two-pass reader).

import type { Bbox, OsmExtract } from '../../../src/lib/walk/osm_extract.ts';
import { osmFormatOf } from './osm_stream.ts';
import { type OsmReadStats, readWalkExtract } from './read_walk.ts';

/**
 * Reads an OSM PBF file into the neutral extract: walkable ways and the nodes they use inside `bbox`.
 * @param options.bbox [west, south, east, north] clip, degrees
 * @throws when the file name is not a PBF one
 */
export async function readOsmPbf(
  path: string,
  options: { bbox?: Bbox } = {},
): Promise<{ extract: OsmExtract; stats: OsmReadStats }> {
  if (osmFormatOf(path) !== 'pbf') throw new Error(`not an OSM PBF file name: ${path}`);
  return readWalkExtract(path, options);
}
