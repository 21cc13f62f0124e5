// Decodes ECharts "UTF8Encoding" map files (echarts.registerMap) into plain GeoJSON, without running them.

import type { Position } from '../../src/lib/feature.ts';

/**
 * ECharts' compressed GeoJSON, as decoded by echarts' own src/coord/geo/parseGeoJson.ts: every ring is a
 * string of UTF-16 code units in pairs (x, y); each unit minus 64 is a zigzag-encoded delta in
 * quantised units from the previous vertex, starting at `encodeOffsets`; a quantised value q means
 * q / UTF8Scale degrees (scale 1024 when absent).
 */
export interface EchartsPolygonGeometry {
  type: 'Polygon';
  coordinates: string[] | Position[][];
  encodeOffsets?: [number, number][];
}
export interface EchartsMultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: string[][] | Position[][][];
  encodeOffsets?: [number, number][][];
}
export interface EchartsFeature {
  type: 'Feature';
  id?: string | number;
  properties: Record<string, unknown>;
  geometry: EchartsPolygonGeometry | EchartsMultiPolygonGeometry;
}
export interface EchartsMap {
  type: 'FeatureCollection';
  features: EchartsFeature[];
  UTF8Encoding?: boolean;
  UTF8Scale?: number;
}

export type DecodedGeometry =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

export interface DecodedFeature {
  type: 'Feature';
  id?: string | number;
  properties: Record<string, unknown>;
  geometry: DecodedGeometry;
}

export interface DecodedMap {
  type: 'FeatureCollection';
  features: DecodedFeature[];
}

export interface DecodeOptions {
  /**
   * Shift every vertex by −½ quantum on both axes. The encoders that produced most ECharts map files
   * (ecomfe/echarts-map-tool, echarts-maps/echarts-mapmaker) quantise with Math.ceil, so a decoded
   * vertex lies 0…1 quantum north-east of the original; the shift centres that error on zero
   * (±½ quantum). Off by default, which reproduces echarts' own decoder exactly.
   */
  ceilCorrection?: boolean;
}

/** Decodes one zigzag value: 0,1,2,3,4 → 0,−1,1,−2,2. */
export function zigzagDecode(n: number): number {
  return (n >> 1) ^ -(n & 1);
}

/**
 * Decodes one ECharts-encoded ring to integer quantised coordinates (units of 1/scale degree).
 * @param encoded the ring string (pairs of UTF-16 code units)
 * @param offset the ring's encodeOffsets entry, in quantised units
 * @returns the vertices as integer [x, y] pairs, in encoding order
 */
export function decodeRingQuantised(encoded: string, offset: readonly [number, number]): [number, number][] {
  if (encoded.length % 2 !== 0) {
    throw new Error(`ECharts ring has an odd number of code units (${encoded.length})`);
  }
  const out: [number, number][] = [];
  let x = offset[0];
  let y = offset[1];
  for (let i = 0; i < encoded.length; i += 2) {
    x += zigzagDecode(encoded.charCodeAt(i) - 64);
    y += zigzagDecode(encoded.charCodeAt(i + 1) - 64);
    out.push([x, y]);
  }
  return out;
}

/**
 * Decodes one ECharts-encoded ring to degrees.
 * @param encoded the ring string
 * @param offset the ring's encodeOffsets entry, in quantised units
 * @param scale quantised units per degree (ECharts default 1024)
 * @param options see {@link DecodeOptions}
 * @returns [lon, lat] vertices in degrees, in the map's own CRS (no datum change here)
 */
export function decodeRing(
  encoded: string,
  offset: readonly [number, number],
  scale = 1024,
  options: DecodeOptions = {},
): Position[] {
  const shift = options.ceilCorrection ? 0.5 : 0;
  return decodeRingQuantised(encoded, offset).map(([x, y]) => [(x - shift) / scale, (y - shift) / scale]);
}

function requireOffset(offsets: unknown, where: string): [number, number] {
  if (
    !Array.isArray(offsets) ||
    offsets.length !== 2 ||
    typeof offsets[0] !== 'number' ||
    typeof offsets[1] !== 'number'
  ) {
    throw new Error(`ECharts map: missing or malformed encodeOffsets at ${where}`);
  }
  return [offsets[0], offsets[1]];
}

function decodeAnyRing(
  ring: string | Position[],
  offset: unknown,
  scale: number,
  encoded: boolean,
  options: DecodeOptions,
  where: string,
): Position[] {
  if (!encoded) {
    if (typeof ring === 'string')
      throw new Error(`ECharts map: encoded ring in an unencoded map at ${where}`);
    return ring.map((p) => [p[0], p[1]]);
  }
  if (typeof ring !== 'string') throw new Error(`ECharts map: expected an encoded ring string at ${where}`);
  return decodeRing(ring, requireOffset(offset, where), scale, options);
}

/**
 * Decodes an ECharts map object (the second argument of echarts.registerMap) into GeoJSON.
 * Maps without UTF8Encoding are passed through (copied). Features keep their id and properties.
 * @param map the ECharts map object
 * @param options see {@link DecodeOptions}
 * @returns a new FeatureCollection of Polygon / MultiPolygon features, coordinates in degrees
 */
export function decodeEchartsMap(map: EchartsMap, options: DecodeOptions = {}): DecodedMap {
  const encoded = map.UTF8Encoding === true;
  const scale = map.UTF8Scale ?? 1024;
  if (!(scale > 0)) throw new Error(`ECharts map: invalid UTF8Scale ${String(map.UTF8Scale)}`);
  const features = map.features.map((f, fi): DecodedFeature => {
    const g = f.geometry;
    const where = `feature ${fi} (${String(f.id ?? f.properties.name ?? '?')})`;
    let geometry: DecodedGeometry;
    if (g.type === 'Polygon') {
      geometry = {
        type: 'Polygon',
        coordinates: (g.coordinates as (string | Position[])[]).map((ring, ri) =>
          decodeAnyRing(ring, g.encodeOffsets?.[ri], scale, encoded, options, `${where} ring ${ri}`),
        ),
      };
    } else if (g.type === 'MultiPolygon') {
      geometry = {
        type: 'MultiPolygon',
        coordinates: (g.coordinates as (string | Position[])[][]).map((poly, pi) =>
          poly.map((ring, ri) =>
            decodeAnyRing(
              ring,
              g.encodeOffsets?.[pi]?.[ri],
              scale,
              encoded,
              options,
              `${where} polygon ${pi} ring ${ri}`,
            ),
          ),
        ),
      };
    } else {
      throw new Error(`ECharts map: unsupported geometry type ${(g as { type: string }).type} at ${where}`);
    }
    const out: DecodedFeature = { type: 'Feature', properties: { ...f.properties }, geometry };
    if (f.id !== undefined) out.id = f.id;
    return out;
  });
  return { type: 'FeatureCollection', features };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
  v: '\v',
  '0': '\0',
};

/** Reads a JS string literal starting at `start` (a quote); returns its value and the index after it. */
function readStringLiteral(src: string, start: number): { value: string; end: number } {
  const quote = src[start];
  let i = start + 1;
  let value = '';
  while (i < src.length && src[i] !== quote) {
    const c = src[i]!;
    if (c !== '\\') {
      value += c;
      i += 1;
      continue;
    }
    const e = src[i + 1] ?? '';
    if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(src.slice(i + 2, i + 6))) {
      value += String.fromCharCode(Number.parseInt(src.slice(i + 2, i + 6), 16));
      i += 6;
    } else {
      value += SIMPLE_ESCAPES[e] ?? e;
      i += 2;
    }
  }
  if (i >= src.length) throw new Error('ECharts map: unterminated string literal');
  return { value, end: i + 1 };
}

/** Returns the index just past the JSON value (object) that starts at `start`. */
function scanJsonObject(src: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < src.length) {
    const c = src[i];
    if (c === '"') {
      i += 1;
      while (i < src.length && src[i] !== '"') i += src[i] === '\\' ? 2 : 1;
    } else if (c === '{' || c === '[') {
      depth += 1;
    } else if (c === '}' || c === ']') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
    i += 1;
  }
  throw new Error('ECharts map: unbalanced JSON object');
}

/**
 * Extracts the map registered by an ECharts map script (`echarts.registerMap('name', {...})`) by
 * parsing its JSON argument, so third-party code is never executed.
 * @param jsSource the script text
 * @returns the registered name and the (still encoded) map object
 */
export function extractRegisteredMap(jsSource: string): { name: string; map: EchartsMap } {
  const call = jsSource.indexOf('registerMap(');
  if (call < 0) throw new Error('ECharts map: no registerMap( call found');
  let i = call + 'registerMap('.length;
  while (/\s/.test(jsSource[i] ?? '')) i += 1;
  const q = jsSource[i];
  if (q !== "'" && q !== '"') throw new Error('ECharts map: registerMap name is not a string literal');
  const { value: name, end } = readStringLiteral(jsSource, i);
  const open = jsSource.indexOf('{', end);
  if (open < 0 || jsSource.slice(end, open).replace(/[\s,]/g, '') !== '') {
    throw new Error('ECharts map: registerMap second argument is not an object literal');
  }
  const close = scanJsonObject(jsSource, open);
  const map = JSON.parse(jsSource.slice(open, close)) as EchartsMap;
  if (map.type !== 'FeatureCollection' || !Array.isArray(map.features)) {
    throw new Error('ECharts map: registered object is not a FeatureCollection');
  }
  return { name, map };
}
