// Label anchors inside polygons: the pole of inaccessibility (polylabel's grid search), never a centroid outside.

import type { MultiPolygon, Polygon, Position } from 'geojson';

interface Cell {
  x: number;
  y: number;
  /** Half the cell size. */
  h: number;
  /** Signed distance from the cell centre to the outline (positive inside). */
  d: number;
  /** Best distance any point in the cell could reach. */
  max: number;
}

/**
 * The point inside a polygon farthest from its outline (and its holes), found to within `precisionM`.
 *
 * Works in a local equirectangular plane (longitude scaled by cos(latitude)) so that "farthest" is
 * measured in near-metres at city scale; the answer is returned in lon/lat. For a MultiPolygon the part
 * with the largest area is labelled.
 *
 * @param geometry WGS-84 polygon or multipolygon
 * @param precisionM search precision in metres (default 10 m)
 * @returns [lon, lat] of the label anchor
 */
export function labelPoint(geometry: Polygon | MultiPolygon, precisionM = 10): [number, number] {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const first = parts[0]?.[0]?.[0];
  if (!first) throw new Error('labelPoint: empty geometry');

  const lat0 = (first[1]! * Math.PI) / 180;
  const kx = Math.cos(lat0);
  const mPerDeg = 111_320;
  const project = (rings: Position[][]) =>
    rings.map((r) => r.map((p) => [p[0]! * kx, p[1]!] as [number, number]));

  let best: [number, number][][] | null = null;
  let bestArea = -1;
  for (const part of parts) {
    const rings = project(part);
    const a = Math.abs(ringArea(rings[0] ?? []));
    if (a > bestArea) {
      bestArea = a;
      best = rings;
    }
  }
  const [x, y] = poleOfInaccessibility(best!, precisionM / mPerDeg);
  return [x / kx, y];
}

/** Grid search with a max-priority queue of cells, pruning cells that cannot beat the best so far. */
function poleOfInaccessibility(rings: [number, number][][], precision: number): [number, number] {
  const outer = rings[0]!;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const [px, py] of outer) {
    minX = Math.min(minX, px);
    minY = Math.min(minY, py);
    maxX = Math.max(maxX, px);
    maxY = Math.max(maxY, py);
  }
  const width = maxX - minX;
  const height = maxY - minY;
  const cellSize = Math.max(precision, Math.min(width, height));
  if (width === 0 || height === 0) return [minX, minY];

  const cell = (cx: number, cy: number, h: number): Cell => {
    const d = signedDistance(cx, cy, rings);
    return { x: cx, y: cy, h, d, max: d + h * Math.SQRT2 };
  };
  const queue = new MaxHeap();
  for (let x = minX; x < maxX; x += cellSize) {
    for (let y = minY; y < maxY; y += cellSize)
      queue.push(cell(x + cellSize / 2, y + cellSize / 2, cellSize / 2));
  }

  // Seeds: the area centroid (often good, sometimes outside) and the bbox centre.
  let best = centroidCell(outer, cell);
  const bboxCell = cell(minX + width / 2, minY + height / 2, 0);
  if (bboxCell.d > best.d) best = bboxCell;

  for (let c = queue.pop(); c; c = queue.pop()) {
    if (c.d > best.d) best = c;
    if (c.max - best.d <= precision) continue;
    const h = c.h / 2;
    queue.push(cell(c.x - h, c.y - h, h));
    queue.push(cell(c.x + h, c.y - h, h));
    queue.push(cell(c.x - h, c.y + h, h));
    queue.push(cell(c.x + h, c.y + h, h));
  }
  return [best.x, best.y];
}

function centroidCell(ring: [number, number][], cell: (x: number, y: number, h: number) => Cell): Cell {
  let area = 0;
  let x = 0;
  let y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    const f = a[0] * b[1] - b[0] * a[1];
    x += (a[0] + b[0]) * f;
    y += (a[1] + b[1]) * f;
    area += f * 3;
  }
  const first = ring[0]!;
  return area === 0 ? cell(first[0], first[1], 0) : cell(x / area, y / area, 0);
}

/** Distance to the nearest ring edge, positive inside the polygon (even-odd over all rings). */
function signedDistance(x: number, y: number, rings: [number, number][][]): number {
  let inside = false;
  let minSq = Number.POSITIVE_INFINITY;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i]!;
      const b = ring[j]!;
      if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
      minSq = Math.min(minSq, segmentDistSq(x, y, a, b));
    }
  }
  return minSq === 0 ? 0 : (inside ? 1 : -1) * Math.sqrt(minSq);
}

function segmentDistSq(px: number, py: number, a: [number, number], b: [number, number]): number {
  let [x, y] = a;
  let dx = b[0] - x;
  let dy = b[1] - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      [x, y] = b;
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = px - x;
  dy = py - y;
  return dx * dx + dy * dy;
}

function ringArea(ring: [number, number][]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  }
  return sum / 2;
}

/** Binary max-heap on `max`. */
class MaxHeap {
  private items: Cell[] = [];
  push(c: Cell): void {
    const a = this.items;
    a.push(c);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p]!.max >= c.max) break;
      a[i] = a[p]!;
      i = p;
    }
    a[i] = c;
  }
  pop(): Cell | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length === 0 || !last) return top;
    let i = 0;
    const n = a.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      let mMax = last.max;
      if (l < n && a[l]!.max > mMax) {
        m = l;
        mMax = a[l]!.max;
      }
      if (r < n && a[r]!.max > mMax) m = r;
      if (m === i) break;
      a[i] = a[m]!;
      i = m;
    }
    a[i] = last;
    return top;
  }
}
