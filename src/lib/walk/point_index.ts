// A static index of points (facilities) for radius and k-nearest queries by great-circle distance.

import { around } from 'geokdbush';
import KDBush from 'kdbush';
import { EARTH_RADIUS_M, haversineM, METRES_PER_DEGREE } from './geo.ts';

/** A result of a point query: the point's index in the input list and its distance. */
export interface PointHit {
  index: number;
  /** Great-circle distance, metres. */
  distanceM: number;
}

// geokdbush measures on a 6371 km sphere; our haversine uses 6371.0088 km. Searching a hair wider and
// filtering with our own distance keeps both consistent.
const GEOKDBUSH_SLACK = 1.0001;

/** kdbush over lon/lat with exact haversine filtering; geokdbush for k-nearest. */
export class PointIndex {
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  private readonly kd: KDBush;

  constructor(points: readonly { lon: number; lat: number }[]) {
    const n = points.length;
    this.lon = new Float64Array(n);
    this.lat = new Float64Array(n);
    this.kd = new KDBush(Math.max(1, n), 64, Float64Array);
    points.forEach((p, i) => {
      this.lon[i] = p.lon;
      this.lat[i] = p.lat;
      this.kd.add(p.lon, p.lat);
    });
    // kdbush rejects an empty index; a placeholder far outside any query keeps the code path uniform.
    if (n === 0) this.kd.add(1e9, 1e9);
    this.kd.finish();
  }

  get size(): number {
    return this.lon.length;
  }

  /**
   * Indices of the points within radiusM of (lon, lat): a kdbush box query, then exact haversine.
   * @param radiusM metres
   */
  within(lon: number, lat: number, radiusM: number): number[] {
    if (this.lon.length === 0) return [];
    const dLat = radiusM / METRES_PER_DEGREE;
    const latEdge = Math.min(89.9, Math.abs(lat) + dLat);
    const dLon = radiusM / (METRES_PER_DEGREE * Math.cos((latEdge * Math.PI) / 180));
    const ids = this.kd.range(lon - dLon, lat - dLat, lon + dLon, lat + dLat);
    const out: number[] = [];
    // An equirectangular distance at the query's latitude is within 0.01 % of the great-circle one at
    // city scale; only candidates within 0.1 % of the radius pay for the exact haversine.
    const kx = METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180);
    const inner2 = (radiusM * 0.999) ** 2;
    const outer2 = (radiusM * 1.001) ** 2;
    for (const i of ids) {
      const x = this.lon[i] as number;
      const y = this.lat[i] as number;
      const dx = (x - lon) * kx;
      const dy = (y - lat) * METRES_PER_DEGREE;
      const d2 = dx * dx + dy * dy;
      if (d2 < inner2 || (d2 <= outer2 && haversineM(lon, lat, x, y) <= radiusM)) out.push(i);
    }
    return out;
  }

  /**
   * The k nearest points by great-circle distance, nearest first.
   * @param maxDistanceM metres (default unlimited)
   */
  nearest(lon: number, lat: number, k: number, maxDistanceM = Infinity): PointHit[] {
    if (this.lon.length === 0 || k <= 0) return [];
    const maxKm = Number.isFinite(maxDistanceM)
      ? (maxDistanceM / EARTH_RADIUS_M) * 6371 * GEOKDBUSH_SLACK
      : undefined;
    const ids = around(this.kd, lon, lat, k, maxKm);
    const out: PointHit[] = [];
    for (const i of ids) {
      const d = haversineM(lon, lat, this.lon[i] as number, this.lat[i] as number);
      if (d <= maxDistanceM) out.push({ index: i, distanceM: d });
    }
    return out;
  }
}
