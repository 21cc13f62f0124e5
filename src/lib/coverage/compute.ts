// Walking time from every grid cell to the nearest facility of a category: one multi-source Dijkstra on
// the street graph (cells snapped to edges), or the straight-line estimate off the network / without one.

import KDBush from 'kdbush';
import { boundedDijkstra, DijkstraWorkspace, reverseAdjacency, type Seed } from '../walk/dijkstra';
import { NetworkWalkEngine, type WalkEngine, type WalkMethod } from '../walk/engine';
import type { FacilityPoint } from '../walk/facilities';
import { haversineM, METRES_PER_DEGREE } from '../walk/geo';
import { edgeSources, edgeTwins, type WalkGraph } from '../walk/graph';
import { type EdgeSnap, seedsForSnap } from '../walk/snap';
import type { CoverageGrid } from './grid';

/** Times are computed up to this many minutes (the widest band); farther cells only learn "more". */
export const DEFAULT_HORIZON_MIN = 15;

import { CELL_ESTIMATE, CELL_NETWORK } from './cell_method';

export { CELL_ESTIMATE, CELL_NETWORK } from './cell_method';

/** Street-network part of a context: every network cell's snap, and which cells hang off each node. */
export interface NetworkCells {
  engine: NetworkWalkEngine;
  graph: WalkGraph;
  costs: Float32Array;
  twins: Int32Array;
  src: Int32Array;
  /** Directed edge the cell centre snapped to, -1 when off the network. */
  cellEdge: Int32Array;
  cellFrac: Float64Array;
  /** Minutes from the cell centre to its snapped point (the access leg, at level speed). */
  cellAccess: Float64Array;
  /** Cells whose edge has the node as an end (CSR by node). */
  nodeCellOffsets: Int32Array;
  nodeCells: Int32Array;
  /** Indices of cells on the network. */
  cells: Int32Array;
  ws: DijkstraWorkspace;
  /**
   * Connected components (CSR: compNodes[compStart[c] … compStart[c+1]-1] are the nodes of component
   * c) when every edge can be walked both ways: then "can reach a facility" is a property of the whole
   * component and needs no search. Null with one-way (oneway:foot) edges.
   */
  comp: { of: Int32Array; start: Int32Array; nodes: Int32Array } | null;
}

/** A grid prepared for one walking engine: snapped once, then any facility set is timed against it. */
export interface CoverageContext {
  grid: CoverageGrid;
  engine: WalkEngine;
  method: WalkMethod;
  horizonMin: number;
  speedMPerMin: number;
  detourFactor: number;
  /** CELL_NETWORK or CELL_ESTIMATE per cell. */
  cellMethod: Uint8Array;
  /** Cells timed by the estimate (all cells without a graph; off-network cells with one). */
  estimateCells: Int32Array;
  /** kdbush over estimateCells' centres (item k is estimateCells[k]). */
  estimateIndex: KDBush;
  net: NetworkCells | null;
  /** Scratch stamps for de-duplicating cells in incremental updates. */
  cellStamp: Uint32Array;
  cellGen: number;
}

/**
 * Prepares a grid for an engine: with a street graph every cell centre is snapped to its nearest edge
 * (cells farther than the engine's snap limit are timed by the estimate, as the engine itself would
 * time a point there).
 * @param horizonMin minutes up to which times are computed (default 15)
 */
export function prepareCoverage(
  engine: WalkEngine,
  grid: CoverageGrid,
  horizonMin = DEFAULT_HORIZON_MIN,
): CoverageContext {
  const n = grid.count;
  const cellMethod = new Uint8Array(n).fill(CELL_ESTIMATE);
  let net: NetworkCells | null = null;
  if (engine instanceof NetworkWalkEngine) {
    const graph = engine.graph;
    const cellEdge = new Int32Array(n).fill(-1);
    const cellFrac = new Float64Array(n);
    const cellAccess = new Float64Array(n);
    const src = edgeSources(graph);
    const counts = new Int32Array(graph.nodeCount + 1);
    const list: number[] = [];
    for (let c = 0; c < n; c++) {
      const s = engine.snap(grid.lon[c] as number, grid.lat[c] as number);
      if (!s) continue;
      cellEdge[c] = s.edge;
      cellFrac[c] = s.fraction;
      cellAccess[c] = s.distanceM / engine.speedMPerMin;
      cellMethod[c] = CELL_NETWORK;
      list.push(c);
      counts[s.from + 1] = (counts[s.from + 1] as number) + 1;
      if (s.to !== s.from) counts[s.to + 1] = (counts[s.to + 1] as number) + 1;
    }
    for (let v = 0; v < graph.nodeCount; v++)
      counts[v + 1] = (counts[v + 1] as number) + (counts[v] as number);
    const nodeCells = new Int32Array(counts[graph.nodeCount] as number);
    const fill = counts.slice(0, graph.nodeCount);
    for (const c of list) {
      const e = cellEdge[c] as number;
      const a = src[e] as number;
      const b = graph.target[e] as number;
      nodeCells[(fill[a] as number)++] = c;
      if (b !== a) nodeCells[(fill[b] as number)++] = c;
    }
    net = {
      engine,
      graph,
      costs: engine.costs,
      twins: edgeTwins(graph),
      src,
      cellEdge,
      cellFrac,
      cellAccess,
      nodeCellOffsets: counts,
      nodeCells,
      cells: Int32Array.from(list),
      ws: new DijkstraWorkspace(graph.nodeCount),
      comp: components(graph, edgeTwins(graph)),
    };
  }
  const estimate: number[] = [];
  for (let c = 0; c < n; c++) if (cellMethod[c] === CELL_ESTIMATE) estimate.push(c);
  const estimateIndex = new KDBush(Math.max(1, estimate.length), 64, Float64Array);
  for (const c of estimate) estimateIndex.add(grid.lon[c] as number, grid.lat[c] as number);
  // kdbush rejects an empty index; a placeholder far outside any query keeps the code path uniform.
  if (estimate.length === 0) estimateIndex.add(1e9, 1e9);
  estimateIndex.finish();
  return {
    grid,
    engine,
    method: engine.method,
    horizonMin,
    speedMPerMin: engine.speedMPerMin,
    detourFactor: engine.detourFactor,
    cellMethod,
    estimateCells: Int32Array.from(estimate),
    estimateIndex,
    net,
    cellStamp: new Uint32Array(n),
    cellGen: 0,
  };
}

/** One category's times over a grid. Arrays are indexed by cell. */
export interface CoverageLayer {
  /** Minutes to the nearest facility; Infinity beyond the horizon (or unreachable: see `reach`). */
  minutes: Float32Array;
  /** Label of the nearest facility (its index in the list timed; what-if sites follow), -1 when none. */
  source: Int32Array;
  /** 1 when some facility can be walked to at all, however far; 0 when none can (or none exists). */
  reach: Uint8Array;
  /** Network only: 1 for nodes from which some facility can be reached. */
  nodeReach: Uint8Array | null;
  /** Facilities timed so far (including what-if sites applied). */
  pointCount: number;
  /** Ids of facilities off the street network (timed by the estimate only for off-network cells). */
  unsnapped: string[];
}

/** Facilities placed on the network for one search. */
interface Placed {
  snaps: (EdgeSnap | null)[];
  /** Minutes from each facility's snapped point to the facility. */
  access: Float64Array;
  /** Facilities on each directed edge (both directions of their segment). */
  byEdge: Map<number, { facility: number; fraction: number }[]>;
  seeds: Seed[];
  /** Label of facility 0; facility i has label offset + i. */
  offset: number;
}

function place(net: NetworkCells, points: readonly FacilityPoint[], offset: number): Placed {
  const snaps: (EdgeSnap | null)[] = [];
  const access = new Float64Array(points.length);
  const byEdge = new Map<number, { facility: number; fraction: number }[]>();
  const seeds: Seed[] = [];
  const attach = (e: number, facility: number, fraction: number) => {
    const list = byEdge.get(e);
    if (list) list.push({ facility, fraction });
    else byEdge.set(e, [{ facility, fraction }]);
  };
  points.forEach((p, i) => {
    const s = net.engine.snap(p.lon, p.lat);
    snaps.push(s);
    if (!s) return;
    const a = s.distanceM / net.engine.speedMPerMin;
    access[i] = a;
    attach(s.edge, i, s.fraction);
    const tw = net.twins[s.edge] as number;
    if (tw >= 0) attach(tw, i, 1 - s.fraction);
    for (const seed of seedsForSnap(net.graph, net.costs, s, 'to', offset + i))
      seeds.push({ node: seed.node, minutes: seed.minutes + a, source: seed.source as number });
  });
  return { snaps, access, byEdge, seeds, offset };
}

// Result slots of timeOnNetwork (no allocation per cell in the hot loop).
let outMinutes = Infinity;
let outSource = -1;

/**
 * Time from a network cell to the nearest placed facility, using the distances of the last 'to' search
 * in net.ws: through either end of the cell's edge, or straight along the edge when a facility sits on
 * it. Writes outMinutes (including the cell's access leg) and outSource.
 */
function timeOnNetwork(net: NetworkCells, c: number, placed: Placed): void {
  const { ws, costs } = net;
  const e = net.cellEdge[c] as number;
  const t = net.cellFrac[c] as number;
  const tw = net.twins[e] as number;
  const to = net.graph.target[e] as number;
  const from = net.src[e] as number;
  const gen = ws.gen;
  let best = Infinity;
  let source = -1;
  if (ws.stamp[to] === gen) {
    best = (1 - t) * (costs[e] as number) + (ws.dist[to] as number);
    source = ws.source[to] as number;
  }
  if (tw >= 0 && ws.stamp[from] === gen) {
    const m = t * (costs[tw] as number) + (ws.dist[from] as number);
    if (m < best) {
      best = m;
      source = ws.source[from] as number;
    }
  }
  const here = placed.byEdge.size > 0 ? placed.byEdge.get(e) : undefined;
  if (here) {
    for (const entry of here) {
      const dt = entry.fraction - t;
      const along = dt >= 0 ? dt * (costs[e] as number) : tw >= 0 ? -dt * (costs[tw] as number) : Infinity;
      const m = along + (placed.access[entry.facility] as number);
      if (m < best) {
        best = m;
        source = placed.offset + entry.facility;
      }
    }
  }
  outMinutes = best + (net.cellAccess[c] as number);
  outSource = source;
}

/** Whether a network cell can walk to a facility at all, given node reachability. */
function reachOnNetwork(net: NetworkCells, c: number, nodeReach: Uint8Array, placed: Placed | null): boolean {
  const e = net.cellEdge[c] as number;
  const tw = net.twins[e] as number;
  if (nodeReach[net.graph.target[e] as number] === 1) return true;
  if (tw >= 0 && nodeReach[net.src[e] as number] === 1) return true;
  const here = placed?.byEdge.get(e);
  if (here)
    for (const entry of here) if (tw >= 0 || entry.fraction >= (net.cellFrac[c] as number)) return true;
  return false;
}

/**
 * Components of a graph whose every edge has a twin (else null): with two-way edges, reachability is
 * symmetric, so the nodes that can reach a seed are exactly its component.
 */
function components(graph: WalkGraph, twins: Int32Array): NetworkCells['comp'] {
  for (let e = 0; e < graph.edgeCount; e++) if ((twins[e] as number) < 0) return null;
  const n = graph.nodeCount;
  const of = new Int32Array(n).fill(-1);
  const nodes = new Int32Array(n);
  const starts: number[] = [0];
  let filled = 0;
  for (let s = 0; s < n; s++) {
    if (of[s] !== -1) continue;
    const c = starts.length - 1;
    let head = filled;
    of[s] = c;
    nodes[filled++] = s;
    while (head < filled) {
      const v = nodes[head++] as number;
      for (let e = graph.offsets[v] as number, end = graph.offsets[v + 1] as number; e < end; e++) {
        const w = graph.target[e] as number;
        if (of[w] !== -1) continue;
        of[w] = c;
        nodes[filled++] = w;
      }
    }
    starts.push(filled);
  }
  return { of, start: Int32Array.from(starts), nodes };
}

/**
 * Marks every node from which one of the seeds can be walked to, skipping nodes already marked (adding
 * seeds only ever grows the set): whole components when all edges are two-way, else a breadth-first
 * search over the reversed graph.
 * @param collect also return the nodes newly marked (else an empty list)
 */
function markReach(
  net: NetworkCells,
  seeds: readonly Seed[],
  nodeReach: Uint8Array,
  collect: boolean,
): Int32Array {
  const n = net.graph.nodeCount;
  const queue = new Int32Array(n);
  let tail = 0;
  if (net.comp) {
    const { of, start, nodes } = net.comp;
    for (const s of seeds) {
      if (nodeReach[s.node] === 1) continue;
      const c = of[s.node] as number;
      for (let k = start[c] as number, end = start[c + 1] as number; k < end; k++) {
        const v = nodes[k] as number;
        nodeReach[v] = 1;
        if (collect) queue[tail++] = v;
      }
    }
    return queue.subarray(0, tail);
  }
  const { offsets, adj } = reverseAdjacency(net.graph);
  for (const s of seeds) {
    if (nodeReach[s.node] === 1) continue;
    nodeReach[s.node] = 1;
    queue[tail++] = s.node;
  }
  for (let head = 0; head < tail; head++) {
    const v = queue[head] as number;
    for (let k = offsets[v] as number, end = offsets[v + 1] as number; k < end; k++) {
      const w = adj[k] as number;
      if (nodeReach[w] === 1) continue;
      nodeReach[w] = 1;
      queue[tail++] = w;
    }
  }
  return collect ? queue.subarray(0, tail) : queue.subarray(0, 0);
}

/** Estimate radius of the horizon, metres (the engine's own cut-off: minutes × speed / detour). */
function estimateRadiusM(ctx: CoverageContext): number {
  return (ctx.horizonMin * ctx.speedMPerMin) / ctx.detourFactor;
}

/**
 * Calls visit(cell, minutes) for every estimate cell within the horizon of a point, with the engine's
 * estimate (great-circle metres × detour / speed).
 */
function forEstimateCellsNear(
  ctx: CoverageContext,
  lon: number,
  lat: number,
  visit: (cell: number, minutes: number) => void,
): void {
  if (ctx.estimateCells.length === 0) return;
  const r = estimateRadiusM(ctx);
  const dLat = r / METRES_PER_DEGREE;
  const latEdge = Math.min(89.9, Math.abs(lat) + dLat);
  const dLon = r / (METRES_PER_DEGREE * Math.cos((latEdge * Math.PI) / 180));
  const { grid } = ctx;
  for (const k of ctx.estimateIndex.range(lon - dLon, lat - dLat, lon + dLon, lat + dLat)) {
    const c = ctx.estimateCells[k] as number;
    const d = haversineM(lon, lat, grid.lon[c] as number, grid.lat[c] as number);
    if (d > r) continue;
    visit(c, (d * ctx.detourFactor) / ctx.speedMPerMin);
  }
}

/**
 * Times every cell to the nearest of `points` (one category): network cells by one multi-source
 * Dijkstra towards the facilities cut at the horizon, estimate cells by a radius query per facility.
 * Equals asking the engine `nearest(cell centre, k = 1, horizon)` for every cell (see the tests).
 */
export function computeLayer(ctx: CoverageContext, points: readonly FacilityPoint[]): CoverageLayer {
  const n = ctx.grid.count;
  const minutes = new Float32Array(n).fill(Infinity);
  const source = new Int32Array(n).fill(-1);
  const reach = new Uint8Array(n);
  const net = ctx.net;
  let nodeReach: Uint8Array | null = null;
  const unsnapped: string[] = [];
  if (net) {
    const placed = place(net, points, 0);
    placed.snaps.forEach((s, i) => {
      if (!s) unsnapped.push((points[i] as FacilityPoint).id);
    });
    boundedDijkstra(net.graph, net.costs, placed.seeds, ctx.horizonMin, net.ws, 'to');
    nodeReach = new Uint8Array(net.graph.nodeCount);
    markReach(net, placed.seeds, nodeReach, false);
    for (let k = 0; k < net.cells.length; k++) {
      const c = net.cells[k] as number;
      timeOnNetwork(net, c, placed);
      if (outMinutes <= ctx.horizonMin) {
        minutes[c] = outMinutes;
        source[c] = outSource;
      }
      if (reachOnNetwork(net, c, nodeReach, placed)) reach[c] = 1;
    }
  }
  points.forEach((p, i) => {
    forEstimateCellsNear(ctx, p.lon, p.lat, (c, m) => {
      if (m < (minutes[c] as number)) {
        minutes[c] = m;
        source[c] = i;
      }
    });
  });
  if (points.length > 0) for (const c of ctx.estimateCells) reach[c] = 1;
  return { minutes, source, reach, nodeReach, pointCount: points.length, unsnapped };
}

/** A deep copy of a layer (what-if scenarios start from a copy of the base). */
export function cloneLayer(layer: CoverageLayer): CoverageLayer {
  return {
    minutes: layer.minutes.slice(),
    source: layer.source.slice(),
    reach: layer.reach.slice(),
    nodeReach: layer.nodeReach?.slice() ?? null,
    pointCount: layer.pointCount,
    unsnapped: [...layer.unsnapped],
  };
}

/** Cells an incremental update changed, with their values before it. */
export interface LayerChange {
  cells: Int32Array;
  oldMinutes: Float32Array;
  oldReach: Uint8Array;
}

/**
 * Adds one facility (a proposed what-if site) to a layer in place, touching only the cells it can
 * reach: a bounded Dijkstra from the site alone, a breadth-first search that stops at nodes already
 * able to reach a facility, and a radius query for estimate cells. The result equals recomputing the
 * layer with the site appended (see the property test).
 * @param label source label recorded for cells the site now serves (conventionally pointCount)
 */
export function addFacility(
  ctx: CoverageContext,
  layer: CoverageLayer,
  site: FacilityPoint,
  label: number,
): LayerChange {
  const cells: number[] = [];
  const oldMinutes: number[] = [];
  const oldReach: number[] = [];
  ctx.cellGen++;
  if (ctx.cellGen === 0xffffffff) {
    ctx.cellStamp.fill(0);
    ctx.cellGen = 1;
  }
  const gen = ctx.cellGen;
  const record = (c: number) => {
    if (ctx.cellStamp[c] === gen) return;
    ctx.cellStamp[c] = gen;
    cells.push(c);
    oldMinutes.push(layer.minutes[c] as number);
    oldReach.push(layer.reach[c] as number);
  };
  const net = ctx.net;
  if (net) {
    const placed = place(net, [site], label);
    const snap = placed.snaps[0];
    if (!snap) layer.unsnapped.push(site.id);
    else {
      boundedDijkstra(net.graph, net.costs, placed.seeds, ctx.horizonMin, net.ws, 'to');
      const { nodeCellOffsets: off, nodeCells } = net;
      const touch = (v: number, fn: (c: number) => void) => {
        for (let k = off[v] as number, end = off[v + 1] as number; k < end; k++) fn(nodeCells[k] as number);
      };
      const time = (c: number) => {
        timeOnNetwork(net, c, placed);
        if (outMinutes <= ctx.horizonMin && Math.fround(outMinutes) < (layer.minutes[c] as number)) {
          record(c);
          layer.minutes[c] = outMinutes;
          layer.source[c] = outSource;
        }
      };
      for (let k = 0; k < net.ws.settledCount; k++) touch(net.ws.settled[k] as number, time);
      // Cells on the site's own edge can be near it even when both ends lie beyond the horizon.
      touch(snap.from, time);
      touch(snap.to, time);
      const nodeReach = layer.nodeReach as Uint8Array;
      const reachable = (c: number) => {
        if (layer.reach[c] === 1 || !reachOnNetwork(net, c, nodeReach, placed)) return;
        record(c);
        layer.reach[c] = 1;
      };
      for (const v of markReach(net, placed.seeds, nodeReach, true)) touch(v, reachable);
      touch(snap.from, reachable);
      touch(snap.to, reachable);
    }
  }
  forEstimateCellsNear(ctx, site.lon, site.lat, (c, m) => {
    if (Math.fround(m) < (layer.minutes[c] as number)) {
      record(c);
      layer.minutes[c] = m;
      layer.source[c] = label;
    }
  });
  if (layer.pointCount === 0) {
    for (const c of ctx.estimateCells) {
      if (layer.reach[c] === 1) continue;
      record(c);
      layer.reach[c] = 1;
    }
  }
  layer.pointCount++;
  return {
    cells: Int32Array.from(cells),
    oldMinutes: Float32Array.from(oldMinutes),
    oldReach: Uint8Array.from(oldReach),
  };
}

export { bandClass } from './ramp';
