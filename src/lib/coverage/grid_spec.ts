// Grid choices and the square-grid frame, without h3-js: small enough for the main bundle and URL state.

/** H3 hexagons of a resolution, or squares of a side length (metres). */
export type GridSpec = { kind: 'h3'; resolution: number } | { kind: 'square'; sizeM: number };

/** Grids offered in the UI: H3 resolution 9 is the default (≈0.1 km² cells, ≈175 m edge). */
export const GRID_CHOICES: readonly GridSpec[] = [
  { kind: 'h3', resolution: 7 },
  { kind: 'h3', resolution: 8 },
  { kind: 'h3', resolution: 9 },
  { kind: 'h3', resolution: 10 },
  { kind: 'square', sizeM: 250 },
  { kind: 'square', sizeM: 500 },
  { kind: 'square', sizeM: 1000 },
];
export const DEFAULT_GRID: GridSpec = { kind: 'h3', resolution: 9 };

/** Accepted ranges when a grid comes from a link (anything else falls back to the default). */
const H3_RANGE = [5, 11] as const;
const SQUARE_RANGE = [50, 5000] as const;

/** `h9` or `s500`: the grid in a URL. */
export function formatGridSpec(spec: GridSpec): string {
  return spec.kind === 'h3' ? `h${spec.resolution}` : `s${spec.sizeM}`;
}

/** Parses `h9` / `s500`; null for anything else or out of range. */
export function parseGridSpec(text: string | null | undefined): GridSpec | null {
  const m = /^(h|s)(\d{1,4})$/.exec(text ?? '');
  if (!m) return null;
  const v = Number(m[2]);
  if (m[1] === 'h') return v >= H3_RANGE[0] && v <= H3_RANGE[1] ? { kind: 'h3', resolution: v } : null;
  return v >= SQUARE_RANGE[0] && v <= SQUARE_RANGE[1] ? { kind: 'square', sizeM: v } : null;
}

/** Metres per degree of latitude on the engine's sphere (6,371,008.8 m). */
const MPD = (6371008.8 * Math.PI) / 180;

/**
 * Square grids live in one fixed equirectangular frame (standard parallel 36° N, origin 102° E 35° N),
 * so a square's id names the same ground whatever districts are chosen.
 */
export const SQ_LON0 = 102;
export const SQ_LAT0 = 35;
export const SQ_COS0 = Math.cos((36 * Math.PI) / 180);
export const SQ_KX = MPD * SQ_COS0;
export const SQ_KY = MPD;

/** Closed outline [lon, lat][] of square (i, j) of a grid of side sizeM metres (counter-clockwise). */
export function squareRing(i: number, j: number, sizeM: number): [number, number][] {
  const x0 = SQ_LON0 + (i * sizeM) / SQ_KX;
  const x1 = SQ_LON0 + ((i + 1) * sizeM) / SQ_KX;
  const y0 = SQ_LAT0 + (j * sizeM) / SQ_KY;
  const y1 = SQ_LAT0 + ((j + 1) * sizeM) / SQ_KY;
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ];
}

/** Outline of the square whose centre is (lon, lat). */
export function squareRingAt(lon: number, lat: number, sizeM: number): [number, number][] {
  return squareRing(
    Math.floor(((lon - SQ_LON0) * SQ_KX) / sizeM),
    Math.floor(((lat - SQ_LAT0) * SQ_KY) / sizeM),
    sizeM,
  );
}

/**
 * Average H3 cell area per resolution, km² (the H3 documentation's table; checked against
 * h3-js getHexagonAreaAvg in the tests).
 */
export const H3_AVG_AREA_KM2: Readonly<Record<number, number>> = {
  5: 252.903364,
  6: 36.1290521,
  7: 5.16129326,
  8: 0.737327598,
  9: 0.105332513,
  10: 0.0150475,
  11: 0.0021496,
};

/**
 * Rough number of cells a grid would have over an area, to warn before an expensive build.
 * @param areaKm2 area to cover, km²
 */
export function estimateCellCount(spec: GridSpec, areaKm2: number): number {
  const cell = spec.kind === 'h3' ? (H3_AVG_AREA_KM2[spec.resolution] ?? 0.1053) : (spec.sizeM / 1000) ** 2;
  return Math.round(areaKm2 / cell);
}
