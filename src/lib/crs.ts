// Coordinate reference systems of imported data (WGS-84, GCJ-02, BD-09) and conversion to WGS-84 via gcoord.

import gcoord from 'gcoord';
import type { Geometry, Position } from './feature.ts';

/** The geographic CRSs the project accepts on import. Everything stored or shown is WGS84. */
export type Crs = 'WGS84' | 'GCJ02' | 'BD09';

export const CRS_IDS: readonly Crs[] = ['WGS84', 'GCJ02', 'BD09'];

/**
 * The rough mainland-China box inside which GCJ-02 / BD-09 offsets apply. It is the box gcoord and
 * eviltransform use for GCJ-02; we apply it to BD-09 too because gcoord's BD-09 step has no guard and
 * would otherwise shift points in, say, London by ~600 m. It is a box, not a border: parts of Korea,
 * Mongolia and South-East Asia fall inside it, which is harmless for a Lanzhou map.
 */
const CHINA_BOX = { minLon: 72.004, maxLon: 137.8347, minLat: 0.8293, maxLat: 55.8271 } as const;

/** True when (lon, lat) in degrees lies in the box where the Chinese offsets are applied. */
export function isInChinaBox(lon: number, lat: number): boolean {
  return (
    lon >= CHINA_BOX.minLon && lon <= CHINA_BOX.maxLon && lat >= CHINA_BOX.minLat && lat <= CHINA_BOX.maxLat
  );
}

const GCOORD_CRS = {
  WGS84: gcoord.WGS84,
  GCJ02: gcoord.GCJ02,
  BD09: gcoord.BD09,
} as const;

/**
 * Converts one position to WGS-84.
 * @param lon longitude in degrees, in `crs`
 * @param lat latitude in degrees, in `crs`
 * @param crs the CRS the position is expressed in
 * @returns [lon, lat] in WGS-84 degrees; unchanged for WGS84 input and for points outside China.
 *   gcoord inverts GCJ-02 iteratively; WGS→X→WGS round trips measured over mainland China stay within
 *   0.15 m for GCJ-02 and 0.3 m for BD-09.
 */
export function toWgs84(lon: number, lat: number, crs: Crs): Position {
  if (crs === 'WGS84' || !isInChinaBox(lon, lat)) return [lon, lat];
  const out = gcoord.transform([lon, lat], GCOORD_CRS[crs], gcoord.WGS84);
  return [out[0], out[1]];
}

/**
 * Converts one WGS-84 position to GCJ-02 or BD-09 (the forward, closed-form direction).
 * Used to show coordinates the way Chinese map sites expect them, and to test round trips.
 * @returns [lon, lat] in degrees of `crs`; unchanged for points outside China.
 */
export function fromWgs84(lon: number, lat: number, crs: Crs): Position {
  if (crs === 'WGS84' || !isInChinaBox(lon, lat)) return [lon, lat];
  const out = gcoord.transform([lon, lat], gcoord.WGS84, GCOORD_CRS[crs]);
  return [out[0], out[1]];
}

function ringToWgs84(ring: Position[], crs: Crs): Position[] {
  return ring.map(([lon, lat]) => toWgs84(lon, lat, crs));
}

/**
 * Converts any geometry of the feature model to WGS-84 without mutating the input
 * (gcoord's own GeoJSON path rewrites coordinates in place).
 * @param geometry coordinates in degrees of `crs`
 * @param crs the CRS of `geometry`
 * @returns a new geometry of the same type in WGS-84 degrees
 */
export function geometryToWgs84<G extends Geometry>(geometry: G, crs: Crs): G {
  const g: Geometry = geometry;
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: toWgs84(g.coordinates[0], g.coordinates[1], crs) } as G;
    case 'LineString':
      return { type: 'LineString', coordinates: ringToWgs84(g.coordinates, crs) } as G;
    case 'MultiLineString':
    case 'Polygon':
      return { type: g.type, coordinates: g.coordinates.map((r) => ringToWgs84(r, crs)) } as G;
    case 'MultiPolygon':
      return {
        type: 'MultiPolygon',
        coordinates: g.coordinates.map((poly) => poly.map((r) => ringToWgs84(r, crs))),
      } as G;
  }
}

/** Normalised spelling (upper case, no separators) → CRS. */
const CRS_ALIASES: Record<string, Crs> = {
  WGS84: 'WGS84',
  WGS1984: 'WGS84',
  EPSG4326: 'WGS84',
  CRS84: 'WGS84',
  OGCCRS84: 'WGS84',
  URNOGCDEFCRSOGC13CRS84: 'WGS84',
  URNOGCDEFCRSEPSG4326: 'WGS84',
  GPS: 'WGS84',
  CGCS2000: 'WGS84',
  EPSG4490: 'WGS84',
  GCJ02: 'GCJ02',
  GCJ: 'GCJ02',
  AMAP: 'GCJ02',
  GAODE: 'GCJ02',
  高德: 'GCJ02',
  火星坐标: 'GCJ02',
  火星坐标系: 'GCJ02',
  国测局坐标: 'GCJ02',
  BD09: 'BD09',
  BD09LL: 'BD09',
  BAIDU: 'BD09',
  BMAP: 'BD09',
  百度: 'BD09',
  百度坐标: 'BD09',
  百度坐标系: 'BD09',
};

/**
 * Parses a user- or file-supplied CRS name.
 * Accepts e.g. "wgs84", "WGS-84", "EPSG:4326", "urn:ogc:def:crs:OGC:1.3:CRS84", "CGCS2000" (differs from
 * WGS-84 by centimetres), "gcj02", "GCJ-02", "amap", "bd09", "BD-09", "bd09ll", "baidu".
 * @returns the CRS, or null when the text names none of them (including BD-09 Mercator metres "bd09mc").
 */
export function parseCrs(text: string): Crs | null {
  const key = text
    .trim()
    .toUpperCase()
    .replace(/[\s\-_:.]/g, '');
  return CRS_ALIASES[key] ?? null;
}
