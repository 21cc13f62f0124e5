// The walking extract alone from one OSM file (XML or PBF): two streaming passes, ways then nodes.

import {
  type Bbox,
  type OsmExtract,
  parseEle,
  WalkExtractCollector,
} from '../../../src/lib/walk/osm_extract.ts';
import { streamOsm } from './osm_stream.ts';

/** Counts of what a reader saw and kept. */
export interface OsmReadStats {
  waysSeen: number;
  waysKept: number;
  nodesSeen: number;
  nodesKept: number;
}

/**
 * Reads the walking extract of a file: pass 1 keeps walkable ways, pass 2 the nodes they use inside
 * `bbox` (with `ele` tags as elevations). Memory stays proportional to the walking network.
 * @param path .osm, .osm.gz or .osm.pbf
 * @param options.bbox [west, south, east, north] clip, degrees
 */
export async function readWalkExtract(
  path: string,
  options: { bbox?: Bbox } = {},
): Promise<{ extract: OsmExtract; stats: OsmReadStats }> {
  const c = new WalkExtractCollector(options.bbox ? { bbox: options.bbox } : {});
  for await (const batch of streamOsm(path, { types: ['way'] }))
    for (const w of batch) if (w.type === 'way') c.addWay(w.id, w.refs, w.tags);
  for await (const batch of streamOsm(path, { types: ['node'] }))
    for (const n of batch) if (n.type === 'node') c.addNode(n.id, n.lon, n.lat, parseEle(n.tags.ele));
  const extract = c.finish();
  return {
    extract,
    stats: {
      waysSeen: c.waysSeen,
      waysKept: extract.ways.length,
      nodesSeen: c.nodesSeen,
      nodesKept: extract.nodes.size,
    },
  };
}
