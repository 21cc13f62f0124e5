// Where the covered cells are: how many lie within a band, their extent, their districts, and whether any is in a view.

/** Cell centres and districts (a GridPayload or CoverageGrid satisfies it). */
export interface CellPlaces {
  lon: ArrayLike<number>;
  lat: ArrayLike<number>;
  areaM2: ArrayLike<number>;
  district: ArrayLike<number>;
  adcodes: readonly string[];
}

export interface CoveredCells {
  /** Cells within the band. */
  cells: number;
  /** [west, south, east, north] of their centres, degrees. */
  bbox: [number, number, number, number];
  /** Districts holding them, with their share of the covered area (0–1), largest first (ties by adcode). */
  districts: { adcode: string; share: number }[];
}

/**
 * The cells within `bandMin` minutes, or null when there are none.
 * @param minutes per cell, Infinity beyond the horizon
 */
export function coveredCells(
  g: CellPlaces,
  minutes: ArrayLike<number>,
  bandMin: number,
): CoveredCells | null {
  let cells = 0;
  let area = 0;
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const byDistrict = new Map<number, number>();
  for (let i = 0; i < minutes.length; i++) {
    if (!((minutes[i] as number) <= bandMin)) continue;
    const x = g.lon[i] as number;
    const y = g.lat[i] as number;
    const a = g.areaM2[i] as number;
    cells++;
    area += a;
    w = Math.min(w, x);
    e = Math.max(e, x);
    s = Math.min(s, y);
    n = Math.max(n, y);
    const d = g.district[i] as number;
    byDistrict.set(d, (byDistrict.get(d) ?? 0) + a);
  }
  if (cells === 0) return null;
  const districts = [...byDistrict]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([d, a]) => ({ adcode: g.adcodes[d] ?? '', share: a / area }));
  return { cells, bbox: [w, s, e, n], districts };
}

/**
 * Whether any cell within `bandMin` has its centre inside `view`.
 * @param view [west, south, east, north], degrees
 */
export function anyCoveredIn(
  g: Pick<CellPlaces, 'lon' | 'lat'>,
  minutes: ArrayLike<number>,
  bandMin: number,
  view: readonly [number, number, number, number],
): boolean {
  const [w, s, e, n] = view;
  for (let i = 0; i < minutes.length; i++) {
    if (!((minutes[i] as number) <= bandMin)) continue;
    const x = g.lon[i] as number;
    const y = g.lat[i] as number;
    if (x >= w && x <= e && y >= s && y <= n) return true;
  }
  return false;
}
