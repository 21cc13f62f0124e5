// Positions along polyline edges: the point at a fraction of an edge and the sub-polyline between two.

import { haversineM } from './geo.ts';
import type { WalkGraph } from './graph.ts';

/**
 * Distance of every shape point from the start of its chain, metres (haversine per segment), computed
 * once per graph and cached. The chain's total is its last point's entry.
 */
export function shapeCumulativeM(graph: WalkGraph): Float64Array {
  let cum = cumCache.get(graph);
  if (cum) return cum;
  const { offsets, lon, lat } = graph.shape;
  cum = new Float64Array(lon.length);
  for (let c = 0; c + 1 < offsets.length; c++) {
    let d = 0;
    for (let p = offsets[c] as number, end = offsets[c + 1] as number; p < end; p++) {
      if (p > (offsets[c] as number))
        d += haversineM(lon[p - 1] as number, lat[p - 1] as number, lon[p] as number, lat[p] as number);
      cum[p] = d;
    }
  }
  cumCache.set(graph, cum);
  return cum;
}
const cumCache = new WeakMap<WalkGraph, Float64Array>();

/** Chain of edge e, whether the edge runs against it, and the chain's first/last point and length. */
function chainOf(graph: WalkGraph, e: number, cum: Float64Array) {
  const c = graph.shape.chain[e] as number;
  const reversed = c < 0;
  const ci = reversed ? ~c : c;
  const first = graph.shape.offsets[ci] as number;
  const last = (graph.shape.offsets[ci + 1] as number) - 1;
  return { reversed, first, last, total: (cum[last] as number) - (cum[first] as number) };
}

/** Index p of the chain segment (p, p+1) containing distance d from the chain start. */
function segmentAt(cum: Float64Array, first: number, last: number, d: number): number {
  let lo = first;
  let hi = last - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((cum[mid] as number) - (cum[first] as number) <= d) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Writes the point at distance d (metres, 0 … total) from the start of the chain first…last to
 * out[at], out[at + 1], interpolated linearly in degrees within the segment that holds it: the one
 * formula behind edgePointAt and routes, so both give the same bits.
 */
export function chainPointInto(
  graph: WalkGraph,
  cum: Float64Array,
  first: number,
  last: number,
  d: number,
  out: Float64Array,
  at: number,
): void {
  const { lon, lat } = graph.shape;
  const p = segmentAt(cum, first, last, d);
  const seg = (cum[p + 1] as number) - (cum[p] as number);
  const u = seg > 0 ? Math.max(0, Math.min(1, (d - ((cum[p] as number) - (cum[first] as number))) / seg)) : 0;
  const ax = lon[p] as number;
  const ay = lat[p] as number;
  out[at] = ax + ((lon[p + 1] as number) - ax) * u;
  out[at + 1] = ay + ((lat[p + 1] as number) - ay) * u;
}

const pointBuf = new Float64Array(4);

/**
 * The point at fraction t (0 … 1 of its length, in the edge's direction) along edge e, interpolated
 * linearly in degrees within the segment that holds it.
 * @returns [lon, lat] degrees
 */
export function edgePointAt(graph: WalkGraph, e: number, t: number): [number, number] {
  const cum = shapeCumulativeM(graph);
  const { reversed, first, last, total } = chainOf(graph, e, cum);
  chainPointInto(graph, cum, first, last, (reversed ? 1 - t : t) * total, pointBuf, 0);
  return [pointBuf[0] as number, pointBuf[1] as number];
}

/**
 * Calls `point` for the polyline of edge e from fraction t0 to t1 (t0 ≤ t1, the edge's direction):
 * the point at t0, the shape points strictly between, the point at t1.
 */
export function edgeSubline(
  graph: WalkGraph,
  e: number,
  t0: number,
  t1: number,
  point: (lon: number, lat: number) => void,
): void {
  const cum = shapeCumulativeM(graph);
  const { reversed, first, last, total } = chainOf(graph, e, cum);
  const { lon, lat } = graph.shape;
  const d0 = (reversed ? 1 - t0 : t0) * total;
  const d1 = (reversed ? 1 - t1 : t1) * total;
  chainPointInto(graph, cum, first, last, d0, pointBuf, 0);
  chainPointInto(graph, cum, first, last, d1, pointBuf, 2);
  const b0 = pointBuf[2] as number;
  const b1 = pointBuf[3] as number;
  point(pointBuf[0] as number, pointBuf[1] as number);
  const base = cum[first] as number;
  if (!reversed) {
    for (let p = first + 1; p < last; p++) {
      const d = (cum[p] as number) - base;
      if (d > d0 && d < d1) point(lon[p] as number, lat[p] as number);
    }
  } else {
    for (let p = last - 1; p > first; p--) {
      const d = (cum[p] as number) - base;
      if (d < d0 && d > d1) point(lon[p] as number, lat[p] as number);
    }
  }
  point(b0, b1);
}
