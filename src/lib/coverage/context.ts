// A grid prepared for one walking engine: every cell snapped once (or marked for the estimate), then any
// facility set can be timed against it (compute.ts).

import KDBush from 'kdbush';
import { DijkstraWorkspace } from '../walk/dijkstra';
import { NetworkWalkEngine, type WalkEngine, type WalkMethod } from '../walk/engine';
import { edgeSources, edgeTwins, type WalkGraph } from '../walk/graph';
import { CELL_ESTIMATE, CELL_NETWORK } from './cell_method';
import type { CoverageGrid } from './grid';

/** Times are computed up to this many minutes (the widest band); farther cells only learn "more". */
export const DEFAULT_HORIZON_MIN = 15;

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
