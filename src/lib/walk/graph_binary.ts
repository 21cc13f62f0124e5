// Versioned binary file format of the walking graph (written by the OSM import, fetched by the app).

import { translate } from '../i18n';
import type { WalkGraph } from './graph.ts';

/** First four bytes of every graph file: ASCII "LZWG" (Lanzhou walking graph). */
export const WALK_GRAPH_MAGIC = 'LZWG';
/**
 * Format version written by this code; readers reject other versions instead of misreading them.
 * 2: polyline edges (shape nodes contracted), per-edge layer and slope length.
 */
export const WALK_GRAPH_VERSION = 2;

const HEADER_BYTES = 64;
const FLAG_ELE = 1;
const FLAG_OSM_ID = 2;

/** A graph file that cannot be read (wrong magic, version, truncated, inconsistent arrays). */
export class WalkGraphFormatError extends Error {
  override name = 'WalkGraphFormatError';
}

/** A graph file written by an older importer: readable only after re-running the import. */
export class WalkGraphOutdatedError extends WalkGraphFormatError {
  override name = 'WalkGraphOutdatedError';
  constructor(readonly version: number) {
    // Both languages: the message reaches users inside a translated notice and developers on the CLI.
    const params = { version, expected: WALK_GRAPH_VERSION };
    super(
      `${translate('zh', 'walk.graph_outdated', params)} ${translate('en', 'walk.graph_outdated', params)}`,
    );
  }
}

const pad8 = (n: number) => (n + 7) & ~7;

/**
 * Layout (little-endian; every array starts at a multiple of 8 bytes):
 *   0 magic "LZWG" · 4 u16 version · 6 u16 flags (1 elevation, 2 OSM ids) · 8 u32 nodes · 12 u32 edges
 *   · 16 u32 JSON length · 20 u32 chains c · 24 f64×4 bbox · 56 u32 shape points p · 60 u32 reserved
 *   · 64 JSON {meta, labels}
 *   then lon f64[n], lat f64[n], osmId f64[n]?, offsets i32[n+1], target i32[m], length f32[m],
 *   label i32[m], flags u8[m], ele f32[n]?, layer i8[m], chain i32[m], shape offsets i32[c+1],
 *   shape lon f64[p], shape lat f64[p], slope length f32[m]? (with elevation).
 */
function layout(
  n: number,
  m: number,
  jsonBytes: number,
  hasEle: boolean,
  hasOsm: boolean,
  chains: number,
  points: number,
) {
  let at = pad8(HEADER_BYTES + jsonBytes);
  const take = (bytes: number) => {
    const start = at;
    at = pad8(at + bytes);
    return start;
  };
  const lon = take(8 * n);
  const lat = take(8 * n);
  const osmId = hasOsm ? take(8 * n) : -1;
  const offsets = take(4 * (n + 1));
  const target = take(4 * m);
  const lengthM = take(4 * m);
  const label = take(4 * m);
  const flags = take(m);
  const ele = hasEle ? take(4 * n) : -1;
  const layer = take(m);
  const chain = take(4 * m);
  const shapeOffsets = take(4 * (chains + 1));
  const shapeLon = take(8 * points);
  const shapeLat = take(8 * points);
  const slope = hasEle ? take(4 * m) : -1;
  return {
    lon,
    lat,
    osmId,
    offsets,
    target,
    lengthM,
    label,
    flags,
    ele,
    layer,
    chain,
    shapeOffsets,
    shapeLon,
    shapeLat,
    slope,
    total: at,
  };
}

function assertLittleEndian(): void {
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
    throw new WalkGraphFormatError('big-endian platforms are not supported by the graph format');
  }
}

/** Serialises a graph to the binary format. */
export function serializeWalkGraph(graph: WalkGraph): Uint8Array {
  assertLittleEndian();
  const n = graph.nodeCount;
  const m = graph.edgeCount;
  const json = new TextEncoder().encode(JSON.stringify({ meta: graph.meta, labels: graph.labels }));
  const chains = graph.shape.offsets.length - 1;
  const points = graph.shape.lon.length;
  const hasEle = graph.ele !== null && graph.slopeLengthM !== null;
  const L = layout(n, m, json.length, hasEle, graph.osmId !== null, chains, points);
  const buf = new ArrayBuffer(L.total);
  const bytes = new Uint8Array(buf);
  const dv = new DataView(buf);
  bytes.set(new TextEncoder().encode(WALK_GRAPH_MAGIC), 0);
  dv.setUint16(4, WALK_GRAPH_VERSION, true);
  dv.setUint16(6, (hasEle ? FLAG_ELE : 0) | (graph.osmId ? FLAG_OSM_ID : 0), true);
  dv.setUint32(8, n, true);
  dv.setUint32(12, m, true);
  dv.setUint32(16, json.length, true);
  dv.setUint32(20, chains, true);
  dv.setUint32(56, points, true);
  dv.setUint32(60, 0, true);
  graph.bbox.forEach((v, i) => {
    dv.setFloat64(24 + 8 * i, v, true);
  });
  bytes.set(json, HEADER_BYTES);
  new Float64Array(buf, L.lon, n).set(graph.lon);
  new Float64Array(buf, L.lat, n).set(graph.lat);
  if (graph.osmId) new Float64Array(buf, L.osmId, n).set(graph.osmId);
  new Int32Array(buf, L.offsets, n + 1).set(graph.offsets);
  new Int32Array(buf, L.target, m).set(graph.target);
  new Float32Array(buf, L.lengthM, m).set(graph.lengthM);
  new Int32Array(buf, L.label, m).set(graph.label);
  new Uint8Array(buf, L.flags, m).set(graph.flags);
  if (hasEle) new Float32Array(buf, L.ele, n).set(graph.ele as Float32Array);
  new Int8Array(buf, L.layer, m).set(graph.layer);
  new Int32Array(buf, L.chain, m).set(graph.shape.chain);
  new Int32Array(buf, L.shapeOffsets, chains + 1).set(graph.shape.offsets);
  new Float64Array(buf, L.shapeLon, points).set(graph.shape.lon);
  new Float64Array(buf, L.shapeLat, points).set(graph.shape.lat);
  if (hasEle) new Float32Array(buf, L.slope, m).set(graph.slopeLengthM as Float32Array);
  return bytes;
}

/**
 * Reads a graph file, validating it fully (structure, ranges) so a corrupt download fails loudly here
 * rather than as wrong walking times later. Arrays are views on the input when it is 8-byte aligned.
 * @throws WalkGraphFormatError
 */
export function deserializeWalkGraph(input: ArrayBuffer | Uint8Array): WalkGraph {
  assertLittleEndian();
  let bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.byteOffset % 8 !== 0) bytes = bytes.slice();
  const buf = bytes.buffer;
  const base = bytes.byteOffset;
  if (bytes.length < HEADER_BYTES)
    throw new WalkGraphFormatError(`file too short for a walking graph (${bytes.length} bytes)`);
  const magic = new TextDecoder().decode(bytes.subarray(0, 4));
  if (magic !== WALK_GRAPH_MAGIC)
    throw new WalkGraphFormatError(`not a walking graph file (magic "${magic}")`);
  const dv = new DataView(buf, base, bytes.length);
  const version = dv.getUint16(4, true);
  if (version >= 1 && version < WALK_GRAPH_VERSION) throw new WalkGraphOutdatedError(version);
  if (version !== WALK_GRAPH_VERSION) {
    throw new WalkGraphFormatError(
      `walking graph format version ${version} is not supported (expected ${WALK_GRAPH_VERSION})`,
    );
  }
  const flagBits = dv.getUint16(6, true);
  const n = dv.getUint32(8, true);
  const m = dv.getUint32(12, true);
  const jsonLen = dv.getUint32(16, true);
  const bbox: [number, number, number, number] = [0, 1, 2, 3].map((i) => dv.getFloat64(24 + 8 * i, true)) as [
    number,
    number,
    number,
    number,
  ];
  const chains = dv.getUint32(20, true);
  const points = dv.getUint32(56, true);
  const L = layout(
    n,
    m,
    jsonLen,
    (flagBits & FLAG_ELE) !== 0,
    (flagBits & FLAG_OSM_ID) !== 0,
    chains,
    points,
  );
  if (L.total !== bytes.length) {
    throw new WalkGraphFormatError(
      `walking graph file is ${bytes.length} bytes, its header implies ${L.total} (truncated?)`,
    );
  }
  let parsed: { meta?: Record<string, string | number>; labels?: string[] };
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes.subarray(HEADER_BYTES, HEADER_BYTES + jsonLen)));
  } catch {
    throw new WalkGraphFormatError('walking graph metadata is not valid JSON');
  }
  const labels = Array.isArray(parsed.labels) ? parsed.labels.map(String) : [];
  const graph: WalkGraph = {
    nodeCount: n,
    edgeCount: m,
    lon: new Float64Array(buf, base + L.lon, n),
    lat: new Float64Array(buf, base + L.lat, n),
    osmId: L.osmId >= 0 ? new Float64Array(buf, base + L.osmId, n) : null,
    offsets: new Int32Array(buf, base + L.offsets, n + 1),
    target: new Int32Array(buf, base + L.target, m),
    lengthM: new Float32Array(buf, base + L.lengthM, m),
    label: new Int32Array(buf, base + L.label, m),
    flags: new Uint8Array(buf, base + L.flags, m),
    ele: L.ele >= 0 ? new Float32Array(buf, base + L.ele, n) : null,
    slopeLengthM: L.slope >= 0 ? new Float32Array(buf, base + L.slope, m) : null,
    layer: new Int8Array(buf, base + L.layer, m),
    shape: {
      chain: new Int32Array(buf, base + L.chain, m),
      offsets: new Int32Array(buf, base + L.shapeOffsets, chains + 1),
      lon: new Float64Array(buf, base + L.shapeLon, points),
      lat: new Float64Array(buf, base + L.shapeLat, points),
    },
    labels,
    bbox,
    meta: parsed.meta && typeof parsed.meta === 'object' ? parsed.meta : {},
  };
  validate(graph);
  return graph;
}

function validate(g: WalkGraph): void {
  const { offsets, target, lengthM, label, lon, lat, nodeCount: n, edgeCount: m } = g;
  if (offsets[0] !== 0 || offsets[n] !== m)
    throw new WalkGraphFormatError('edge offsets do not span the edge array');
  for (let u = 0; u < n; u++) {
    if ((offsets[u + 1] as number) < (offsets[u] as number))
      throw new WalkGraphFormatError(`edge offsets decrease at node ${u}`);
    const x = lon[u] as number;
    const y = lat[u] as number;
    if (!(x >= -180 && x <= 180 && y >= -90 && y <= 90))
      throw new WalkGraphFormatError(`node ${u} has invalid coordinates`);
  }
  const nl = g.labels.length;
  for (let e = 0; e < m; e++) {
    const t = target[e] as number;
    if (t < 0 || t >= n) throw new WalkGraphFormatError(`edge ${e} points to missing node ${t}`);
    const len = lengthM[e] as number;
    if (!(len >= 0 && len < 1e6)) throw new WalkGraphFormatError(`edge ${e} has invalid length ${len}`);
    const lab = label[e] as number;
    if (lab < -1 || lab >= nl) throw new WalkGraphFormatError(`edge ${e} has invalid label ${lab}`);
  }
  validateShapes(g);
}

/** Every edge's polyline exists, has ≥ 2 points and starts and ends at the edge's own nodes. */
function validateShapes(g: WalkGraph): void {
  const { chain, offsets: so, lon: px, lat: py } = g.shape;
  const chains = so.length - 1;
  if (so[0] !== 0 || so[chains] !== px.length)
    throw new WalkGraphFormatError('shape offsets do not span the shape points');
  for (let c = 0; c < chains; c++)
    if ((so[c + 1] as number) - (so[c] as number) < 2)
      throw new WalkGraphFormatError(`edge polyline ${c} has fewer than two points`);
  for (let u = 0; u < g.nodeCount; u++) {
    for (let e = g.offsets[u] as number, end = g.offsets[u + 1] as number; e < end; e++) {
      const c = chain[e] as number;
      const ci = c < 0 ? ~c : c;
      if (ci >= chains) throw new WalkGraphFormatError(`edge ${e} refers to missing polyline ${ci}`);
      const first = so[ci] as number;
      const last = (so[ci + 1] as number) - 1;
      const a = c < 0 ? last : first;
      const b = c < 0 ? first : last;
      const v = g.target[e] as number;
      if (px[a] !== g.lon[u] || py[a] !== g.lat[u] || px[b] !== g.lon[v] || py[b] !== g.lat[v])
        throw new WalkGraphFormatError(`edge ${e} polyline does not join its nodes`);
    }
  }
}
