// The walking graph: compact CSR typed arrays built from the neutral OSM extract by the one builder.

import { assembleGraph } from './contract.ts';
import {
  haversineM,
  METRES_PER_DEGREE,
  metresPerDegreeLon,
  pointInRing,
  segmentsCrossProperly,
} from './geo.ts';
import type { OsmExtract } from './osm_extract.ts';
import {
  EDGE_FLAG,
  footOneway,
  isAreaWay,
  isWalkableWay,
  wayEdgeFlags,
  wayLabel,
  wayLayer,
} from './walkable.ts';

/** Edge geometry: each directed edge walks one polyline (a chain), forward or reversed. */
export interface EdgeShapes {
  /** Chain of each directed edge: c when the edge runs along chain c, ~c (bitwise not) when against it. */
  chain: Int32Array;
  /** Points of chain c are offsets[c] … offsets[c+1]-1, both end nodes included. Length chains+1. */
  offsets: Int32Array;
  /** Point longitude, degrees. */
  lon: Float64Array;
  /** Point latitude, degrees. */
  lat: Float64Array;
}

/**
 * A directed walking graph in compressed-sparse-row form. Nodes are intersections and dead ends;
 * every edge is the polyline of an OSM way between two of them (shape nodes contracted), one edge per
 * walkable direction. Fractions along an edge are fractions of its length.
 */
export interface WalkGraph {
  nodeCount: number;
  edgeCount: number;
  /** Node longitude, degrees. */
  lon: Float64Array;
  /** Node latitude, degrees. */
  lat: Float64Array;
  /** Node elevation in metres, or null when not every node has one. */
  ele: Float32Array | null;
  /** OSM node id per node (ids exceed 2^31, so Float64), or null. */
  osmId: Float64Array | null;
  /** Row starts: edges of node u are offsets[u] … offsets[u+1]-1. Length nodeCount+1. */
  offsets: Int32Array;
  /** Edge head node. */
  target: Int32Array;
  /** Edge length along its polyline, metres (horizontal). */
  lengthM: Float32Array;
  /**
   * Level-equivalent length, metres: Σ segment length / Tobler factor of the segment's slope, in the
   * edge's direction (so minutes = slopeLengthM / level speed). Null without elevations.
   */
  slopeLengthM: Float32Array | null;
  /** Edge flags (EDGE_FLAG bits). */
  flags: Uint8Array;
  /** Index into `labels` of the way the edge comes from (its name), or -1. */
  label: Int32Array;
  /** Vertical position of the way (wayLayer: layer, level, tunnel/bridge), −5 … 5. */
  layer: Int8Array;
  /** Polyline of every edge. */
  shape: EdgeShapes;
  /** Distinct way names referenced by `label`. */
  labels: string[];
  /** [west, south, east, north] of the nodes, degrees. */
  bbox: [number, number, number, number];
  /** Provenance (source file, bbox asked for, build time …). */
  meta: Record<string, string | number>;
}

/** The part of a graph a search over node times needs (what a worker gets to prepare A* bounds). */
export type RoutingGraph = Pick<WalkGraph, 'nodeCount' | 'edgeCount' | 'offsets' | 'target'>;

/** Options of buildWalkGraph. */
export interface BuildWalkGraphOptions {
  /** Elevation sampler (e.g. a DEM), metres; used for nodes whose OSM data carry no `ele`. */
  elevationAt?: (lon: number, lat: number) => number | undefined;
  /** Keep every connected component instead of only the largest (default false). */
  keepAllComponents?: boolean;
  /** Pedestrian areas with more entrances than this get only their outline (default 40). */
  maxAreaEntrances?: number;
  /** Provenance copied into graph.meta. */
  meta?: Record<string, string | number>;
  /** Contract shape nodes into polyline edges (default true; false keeps one edge per OSM segment). */
  contract?: boolean;
}

/** What the builder did, for logs and the import report. */
export interface BuildWalkGraphStats {
  waysIn: number;
  waysWalkable: number;
  segments: number;
  areas: number;
  areaChords: number;
  areasOutlineOnly: number;
  components: number;
  nodesBeforeComponentFilter: number;
  /** Nodes of the kept component before shape nodes were contracted. */
  nodesBeforeContraction: number;
  nodes: number;
  edges: number;
  /** 'used' when every node has an elevation, 'incomplete' when some lack one (then none is used). */
  elevation: 'none' | 'used' | 'incomplete';
}

/**
 * Builds the walking graph: filters walkable ways, splits them where nodes are missing (bbox clip),
 * adds straight chords between the entrances of pedestrian areas where the chord stays inside the
 * area, keeps the largest weakly connected component, contracts shape nodes into polyline edges and
 * packs everything into CSR typed arrays (see assembleGraph).
 */
export function buildWalkGraph(
  extract: OsmExtract,
  options: BuildWalkGraphOptions = {},
): { graph: WalkGraph; stats: BuildWalkGraphStats } {
  const maxEntrances = options.maxAreaEntrances ?? 40;
  const idOf = new Map<number, number>();
  const lonA: number[] = [];
  const latA: number[] = [];
  const eleA: (number | undefined)[] = [];
  const osmA: number[] = [];
  const lineUse: number[] = [];
  const areaUse: number[] = [];
  // Undirected segments; dir: 0 both, 1 u→v only, -1 v→u only.
  const eu: number[] = [];
  const ev: number[] = [];
  const elen: number[] = [];
  const eflag: number[] = [];
  const edir: number[] = [];
  const elab: number[] = [];
  const elayer: number[] = [];
  const labelIndex = new Map<string, number>();
  const labels: string[] = [];
  const areaRings: { ring: number[]; flags: number; label: number; ringLayer: number }[] = [];
  const stats: BuildWalkGraphStats = {
    waysIn: extract.ways.length,
    waysWalkable: 0,
    segments: 0,
    areas: 0,
    areaChords: 0,
    areasOutlineOnly: 0,
    components: 0,
    nodesBeforeComponentFilter: 0,
    nodesBeforeContraction: 0,
    nodes: 0,
    edges: 0,
    elevation: 'none',
  };

  const nodeIndex = (osmId: number): number => {
    let idx = idOf.get(osmId);
    if (idx !== undefined) return idx;
    const nd = extract.nodes.get(osmId);
    if (!nd) return -1;
    idx = lonA.length;
    idOf.set(osmId, idx);
    lonA.push(nd.lon);
    latA.push(nd.lat);
    eleA.push(nd.ele ?? options.elevationAt?.(nd.lon, nd.lat));
    osmA.push(osmId);
    lineUse.push(0);
    areaUse.push(0);
    return idx;
  };
  let layer = 0;
  const addSegment = (u: number, v: number, flags: number, dir: number, label: number): void => {
    eu.push(u);
    ev.push(v);
    elen.push(haversineM(lonA[u] as number, latA[u] as number, lonA[v] as number, latA[v] as number));
    eflag.push(flags);
    edir.push(dir);
    elab.push(label);
    elayer.push(layer);
  };

  for (const way of extract.ways) {
    if (!isWalkableWay(way.tags)) continue;
    stats.waysWalkable++;
    const flags = wayEdgeFlags(way.tags);
    const dir = footOneway(way.tags);
    const name = wayLabel(way.tags);
    layer = wayLayer(way.tags);
    let label = -1;
    if (name !== '') {
      label = labelIndex.get(name) ?? -1;
      if (label < 0) {
        label = labels.length;
        labels.push(name);
        labelIndex.set(name, label);
      }
    }
    const area = isAreaWay(way.tags, way.nodeIds);
    const ring: number[] = [];
    let complete = true;
    let prev = -1;
    for (const osmId of way.nodeIds) {
      const idx = nodeIndex(osmId);
      if (idx < 0) {
        // A clipped or missing node breaks the way; the pieces on either side stay usable.
        prev = -1;
        complete = false;
        continue;
      }
      if (area) ring.push(idx);
      if (prev >= 0 && prev !== idx) addSegment(prev, idx, flags, dir, label);
      prev = idx;
    }
    if (area) {
      stats.areas++;
      if (complete) {
        areaRings.push({ ring, flags, label, ringLayer: layer });
        for (let i = 1; i < ring.length; i++)
          areaUse[ring[i] as number] = (areaUse[ring[i] as number] as number) + 1;
      }
    } else {
      for (const osmId of way.nodeIds) {
        const idx = idOf.get(osmId);
        if (idx !== undefined) lineUse[idx] = (lineUse[idx] as number) + 1;
      }
    }
  }

  for (const { ring, flags, label, ringLayer } of areaRings) {
    layer = ringLayer;
    const added = addAreaChords(ring, flags, label, lonA, latA, lineUse, areaUse, maxEntrances, addSegment);
    if (added < 0) stats.areasOutlineOnly++;
    else stats.areaChords += added;
  }
  stats.segments = eu.length;

  const n0 = lonA.length;
  stats.nodesBeforeComponentFilter = n0;
  const hasEle = n0 > 0 && eleA.every((e) => e !== undefined && Number.isFinite(e));
  stats.elevation = eleA.some((e) => e !== undefined) ? (hasEle ? 'used' : 'incomplete') : 'none';

  // Weakly connected components by union–find; isolated nodes cannot occur (every node is on a segment
  // unless all its segments were degenerate).
  const parent = new Int32Array(n0);
  for (let i = 0; i < n0; i++) parent[i] = i;
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r] as number;
    while (parent[x] !== r) {
      const nx = parent[x] as number;
      parent[x] = r;
      x = nx;
    }
    return r;
  };
  for (let i = 0; i < eu.length; i++) {
    const a = find(eu[i] as number);
    const b = find(ev[i] as number);
    if (a !== b) parent[a] = b;
  }
  const compSize = new Int32Array(n0);
  const used = new Uint8Array(n0);
  for (let i = 0; i < eu.length; i++) {
    used[eu[i] as number] = 1;
    used[ev[i] as number] = 1;
  }
  let bestRoot = -1;
  for (let i = 0; i < n0; i++) {
    if (!used[i]) continue;
    const r = find(i);
    if (compSize[r] === 0) stats.components++;
    compSize[r] = (compSize[r] as number) + 1;
    if (bestRoot < 0 || (compSize[r] as number) > (compSize[bestRoot] as number)) bestRoot = r;
  }
  const keep = (i: number): boolean =>
    used[i] === 1 && (options.keepAllComponents === true || find(i) === bestRoot);

  let kept = 0;
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let nn = -Infinity;
  for (let i = 0; i < n0; i++) {
    if (!keep(i)) continue;
    kept++;
    const x = lonA[i] as number;
    const y = latA[i] as number;
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > nn) nn = y;
  }
  stats.nodesBeforeContraction = kept;
  const parts = assembleGraph(
    { lon: lonA, lat: latA, ele: eleA, osm: osmA },
    { u: eu, v: ev, len: elen, flags: eflag, dir: edir, label: elab, layer: elayer },
    keep,
    hasEle,
    options.contract ?? true,
  );
  stats.nodes = parts.nodeCount;
  stats.edges = parts.edgeCount;
  const graph: WalkGraph = {
    ...parts,
    labels,
    bbox: parts.nodeCount > 0 ? [w, s, e, nn] : [0, 0, 0, 0],
    meta: { ...(options.meta ?? {}) },
  };
  return { graph, stats };
}

/**
 * Adds straight chords between the entrances of a pedestrian area (ring nodes that other ways also
 * use) when the chord stays inside the ring, so a square can be crossed instead of walked around.
 * @returns number of chords added, or -1 when the area has too many entrances (outline only)
 */
function addAreaChords(
  ring: number[],
  flags: number,
  label: number,
  lonA: number[],
  latA: number[],
  lineUse: number[],
  areaUse: number[],
  maxEntrances: number,
  addSegment: (u: number, v: number, flags: number, dir: number, label: number) => void,
): number {
  const closed = ring.slice(0, -1);
  const entrances: number[] = [];
  const pos = new Map<number, number>();
  closed.forEach((node, i) => {
    if (!pos.has(node)) pos.set(node, i);
    if (((lineUse[node] as number) > 0 || (areaUse[node] as number) > 1) && !entrances.includes(node))
      entrances.push(node);
  });
  if (entrances.length < 2) return 0;
  if (entrances.length > maxEntrances) return -1;
  const lat0 = latA[closed[0] as number] as number;
  const kx = metresPerDegreeLon(lat0);
  const xy = new Float64Array(closed.length * 2);
  closed.forEach((node, i) => {
    xy[2 * i] = (lonA[node] as number) * kx;
    xy[2 * i + 1] = (latA[node] as number) * METRES_PER_DEGREE;
  });
  const k = closed.length;
  let added = 0;
  for (let a = 0; a < entrances.length; a++) {
    for (let b = a + 1; b < entrances.length; b++) {
      const na = entrances[a] as number;
      const nb = entrances[b] as number;
      const pa = pos.get(na) as number;
      const pb = pos.get(nb) as number;
      const gap = Math.abs(pa - pb);
      if (gap === 1 || gap === k - 1) continue; // already a ring segment
      const x1 = xy[2 * pa] as number;
      const y1 = xy[2 * pa + 1] as number;
      const x2 = xy[2 * pb] as number;
      const y2 = xy[2 * pb + 1] as number;
      if (!pointInRing((x1 + x2) / 2, (y1 + y2) / 2, xy)) continue;
      let crosses = false;
      for (let i = 0, j = k - 1; i < k && !crosses; j = i++) {
        crosses = segmentsCrossProperly(
          x1,
          y1,
          x2,
          y2,
          xy[2 * j] as number,
          xy[2 * j + 1] as number,
          xy[2 * i] as number,
          xy[2 * i + 1] as number,
        );
      }
      if (crosses) continue;
      addSegment(na, nb, flags | EDGE_FLAG.area, 0, label);
      added++;
    }
  }
  return added;
}

/** Source node of every edge (CSR stores only heads), computed once per graph and cached. */
export function edgeSources(graph: WalkGraph): Int32Array {
  let src = sourceCache.get(graph);
  if (src) return src;
  src = new Int32Array(graph.edgeCount);
  const { offsets, nodeCount } = graph;
  for (let u = 0; u < nodeCount; u++) src.fill(u, offsets[u] as number, offsets[u + 1] as number);
  sourceCache.set(graph, src);
  return src;
}
const sourceCache = new WeakMap<WalkGraph, Int32Array>();

/**
 * The opposite edge of every edge (v→u along the same polyline for u→v), or -1 for one-way
 * (oneway:foot) edges. Parallel edges between the same nodes are told apart by their polyline.
 */
export function edgeTwins(graph: WalkGraph): Int32Array {
  let tw = twinCache.get(graph);
  if (tw) return tw;
  const { chain } = graph.shape;
  const chains = graph.shape.offsets.length - 1;
  const fwd = new Int32Array(chains).fill(-1);
  const back = new Int32Array(chains).fill(-1);
  for (let e = 0; e < graph.edgeCount; e++) {
    const c = chain[e] as number;
    if (c >= 0) fwd[c] = e;
    else back[~c] = e;
  }
  tw = new Int32Array(graph.edgeCount);
  for (let e = 0; e < graph.edgeCount; e++) {
    const c = chain[e] as number;
    tw[e] = c >= 0 ? (back[c] as number) : (fwd[~c] as number);
  }
  twinCache.set(graph, tw);
  return tw;
}
const twinCache = new WeakMap<WalkGraph, Int32Array>();
