// District lookup for imports: src/lib/districts.ts point-in-polygon plus a fast planar distance to borders.

import { createDistrictLookup, type DistrictCollectionLike, type DistrictLookup } from '../districts';
import type { Position } from '../feature';

const M_PER_DEG_LAT = 111_320;

interface Part {
  adcode: string;
  rings: Position[][];
  box: [number, number, number, number];
}

function ringsOf(geometry: { type: string; coordinates: unknown }): Position[][] {
  if (geometry.type === 'Polygon') return geometry.coordinates as Position[][];
  if (geometry.type === 'MultiPolygon') return (geometry.coordinates as Position[][][]).flat();
  return [];
}

/** Metres from (lon, lat) to the nearest segment of `rings`, in a local equirectangular projection. */
function planarDistanceM(rings: Position[][], lon: number, lat: number): number {
  const kx = M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180);
  const ky = M_PER_DEG_LAT;
  let best = Number.POSITIVE_INFINITY;
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i++) {
      const a = ring[i - 1] as Position;
      const b = ring[i] as Position;
      const ax = (a[0] - lon) * kx;
      const ay = (a[1] - lat) * ky;
      const dx = (b[0] - a[0]) * kx;
      const dy = (b[1] - a[1]) * ky;
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
      const px = ax + t * dx;
      const py = ay + t * dy;
      const d2 = px * px + py * py;
      if (d2 < best) best = d2;
    }
  }
  return Math.sqrt(best);
}

/** A district lookup that can also answer "which district is this point in, or just outside of?". */
export interface ImportDistrictLookup extends DistrictLookup {
  /**
   * The district containing the point, or the nearest one within `toleranceM` (the published boundaries
   * are generalised, so a point just outside may still belong to it); null when farther from all.
   * @param lon WGS-84 longitude, degrees
   * @param lat WGS-84 latitude, degrees
   * @param toleranceM metres
   */
  districtNear(lon: number, lat: number, toleranceM: number): string | null;
}

/** Metres from a point to a box (0 inside), same projection as planarDistanceM: a lower bound for its rings. */
function boxDistanceM(box: Part['box'], lon: number, lat: number): number {
  const kx = M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180);
  const dx = Math.max(box[0] - lon, 0, lon - box[2]) * kx;
  const dy = Math.max(box[1] - lat, 0, lat - box[3]) * M_PER_DEG_LAT;
  return Math.hypot(dx, dy);
}

/**
 * Same answers as createDistrictLookup, but distances are measured in a local flat projection (within
 * 0.5 % of the geodesic figure at district scale) instead of with turf's nearest-point-on-line, which costs
 * ~40 ms per district here; an import may ask for thousands of points.
 * @param fc district polygons in WGS-84 degrees with `properties.district`
 */
export function createImportDistrictLookup(fc: DistrictCollectionLike): ImportDistrictLookup {
  const base = createDistrictLookup(fc);
  const parts: Part[] = [];
  for (const f of fc.features) {
    const rings = ringsOf(f.geometry);
    const box: Part['box'] = [
      Number.POSITIVE_INFINITY,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ];
    for (const r of rings) {
      for (const [x, y] of r) {
        box[0] = Math.min(box[0], x);
        box[1] = Math.min(box[1], y);
        box[2] = Math.max(box[2], x);
        box[3] = Math.max(box[3], y);
      }
    }
    parts.push({ adcode: f.properties.district, rings, box });
  }
  const distance = (lon: number, lat: number, adcode: string, limit: number): number => {
    let best = Number.POSITIVE_INFINITY;
    for (const p of parts) {
      if (p.adcode !== adcode || boxDistanceM(p.box, lon, lat) > Math.min(best, limit)) continue;
      best = Math.min(best, planarDistanceM(p.rings, lon, lat));
    }
    return best;
  };
  return {
    adcodes: base.adcodes,
    districtAt: (lon, lat) => base.districtAt(lon, lat),
    distanceToDistrictM(lon, lat, adcode) {
      if (!parts.some((p) => p.adcode === adcode)) throw new RangeError(`unknown district adcode ${adcode}`);
      if (base.districtAt(lon, lat) === adcode) return 0;
      return distance(lon, lat, adcode, Number.POSITIVE_INFINITY);
    },
    districtNear(lon, lat, toleranceM) {
      const inside = base.districtAt(lon, lat);
      if (inside) return inside;
      let best: string | null = null;
      let bestM = toleranceM;
      for (const code of base.adcodes) {
        const m = distance(lon, lat, code, bestM);
        if (m <= bestM) {
          best = code;
          bestM = m;
        }
      }
      return best;
    },
  };
}
