// Polygon ring checks in n·log n: repeated vertices, zero area, crossings (flatbush-indexed segments), holes.

import Flatbush from 'flatbush';
import type { Position } from './feature';

/** Rings whose absolute shoelace area is at most this (degrees², ≈ 1e-5 m² here) have no area. */
export const ZERO_AREA_DEG2 = 1e-15;
/** `tick` is called after this many segments (or positions) of work. */
export const TICK_UNITS = 4096;
/** Consecutive segments indexed together by findRingCrossing. */
const BLOCK = 8;

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
 * Where segments a-b and c-d meet (a crossing, a touching endpoint or a collinear overlap), or null.
 * @param shared true when the segments are neighbours in one ring (b === c): meeting only at the shared
 *   vertex is then allowed, and only a fold back along the previous segment (a spike) counts.
 */
function meet(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
  shared: boolean,
): Position | null {
  const o2 = orient(ax, ay, bx, by, dx, dy);
  if (shared) {
    // They overlap beyond b only when d lies on the line a-b on a's side of b (folding back).
    if (o2 !== 0) return null;
    return (dx - bx) * (ax - bx) + (dy - by) * (ay - by) > 0 ? [bx, by] : null;
  }
  const o1 = orient(ax, ay, bx, by, cx, cy);
  const o3 = orient(cx, cy, dx, dy, ax, ay);
  const o4 = orient(cx, cy, dx, dy, bx, by);
  if (o1 !== o2 && o3 !== o4 && o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0) {
    const den = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx);
    const t = ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / den;
    return [ax + t * (bx - ax), ay + t * (by - ay)];
  }
  if (o1 === 0 && within(ax, bx, cx) && within(ay, by, cy)) return [cx, cy];
  if (o2 === 0 && within(ax, bx, dx) && within(ay, by, dy)) return [dx, dy];
  if (o3 === 0 && within(cx, dx, ax) && within(cy, dy, ay)) return [ax, ay];
  if (o4 === 0 && within(cx, dx, bx) && within(cy, dy, by)) return [bx, by];
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
  // Segment s runs from (xy[4s], xy[4s+1]) to (xy[4s+2], xy[4s+3]); box[4s..4s+3] is its bounding box;
  // first[s] and last[s] are the first and last segments of its ring.
  const xy = new Float64Array(4 * n);
  const box = new Float64Array(4 * n);
  const first = new Uint32Array(n);
  const last = new Uint32Array(n);
  // Runs of BLOCK consecutive segments (never across rings) are indexed by their joint box: an eighth of
  // the index searches of one per segment, and neighbouring segments are compared within a run.
  const blockStart: number[] = [];
  let k = 0;
  for (const r of rings) {
    const start = k;
    const end = k + r.length - 2;
    for (let i = 0; i + 1 < r.length; i++) {
      const a = r[i] as Position;
      const b = r[i + 1] as Position;
      xy[4 * k] = a[0];
      xy[4 * k + 1] = a[1];
      xy[4 * k + 2] = b[0];
      xy[4 * k + 3] = b[1];
      box[4 * k] = Math.min(a[0], b[0]);
      box[4 * k + 1] = Math.min(a[1], b[1]);
      box[4 * k + 2] = Math.max(a[0], b[0]);
      box[4 * k + 3] = Math.max(a[1], b[1]);
      first[k] = start;
      last[k] = end;
      if ((k - start) % BLOCK === 0) blockStart.push(k);
      k++;
    }
  }
  blockStart.push(n);
  const blocks = blockStart.length - 1;
  const index = new Flatbush(blocks);
  const blockBox = new Float64Array(4 * blocks);
  for (let b = 0; b < blocks; b++) {
    let x0 = Number.POSITIVE_INFINITY;
    let y0 = Number.POSITIVE_INFINITY;
    let x1 = Number.NEGATIVE_INFINITY;
    let y1 = Number.NEGATIVE_INFINITY;
    for (let t = blockStart[b] as number; t < (blockStart[b + 1] as number); t++) {
      x0 = Math.min(x0, box[4 * t] as number);
      y0 = Math.min(y0, box[4 * t + 1] as number);
      x1 = Math.max(x1, box[4 * t + 2] as number);
      y1 = Math.max(y1, box[4 * t + 3] as number);
    }
    blockBox.set([x0, y0, x1, y1], 4 * b);
    index.add(x0, y0, x1, y1);
  }
  index.finish();

  /** Where segments s < t meet, taking ring neighbours into account. */
  const pair = (s: number, t: number): Position | null => {
    if (
      (box[4 * t] as number) > (box[4 * s + 2] as number) ||
      (box[4 * t + 2] as number) < (box[4 * s] as number) ||
      (box[4 * t + 1] as number) > (box[4 * s + 3] as number) ||
      (box[4 * t + 3] as number) < (box[4 * s + 1] as number)
    ) {
      return null;
    }
    const ax = xy[4 * s] as number;
    const ay = xy[4 * s + 1] as number;
    const bx = xy[4 * s + 2] as number;
    const by = xy[4 * s + 3] as number;
    const cx = xy[4 * t] as number;
    const cy = xy[4 * t + 1] as number;
    const dx = xy[4 * t + 2] as number;
    const dy = xy[4 * t + 3] as number;
    if (t === s + 1 && first[t] === first[s]) return meet(ax, ay, bx, by, cx, cy, dx, dy, true);
    // The ring's last segment ends where its first begins.
    if (s === first[s] && t === last[s]) return meet(cx, cy, dx, dy, ax, ay, bx, by, true);
    return meet(ax, ay, bx, by, cx, cy, dx, dy, false);
  };
  const found: Position[] = [];
  let b = 0;
  const compare = (c: number): boolean => {
    if (found.length > 0 || c < b) return false;
    const s0 = blockStart[b] as number;
    const s1 = blockStart[b + 1] as number;
    const t1 = blockStart[c + 1] as number;
    for (let s = s0; s < s1 && found.length === 0; s++) {
      for (let t = c === b ? s + 1 : (blockStart[c] as number); t < t1; t++) {
        const at = pair(s, t);
        if (at) {
          found.push(at);
          break;
        }
      }
    }
    return false;
  };
  for (b = 0; b < blocks && found.length === 0; b++) {
    tick?.((blockStart[b + 1] as number) - (blockStart[b] as number));
    index.search(
      blockBox[4 * b] as number,
      blockBox[4 * b + 1] as number,
      blockBox[4 * b + 2] as number,
      blockBox[4 * b + 3] as number,
      compare,
    );
  }
  return found[0] ?? null;
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
