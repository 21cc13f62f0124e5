// A faster district lookup for many points: grid cells that no boundary crosses answer from one cached lookup.

import type { DistrictCollectionLike, DistrictLookup } from '../districts.ts';
import type { Position } from '../feature.ts';

/** Cell size, degrees (≈ 450 × 550 m in Lanzhou): most city points fall in a cell no boundary crosses. */
export const DISTRICT_CELL_DEG = 0.005;

const UNKNOWN = -2;
const NONE = -1;

/**
 * Wraps a district lookup with a grid: a cell that no boundary segment's box touches lies wholly inside
 * one district or outside all, so every point in it has its centre's answer, computed once; points in
 * cells a boundary touches (and outside the grid) ask the exact lookup. Same answers, checked against
 * the exact lookup on random points in the tests.
 * @param exact the lookup built from `fc` (createDistrictLookup)
 */
export function gridDistrictLookup(
  fc: DistrictCollectionLike,
  exact: DistrictLookup,
  cellDeg = DISTRICT_CELL_DEG,
): DistrictLookup {
  const rings: Position[][] = [];
  for (const f of fc.features) {
    const g = f.geometry;
    const polys =
      g.type === 'Polygon'
        ? [g.coordinates as Position[][]]
        : g.type === 'MultiPolygon'
          ? (g.coordinates as Position[][][])
          : [];
    for (const p of polys) rings.push(...p);
  }
  let w = Number.POSITIVE_INFINITY;
  let s = Number.POSITIVE_INFINITY;
  let e = Number.NEGATIVE_INFINITY;
  let n = Number.NEGATIVE_INFINITY;
  for (const r of rings)
    for (const [x, y] of r) {
      w = Math.min(w, x);
      e = Math.max(e, x);
      s = Math.min(s, y);
      n = Math.max(n, y);
    }
  if (!(w < e && s < n)) return exact;
  const nx = Math.ceil((e - w) / cellDeg) + 1;
  const ny = Math.ceil((n - s) / cellDeg) + 1;
  const boundary = new Uint8Array(nx * ny);
  const answer = new Int16Array(nx * ny).fill(UNKNOWN);
  const cx = (x: number) => Math.floor((x - w) / cellDeg);
  const cy = (y: number) => Math.floor((y - s) / cellDeg);
  for (const r of rings) {
    for (let i = 1; i < r.length; i++) {
      const a = r[i - 1]!;
      const b = r[i]!;
      // The cells of the segment's box, one more on each side: a point on a cell edge belongs to either.
      const x0 = Math.max(0, cx(Math.min(a[0], b[0])) - 1);
      const x1 = Math.min(nx - 1, cx(Math.max(a[0], b[0])) + 1);
      const y0 = Math.max(0, cy(Math.min(a[1], b[1])) - 1);
      const y1 = Math.min(ny - 1, cy(Math.max(a[1], b[1])) + 1);
      for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) boundary[x * ny + y] = 1;
    }
  }
  const codes = exact.adcodes;
  return {
    adcodes: codes,
    distanceToDistrictM: (lon, lat, adcode) => exact.distanceToDistrictM(lon, lat, adcode),
    districtAt(lon, lat) {
      const x = cx(lon);
      const y = cy(lat);
      if (!(x >= 0 && x < nx && y >= 0 && y < ny)) return exact.districtAt(lon, lat);
      const k = x * ny + y;
      if (boundary[k]) return exact.districtAt(lon, lat);
      let a = answer[k]!;
      if (a === UNKNOWN) {
        const code = exact.districtAt(w + (x + 0.5) * cellDeg, s + (y + 0.5) * cellDeg);
        a = code === null ? NONE : codes.indexOf(code);
        answer[k] = a;
      }
      return a === NONE ? null : (codes[a] ?? null);
    },
  };
}
