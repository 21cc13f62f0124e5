// Multi-pass collection of everything the import needs from OSM files: tagged elements, positions, walk extract.

import {
  type Bbox,
  inBbox,
  type OsmExtract,
  parseEle,
  WalkExtractCollector,
} from '../../../src/lib/walk/osm_extract.ts';
import { NodeStore } from './node_store.ts';
import {
  type OsmEntityType,
  type OsmNodeEntity,
  type OsmRelationEntity,
  type OsmStreamInfo,
  type OsmTagMap,
  type OsmWayEntity,
  streamOsm,
} from './osm_stream.ts';

/** Which tagged elements the caller wants kept (the walking ways are always collected on the side). */
export interface OsmInterest {
  node(tags: OsmTagMap): boolean;
  way(tags: OsmTagMap): boolean;
  relation(tags: OsmTagMap): boolean;
}

export interface CollectOptions {
  bbox: Bbox;
  interest: OsmInterest;
}

/** Where the extract's date came from. */
export type TimestampSource = 'header' | 'elements' | 'none';

export interface CollectStats {
  files: number;
  passes: number;
  relationsKept: number;
  waysKept: number;
  pois: number;
  nodesInBbox: number;
  /** Nodes outside the bbox fetched because a kept way or relation crosses the bbox edge. */
  nodesOutside: number;
  walkWaysSeen: number;
  walkWaysKept: number;
  seconds: number;
}

export interface CollectedOsm {
  bbox: Bbox;
  /** Tagged nodes of interest inside the bbox. */
  pois: OsmNodeEntity[];
  /** Ways of interest and members of kept relations, all with at least one node in the bbox (or a member of such a relation). */
  ways: Map<number, OsmWayEntity>;
  /** Relations of interest with at least one member way reaching into the bbox. */
  relations: OsmRelationEntity[];
  /** The walking extract (clipped to the bbox by dropping outside nodes). */
  walk: OsmExtract;
  /** Extract date: per file its header timestamp, else its newest way/node edit; the oldest file's; or null. */
  timestamp: { iso: string | null; from: TimestampSource };
  stats: CollectStats;
  /** [lon, lat] of a node kept for geometry (inside the bbox, or outside on a crossing element). */
  position(id: number): [number, number] | undefined;
}

async function pass(
  paths: readonly string[],
  types: OsmEntityType[],
  infos: OsmStreamInfo[],
  elementTimestamps: (fileIndex: number) => boolean,
  visit: (e: OsmNodeEntity | OsmWayEntity | OsmRelationEntity) => void,
): Promise<void> {
  for (let i = 0; i < paths.length; i++) {
    const info = infos[i]!;
    for await (const batch of streamOsm(
      paths[i]!,
      { types, elementTimestamps: elementTimestamps(i) },
      info,
    )) {
      for (const e of batch) visit(e);
    }
  }
}

/**
 * Reads the files in up to four streaming passes: (1) relations of interest, (2) ways of interest, their
 * member ways and every walkable way, (3) nodes: positions inside the bbox, tagged nodes of interest and
 * the walking nodes, (4) only when some kept way or relation crosses the bbox edge: the positions of its
 * nodes outside, so polygons close and can be clipped exactly. Memory is proportional to what is kept,
 * with node positions in a compact typed-array store. Several files are read as one (ids deduplicated).
 *
 * @param paths .osm / .osm.gz / .osm.pbf files
 * @param options.bbox [west, south, east, north] degrees
 */
export async function collectOsm(paths: readonly string[], options: CollectOptions): Promise<CollectedOsm> {
  const t0 = performance.now();
  const { bbox, interest } = options;
  const infos: OsmStreamInfo[] = paths.map(() => ({}));
  let passes = 0;

  // Pass 1: relations.
  const relations = new Map<number, OsmRelationEntity>();
  const memberWays = new Set<number>();
  await pass(
    paths,
    ['relation'],
    infos,
    () => false,
    (e) => {
      if (e.type !== 'relation' || relations.has(e.id) || !interest.relation(e.tags)) return;
      relations.set(e.id, e);
      for (const m of e.members) if (m.type === 'way') memberWays.add(m.ref);
    },
  );
  passes++;
  // Files without a header date fall back to the newest element edit, read from here on.
  const noHeader = (i: number) => infos[i]!.header === undefined;

  // Pass 2: ways.
  const ways = new Map<number, OsmWayEntity>();
  const walk = new WalkExtractCollector({ bbox });
  const seenWalkWays = paths.length > 1 ? new Set<number>() : null;
  await pass(paths, ['way'], infos, noHeader, (e) => {
    if (e.type !== 'way') return;
    if (seenWalkWays) {
      if (seenWalkWays.has(e.id)) return;
      seenWalkWays.add(e.id);
    }
    walk.addWay(e.id, e.refs, e.tags);
    if (memberWays.has(e.id) || interest.way(e.tags)) ways.set(e.id, e);
  });
  passes++;

  // Pass 3: nodes.
  const store = new NodeStore();
  const pois: OsmNodeEntity[] = [];
  const poiIds = new Set<number>();
  await pass(paths, ['node'], infos, noHeader, (e) => {
    if (e.type !== 'node') return;
    walk.addNode(e.id, e.lon, e.lat, parseEle(e.tags.ele));
    if (!inBbox(bbox, e.lon, e.lat)) return;
    store.add(e.id, e.lon, e.lat);
    if (!poiIds.has(e.id) && Object.keys(e.tags).length > 0 && interest.node(e.tags)) {
      poiIds.add(e.id);
      pois.push(e);
    }
  });
  passes++;
  store.freeze();

  // Keep only ways and relations that reach into the bbox; list the outside nodes they need.
  const insideCount = (w: OsmWayEntity) => {
    let k = 0;
    for (const r of w.refs) if (store.has(r)) k++;
    return k;
  };
  const touching = new Set<number>();
  for (const w of ways.values()) if (insideCount(w) > 0) touching.add(w.id);
  const keptRelations: OsmRelationEntity[] = [];
  const relationWays = new Set<number>();
  for (const r of relations.values()) {
    const members = r.members.filter((m) => m.type === 'way');
    if (!members.some((m) => touching.has(m.ref))) continue;
    keptRelations.push(r);
    for (const m of members) relationWays.add(m.ref);
  }
  const wanted = new Set<number>();
  for (const [id, w] of ways) {
    const keep = relationWays.has(id) || (touching.has(id) && interest.way(w.tags));
    if (!keep) {
      ways.delete(id);
      continue;
    }
    for (const r of w.refs) if (!store.has(r)) wanted.add(r);
  }

  // Pass 4: outside nodes of crossing elements.
  const outside = new Map<number, [number, number]>();
  if (wanted.size > 0) {
    await pass(
      paths,
      ['node'],
      infos,
      () => false,
      (e) => {
        if (e.type === 'node' && wanted.has(e.id) && !outside.has(e.id)) outside.set(e.id, [e.lon, e.lat]);
      },
    );
    passes++;
  }

  // Each file's date is its header's, else its newest edit; merged files are as old as the oldest.
  const dates = infos
    .map((i) =>
      i.header
        ? { iso: i.header, from: 'header' as const }
        : i.newestElement
          ? { iso: i.newestElement, from: 'elements' as const }
          : null,
    )
    .filter((d) => d !== null)
    .sort((a, b) => (a.iso < b.iso ? -1 : a.iso > b.iso ? 1 : 0));
  const timestamp: CollectedOsm['timestamp'] = dates[0] ?? { iso: null, from: 'none' };

  const extract = walk.finish();
  return {
    bbox,
    pois,
    ways,
    relations: keptRelations,
    walk: extract,
    timestamp,
    position: (id) => store.get(id) ?? outside.get(id),
    stats: {
      files: paths.length,
      passes,
      relationsKept: keptRelations.length,
      waysKept: ways.size,
      pois: pois.length,
      nodesInBbox: store.size,
      nodesOutside: outside.size,
      walkWaysSeen: walk.waysSeen,
      walkWaysKept: extract.ways.length,
      seconds: (performance.now() - t0) / 1000,
    },
  };
}
