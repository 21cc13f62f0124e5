// The river as a frame for walking beside it: centre lines joined into chains, and for any point its
// distance along the chain, its side (left or right bank) and its distance from the water's centre line.

import Flatbush from 'flatbush';
import { haversineM, METRES_PER_DEGREE, metresPerDegreeLon, projectOnSegment } from '../walk/geo';

/** [longitude, latitude] in WGS-84 degrees. */
export type LonLat = [number, number];

/** Line ends closer than this are the same point when chaining river ways, metres. */
const JOIN_M = 5;
/** Sample spacing when checking that a straight walk stays on one bank, metres. */
const SIDE_STEP_M = 20;

/** A chain of river ways end to end, with the cumulative length at each vertex (metres). */
export interface RiverChain {
  coords: LonLat[];
  cum: Float64Array;
}

export interface RiverFrame {
  chains: RiverChain[];
  /** Segments of all chains: chain index and index of the segment's first vertex. */
  segChain: Uint32Array;
  segStart: Uint32Array;
  index: Flatbush | null;
}

/** Where a point lies relative to the river. */
export interface RiverPosition {
  chain: number;
  /** Distance along the chain to the foot of the perpendicular, metres. */
  along: number;
  /** +1 left of the chain's direction, −1 right (0: on the line). */
  side: -1 | 0 | 1;
  /** Distance to the centre line, metres. */
  dist: number;
}

/** Joins lines whose ends meet (either direction) into chains, longest first. */
function chainLines(lines: readonly (readonly LonLat[])[]): LonLat[][] {
  const pool = lines.filter((l) => l.length >= 2).map((l) => l.map((p) => [p[0], p[1]] as LonLat));
  const chains: LonLat[][] = [];
  const near = (a: LonLat, b: LonLat) => haversineM(a[0], a[1], b[0], b[1]) <= JOIN_M;
  while (pool.length) {
    let chain = pool.shift() as LonLat[];
    let grown = true;
    while (grown) {
      grown = false;
      for (let i = 0; i < pool.length; i++) {
        const l = pool[i] as LonLat[];
        const head = chain[0] as LonLat;
        const tail = chain[chain.length - 1] as LonLat;
        let joined: LonLat[] | null = null;
        if (near(tail, l[0] as LonLat)) joined = [...chain, ...l.slice(1)];
        else if (near(tail, l[l.length - 1] as LonLat)) joined = [...chain, ...l.slice(0, -1).reverse()];
        else if (near(head, l[l.length - 1] as LonLat)) joined = [...l.slice(0, -1), ...chain];
        else if (near(head, l[0] as LonLat)) joined = [...l.slice(1).reverse(), ...chain];
        if (joined) {
          chain = joined;
          pool.splice(i, 1);
          grown = true;
          break;
        }
      }
    }
    chains.push(chain);
  }
  const length = (c: LonLat[]) =>
    c.reduce((s, p, i) => (i ? s + haversineM(c[i - 1]![0], c[i - 1]![1], p[0], p[1]) : 0), 0);
  return chains
    .map((c) => ({ c, len: length(c), key: `${c[0]![0]},${c[0]![1]}` }))
    .sort((a, b) => b.len - a.len || a.key.localeCompare(b.key))
    .map((x) => x.c);
}

/** Builds the frame from river centre lines (e.g. OSM `waterway=river` ways). */
export function buildRiverFrame(lines: readonly (readonly LonLat[])[]): RiverFrame {
  const chains: RiverChain[] = chainLines(lines).map((coords) => {
    const cum = new Float64Array(coords.length);
    for (let i = 1; i < coords.length; i++) {
      const a = coords[i - 1] as LonLat;
      const b = coords[i] as LonLat;
      cum[i] = (cum[i - 1] as number) + haversineM(a[0], a[1], b[0], b[1]);
    }
    return { coords, cum };
  });
  const n = chains.reduce((s, c) => s + c.coords.length - 1, 0);
  const segChain = new Uint32Array(n);
  const segStart = new Uint32Array(n);
  const index = n > 0 ? new Flatbush(n) : null;
  let k = 0;
  chains.forEach((c, ci) => {
    for (let i = 1; i < c.coords.length; i++) {
      const a = c.coords[i - 1] as LonLat;
      const b = c.coords[i] as LonLat;
      segChain[k] = ci;
      segStart[k] = i - 1;
      index?.add(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]));
      k++;
    }
  });
  index?.finish();
  return { chains, segChain, segStart, index };
}

/**
 * The point's position beside the river: nearest centre-line segment (within `maxM`, default 5 km),
 * the distance along its chain, the bank and the distance. Null when no river is that close.
 */
export function locate(frame: RiverFrame, p: LonLat, maxM = 5000): RiverPosition | null {
  if (!frame.index) return null;
  const kx = metresPerDegreeLon(p[1]);
  let best: { seg: number; t: number; d2: number } | null = null;
  // Search boxes growing ×4 from 250 m: a segment nearer than the box's half width must touch the box, so
  // the nearest found within it is the nearest overall (most points are near the river: one small search).
  for (let r = Math.min(250, maxM); ; r = Math.min(maxM, r * 4)) {
    const dLat = r / METRES_PER_DEGREE;
    const dLon = r / kx;
    for (const seg of frame.index.search(p[0] - dLon, p[1] - dLat, p[0] + dLon, p[1] + dLat)) {
      const c = frame.chains[frame.segChain[seg] as number] as RiverChain;
      const i = frame.segStart[seg] as number;
      const a = c.coords[i] as LonLat;
      const b = c.coords[i + 1] as LonLat;
      const q = projectOnSegment(p[0], p[1], a[0], a[1], b[0], b[1], kx);
      // Ties (a point level with a vertex) go to the lower segment number, so answers are stable.
      if (!best || q.d2 < best.d2 - 1e-9 || (Math.abs(q.d2 - best.d2) <= 1e-9 && seg < best.seg))
        best = { seg, t: q.t, d2: q.d2 };
    }
    if ((best && best.d2 <= r * r) || r >= maxM) break;
    best = null;
  }
  if (!best || best.d2 > maxM * maxM) return null;
  const chain = frame.segChain[best.seg] as number;
  const c = frame.chains[chain] as RiverChain;
  const i = frame.segStart[best.seg] as number;
  const a = c.coords[i] as LonLat;
  const b = c.coords[i + 1] as LonLat;
  const along = (c.cum[i] as number) + best.t * ((c.cum[i + 1] as number) - (c.cum[i] as number));
  const cross =
    (b[0] - a[0]) * kx * (p[1] - a[1]) * METRES_PER_DEGREE -
    (b[1] - a[1]) * METRES_PER_DEGREE * (p[0] - a[0]) * kx;
  const dist = Math.sqrt(best.d2);
  return { chain, along, side: dist < 0.5 ? 0 : cross > 0 ? 1 : -1, dist };
}

/**
 * Whether the straight walk a→b stays on one bank: samples every ~20 m must all lie on the same side
 * of the river and at least `clearM` from its centre line, except within `endSlackM` of either end
 * (a bridge stop sits on the river itself). Bank is judged per sample against the nearest segment.
 */
export function staysOnBank(frame: RiverFrame, a: LonLat, b: LonLat, endSlackM = 0, clearM = 1): boolean {
  const len = haversineM(a[0], a[1], b[0], b[1]);
  const steps = Math.max(1, Math.ceil(len / SIDE_STEP_M));
  let side = 0;
  for (let k = 0; k <= steps; k++) {
    const t = k / steps;
    const fromEnd = Math.min(t, 1 - t) * len;
    if (fromEnd < endSlackM) continue;
    const pos = locate(frame, [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t], 50_000);
    if (!pos) continue;
    if (pos.dist < clearM) return false;
    if (side === 0) side = pos.side;
    else if (pos.side !== side) return false;
  }
  return true;
}
