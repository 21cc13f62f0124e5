// Geometry of the exported coverage map picture: the cells in view as pixel rings with their ramp class, and the scale bar.

import { bandClass } from './ramp';

/** Equatorial circumference used by web-mercator tiles, metres. */
const EARTH_CIRCUMFERENCE_M = 40_075_016.686;
/** maplibre's tile size in CSS pixels. */
const TILE_PX = 512;

export interface PictureCell {
  /** Outline in pixels, [x, y]. */
  ring: [number, number][];
  /** Ramp class (see ramp.ts bandClass). */
  cls: number;
}

export interface CellSource {
  /** Cell centres, degrees. */
  lon: ArrayLike<number>;
  lat: ArrayLike<number>;
  /** Minutes to the nearest facility per cell (Infinity beyond the horizon). */
  minutes: ArrayLike<number>;
  /** 1 when some facility can be walked to at all. */
  reach: ArrayLike<number>;
  /** Cumulative bands, minutes. */
  bands: readonly number[];
}

/**
 * The cells whose centre lies in the view (grown by `padDeg` so cells cut by the edge are kept), as
 * pixel rings with their class.
 * @param view [west, south, east, north], degrees
 * @param padDeg margin added on every side, degrees (about one cell)
 * @param ringOf outline of cell i as [lon, lat] pairs, degrees
 * @param project [lon, lat] degrees → [x, y] pixels
 */
export function cellsInView(
  cells: CellSource,
  view: readonly [number, number, number, number],
  padDeg: number,
  ringOf: (i: number) => [number, number][],
  project: (lon: number, lat: number) => [number, number],
): PictureCell[] {
  const [w, s, e, n] = view;
  const out: PictureCell[] = [];
  for (let i = 0; i < cells.lon.length; i++) {
    const lon = cells.lon[i] as number;
    const lat = cells.lat[i] as number;
    if (lon < w - padDeg || lon > e + padDeg || lat < s - padDeg || lat > n + padDeg) continue;
    out.push({
      ring: ringOf(i).map(([x, y]) => project(x, y)),
      cls: bandClass(cells.minutes[i] as number, cells.reach[i] as number, cells.bands),
    });
  }
  return out;
}

/**
 * Ground distance of one CSS pixel on a web-mercator map.
 * @param lat latitude, degrees
 * @param zoom maplibre zoom (512-pixel tiles)
 * @returns metres per pixel
 */
export function metresPerPixel(lat: number, zoom: number): number {
  return (EARTH_CIRCUMFERENCE_M * Math.cos((lat * Math.PI) / 180)) / (TILE_PX * 2 ** zoom);
}

/**
 * The longest round scale bar (1, 2 or 5 × 10ⁿ metres) that fits in `maxPx`.
 * @param metresPerPx ground metres per pixel
 * @param maxPx longest bar allowed, pixels
 * @returns length in metres, in pixels, and a label ("500 m", "2 km")
 */
export function scaleBar(metresPerPx: number, maxPx: number): { metres: number; px: number; label: string } {
  const maxM = metresPerPx * maxPx;
  const pow = 10 ** Math.floor(Math.log10(maxM));
  const step = [5, 2, 1].find((f) => f * pow <= maxM) ?? 1;
  const metres = step * pow;
  return {
    metres,
    px: metres / metresPerPx,
    label: metres >= 1000 ? `${metres / 1000} km` : `${metres} m`,
  };
}
