// Reader of OSM XML (.osm, .osm.gz) into the walking extract (the shared two-pass reader, XML files only).

import type { Bbox, OsmExtract } from '../../../src/lib/walk/osm_extract.ts';
import { osmFormatOf } from './osm_stream.ts';
import { type OsmReadStats, readWalkExtract } from './read_walk.ts';

export type { OsmReadStats } from './read_walk.ts';

/**
 * Reads an OSM XML file into the neutral extract: walkable ways and the nodes they use inside `bbox`.
 * @param path .osm or .osm.gz
 * @param options.bbox [west, south, east, north] clip, degrees
 * @throws when the file name is not an XML one
 */
export async function readOsmXml(
  path: string,
  options: { bbox?: Bbox } = {},
): Promise<{ extract: OsmExtract; stats: OsmReadStats }> {
  if (osmFormatOf(path) !== 'xml') throw new Error(`not an OSM XML file name: ${path}`);
  return readWalkExtract(path, options);
}
