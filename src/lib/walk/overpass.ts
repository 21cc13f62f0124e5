// Overpass API support: the QL query for walkable ways around a point and its JSON → neutral extract.

import { type Bbox, type OsmExtract, parseEle, WalkExtractCollector } from './osm_extract.ts';

/** highway values never worth downloading for walking (the builder would drop them anyway). */
export const OVERPASS_SKIP_HIGHWAYS = 'construction|proposed|abandoned|razed|platform|bus_guideway|raceway';

/** Largest radius accepted, metres (Overpass servers time out on much larger "around" queries). */
export const MAX_OVERPASS_RADIUS_M = 20_000;

/**
 * Overpass QL for every way a pedestrian might use within radiusM of a point, with their nodes
 * (tags included, for `ele`). Ways are filtered again by the graph builder, so the rules live there.
 * @param lon degrees
 * @param lat degrees
 * @param radiusM metres, 1 … 20,000
 * @param timeoutS server timeout, seconds (default 25)
 */
export function overpassWalkQuery(lon: number, lat: number, radiusM: number, timeoutS = 25): string {
  if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90))
    throw new RangeError(`invalid point ${lon},${lat}`);
  if (!(radiusM >= 1 && radiusM <= MAX_OVERPASS_RADIUS_M)) {
    throw new RangeError(`radius must be 1…${MAX_OVERPASS_RADIUS_M} m, got ${radiusM}`);
  }
  const around = `(around:${Math.round(radiusM)},${lat.toFixed(6)},${lon.toFixed(6)})`;
  return [
    `[out:json][timeout:${Math.round(timeoutS)}];`,
    '(',
    `  way["highway"]["highway"!~"^(${OVERPASS_SKIP_HIGHWAYS})$"]${around};`,
    `  way["man_made"="pier"]${around};`,
    ');',
    '(._;>;);',
    'out body qt;',
  ].join('\n');
}

/**
 * A cacheable request covering a circle: the centre snapped to a grid of `gridM` metres and the
 * radius grown by the snap offset, so nearby clicks share one cached Overpass response.
 * @param gridM grid spacing, metres (default 500)
 */
export function overpassTile(
  lon: number,
  lat: number,
  radiusM: number,
  gridM = 500,
): { lon: number; lat: number; radiusM: number; key: string } {
  const dLat = gridM / 111_195;
  const dLon = gridM / (111_195 * Math.cos((lat * Math.PI) / 180));
  const iy = Math.round(lat / dLat);
  const ix = Math.round(lon / dLon);
  const cLat = iy * dLat;
  const cLon = ix * dLon;
  // Half the grid diagonal bounds the snap offset; rounding the radius up to the grid keeps keys few.
  const r = Math.ceil((radiusM + gridM * Math.SQRT1_2) / gridM) * gridM;
  return {
    lon: cLon,
    lat: cLat,
    radiusM: Math.min(r, MAX_OVERPASS_RADIUS_M),
    key: `${gridM}:${ix}:${iy}:${r}`,
  };
}

/** A malformed Overpass response. */
export class OverpassFormatError extends Error {
  override name = 'OverpassFormatError';
}

/**
 * Parses an Overpass JSON response (`out body`) into the neutral extract: walkable ways, and the nodes
 * they use (with `ele` when tagged). Input is untrusted: non-numeric ids or coordinates are skipped.
 * @param bbox optional clip
 */
export function parseOverpassJson(json: unknown, bbox?: Bbox): OsmExtract {
  const elements = (json as { elements?: unknown } | null)?.elements;
  if (!Array.isArray(elements)) throw new OverpassFormatError('Overpass response has no "elements" array');
  const c = new WalkExtractCollector(bbox ? { bbox } : {});
  for (const el of elements as Record<string, unknown>[]) {
    if (el?.type !== 'way' || typeof el.id !== 'number' || !Array.isArray(el.nodes)) continue;
    const nodeIds = (el.nodes as unknown[]).filter((x): x is number => typeof x === 'number');
    c.addWay(el.id, nodeIds, stringTags(el.tags));
  }
  for (const el of elements as Record<string, unknown>[]) {
    if (el?.type !== 'node' || typeof el.id !== 'number') continue;
    const { lon, lat } = el;
    if (typeof lon !== 'number' || typeof lat !== 'number' || !(Math.abs(lon) <= 180 && Math.abs(lat) <= 90))
      continue;
    c.addNode(el.id, lon, lat, parseEle(stringTags(el.tags).ele));
  }
  return c.finish();
}

function stringTags(tags: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (tags && typeof tags === 'object') {
    for (const [k, v] of Object.entries(tags as Record<string, unknown>))
      if (typeof v === 'string') out[k] = v;
  }
  return out;
}
