// Contraction of shape nodes: OSM way segments become polyline edges between intersections, packed as CSR.

import { toblerFactor } from './cost.ts';
import type { EdgeShapes, WalkGraph } from './graph.ts';
import { EDGE_FLAG, reverseEdgeFlags } from './walkable.ts';

/** Undirected way segments between node indices; dir 0 both ways, 1 u→v only, -1 v→u only. */
export interface SegmentList {
  u: number[];
  v: number[];
  /** Metres. */
  len: number[];
  /** Flags in the u→v direction (EDGE_FLAG bits). */
  flags: number[];
  dir: number[];
  label: number[];
  layer: number[];
}

/** Candidate nodes: positions, elevations (metres) and OSM ids, by builder index. */
export interface NodeList {
  lon: number[];
  lat: number[];
  ele: (number | undefined)[];
  osm: number[];
}

/** The graph arrays assemble() produces (WalkGraph without labels, bbox and meta). */
export type AssembledGraph = Omit<WalkGraph, 'labels' | 'bbox' | 'meta'>;

/**
 * Builds the CSR graph from the segments whose both ends pass `keep`. With `contract`, a node that only
 * continues one way (exactly two segments, equal flags, direction, name and layer through it) becomes a
 * shape point of the edge through it instead of a graph node: an edge is then the polyline between two
 * intersections (or dead ends), with its summed length and slope-weighted length. A chain that would
 * close on itself keeps its middle node, so no edge is a self-loop. Graph nodes are ordered along a
 * Hilbert curve for memory locality.
 * @param hasEle every node has an elevation: steps get their climbing direction and edges slope lengths
 */
export function assembleGraph(
  nodes: NodeList,
  segs: SegmentList,
  keep: (node: number) => boolean,
  hasEle: boolean,
  contract: boolean,
): AssembledGraph {
  const n0 = nodes.lon.length;
  const ele = nodes.ele as number[];
  const kept: number[] = [];
  for (let i = 0; i < segs.u.length; i++) {
    const u = segs.u[i] as number;
    const v = segs.v[i] as number;
    if (!keep(u) || !keep(v)) continue;
    kept.push(i);
    const f = segs.flags[i] as number;
    if (hasEle && f & EDGE_FLAG.steps && !(f & (EDGE_FLAG.up | EDGE_FLAG.down))) {
      // Steps without incline=*: the elevations tell which way is up.
      const dz = (ele[v] as number) - (ele[u] as number);
      if (dz > 0.5) segs.flags[i] = f | EDGE_FLAG.up;
      else if (dz < -0.5) segs.flags[i] = f | EDGE_FLAG.down;
    }
  }
  // Incidence lists (segment ids per node).
  const incOff = new Int32Array(n0 + 1);
  for (const s of kept) {
    const a = (segs.u[s] as number) + 1;
    const b = (segs.v[s] as number) + 1;
    incOff[a] = (incOff[a] as number) + 1;
    incOff[b] = (incOff[b] as number) + 1;
  }
  for (let i = 0; i < n0; i++) incOff[i + 1] = (incOff[i + 1] as number) + (incOff[i] as number);
  const incSeg = new Int32Array(incOff[n0] as number);
  const fill = incOff.slice(0, n0);
  for (const s of kept) {
    incSeg[(fill[segs.u[s] as number] as number)++] = s;
    incSeg[(fill[segs.v[s] as number] as number)++] = s;
  }
  const other = (s: number, x: number) => ((segs.u[s] as number) === x ? segs.v[s] : segs.u[s]) as number;
  const flagsFrom = (s: number, x: number) =>
    (segs.u[s] as number) === x ? (segs.flags[s] as number) : reverseEdgeFlags(segs.flags[s] as number);
  const dirFrom = (s: number, x: number) =>
    (segs.u[s] as number) === x ? (segs.dir[s] as number) : -(segs.dir[s] as number);

  // through[v] = 1: v is a shape point of the polyline through it.
  const through = new Uint8Array(n0);
  if (contract) {
    for (let v = 0; v < n0; v++) {
      if ((incOff[v + 1] as number) - (incOff[v] as number) !== 2) continue;
      const s1 = incSeg[incOff[v] as number] as number;
      const s2 = incSeg[(incOff[v] as number) + 1] as number;
      const a = other(s1, v);
      // Walking a → v → b: s1 is entered at a, s2 at v.
      if (
        flagsFrom(s1, a) === flagsFrom(s2, v) &&
        dirFrom(s1, a) === dirFrom(s2, v) &&
        segs.label[s1] === segs.label[s2] &&
        segs.layer[s1] === segs.layer[s2]
      )
        through[v] = 1;
    }
  }

  // Chains: sequences of segments between non-through nodes. Pass 2 only runs when pass 1 found a
  // closed loop (whose middle node then stops being a shape point).
  let chains: { nodes: number[]; segs: number[] }[] = [];
  for (let pass = 0; pass < 2; pass++) {
    chains = [];
    const seen = new Uint8Array(segs.u.length);
    const walk = (start: number, first: number) => {
      const cn = [start];
      const cs: number[] = [];
      let cur = start;
      let s = first;
      for (;;) {
        seen[s] = 1;
        cs.push(s);
        const next = other(s, cur);
        cn.push(next);
        if (!through[next]) break;
        const o = incOff[next] as number;
        const s1 = incSeg[o] as number;
        s = s1 === s ? (incSeg[o + 1] as number) : s1;
        cur = next;
        if (seen[s]) break; // a ring of shape points only: closed at its start
      }
      chains.push({ nodes: cn, segs: cs });
    };
    for (let v = 0; v < n0; v++) {
      if (through[v]) continue;
      for (let k = incOff[v] as number; k < (incOff[v + 1] as number); k++)
        if (!seen[incSeg[k] as number]) walk(v, incSeg[k] as number);
    }
    // Rings made only of shape points (isolated loops): start at one of their nodes.
    for (const s of kept) {
      if (seen[s]) continue;
      const start = segs.u[s] as number;
      through[start] = 0;
      walk(start, s);
    }
    let loops = 0;
    for (const c of chains) {
      if (c.nodes[0] !== c.nodes[c.nodes.length - 1]) continue;
      through[c.nodes[c.nodes.length >> 1] as number] = 0;
      loops++;
    }
    if (loops === 0) break;
  }

  // Graph nodes in Hilbert order.
  const junction: number[] = [];
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let nn = -Infinity;
  for (let i = 0; i < n0; i++) {
    if (through[i] || (incOff[i + 1] as number) === (incOff[i] as number)) continue;
    junction.push(i);
    const x = nodes.lon[i] as number;
    const y = nodes.lat[i] as number;
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > nn) nn = y;
  }
  const n = junction.length;
  const hkey = new Float64Array(n0);
  const sx = 65535 / (e - w || 1);
  const sy = 65535 / (nn - s || 1);
  for (const i of junction)
    hkey[i] = hilbertIndex(((nodes.lon[i] as number) - w) * sx, ((nodes.lat[i] as number) - s) * sy);
  junction.sort((a, b) => (hkey[a] as number) - (hkey[b] as number));
  const newIdx = new Int32Array(n0).fill(-1);
  for (let k = 0; k < n; k++) newIdx[junction[k] as number] = k;
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  const osmId = new Float64Array(n);
  const eleOut = hasEle ? new Float32Array(n) : null;
  for (let k = 0; k < n; k++) {
    const i = junction[k] as number;
    lon[k] = nodes.lon[i] as number;
    lat[k] = nodes.lat[i] as number;
    osmId[k] = nodes.osm[i] as number;
    if (eleOut) eleOut[k] = ele[i] as number;
  }

  // Shapes, one per chain, and the directed edges over them.
  let points = 0;
  for (const c of chains) points += c.nodes.length;
  const shapeOffsets = new Int32Array(chains.length + 1);
  const shapeLon = new Float64Array(points);
  const shapeLat = new Float64Array(points);
  const offsets = new Int32Array(n + 1);
  const dirOf = new Int8Array(chains.length);
  let at = 0;
  chains.forEach((c, ci) => {
    shapeOffsets[ci] = at;
    for (const v of c.nodes) {
      shapeLon[at] = nodes.lon[v] as number;
      shapeLat[at] = nodes.lat[v] as number;
      at++;
    }
    const a = newIdx[c.nodes[0] as number] as number;
    const b = newIdx[c.nodes[c.nodes.length - 1] as number] as number;
    const d = dirFrom(c.segs[0] as number, c.nodes[0] as number);
    dirOf[ci] = d;
    if (d >= 0) offsets[a + 1] = (offsets[a + 1] as number) + 1;
    if (d <= 0) offsets[b + 1] = (offsets[b + 1] as number) + 1;
  });
  shapeOffsets[chains.length] = at;
  for (let k = 0; k < n; k++) offsets[k + 1] = (offsets[k + 1] as number) + (offsets[k] as number);
  const m = offsets[n] as number;
  const target = new Int32Array(m);
  const lengthM = new Float32Array(m);
  const slopeLengthM = hasEle ? new Float32Array(m) : null;
  const flagsA = new Uint8Array(m);
  const label = new Int32Array(m);
  const layer = new Int8Array(m);
  const chainOf = new Int32Array(m);
  const put = offsets.slice(0, n);
  chains.forEach((c, ci) => {
    const a = newIdx[c.nodes[0] as number] as number;
    const b = newIdx[c.nodes[c.nodes.length - 1] as number] as number;
    let len = 0;
    let fwdSlope = 0;
    let backSlope = 0;
    for (let k = 0; k < c.segs.length; k++) {
      const sl = segs.len[c.segs[k] as number] as number;
      len += sl;
      if (hasEle && sl > 0) {
        const dz = (ele[c.nodes[k + 1] as number] as number) - (ele[c.nodes[k] as number] as number);
        fwdSlope += sl / toblerFactor(dz / sl);
        backSlope += sl / toblerFactor(-dz / sl);
      }
    }
    const s0 = c.segs[0] as number;
    const f = flagsFrom(s0, c.nodes[0] as number);
    const add = (from: number, to: number, flags: number, slope: number, chain: number) => {
      const pos = put[from] as number;
      put[from] = pos + 1;
      target[pos] = to;
      lengthM[pos] = len;
      if (slopeLengthM) slopeLengthM[pos] = slope;
      flagsA[pos] = flags;
      label[pos] = segs.label[s0] as number;
      layer[pos] = segs.layer[s0] as number;
      chainOf[pos] = chain;
    };
    const d = dirOf[ci] as number;
    if (d >= 0) add(a, b, f, fwdSlope, ci);
    if (d <= 0) add(b, a, reverseEdgeFlags(f), backSlope, ~ci);
  });
  const shape: EdgeShapes = { chain: chainOf, offsets: shapeOffsets, lon: shapeLon, lat: shapeLat };
  return {
    nodeCount: n,
    edgeCount: m,
    lon,
    lat,
    ele: eleOut,
    osmId,
    offsets,
    target,
    lengthM,
    slopeLengthM,
    flags: flagsA,
    label,
    layer,
    shape,
  };
}

/** Position of (x, y) in [0, 65535]² along a Hilbert curve of order 16. */
function hilbertIndex(fx: number, fy: number): number {
  let x = Math.max(0, Math.min(65535, Math.floor(fx)));
  let y = Math.max(0, Math.min(65535, Math.floor(fy)));
  let d = 0;
  for (let s = 32768; s > 0; s >>= 1) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        x = 65535 - x;
        y = 65535 - y;
      }
      const t = x;
      x = y;
      y = t;
    }
  }
  return d;
}
