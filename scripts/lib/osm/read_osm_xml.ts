// Streaming reader of OSM XML (.osm, .osm.gz) into the walking extract, in two passes (ways, then nodes).

import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import {
  type Bbox,
  type OsmExtract,
  parseEle,
  WalkExtractCollector,
} from '../../../src/lib/walk/osm_extract.ts';

/** Counts of what a reader saw and kept. */
export interface OsmReadStats {
  waysSeen: number;
  waysKept: number;
  nodesSeen: number;
  nodesKept: number;
}

/** Text chunks of the file, gunzipped when the name ends in .gz. */
function textStream(path: string): AsyncIterable<string> {
  const raw = createReadStream(path);
  const s = path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  s.setEncoding('utf8');
  return s as AsyncIterable<string>;
}

async function feed(path: string, parser: SaxesParser): Promise<void> {
  for await (const chunk of textStream(path)) parser.write(chunk);
  parser.close();
}

/**
 * Reads an OSM XML file into the neutral extract: pass 1 keeps walkable ways, pass 2 the nodes they
 * use inside `bbox` (with `ele` tags as elevations). Memory stays proportional to the walking network.
 * @param path .osm or .osm.gz
 * @param options.bbox [west, south, east, north] clip, degrees
 */
export async function readOsmXml(
  path: string,
  options: { bbox?: Bbox } = {},
): Promise<{ extract: OsmExtract; stats: OsmReadStats }> {
  const c = new WalkExtractCollector(options.bbox ? { bbox: options.bbox } : {});

  // Pass 1: ways.
  {
    const p = new SaxesParser();
    let way: { id: number; nds: number[]; tags: Record<string, string> } | null = null;
    p.on('opentag', (tag) => {
      const t = tag as SaxesTagPlain;
      if (t.name === 'way') way = { id: Number(t.attributes.id), nds: [], tags: {} };
      else if (way && t.name === 'nd') way.nds.push(Number(t.attributes.ref));
      else if (way && t.name === 'tag') {
        const k = t.attributes.k;
        const v = t.attributes.v;
        if (k !== undefined && v !== undefined) way.tags[k] = v;
      }
    });
    p.on('closetag', (tag) => {
      if (tag.name === 'way' && way) {
        if (Number.isFinite(way.id)) c.addWay(way.id, way.nds.filter(Number.isFinite), way.tags);
        way = null;
      }
    });
    await feed(path, p);
  }

  // Pass 2: nodes of the kept ways.
  {
    const p = new SaxesParser();
    let node: { id: number; lon: number; lat: number; ele?: number } | null = null;
    let needed = false;
    p.on('opentag', (tag) => {
      const t = tag as SaxesTagPlain;
      if (t.name === 'node') {
        const id = Number(t.attributes.id);
        needed = c.needsNode(id);
        node = { id, lon: Number(t.attributes.lon), lat: Number(t.attributes.lat) };
      } else if (needed && node && t.name === 'tag' && t.attributes.k === 'ele') {
        const ele = parseEle(t.attributes.v);
        if (ele !== undefined) node.ele = ele;
      }
    });
    p.on('closetag', (tag) => {
      if (tag.name !== 'node') return;
      needed = false;
      const n = node as { id: number; lon: number; lat: number; ele?: number } | null;
      if (
        n &&
        Number.isFinite(n.lon) &&
        Number.isFinite(n.lat) &&
        Math.abs(n.lon) <= 180 &&
        Math.abs(n.lat) <= 90
      ) {
        c.addNode(n.id, n.lon, n.lat, n.ele);
      }
      node = null;
    });
    await feed(path, p);
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
