// Reader of OSM PBF extracts (.osm.pbf, e.g. Geofabrik's Gansu) into the walking extract, in two passes.

import { createReadStream } from 'node:fs';
import { OSMTransform } from 'osm-pbf-parser-node';
import {
  type Bbox,
  type OsmExtract,
  parseEle,
  WalkExtractCollector,
} from '../../../src/lib/walk/osm_extract.ts';
import type { OsmReadStats } from './read_osm_xml.ts';

interface PbfNode {
  type: 'node';
  id: number;
  lat: number;
  lon: number;
  tags?: Record<string, string>;
}
interface PbfWay {
  type: 'way';
  id: number;
  refs: number[];
  tags?: Record<string, string>;
}

/** Batches of decoded entities (the parser emits arrays). */
async function* batches(path: string, withTags: object): AsyncGenerator<unknown[]> {
  const stream = createReadStream(path).pipe(new OSMTransform({ withTags, withInfo: false }));
  for await (const batch of stream as AsyncIterable<unknown[]>) yield batch;
}

/**
 * Reads an OSM PBF file into the neutral extract: pass 1 keeps walkable ways, pass 2 the nodes they
 * use inside `bbox` (node tags are limited to `ele` to keep decoding cheap).
 * @param options.bbox [west, south, east, north] clip, degrees
 */
export async function readOsmPbf(
  path: string,
  options: { bbox?: Bbox } = {},
): Promise<{ extract: OsmExtract; stats: OsmReadStats }> {
  const c = new WalkExtractCollector(options.bbox ? { bbox: options.bbox } : {});
  for await (const batch of batches(path, { node: false, way: true, relation: false })) {
    for (const item of batch) {
      const w = item as PbfWay;
      if (w.type === 'way') c.addWay(w.id, w.refs, w.tags ?? {});
    }
  }
  for await (const batch of batches(path, { node: ['ele'], way: false, relation: false })) {
    for (const item of batch) {
      const n = item as PbfNode;
      if (n.type === 'node') c.addNode(n.id, n.lon, n.lat, parseEle(n.tags?.ele));
    }
  }
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
