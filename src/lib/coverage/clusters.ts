// The largest uncovered areas: connected groups of neighbouring cells beyond a band, ranked by people or area.

import type { CoverageGrid, Neighbours } from './grid';

/** A connected group of uncovered cells. */
export interface UncoveredCluster {
  /** Number of cells. */
  cells: number;
  areaM2: number;
  /** People living in it (null without a population grid). */
  pop: number | null;
  /** Area-weighted mean of the cell centres, [lon, lat]. */
  centre: [number, number];
  /** [west, south, east, north] of the cell centres. */
  bbox: [number, number, number, number];
  /** Every district it spans with its share of the area (0–1), largest first (ties by adcode). */
  districts: { adcode: string; share: number }[];
  /** The cell nearest the centre (a representative cell to select). */
  cell: number;
}

/**
 * Groups the cells slower than `bandMin` (or unreachable) into edge-connected clusters (union–find over
 * the neighbour lists) and returns the largest: by population when a population grid is given, else by
 * area; ties by cell count, then by position so the order is stable.
 * @param minutes per cell, Infinity beyond the horizon
 * @param limit clusters returned (default 10)
 */
export function uncoveredClusters(
  grid: CoverageGrid,
  neighbours: Neighbours,
  minutes: Float32Array,
  bandMin: number,
  pop: Float64Array | null = null,
  limit = 10,
): UncoveredCluster[] {
  const n = grid.count;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r] as number;
    while (parent[x] !== r) {
      const next = parent[x] as number;
      parent[x] = r;
      x = next;
    }
    return r;
  };
  const open = (c: number) => !((minutes[c] as number) <= bandMin);
  for (let c = 0; c < n; c++) {
    if (!open(c)) continue;
    for (let k = neighbours.offsets[c] as number, end = neighbours.offsets[c + 1] as number; k < end; k++) {
      const d = neighbours.adj[k] as number;
      if (!open(d)) continue;
      const a = find(c);
      const b = find(d);
      if (a !== b) parent[a] = b;
    }
  }
  interface Acc {
    cells: number[];
    area: number;
    pop: number;
    x: number;
    y: number;
    byDistrict: Map<number, number>;
  }
  const groups = new Map<number, Acc>();
  for (let c = 0; c < n; c++) {
    if (!open(c)) continue;
    const r = find(c);
    let g = groups.get(r);
    if (!g) {
      g = { cells: [], area: 0, pop: 0, x: 0, y: 0, byDistrict: new Map() };
      groups.set(r, g);
    }
    const a = grid.areaM2[c] as number;
    g.cells.push(c);
    g.area += a;
    g.pop += pop ? (pop[c] as number) : 0;
    g.x += (grid.lon[c] as number) * a;
    g.y += (grid.lat[c] as number) * a;
    const d = grid.district[c] as number;
    g.byDistrict.set(d, (g.byDistrict.get(d) ?? 0) + a);
  }
  const out: UncoveredCluster[] = [];
  for (const g of groups.values()) {
    const cx = g.x / g.area;
    const cy = g.y / g.area;
    let w = Infinity;
    let s = Infinity;
    let e = -Infinity;
    let nn = -Infinity;
    let rep = g.cells[0] as number;
    let repD = Infinity;
    for (const c of g.cells) {
      const x = grid.lon[c] as number;
      const y = grid.lat[c] as number;
      w = Math.min(w, x);
      e = Math.max(e, x);
      s = Math.min(s, y);
      nn = Math.max(nn, y);
      const d = (x - cx) ** 2 + (y - cy) ** 2;
      if (d < repD) {
        repD = d;
        rep = c;
      }
    }
    const districts = [...g.byDistrict]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .map(([d, a]) => ({ adcode: grid.adcodes[d] ?? '', share: a / g.area }));
    out.push({
      cells: g.cells.length,
      areaM2: g.area,
      pop: pop ? g.pop : null,
      centre: [cx, cy],
      bbox: [w, s, e, nn],
      districts,
      cell: rep,
    });
  }
  out.sort(
    (a, b) =>
      (b.pop ?? 0) - (a.pop ?? 0) ||
      b.areaM2 - a.areaM2 ||
      b.cells - a.cells ||
      a.centre[0] - b.centre[0] ||
      a.centre[1] - b.centre[1],
  );
  return out.slice(0, limit);
}
