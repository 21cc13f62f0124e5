// Union of buffers around planar segments as polygons: a distance raster traced by marching squares.

/** Planar polygon rings in metres: outer ring counter-clockwise first, then its holes (clockwise), closed. */
export type PlanarPolygon = number[][][];

/** Options of bufferSegments. */
export interface RasterBufferOptions {
  /** Buffer radius, same unit as the coordinates (metres). */
  radius: number;
  /** Grid spacing; default radius / 4. Enlarged when the grid would exceed maxCells. */
  cell?: number;
  /** Largest grid size in points (default 4,000,000 ≈ 16 MB). */
  maxCells?: number;
  /** Douglas–Peucker tolerance for the traced rings (default cell / 8; 0 keeps every vertex). */
  simplify?: number;
}

/**
 * The union of all points within `radius` of any segment, as polygons with holes. Segments are flat
 * quadruples [x1, y1, x2, y2, …] in a planar metric frame (a point is a zero-length segment). The
 * union is exact up to the grid: the distance to the nearest segment is sampled on a grid and its
 * `radius` level line is traced with marching squares (linear interpolation, saddles resolved by the
 * cell-centre value), so gaps wider than about one cell stay open; this is what keeps walking reach
 * on one river bank from spilling onto the other.
 * @returns polygons (each: outer ring, then holes) in the input frame
 */
export function bufferSegments(segments: ArrayLike<number>, options: RasterBufferOptions): PlanarPolygon[] {
  const r = options.radius;
  if (!(r > 0)) throw new RangeError('buffer radius must be > 0');
  const count = Math.floor(segments.length / 4);
  if (count === 0) return [];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < count * 4; i += 2) {
    const x = segments[i] as number;
    const y = segments[i + 1] as number;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  let cell = options.cell ?? r / 4;
  const maxCells = options.maxCells ?? 4_000_000;
  const pad = r + 2 * cell;
  const spanX = maxX - minX + 2 * pad;
  const spanY = maxY - minY + 2 * pad;
  if ((spanX / cell + 2) * (spanY / cell + 2) > maxCells) cell = Math.sqrt((spanX * spanY) / maxCells) * 1.01;
  const x0 = minX - r - 2 * cell;
  const y0 = minY - r - 2 * cell;
  const W = Math.ceil((maxX + r + 2 * cell - x0) / cell) + 1;
  const H = Math.ceil((maxY + r + 2 * cell - y0) / cell) + 1;
  const big = 2 * r * (2 * r);
  const d2 = new Float32Array(W * H).fill(big);

  // Splat every segment's neighbourhood; long segments are split so their boxes stay tight.
  const maxPiece = 8 * cell;
  for (let s = 0; s < count; s++) {
    const ax = segments[4 * s] as number;
    const ay = segments[4 * s + 1] as number;
    const bx = segments[4 * s + 2] as number;
    const by = segments[4 * s + 3] as number;
    const len = Math.hypot(bx - ax, by - ay);
    const pieces = Math.max(1, Math.ceil(len / maxPiece));
    for (let p = 0; p < pieces; p++) {
      const t0 = p / pieces;
      const t1 = (p + 1) / pieces;
      splat(ax + (bx - ax) * t0, ay + (by - ay) * t0, ax + (bx - ax) * t1, ay + (by - ay) * t1);
    }
  }
  function splat(ax: number, ay: number, bx: number, by: number): void {
    const i0 = Math.max(0, Math.floor((Math.min(ax, bx) - r - x0) / cell));
    const i1 = Math.min(W - 1, Math.ceil((Math.max(ax, bx) + r - x0) / cell));
    const j0 = Math.max(0, Math.floor((Math.min(ay, by) - r - y0) / cell));
    const j1 = Math.min(H - 1, Math.ceil((Math.max(ay, by) + r - y0) / cell));
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    for (let j = j0; j <= j1; j++) {
      const py = y0 + j * cell;
      const row = j * W;
      for (let i = i0; i <= i1; i++) {
        const px = x0 + i * cell;
        let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
        t = Math.max(0, Math.min(1, t));
        const ex = px - ax - t * dx;
        const ey = py - ay - t * dy;
        const v = ex * ex + ey * ey;
        if (v < (d2[row + i] as number)) d2[row + i] = v;
      }
    }
  }

  const r2 = r * r;
  const dist = (k: number) => Math.sqrt(d2[k] as number);
  // Crossing point of the level line on a grid edge: id = 2·(j·W+i) (+1 for the vertical edge).
  const crossing = (id: number): [number, number] => {
    const k = id >> 1;
    const i = k % W;
    const j = (k - i) / W;
    const k2 = id & 1 ? k + W : k + 1;
    const da = dist(k);
    const db = dist(k2);
    const t = da === db ? 0.5 : (r - da) / (db - da);
    return id & 1 ? [x0 + i * cell, y0 + (j + t) * cell] : [x0 + (i + t) * cell, y0 + j * cell];
  };

  const next = new Map<number, number>();
  const edgeIds = [0, 0, 0, 0];
  const types = [0, 0, 0, 0];
  for (let j = 0; j < H - 1; j++) {
    for (let i = 0; i < W - 1; i++) {
      const kbl = j * W + i;
      const kbr = kbl + 1;
      const ktl = kbl + W;
      const ktr = ktl + 1;
      const bl = (d2[kbl] as number) < r2;
      const br = (d2[kbr] as number) < r2;
      const tr = (d2[ktr] as number) < r2;
      const tl = (d2[ktl] as number) < r2;
      if (bl === br && br === tr && tr === tl) continue;
      // Walk the square counter-clockwise: bottom, right, top, left; +1 = leaving the inside.
      let c = 0;
      if (bl !== br) {
        edgeIds[c] = 2 * kbl;
        types[c++] = bl ? 1 : -1;
      }
      if (br !== tr) {
        edgeIds[c] = 2 * kbr + 1;
        types[c++] = br ? 1 : -1;
      }
      if (tr !== tl) {
        edgeIds[c] = 2 * ktl;
        types[c++] = tr ? 1 : -1;
      }
      if (tl !== bl) {
        edgeIds[c] = 2 * kbl + 1;
        types[c++] = tl ? 1 : -1;
      }
      if (c === 2) {
        // Inside on the left: from the edge where the walk leaves the inside to where it re-enters.
        if (types[0] === 1) next.set(edgeIds[0] as number, edgeIds[1] as number);
        else next.set(edgeIds[1] as number, edgeIds[0] as number);
      } else {
        const centre = (dist(kbl) + dist(kbr) + dist(ktr) + dist(ktl)) / 4 < r;
        for (let a = 0; a < 4; a++) {
          if (types[a] !== 1) continue;
          // Centre inside joins the two inside corners: pair with the next crossing, else the previous.
          const b = centre ? (a + 1) % 4 : (a + 3) % 4;
          next.set(edgeIds[a] as number, edgeIds[b] as number);
        }
      }
    }
  }

  const tol = options.simplify ?? cell / 8;
  const outers: { ring: number[][]; area: number }[] = [];
  const holes: number[][][] = [];
  const total = next.size;
  for (const start of next.keys()) {
    if (!next.has(start)) continue;
    const ring: number[][] = [];
    let id = start;
    for (let guard = 0; guard <= total; guard++) {
      ring.push(crossing(id));
      const nx = next.get(id);
      next.delete(id);
      if (nx === undefined || nx === start) break;
      id = nx;
    }
    if (ring.length < 3) continue;
    const simplified = tol > 0 ? simplifyRing(ring, tol) : ring;
    if (simplified.length < 3) continue;
    const area = signedArea(simplified);
    simplified.push([...(simplified[0] as number[])]);
    if (area > 0) outers.push({ ring: simplified, area });
    else if (area < 0) holes.push(simplified);
  }
  outers.sort((a, b) => a.area - b.area);
  const polys: PlanarPolygon[] = outers.map((o) => [o.ring]);
  for (const h of holes) {
    const [hx, hy] = h[0] as [number, number];
    // The smallest outer ring containing the hole is its owner.
    const owner = outers.findIndex((o) => inRing(hx, hy, o.ring));
    if (owner >= 0) (polys[owner] as number[][][]).push(h);
  }
  return polys;
}

function signedArea(ring: number[][]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const p = ring[i] as number[];
    const q = ring[j] as number[];
    a += ((q[0] as number) - (p[0] as number)) * ((q[1] as number) + (p[1] as number));
  }
  return a / 2;
}

function inRing(x: number, y: number, ring: number[][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Douglas–Peucker on a closed ring (given open), anchored at vertex 0 and the vertex farthest from it. */
function simplifyRing(ring: number[][], tol: number): number[][] {
  const n = ring.length;
  if (n < 5) return ring;
  const p0 = ring[0] as number[];
  let far = 0;
  let farD = -1;
  for (let i = 1; i < n; i++) {
    const p = ring[i] as number[];
    const d = ((p[0] as number) - (p0[0] as number)) ** 2 + ((p[1] as number) - (p0[1] as number)) ** 2;
    if (d > farD) {
      farD = d;
      far = i;
    }
  }
  const keep = new Uint8Array(n + 1);
  keep[0] = 1;
  keep[far] = 1;
  keep[n] = 1;
  const pts = (i: number) => ring[i % n] as number[];
  const stack: [number, number][] = [
    [0, far],
    [far, n],
  ];
  const tol2 = tol * tol;
  while (stack.length > 0) {
    const [a, b] = stack.pop() as [number, number];
    const pa = pts(a);
    const pb = pts(b);
    const dx = (pb[0] as number) - (pa[0] as number);
    const dy = (pb[1] as number) - (pa[1] as number);
    const len2 = dx * dx + dy * dy;
    let worst = -1;
    let worstD = tol2;
    for (let i = a + 1; i < b; i++) {
      const p = pts(i);
      let t =
        len2 > 0
          ? (((p[0] as number) - (pa[0] as number)) * dx + ((p[1] as number) - (pa[1] as number)) * dy) / len2
          : 0;
      t = Math.max(0, Math.min(1, t));
      const ex = (p[0] as number) - (pa[0] as number) - t * dx;
      const ey = (p[1] as number) - (pa[1] as number) - t * dy;
      const d = ex * ex + ey * ey;
      if (d > worstD) {
        worstD = d;
        worst = i;
      }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([a, worst], [worst, b]);
    }
  }
  const out: number[][] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(ring[i] as number[]);
  return out;
}
