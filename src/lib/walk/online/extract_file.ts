// A walking extract (ways + their nodes, by OSM id) as one compact binary file, and the merge of several.

import type { OsmExtract, OsmNode, OsmWay } from '../osm_extract.ts';

const MAGIC = 0x58575a4c; // "LZWX" little-endian
/** Bumped when the layout changes; older files are refused (and downloaded again). */
export const EXTRACT_FILE_VERSION = 1;

/** A file that is not a walking extract of this version. */
export class ExtractFileError extends Error {
  override name = 'ExtractFileError';
}

interface Header {
  nodes: number;
  ways: number;
  refs: number;
  /** Distinct tag sets, each flattened [k, v, k, v, …]. */
  tags: string[][];
}

const pad8 = (n: number) => (n + 7) & ~7;

/** Byte offsets of the arrays after the header (each 8-byte aligned), and the file size. */
function layout(jsonLen: number, N: number, W: number, R: number) {
  const ids = pad8(12 + jsonLen);
  const lon = ids + 8 * N;
  const lat = lon + 8 * N;
  const ele = lat + 8 * N;
  const wayIds = ele + 8 * N;
  const pairs = wayIds + 8 * W;
  const refs = pairs + pad8(8 * W);
  return { ids, lon, lat, ele, wayIds, pairs, refs, size: refs + 8 * R };
}

/**
 * Writes an extract: ids, positions (Float64, exact) and elevations (all Float64, exact; NaN when unknown) of the
 * nodes, then the ways (id, tag set, node ids). Tags are stored once per distinct set (streets share a
 * handful), so a dense tile costs ~45 bytes per node.
 */
export function encodeExtract(extract: OsmExtract): ArrayBuffer {
  const tagIndex = new Map<string, number>();
  const tags: string[][] = [];
  const wayTag = new Uint32Array(extract.ways.length);
  let refs = 0;
  extract.ways.forEach((w, i) => {
    const flat = Object.entries(w.tags)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .flat();
    const key = JSON.stringify(flat);
    let t = tagIndex.get(key);
    if (t === undefined) {
      t = tags.length;
      tags.push(flat);
      tagIndex.set(key, t);
    }
    wayTag[i] = t;
    refs += w.nodeIds.length;
  });
  const header: Header = { nodes: extract.nodes.size, ways: extract.ways.length, refs, tags };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const N = header.nodes;
  const W = header.ways;
  const at = layout(json.byteLength, N, W, refs);
  const buf = new ArrayBuffer(at.size);
  const dv = new DataView(buf);
  dv.setUint32(0, MAGIC, true);
  dv.setUint32(4, EXTRACT_FILE_VERSION, true);
  dv.setUint32(8, json.byteLength, true);
  new Uint8Array(buf, 12, json.byteLength).set(json);
  const ids = new Float64Array(buf, at.ids, N);
  const lon = new Float64Array(buf, at.lon, N);
  const lat = new Float64Array(buf, at.lat, N);
  const ele = new Float64Array(buf, at.ele, N);
  let i = 0;
  for (const [id, nd] of extract.nodes) {
    ids[i] = id;
    lon[i] = nd.lon;
    lat[i] = nd.lat;
    ele[i] = nd.ele ?? Number.NaN;
    i++;
  }
  const wayIds = new Float64Array(buf, at.wayIds, W);
  const pairs = new Uint32Array(buf, at.pairs, 2 * W);
  const refIds = new Float64Array(buf, at.refs, refs);
  let r = 0;
  extract.ways.forEach((w, k) => {
    wayIds[k] = w.id;
    pairs[2 * k] = wayTag[k] as number;
    pairs[2 * k + 1] = w.nodeIds.length;
    for (const n of w.nodeIds) refIds[r++] = n;
  });
  return buf;
}

/**
 * Reads an extract file.
 * @throws ExtractFileError when the bytes are not a walking extract of this version
 */
export function decodeExtract(input: ArrayBuffer): OsmExtract {
  if (input.byteLength < 12) throw new ExtractFileError('too short for a walking extract');
  const dv = new DataView(input);
  if (dv.getUint32(0, true) !== MAGIC) throw new ExtractFileError('not a walking extract');
  if (dv.getUint32(4, true) !== EXTRACT_FILE_VERSION)
    throw new ExtractFileError(`walking extract version ${dv.getUint32(4, true)} is not supported`);
  const jsonLen = dv.getUint32(8, true);
  let header: Header;
  try {
    header = JSON.parse(
      new TextDecoder().decode(new Uint8Array(input, 12, Math.min(jsonLen, input.byteLength - 12))),
    );
  } catch {
    throw new ExtractFileError('the walking extract header is unreadable');
  }
  const { nodes: N, ways: W, refs: R, tags } = header;
  const ok = [N, W, R].every((x) => Number.isInteger(x) && x >= 0) && Array.isArray(tags);
  const at = ok ? layout(jsonLen, N, W, R) : null;
  if (!at || at.size !== input.byteLength)
    throw new ExtractFileError('the walking extract is truncated or malformed');
  const ids = new Float64Array(input, at.ids, N);
  const lon = new Float64Array(input, at.lon, N);
  const lat = new Float64Array(input, at.lat, N);
  const ele = new Float64Array(input, at.ele, N);
  const wayIds = new Float64Array(input, at.wayIds, W);
  const pairs = new Uint32Array(input, at.pairs, 2 * W);
  const refIds = new Float64Array(input, at.refs, R);
  const nodes = new Map<number, OsmNode>();
  for (let i = 0; i < N; i++) {
    const e = ele[i] as number;
    nodes.set(
      ids[i] as number,
      Number.isNaN(e)
        ? { lon: lon[i] as number, lat: lat[i] as number }
        : { lon: lon[i] as number, lat: lat[i] as number, ele: e },
    );
  }
  const tagObjects = tags.map((flat) => {
    const o: Record<string, string> = {};
    for (let k = 0; k + 1 < flat.length; k += 2) o[flat[k] as string] = flat[k + 1] as string;
    return o;
  });
  const ways: OsmWay[] = [];
  let r = 0;
  for (let k = 0; k < W; k++) {
    const len = pairs[2 * k + 1] as number;
    if (r + len > R) throw new ExtractFileError('the walking extract is truncated or malformed');
    const t = tagObjects[pairs[2 * k] as number];
    if (!t) throw new ExtractFileError('the walking extract names a missing tag set');
    ways.push({ id: wayIds[k] as number, nodeIds: Array.from(refIds.subarray(r, r + len)), tags: t });
    r += len;
  }
  return { nodes, ways };
}

/**
 * The union of extracts by OSM id: a way or node present in several (a street crossing a tile edge)
 * is kept once, so the graph built from the union is the graph of one request over the whole area.
 */
export function mergeExtracts(parts: readonly OsmExtract[]): OsmExtract {
  const nodes = new Map<number, OsmNode>();
  const ways: OsmWay[] = [];
  const seen = new Set<number>();
  for (const p of parts) {
    for (const [id, nd] of p.nodes) if (!nodes.has(id)) nodes.set(id, nd);
    for (const w of p.ways) {
      if (seen.has(w.id)) continue;
      seen.add(w.id);
      ways.push(w);
    }
  }
  return { nodes, ways };
}

/** Whether bytes start like a walking extract file of this version with a consistent size (cheap check). */
export function isExtractFile(input: ArrayBuffer): boolean {
  if (input.byteLength < 12) return false;
  const dv = new DataView(input);
  if (dv.getUint32(0, true) !== MAGIC || dv.getUint32(4, true) !== EXTRACT_FILE_VERSION) return false;
  return pad8(12 + dv.getUint32(8, true)) <= input.byteLength;
}
