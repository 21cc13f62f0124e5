// Clipping of lines and polygons to the import's bbox, so features crossing its edge stop at the edge.

import type { Geometry, Position } from 'geojson';
import type { Bbox } from '../../../src/lib/walk/osm_extract.ts';

function boundsOf(coords: readonly Position[]): Bbox {
  let w = Number.POSITIVE_INFINITY;
  let s = Number.POSITIVE_INFINITY;
  let e = Number.NEGATIVE_INFINITY;
  let n = Number.NEGATIVE_INFINITY;
  for (const [x, y] of coords as [number, number][]) {
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return [w, s, e, n];
}

const within = (a: Bbox, b: Bbox) => a[0] >= b[0] && a[1] >= b[1] && a[2] <= b[2] && a[3] <= b[3];
const disjoint = (a: Bbox, b: Bbox) => a[2] < b[0] || a[0] > b[2] || a[3] < b[1] || a[1] > b[3];

/** Liang–Barsky: the part of segment a→b inside the box as parameters [t0, t1], or null. */
function clipSegment(a: Position, b: Position, box: Bbox): [number, number] | null {
  const dx = b[0]! - a[0]!;
  const dy = b[1]! - a[1]!;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, a[0]! - box[0]],
    [dx, box[2] - a[0]!],
    [-dy, a[1]! - box[1]],
    [dy, box[3] - a[1]!],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
    } else {
      const r = q / p;
      if (p < 0) {
        if (r > t1) return null;
        if (r > t0) t0 = r;
      } else {
        if (r < t0) return null;
        if (r < t1) t1 = r;
      }
    }
  }
  return [t0, t1];
}

const lerp = (a: Position, b: Position, t: number): Position =>
  t === 0 ? a : t === 1 ? b : [a[0]! + (b[0]! - a[0]!) * t, a[1]! + (b[1]! - a[1]!) * t];

/**
 * Clips a polyline to the box; a line leaving and re-entering becomes several parts.
 * @returns parts with at least two positions each (empty when the line misses the box)
 */
export function clipLine(coords: readonly Position[], box: Bbox): Position[][] {
  if (coords.length < 2) return [];
  const b = boundsOf(coords);
  if (within(b, box)) return [[...coords]];
  if (disjoint(b, box)) return [];
  const parts: Position[][] = [];
  let current: Position[] = [];
  const flush = () => {
    if (current.length >= 2) parts.push(current);
    current = [];
  };
  for (let i = 1; i < coords.length; i++) {
    const a = coords[i - 1]!;
    const c = coords[i]!;
    const t = clipSegment(a, c, box);
    if (!t) {
      flush();
      continue;
    }
    const p0 = lerp(a, c, t[0]);
    const p1 = lerp(a, c, t[1]);
    const last = current[current.length - 1];
    if (!last || last[0] !== p0[0] || last[1] !== p0[1]) {
      flush();
      current.push(p0);
    }
    current.push(p1);
    if (t[1] < 1) flush();
  }
  flush();
  return parts;
}

/** Sutherland–Hodgman against one box edge. */
function clipAgainst(
  ring: Position[],
  inside: (p: Position) => boolean,
  cross: (a: Position, b: Position) => Position,
): Position[] {
  const out: Position[] = [];
  for (let i = 0; i < ring.length; i++) {
    const cur = ring[i]!;
    const prev = ring[(i + ring.length - 1) % ring.length]!;
    const ci = inside(cur);
    const pi = inside(prev);
    if (ci) {
      if (!pi) out.push(cross(prev, cur));
      out.push(cur);
    } else if (pi) out.push(cross(prev, cur));
  }
  return out;
}

/**
 * Clips one closed ring to the box (Sutherland–Hodgman). A concave ring cut by the box may keep
 * zero-width edges along the box outline; renderers draw those as nothing.
 * @returns the closed ring, or null when less than a triangle is left
 */
export function clipRing(ring: readonly Position[], box: Bbox): Position[] | null {
  const b = boundsOf(ring);
  if (within(b, box)) return [...ring];
  if (disjoint(b, box)) return null;
  const [w, s, e, n] = box;
  const atX = (x: number) => (a: Position, c: Position) => [
    x,
    a[1]! + ((c[1]! - a[1]!) * (x - a[0]!)) / (c[0]! - a[0]!),
  ];
  const atY = (y: number) => (a: Position, c: Position) => [
    a[0]! + ((c[0]! - a[0]!) * (y - a[1]!)) / (c[1]! - a[1]!),
    y,
  ];
  let pts = ring.slice(0, -1) as Position[];
  pts = clipAgainst(pts, (p) => p[0]! >= w, atX(w));
  pts = clipAgainst(pts, (p) => p[0]! <= e, atX(e));
  pts = clipAgainst(pts, (p) => p[1]! >= s, atY(s));
  pts = clipAgainst(pts, (p) => p[1]! <= n, atY(n));
  const clean: Position[] = [];
  for (const p of pts) {
    const last = clean[clean.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) clean.push(p);
  }
  while (
    clean.length > 1 &&
    clean[0]![0] === clean[clean.length - 1]![0] &&
    clean[0]![1] === clean[clean.length - 1]![1]
  )
    clean.pop();
  if (clean.length < 3 || shoelace(clean) === 0) return null;
  return [...clean, clean[0]!];
}

/** Twice the signed area of an open ring, degrees². */
function shoelace(pts: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++)
    sum += (pts[j]![0]! - pts[i]![0]!) * (pts[j]![1]! + pts[i]![1]!);
  return sum;
}

/** Clips a polygon (outer ring, then holes); null when the outer ring misses the box. */
export function clipPolygon(rings: readonly Position[][], box: Bbox): Position[][] | null {
  const outer = rings[0] ? clipRing(rings[0], box) : null;
  if (!outer) return null;
  const out = [outer];
  for (const hole of rings.slice(1)) {
    const h = clipRing(hole, box);
    if (h) out.push(h);
  }
  return out;
}

/**
 * Clips any geometry to the box; points outside are dropped.
 * @returns the clipped geometry (multi-part when the cut splits it), or null when nothing is left
 */
export function clipGeometry(g: Geometry, box: Bbox): Geometry | null {
  switch (g.type) {
    case 'Point': {
      const [x, y] = g.coordinates as [number, number];
      return x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3] ? g : null;
    }
    case 'LineString':
    case 'MultiLineString': {
      const lines = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
      const parts = lines.flatMap((l) => clipLine(l, box));
      if (parts.length === 0) return null;
      return parts.length === 1
        ? { type: 'LineString', coordinates: parts[0]! }
        : { type: 'MultiLineString', coordinates: parts };
    }
    case 'Polygon':
    case 'MultiPolygon': {
      const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      const parts = polys.map((p) => clipPolygon(p, box)).filter((p): p is Position[][] => p !== null);
      if (parts.length === 0) return null;
      return parts.length === 1
        ? { type: 'Polygon', coordinates: parts[0]! }
        : { type: 'MultiPolygon', coordinates: parts };
    }
    default:
      return null;
  }
}
