// Small spherical-geometry helpers for hot loops of the walking engine (metres, degrees, WGS-84 sphere).

/** Mean Earth radius in metres (IUGG), the same radius turf uses. */
export const EARTH_RADIUS_M = 6371008.8;

const RAD = Math.PI / 180;

/** Metres per degree of latitude on the sphere (≈111.195 km). */
export const METRES_PER_DEGREE = EARTH_RADIUS_M * RAD;

/**
 * Great-circle (haversine) distance between two lon/lat points.
 * @returns metres
 */
export function haversineM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const s1 = Math.sin(dLat / 2);
  const s2 = Math.sin(dLon / 2);
  const h = s1 * s1 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * s2 * s2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Metres per degree of longitude at a latitude (degrees). */
export function metresPerDegreeLon(lat: number): number {
  return METRES_PER_DEGREE * Math.cos(lat * RAD);
}

/** Result of projecting a point onto a segment in a local planar frame. */
export interface SegmentProjection {
  /** Fraction along the segment, 0 at its start and 1 at its end. */
  t: number;
  /** Squared planar distance from the point to the projection, in m². */
  d2: number;
}

/**
 * Projects point P onto segment A→B using an equirectangular frame centred on P's latitude, accurate
 * for segments of a few kilometres at most (street graph edges are metres to hundreds of metres).
 * @param kx metres per degree of longitude at P's latitude (see metresPerDegreeLon)
 */
export function projectOnSegment(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  kx: number,
): SegmentProjection {
  const ky = METRES_PER_DEGREE;
  const abx = (bx - ax) * kx;
  const aby = (by - ay) * ky;
  const apx = (px - ax) * kx;
  const apy = (py - ay) * ky;
  const len2 = abx * abx + aby * aby;
  let t = len2 > 0 ? (apx * abx + apy * aby) / len2 : 0;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const dx = apx - t * abx;
  const dy = apy - t * aby;
  return { t, d2: dx * dx + dy * dy };
}

/**
 * Point at a fraction of the straight segment A→B (linear in lon/lat, which is what a graph edge is).
 * @returns [lon, lat]
 */
export function lerpLonLat(ax: number, ay: number, bx: number, by: number, t: number): [number, number] {
  return [ax + (bx - ax) * t, ay + (by - ay) * t];
}

/**
 * Destination point from a start, bearing and distance on the sphere.
 * @param bearingDeg clockwise from north, degrees
 * @param distanceM metres
 * @returns [lon, lat]
 */
export function destinationPoint(
  lon: number,
  lat: number,
  bearingDeg: number,
  distanceM: number,
): [number, number] {
  const d = distanceM / EARTH_RADIUS_M;
  const b = bearingDeg * RAD;
  const la1 = lat * RAD;
  const lo1 = lon * RAD;
  const la2 = Math.asin(Math.sin(la1) * Math.cos(d) + Math.cos(la1) * Math.sin(d) * Math.cos(b));
  const lo2 =
    lo1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(la1), Math.cos(d) - Math.sin(la1) * Math.sin(la2));
  return [lo2 / RAD, la2 / RAD];
}

/**
 * Even–odd point-in-ring test in any planar coordinates (ring as flat [x0, y0, x1, y1, …], open or closed).
 */
export function pointInRing(x: number, y: number, ring: ArrayLike<number>): boolean {
  let inside = false;
  const n = ring.length >> 1;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = ring[2 * i] as number;
    const yi = ring[2 * i + 1] as number;
    const xj = ring[2 * j] as number;
    const yj = ring[2 * j + 1] as number;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Signed area of a planar ring given as flat coordinates (positive when counter-clockwise). */
export function ringSignedArea(ring: ArrayLike<number>): number {
  let a = 0;
  const n = ring.length >> 1;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    a +=
      ((ring[2 * j] as number) - (ring[2 * i] as number)) *
      ((ring[2 * j + 1] as number) + (ring[2 * i + 1] as number));
  }
  return a / 2;
}

/** Whether open segments P1P2 and P3P4 cross at a single interior point (touching ends do not count). */
export function segmentsCrossProperly(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  x3: number,
  y3: number,
  x4: number,
  y4: number,
): boolean {
  const d1 = (x4 - x3) * (y1 - y3) - (y4 - y3) * (x1 - x3);
  const d2 = (x4 - x3) * (y2 - y3) - (y4 - y3) * (x2 - x3);
  const d3 = (x2 - x1) * (y3 - y1) - (y2 - y1) * (x3 - x1);
  const d4 = (x2 - x1) * (y4 - y1) - (y2 - y1) * (x4 - x1);
  return d1 * d2 < 0 && d3 * d4 < 0;
}
