// Facilities snapped onto the walking graph: k-nearest by walking time, seeds for coverage, point times.

import {
  type DijkstraWorkspace,
  type MultiSourceResult,
  pathEdges,
  type SearchDirection,
  type Seed,
} from './dijkstra.ts';
import { edgeSources, edgeTwins, type WalkGraph } from './graph.ts';
import { type EdgeSnap, type EdgeSnapIndex, seedsForSnap } from './snap.ts';

/** A facility to place on the network: caller's id and WGS-84 position. */
export interface FacilityPoint {
  id: string;
  lon: number;
  lat: number;
}

/** A facility's position on one directed edge. */
interface EdgeEntry {
  facility: number;
  /** Fraction along that directed edge. */
  fraction: number;
}

/** Facilities snapped to a graph; facilities farther than the snap limit are listed in `unsnapped`. */
export interface SnappedFacilities {
  graph: WalkGraph;
  points: readonly FacilityPoint[];
  /** Snap per facility (null when off the network). */
  snaps: (EdgeSnap | null)[];
  /** Facilities on each directed edge (both directions of a segment are listed). */
  byEdge: Map<number, EdgeEntry[]>;
  /** 1 for edges listed in byEdge: a byte test is cheaper than a Map lookup in the search loop. */
  edgeMark?: Uint8Array;
  /** Ids of facilities farther than the snap limit from any edge. */
  unsnapped: string[];
}

/**
 * Snaps facilities onto their nearest edges.
 * @param maxSnapM metres; farther facilities are left out of network searches (listed in `unsnapped`)
 */
export function snapFacilities(
  index: EdgeSnapIndex,
  points: readonly FacilityPoint[],
  maxSnapM: number,
): SnappedFacilities {
  const graph = index.graph;
  const twins = edgeTwins(graph);
  const byEdge = new Map<number, EdgeEntry[]>();
  const snaps: (EdgeSnap | null)[] = [];
  const unsnapped: string[] = [];
  const edgeMark = new Uint8Array(graph.edgeCount);
  const attach = (e: number, entry: EdgeEntry) => {
    edgeMark[e] = 1;
    const list = byEdge.get(e);
    if (list) list.push(entry);
    else byEdge.set(e, [entry]);
  };
  points.forEach((p, i) => {
    const s = index.snap(p.lon, p.lat, maxSnapM);
    snaps.push(s);
    if (!s) {
      unsnapped.push(p.id);
      return;
    }
    attach(s.edge, { facility: i, fraction: s.fraction });
    const tw = twins[s.edge] as number;
    if (tw >= 0) attach(tw, { facility: i, fraction: 1 - s.fraction });
  });
  return { graph, points, snaps, byEdge, edgeMark, unsnapped };
}

/** How a facility was reached by nearestFacilities. */
export interface FacilityReach {
  facility: number;
  /** Network minutes from the origin's snapped point to the facility's snapped point, plus its extra minutes. */
  minutes: number;
  /** Directed edge whose partial traversal ends at the facility. */
  lastEdge: number;
  /** Node the last partial edge starts from, or -1 when reached directly along the origin's edge. */
  viaNode: number;
}

/**
 * The k facilities nearest by walking time from a snapped origin, nearest first: Dijkstra over the
 * graph where each facility is a virtual target reached part-way along its edge, so the ranking is
 * exact, including facilities on the origin's own edge.
 * @param maxMinutes cut-off, minutes
 * @param extraMinutes per-facility minutes added to its arrival (e.g. the walk from its snapped
 *   position to its entrance), included in the ranking
 */
export function nearestFacilities(
  graph: WalkGraph,
  costs: Float32Array,
  facilities: SnappedFacilities,
  origin: EdgeSnap,
  k: number,
  maxMinutes: number,
  ws: DijkstraWorkspace,
  extraMinutes?: ArrayLike<number>,
): FacilityReach[] {
  if (facilities.graph !== graph) throw new Error('facilities were snapped to another graph');
  const n = graph.nodeCount;
  const { dist, pred, stamp, heap } = ws;
  ws.reset();
  ws.direction = 'from';
  const gen = ws.gen;
  const best = new Map<number, FacilityReach>();
  const out: FacilityReach[] = [];
  const done = new Set<number>();
  const offer = (f: number, networkMinutes: number, lastEdge: number, viaNode: number) => {
    const minutes = networkMinutes + (extraMinutes ? (extraMinutes[f] as number) : 0);
    if (minutes > maxMinutes || done.has(f)) return;
    const cur = best.get(f);
    if (cur && cur.minutes <= minutes) return;
    best.set(f, { facility: f, minutes, lastEdge, viaNode });
    heap.push(n + f, minutes);
  };
  for (const s of seedsForSnap(graph, costs, origin, 'from')) {
    if (s.minutes > maxMinutes) continue;
    if (stamp[s.node] !== gen || s.minutes < (dist[s.node] as number)) {
      stamp[s.node] = gen;
      dist[s.node] = s.minutes;
      pred[s.node] = -1;
      heap.push(s.node, s.minutes);
    }
  }
  // Facilities on the origin's own segment are reachable without passing a node.
  const twin = edgeTwins(graph)[origin.edge] as number;
  for (const entry of facilities.byEdge.get(origin.edge) ?? []) {
    const dt = entry.fraction - origin.fraction;
    if (dt >= 0) offer(entry.facility, dt * (costs[origin.edge] as number), origin.edge, -1);
    else if (twin >= 0) offer(entry.facility, -dt * (costs[twin] as number), twin, -1);
  }
  const { offsets, target } = graph;
  const mark = facilities.edgeMark;
  while (heap.size > 0 && out.length < k) {
    const u = heap.pop();
    const d = heap.lastKey;
    if (d > maxMinutes) break;
    if (u >= n) {
      const f = u - n;
      const r = best.get(f);
      if (done.has(f) || !r || r.minutes < d) continue;
      done.add(f);
      out.push(r);
      continue;
    }
    if (d > (dist[u] as number) || !ws.settle(u)) continue;
    const end = offsets[u + 1] as number;
    for (let e = offsets[u] as number; e < end; e++) {
      const c = costs[e] as number;
      if (mark === undefined || mark[e] === 1) {
        const entries = facilities.byEdge.get(e);
        if (entries) for (const entry of entries) offer(entry.facility, d + entry.fraction * c, e, u);
      }
      const nd = d + c;
      if (nd > maxMinutes) continue;
      const v = target[e] as number;
      if (stamp[v] !== gen || nd < (dist[v] as number)) {
        stamp[v] = gen;
        dist[v] = nd;
        pred[v] = e;
        heap.push(v, nd);
      }
    }
  }
  return out;
}

/** A piece of a directed edge walked from fraction t0 to t1 (t0 ≤ t1, along the edge's direction). */
export interface EdgePiece {
  edge: number;
  t0: number;
  t1: number;
}

/**
 * The pieces of edges walked from the origin to a facility reached by nearestFacilities (call it
 * before the workspace is reused).
 */
export function facilityPieces(
  graph: WalkGraph,
  facilities: SnappedFacilities,
  origin: EdgeSnap,
  reach: FacilityReach,
  ws: DijkstraWorkspace,
): EdgePiece[] {
  const entry = (facilities.byEdge.get(reach.lastEdge) ?? []).find((x) => x.facility === reach.facility);
  if (!entry) throw new Error('facility is not on the reported edge');
  const tf = entry.fraction;
  if (reach.viaNode < 0) {
    // Along the origin's own segment, in whichever direction reaches the facility.
    const t0 = reach.lastEdge === origin.edge ? origin.fraction : 1 - origin.fraction;
    return [{ edge: reach.lastEdge, t0, t1: tf }];
  }
  const pieces = startPieces(graph, origin, reach.viaNode, ws);
  pieces.push({ edge: reach.lastEdge, t0: 0, t1: tf });
  return pieces;
}

/** Pieces from the origin's snapped point to a node settled by a 'from' search (workspace state). */
export function startPieces(
  graph: WalkGraph,
  origin: EdgeSnap,
  node: number,
  ws: DijkstraWorkspace,
): EdgePiece[] {
  const edges = pathEdges(graph, ws.pred, node, 'from');
  const first = edges.length > 0 ? (edgeSources(graph)[edges[0] as number] as number) : node;
  const pieces: EdgePiece[] = [];
  if (first === origin.to) pieces.push({ edge: origin.edge, t0: origin.fraction, t1: 1 });
  else {
    const twin = edgeTwins(graph)[origin.edge] as number;
    pieces.push({ edge: twin, t0: 1 - origin.fraction, t1: 1 });
  }
  for (const e of edges) pieces.push({ edge: e, t0: 0, t1: 1 });
  return pieces;
}

/**
 * Seeds for a multi-source search from every snapped facility (source label = facility index).
 * 'to' seeds give times for walking TO the facilities (coverage); 'from' seeds walk away from them.
 */
export function facilitySeeds(
  graph: WalkGraph,
  costs: Float32Array,
  facilities: SnappedFacilities,
  direction: SearchDirection,
): Seed[] {
  const seeds: Seed[] = [];
  facilities.snaps.forEach((s, i) => {
    if (s) seeds.push(...seedsForSnap(graph, costs, s, direction, i));
  });
  return seeds;
}

/**
 * Time between an arbitrary snapped point and the nearest source of a whole-graph multi-source result
 * (e.g. a coverage grid cell): through either end of the point's edge, or directly along that edge
 * when a facility sits on it.
 * @returns minutes (Infinity when unreachable) and source label (-1 then)
 */
export function timeAtSnap(
  graph: WalkGraph,
  costs: Float32Array,
  result: MultiSourceResult,
  snap: EdgeSnap,
  facilities?: SnappedFacilities,
): { minutes: number; source: number } {
  const twin = edgeTwins(graph)[snap.edge] as number;
  const t = snap.fraction;
  const fwd = costs[snap.edge] as number;
  const back = twin >= 0 ? (costs[twin] as number) : Infinity;
  let best = Infinity;
  let source = -1;
  const consider = (m: number, s: number) => {
    if (m < best) {
      best = m;
      source = s;
    }
  };
  if (result.direction === 'to') {
    // Walk from the point to an end, then on to the nearest source.
    consider((1 - t) * fwd + (result.minutes[snap.to] as number), result.source[snap.to] as number);
    consider(t * back + (result.minutes[snap.from] as number), result.source[snap.from] as number);
  } else {
    // Sources reach an end, then walk along the edge to the point.
    consider((result.minutes[snap.from] as number) + t * fwd, result.source[snap.from] as number);
    consider((result.minutes[snap.to] as number) + (1 - t) * back, result.source[snap.to] as number);
  }
  if (facilities) {
    for (const entry of facilities.byEdge.get(snap.edge) ?? []) {
      const dt = entry.fraction - t;
      // 'to': walk from the point to the facility; 'from': from the facility to the point.
      const forwardAlongEdge = result.direction === 'to' ? dt >= 0 : dt <= 0;
      consider(Math.abs(dt) * (forwardAlongEdge ? fwd : back), entry.facility);
    }
  }
  return { minutes: best, source: best === Infinity ? -1 : source };
}
