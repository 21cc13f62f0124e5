// Point-in-district lookup over the district boundaries (flatbush over polygon bboxes + exact point-in-polygon).

import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { nearestPointOnLine } from '@turf/nearest-point-on-line';
import Flatbush from 'flatbush';
import type { MultiLineString, Polygon } from 'geojson';
import type { Position } from './feature.ts';

/** The minimum a boundaries file must provide: polygonal features carrying an adcode in `district`. */
export interface DistrictFeatureLike {
  geometry: { type: string; coordinates: unknown };
  properties: { district: string };
}
export interface DistrictCollectionLike {
  type?: string;
  features: readonly DistrictFeatureLike[];
}

export interface DistrictLookup {
  /**
   * The adcode of the district containing (lon, lat), or null outside all of them. Points exactly on a
   * shared border belong to the district listed first in the collection.
   * @param lon WGS-84 longitude, degrees
   * @param lat WGS-84 latitude, degrees
   */
  districtAt(lon: number, lat: number): string | null;
  /**
   * Distance from (lon, lat) to district `adcode`: 0 when inside or on its border, else metres to the
   * nearest point of its boundary (geodesic segments, as @turf/nearest-point-on-line measures them).
   * @throws RangeError when `adcode` is not in the collection
   */
  distanceToDistrictM(lon: number, lat: number, adcode: string): number;
  /** Adcodes in collection order. */
  readonly adcodes: readonly string[];
}

interface Part {
  adcode: string;
  polygon: Polygon;
}

function polygonsOf(f: DistrictFeatureLike): Position[][][] {
  const g = f.geometry;
  if (g.type === 'Polygon') return [g.coordinates as Position[][]];
  if (g.type === 'MultiPolygon') return g.coordinates as Position[][][];
  throw new TypeError(`district ${f.properties.district}: geometry ${g.type} is not polygonal`);
}

/**
 * Builds the lookup once; queries are then a flatbush bbox search plus point-in-polygon on the few
 * parts whose boxes contain the point.
 * @param fc district features (Polygon / MultiPolygon, WGS-84 degrees) with `properties.district`
 */
export function createDistrictLookup(fc: DistrictCollectionLike): DistrictLookup {
  const parts: Part[] = [];
  const rings = new Map<string, Position[][]>();
  const adcodes: string[] = [];
  for (const f of fc.features) {
    const adcode = f.properties.district;
    if (!rings.has(adcode)) {
      rings.set(adcode, []);
      adcodes.push(adcode);
    }
    for (const poly of polygonsOf(f)) {
      parts.push({ adcode, polygon: { type: 'Polygon', coordinates: poly } });
      rings.get(adcode)!.push(...poly);
    }
  }
  const index = new Flatbush(Math.max(parts.length, 1));
  for (const p of parts) {
    let minX = Number.POSITIVE_INFINITY;
    let minY = Number.POSITIVE_INFINITY;
    let maxX = Number.NEGATIVE_INFINITY;
    let maxY = Number.NEGATIVE_INFINITY;
    for (const [x, y] of p.polygon.coordinates[0] as Position[]) {
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
    index.add(minX, minY, maxX, maxY);
  }
  // Flatbush needs at least one item; an empty collection gets a box nothing can fall into.
  if (parts.length === 0) index.add(Number.NaN, Number.NaN, Number.NaN, Number.NaN);
  index.finish();

  const partIndexAt = (lon: number, lat: number): number => {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return -1;
    // Ascending part order makes "first in the collection" win on shared borders.
    const hits = index.search(lon, lat, lon, lat).sort((a, b) => a - b);
    for (const i of hits) {
      const p = parts[i];
      if (p && booleanPointInPolygon([lon, lat], p.polygon)) return i;
    }
    return -1;
  };

  return {
    adcodes,
    districtAt(lon, lat) {
      const i = partIndexAt(lon, lat);
      return i < 0 ? null : parts[i]!.adcode;
    },
    distanceToDistrictM(lon, lat, adcode) {
      const own = rings.get(adcode);
      if (!own) throw new RangeError(`unknown district adcode ${adcode}`);
      for (let i = 0; i < parts.length; i++) {
        const p = parts[i]!;
        if (p.adcode === adcode && booleanPointInPolygon([lon, lat], p.polygon)) return 0;
      }
      const lines: MultiLineString = { type: 'MultiLineString', coordinates: own };
      return nearestPointOnLine(lines, [lon, lat], { units: 'meters' }).properties.pointDistance;
    },
  };
}
