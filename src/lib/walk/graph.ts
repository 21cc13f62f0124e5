// The walking graph: compact CSR typed arrays built from the neutral OSM extract by the one builder.

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
  reverseEdgeFlags,
  wayEdgeFlags,
  wayLabel,
} from './walkable.ts';

/**
 * A directed walking graph in compressed-sparse-row form. Every OSM way segment becomes one edge per
 * walkable direction; edges are straight segments between their end nodes.
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
  /** Edge length, metres (horizontal). */
  lengthM: Float32Array;
  /** Edge flags (EDGE_FLAG bits). */
  flags: Uint8Array;
  /** Index into `labels` of the way the edge comes from (its name), or -1. */
  label: Int32Array;
  /** Distinct way names referenced by `label`. */
  labels: string[];
  /** [west, south, east, north] of the nodes, degrees. */
  bbox: [number, number, number, number];
  /** Provenance (source file, bbox asked for, build time …). */
  meta: Record<string, string | number>;
}

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
  nodes: number;
  edges: number;
  /** 'used' when every node has an elevation, 'incomplete' when some lack one (then none is used). */
  elevation: 'none' | 'used' | 'incomplete';
}

/**
 * Builds the walking graph: filters walkable ways, splits them where nodes are missing (bbox clip),
 * adds straight chords between the entrances of pedestrian areas where the chord stays inside the
 * area, keeps the largest weakly connected component, orders nodes along a Hilbert curve for memory
 * locality, and packs everything into CSR typed arrays.
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
  const labelIndex = new Map<string, number>();
  const labels: string[] = [];
  const areaRings: { ring: number[]; flags: number; label: number }[] = [];
  const stats: BuildWalkGraphStats = {
    waysIn: extract.ways.length,
    waysWalkable: 0,
    segments: 0,
    areas: 0,
    areaChords: 0,
    areasOutlineOnly: 0,
    components: 0,
    nodesBeforeComponentFilter: 0,
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
  const addSegment = (u: number, v: number, flags: number, dir: number, label: number): void => {
    eu.push(u);
    ev.push(v);
    elen.push(haversineM(lonA[u] as number, latA[u] as number, lonA[v] as number, latA[v] as number));
    eflag.push(flags);
    edir.push(dir);
    elab.push(label);
  };

  for (const way of extract.ways) {
    if (!isWalkableWay(way.tags)) continue;
    stats.waysWalkable++;
    const flags = wayEdgeFlags(way.tags);
    const dir = footOneway(way.tags);
    const name = wayLabel(way.tags);
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
        areaRings.push({ ring, flags, label });
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

  for (const { ring, flags, label } of areaRings) {
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

  // Hilbert order of the kept nodes: neighbours in space become neighbours in memory.
  const kept: number[] = [];
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let nn = -Infinity;
  for (let i = 0; i < n0; i++) {
    if (!keep(i)) continue;
    kept.push(i);
    const x = lonA[i] as number;
    const y = latA[i] as number;
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > nn) nn = y;
  }
  const n = kept.length;
  const hkey = new Float64Array(n0);
  const sx = 65535 / (e - w || 1);
  const sy = 65535 / (nn - s || 1);
  for (const i of kept)
    hkey[i] = hilbertIndex(((lonA[i] as number) - w) * sx, ((latA[i] as number) - s) * sy);
  kept.sort((a, b) => (hkey[a] as number) - (hkey[b] as number));
  const newIdx = new Int32Array(n0).fill(-1);
  for (let k = 0; k < n; k++) newIdx[kept[k] as number] = k;

  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  const osmId = new Float64Array(n);
  const ele = hasEle ? new Float32Array(n) : null;
  for (let k = 0; k < n; k++) {
    const i = kept[k] as number;
    lon[k] = lonA[i] as number;
    lat[k] = latA[i] as number;
    osmId[k] = osmA[i] as number;
    if (ele) ele[k] = eleA[i] as number;
  }

  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < eu.length; i++) {
    const u = newIdx[eu[i] as number] as number;
    const v = newIdx[ev[i] as number] as number;
    if (u < 0 || v < 0) continue;
    const d = edir[i] as number;
    if (d >= 0) offsets[u + 1] = (offsets[u + 1] as number) + 1;
    if (d <= 0) offsets[v + 1] = (offsets[v + 1] as number) + 1;
  }
  for (let k = 0; k < n; k++) offsets[k + 1] = (offsets[k + 1] as number) + (offsets[k] as number);
  const m = offsets[n] as number;
  const target = new Int32Array(m);
  const lengthM = new Float32Array(m);
  const flagsA = new Uint8Array(m);
  const label = new Int32Array(m);
  const fill = offsets.slice(0, n);
  const put = (u: number, v: number, len: number, f: number, lab: number): void => {
    const pos = fill[u] as number;
    fill[u] = pos + 1;
    target[pos] = v;
    lengthM[pos] = len;
    flagsA[pos] = f;
    label[pos] = lab;
  };
  for (let i = 0; i < eu.length; i++) {
    const u = newIdx[eu[i] as number] as number;
    const v = newIdx[ev[i] as number] as number;
    if (u < 0 || v < 0) continue;
    let f = eflag[i] as number;
    if (ele && f & EDGE_FLAG.steps && !(f & (EDGE_FLAG.up | EDGE_FLAG.down))) {
      // Steps without incline=*: the elevations tell which way is up.
      const dz = (ele[v] as number) - (ele[u] as number);
      if (dz > 0.5) f |= EDGE_FLAG.up;
      else if (dz < -0.5) f |= EDGE_FLAG.down;
    }
    const d = edir[i] as number;
    const len = elen[i] as number;
    const lab = elab[i] as number;
    if (d >= 0) put(u, v, len, f, lab);
    if (d <= 0) put(v, u, len, reverseEdgeFlags(f), lab);
  }

  stats.nodes = n;
  stats.edges = m;
  const graph: WalkGraph = {
    nodeCount: n,
    edgeCount: m,
    lon,
    lat,
    ele,
    osmId,
    offsets,
    target,
    lengthM,
    flags: flagsA,
    label,
    labels,
    bbox: n > 0 ? [w, s, e, nn] : [0, 0, 0, 0],
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

/** Position of (x, y) in [0, 65535]² along a Hilbert curve of order 16. */
function hilbertIndex(fx: number, fy: number): number {
  let x = Math.max(0, Math.min(65535, Math.floor(fx)));
  let y = Math.max(0, Math.min(65535, Math.floor(fy)));
  let d = 0;
  for (let s = 32768; s > 0; s >>= 1) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        x = 65535 - x;
        y = 65535 - y;
      }
      const t = x;
      x = y;
      y = t;
    }
  }
  return d;
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
 * The opposite edge of every edge (v→u for u→v), or -1 for one-way (oneway:foot) edges. Parallel edges
 * (overlapping ways) are the same straight segment, so any opposite edge serves; the first is taken.
 */
export function edgeTwins(graph: WalkGraph): Int32Array {
  let tw = twinCache.get(graph);
  if (tw) return tw;
  const { offsets, target, lengthM, nodeCount } = graph;
  tw = new Int32Array(graph.edgeCount).fill(-1);
  for (let u = 0; u < nodeCount; u++) {
    for (let e = offsets[u] as number, end = offsets[u + 1] as number; e < end; e++) {
      const v = target[e] as number;
      let best = -1;
      let bestDiff = Infinity;
      for (let f = offsets[v] as number, fe = offsets[v + 1] as number; f < fe; f++) {
        if (target[f] !== u) continue;
        const diff = Math.abs((lengthM[f] as number) - (lengthM[e] as number));
        if (diff < bestDiff) {
          bestDiff = diff;
          best = f;
        }
      }
      tw[e] = best;
    }
  }
  twinCache.set(graph, tw);
  return tw;
}
const twinCache = new WeakMap<WalkGraph, Int32Array>();
