// Polygon ring checks in n·log n: repeated vertices, zero area, crossings (flatbush-indexed segments), holes.

import Flatbush from 'flatbush';
import type { Position } from './feature';

/** Rings whose absolute shoelace area is at most this (degrees², ≈ 1e-5 m² here) have no area. */
export const ZERO_AREA_DEG2 = 1e-15;
/** `tick` is called after this many segments (or positions) of work. */
export const TICK_UNITS = 4096;

/** A ring without consecutive repeated positions (the closing position kept). Returns `ring` if none. */
export function dropRepeats(ring: readonly Position[]): Position[] {
  let repeats = false;
  for (let i = 1; i < ring.length && !repeats; i++) {
    const a = ring[i - 1] as Position;
    const b = ring[i] as Position;
    repeats = a[0] === b[0] && a[1] === b[1];
  }
  if (!repeats) return ring as Position[];
  const out: Position[] = [ring[0] as Position];
  for (let i = 1; i < ring.length; i++) {
    const a = out[out.length - 1] as Position;
    const b = ring[i] as Position;
    if (a[0] !== b[0] || a[1] !== b[1]) out.push(b);
  }
  return out;
}

/** Signed area (shoelace, degrees²): positive for counter-clockwise rings. */
export function signedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j] as Position;
    const b = ring[i] as Position;
    sum += (a[0] - b[0]) * (a[1] + b[1]);
  }
  return sum / 2;
}

const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) => {
  const v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
};
const within = (a: number, b: number, v: number) => v >= Math.min(a, b) && v <= Math.max(a, b);

/**
 * Where segments p1-p2 and q1-q2 meet (a crossing, a touching endpoint or a collinear overlap), or null.
 * @param shared true when the segments are neighbours in one ring: meeting only at the shared vertex is
 *   then allowed, and only a fold back along the previous segment (a spike) counts.
 */
function meet(p1: Position, p2: Position, q1: Position, q2: Position, shared: boolean): Position | null {
  const [ax, ay] = p1;
  const [bx, by] = p2;
  const [cx, cy] = q1;
  const [dx, dy] = q2;
  const o1 = orient(ax, ay, bx, by, cx, cy);
  const o2 = orient(ax, ay, bx, by, dx, dy);
  const o3 = orient(cx, cy, dx, dy, ax, ay);
  const o4 = orient(cx, cy, dx, dy, bx, by);
  if (shared) {
    // p2 === q1. They overlap beyond it only when q2 lies on p1-p2 or p1 on q1-q2 (collinear, folding back).
    if (o2 !== 0) return null;
    const foldsBack = (dx - bx) * (ax - bx) + (dy - by) * (ay - by) > 0;
    return foldsBack ? p2 : null;
  }
  if (o1 !== o2 && o3 !== o4 && o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0) {
    const den = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx);
    const t = ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / den;
    return [ax + t * (bx - ax), ay + t * (by - ay)];
  }
  if (o1 === 0 && within(ax, bx, cx) && within(ay, by, cy)) return q1;
  if (o2 === 0 && within(ax, bx, dx) && within(ay, by, dy)) return q2;
  if (o3 === 0 && within(cx, dx, ax) && within(cy, dy, ay)) return p1;
  if (o4 === 0 && within(cx, dx, bx) && within(cy, dy, by)) return p2;
  return null;
}

/**
 * The first place where the closed rings of one polygon meet themselves or each other, or null when the
 * polygon is simple. Rings must be closed and free of consecutive repeats (see dropRepeats). Segments are
 * indexed in a flatbush R-tree and each is tested only against those whose boxes overlap its own:
 * O(n log n) for real shapes (bench/import.ts compares it with a sweep-line library and turf's kinks).
 * @param rings closed rings (lon/lat degrees)
 * @param tick called with units of work done (for progress and the time budget; it may throw to stop)
 */
export function findRingCrossing(
  rings: readonly (readonly Position[])[],
  tick?: (units: number) => void,
): Position | null {
  let n = 0;
  for (const r of rings) n += Math.max(0, r.length - 1);
  if (n === 0) return null;
  const ringOf = new Uint32Array(n);
  const startOf = new Uint32Array(n);
  const index = new Flatbush(n);
  let k = 0;
  rings.forEach((r, ri) => {
    const start = k;
    for (let i = 0; i + 1 < r.length; i++) {
      const a = r[i] as Position;
      const b = r[i + 1] as Position;
      ringOf[k] = ri;
      startOf[k] = start;
      index.add(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]));
      k++;
    }
  });
  index.finish();
  const seg = (s: number): [Position, Position] => {
    const r = rings[ringOf[s] as number] as readonly Position[];
    const i = s - (startOf[s] as number);
    return [r[i] as Position, r[i + 1] as Position];
  };
  let found: Position | null = null;
  for (let s = 0; s < n && !found; s++) {
    if (tick && s % TICK_UNITS === TICK_UNITS - 1) tick(TICK_UNITS);
    const [p1, p2] = seg(s);
    const ring = ringOf[s] as number;
    const start = startOf[s] as number;
    const count = (rings[ring] as readonly Position[]).length - 1;
    index.search(
      Math.min(p1[0], p2[0]),
      Math.min(p1[1], p2[1]),
      Math.max(p1[0], p2[0]),
      Math.max(p1[1], p2[1]),
      (t) => {
        if (found || t <= s) return false;
        let at: Position | null;
        if (ringOf[t] === ring && (t === s + 1 || (s === start && t === start + count - 1))) {
          // Neighbours: t follows s, or s is the first segment and t the last (they share the ring's start).
          const [q1, q2] = seg(t);
          at = t === s + 1 ? meet(p1, p2, q1, q2, true) : meet(q1, q2, p1, p2, true);
        } else {
          const [q1, q2] = seg(t);
          at = meet(p1, p2, q1, q2, false);
        }
        if (at) found = at;
        return false;
      },
    );
  }
  tick?.(n % TICK_UNITS);
  return found;
}

/**
 * True when the ring encloses no area: all its positions on one line (a bow-tie whose lobes cancel
 * has a zero sum too, but is not collinear: that one is a crossing).
 */
export function isDegenerate(ring: readonly Position[]): boolean {
  if (ring.length < 4) return true;
  const [ax, ay] = ring[0] as Position;
  let far = -1;
  for (let i = 1; i < ring.length && far < 0; i++) {
    const p = ring[i] as Position;
    if (p[0] !== ax || p[1] !== ay) far = i;
  }
  if (far < 0) return true;
  const [bx, by] = ring[far] as Position;
  // Relative to the ring's size, so that a tiny real ring is not called flat.
  const scale = Math.hypot(bx - ax, by - ay);
  for (const [x, y] of ring) {
    if (Math.abs((bx - ax) * (y - ay) - (by - ay) * (x - ax)) > scale * scale * 1e-12) return false;
  }
  return true;
}

/** True when the point lies strictly inside the closed ring (even-odd rule; a point on an edge is outside). */
export function insideRing(point: Position, ring: readonly Position[]): boolean {
  const [x, y] = point;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Position;
    const [xj, yj] = ring[j] as Position;
    if (orient(xj, yj, xi, yi, x, y) === 0 && within(xi, xj, x) && within(yi, yj, y)) return false;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
