// Each facility's marginal contribution: the coverage lost if it alone closed (nearest and second-nearest).

import { reverseAdjacency } from '../walk/dijkstra';
import type { FacilityPoint } from '../walk/facilities';
import { haversineM, METRES_PER_DEGREE } from '../walk/geo';
import { MinHeap } from '../walk/heap';
import type { CoverageContext, NetworkCells } from './context';
import { type Placed, place } from './network_times';

/** Coverage a facility alone provides, per band (cumulative bands, e.g. 5/10/15). */
export interface MarginalRow {
  /** Index of the facility in the list given. */
  index: number;
  id: string;
  /** Area (m²) within each band of this facility whose next-nearest facility is beyond the band. */
  lostAreaM2: number[];
  /** The same weighted by population (null without a population grid). */
  lostPop: number[] | null;
  /** Area (m²) for which this facility is the nearest within each band. */
  servedAreaM2: number[];
}

/** Per cell: nearest and second-nearest distinct facility (times in minutes, labels). */
interface TopTwo {
  b1: Float64Array;
  s1: Int32Array;
  b2: Float64Array;
  s2: Int32Array;
}

function offer(t: TopTwo, c: number, m: number, s: number): void {
  const s1 = t.s1[c] as number;
  if (s === s1) {
    if (m < (t.b1[c] as number)) t.b1[c] = m;
    return;
  }
  if (m < (t.b1[c] as number)) {
    t.b2[c] = t.b1[c] as number;
    t.s2[c] = s1;
    t.b1[c] = m;
    t.s1[c] = s;
  } else if (m < (t.b2[c] as number)) {
    t.b2[c] = m;
    t.s2[c] = s;
  }
}

/**
 * Two-label multi-source Dijkstra towards the facilities: every node learns its nearest and its
 * second-nearest *distinct* facility within the horizon. A node's second-nearest is reached along a
 * path whose nodes all have that facility among their two nearest, so settling at most two labels per
 * node (with distinct sources) is exact.
 */
function twoNearestOnNodes(
  net: NetworkCells,
  points: readonly FacilityPoint[],
  horizonMin: number,
): { d1: Float64Array; s1: Int32Array; d2: Float64Array; s2: Int32Array; placed: Placed } {
  const n = net.graph.nodeCount;
  const d1 = new Float64Array(n).fill(Infinity);
  const d2 = new Float64Array(n).fill(Infinity);
  const s1 = new Int32Array(n).fill(-1);
  const s2 = new Int32Array(n).fill(-1);
  const count = new Uint8Array(n);
  let entryNode = new Int32Array(1024);
  let entrySrc = new Int32Array(1024);
  let entries = 0;
  const heap = new MinHeap(1024);
  const push = (v: number, s: number, d: number) => {
    if (d > horizonMin) return;
    const k = count[v] as number;
    if (k === 2 || (k === 1 && s1[v] === s)) return;
    if (entries === entryNode.length) {
      const a = new Int32Array(entries * 2);
      a.set(entryNode);
      entryNode = a;
      const b = new Int32Array(entries * 2);
      b.set(entrySrc);
      entrySrc = b;
    }
    entryNode[entries] = v;
    entrySrc[entries] = s;
    heap.push(entries++, d);
  };
  const placed = place(net, points, 0);
  for (const seed of placed.seeds) push(seed.node, seed.source as number, seed.minutes);
  const { offsets, adj, edgeId } = reverseAdjacency(net.graph);
  const costs = net.costs;
  while (heap.size > 0) {
    const k = heap.pop();
    const d = heap.lastKey;
    const v = entryNode[k] as number;
    const s = entrySrc[k] as number;
    const c = count[v] as number;
    if (c === 2 || (c === 1 && s1[v] === s)) continue;
    if (c === 0) {
      d1[v] = d;
      s1[v] = s;
    } else {
      d2[v] = d;
      s2[v] = s;
    }
    count[v] = c + 1;
    for (let j = offsets[v] as number, end = offsets[v + 1] as number; j < end; j++) {
      const e = edgeId ? (edgeId[j] as number) : j;
      push(adj[j] as number, s, d + (costs[e] as number));
    }
  }
  return { d1, s1, d2, s2, placed };
}

/**
 * Nearest and second-nearest facility of every cell within the horizon, with the same rules as
 * computeLayer (network cells through the street graph, off-network cells by the estimate).
 */
export function twoNearest(ctx: CoverageContext, points: readonly FacilityPoint[]): TopTwo {
  const n = ctx.grid.count;
  const t: TopTwo = {
    b1: new Float64Array(n).fill(Infinity),
    s1: new Int32Array(n).fill(-1),
    b2: new Float64Array(n).fill(Infinity),
    s2: new Int32Array(n).fill(-1),
  };
  const net = ctx.net;
  if (net) {
    const nodes = twoNearestOnNodes(net, points, ctx.horizonMin);
    const { costs, twins, src, cellEdge, cellFrac, cellAccess } = net;
    for (const c of net.cells) {
      const e = cellEdge[c] as number;
      const f = cellFrac[c] as number;
      const tw = twins[e] as number;
      const a = cellAccess[c] as number;
      const to = net.graph.target[e] as number;
      const from = src[e] as number;
      const viaTo = (1 - f) * (costs[e] as number) + a;
      offer(t, c, viaTo + (nodes.d1[to] as number), nodes.s1[to] as number);
      offer(t, c, viaTo + (nodes.d2[to] as number), nodes.s2[to] as number);
      if (tw >= 0) {
        const viaFrom = f * (costs[tw] as number) + a;
        offer(t, c, viaFrom + (nodes.d1[from] as number), nodes.s1[from] as number);
        offer(t, c, viaFrom + (nodes.d2[from] as number), nodes.s2[from] as number);
      }
      for (const entry of nodes.placed.byEdge.get(e) ?? []) {
        const dt = entry.fraction - f;
        const along = dt >= 0 ? dt * (costs[e] as number) : tw >= 0 ? -dt * (costs[tw] as number) : Infinity;
        offer(t, c, along + (nodes.placed.access[entry.facility] as number) + a, entry.facility);
      }
      // Labels beyond the horizon (or of no facility) are not coverage.
      if ((t.b1[c] as number) > ctx.horizonMin) {
        t.b1[c] = Infinity;
        t.s1[c] = -1;
      }
      if ((t.b2[c] as number) > ctx.horizonMin) {
        t.b2[c] = Infinity;
        t.s2[c] = -1;
      }
    }
  }
  if (ctx.estimateCells.length > 0) {
    const r = (ctx.horizonMin * ctx.speedMPerMin) / ctx.detourFactor;
    const { grid } = ctx;
    points.forEach((p, i) => {
      const dLat = r / METRES_PER_DEGREE;
      const latEdge = Math.min(89.9, Math.abs(p.lat) + dLat);
      const dLon = r / (METRES_PER_DEGREE * Math.cos((latEdge * Math.PI) / 180));
      for (const k of ctx.estimateIndex.range(p.lon - dLon, p.lat - dLat, p.lon + dLon, p.lat + dLat)) {
        const c = ctx.estimateCells[k] as number;
        const d = haversineM(p.lon, p.lat, grid.lon[c] as number, grid.lat[c] as number);
        if (d <= r) offer(t, c, (d * ctx.detourFactor) / ctx.speedMPerMin, i);
      }
    });
  }
  return t;
}

/**
 * What each facility alone adds: for every band, the area (and population) whose nearest facility it
 * is within the band while the next-nearest lies beyond the band — the coverage lost if it closed.
 * @param bands cumulative bands in minutes, each ≤ the context's horizon
 * @param pop people per cell (null: area only)
 */
export function marginalContributions(
  ctx: CoverageContext,
  points: readonly FacilityPoint[],
  bands: readonly number[],
  pop: Float64Array | null = null,
): MarginalRow[] {
  const t = twoNearest(ctx, points);
  const rows: MarginalRow[] = points.map((p, index) => ({
    index,
    id: p.id,
    lostAreaM2: bands.map(() => 0),
    lostPop: pop ? bands.map(() => 0) : null,
    servedAreaM2: bands.map(() => 0),
  }));
  const area = ctx.grid.areaM2;
  for (let c = 0; c < ctx.grid.count; c++) {
    const s = t.s1[c] as number;
    if (s < 0) continue;
    const row = rows[s] as MarginalRow;
    const m1 = Math.fround(t.b1[c] as number);
    const m2 = Math.fround(t.b2[c] as number);
    bands.forEach((b, k) => {
      if (m1 > b) return;
      row.servedAreaM2[k] = (row.servedAreaM2[k] as number) + (area[c] as number);
      if (m2 <= b) return;
      row.lostAreaM2[k] = (row.lostAreaM2[k] as number) + (area[c] as number);
      if (row.lostPop && pop) row.lostPop[k] = (row.lostPop[k] as number) + (pop[c] as number);
    });
  }
  return rows;
}
