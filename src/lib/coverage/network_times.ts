// Facilities placed on the street network, and a network cell's time and reachability from them.

import { reverseAdjacency, type Seed } from '../walk/dijkstra';
import type { FacilityPoint } from '../walk/facilities';
import { type EdgeSnap, seedsForSnap } from '../walk/snap';
import type { NetworkCells } from './context';

/** Facilities placed on the network for one search. */
export interface Placed {
  snaps: (EdgeSnap | null)[];
  /** Minutes from each facility's snapped point to the facility. */
  access: Float64Array;
  /** Facilities on each directed edge (both directions of their segment). */
  byEdge: Map<number, { facility: number; fraction: number }[]>;
  seeds: Seed[];
  /** Label of facility 0; facility i has label offset + i. */
  offset: number;
}

/**
 * Snaps facilities to the network and gives the seeds of a search towards them: each facility's access
 * leg (snap distance at level speed, minutes) is added to the seeds of its snapped point.
 * @param offset label of the first facility (labels follow in list order)
 */
export function place(net: NetworkCells, points: readonly FacilityPoint[], offset: number): Placed {
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

/** Result slots of timeOnNetwork (no allocation per cell in the hot loop): minutes and source label. */
export const networkTime = { minutes: Infinity, source: -1 };

/**
 * Time from a network cell to the nearest placed facility, using the distances of the last 'to' search
 * in net.ws: through either end of the cell's edge, or straight along the edge when a facility sits on
 * it. Writes networkTime.minutes (including the cell's access leg) and networkTime.source.
 */
export function timeOnNetwork(net: NetworkCells, c: number, placed: Placed): void {
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
  networkTime.minutes = best + (net.cellAccess[c] as number);
  networkTime.source = source;
}

/** Whether a network cell can walk to a facility at all, given node reachability. */
export function reachOnNetwork(
  net: NetworkCells,
  c: number,
  nodeReach: Uint8Array,
  placed: Placed | null,
): boolean {
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
 * Marks every node from which one of the seeds can be walked to, skipping nodes already marked (adding
 * seeds only ever grows the set): whole components when all edges are two-way, else a breadth-first
 * search over the reversed graph.
 * @param collect also return the nodes newly marked (else an empty list)
 */
export function markReach(
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
