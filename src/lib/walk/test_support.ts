// Test-only helpers for the walking engine: seeded random extracts and brute-force shortest paths.

import { edgePointAt } from './edge_shape.ts';
import { type SnappedFacilities, snapFacilities } from './facilities.ts';
import type { WalkGraph } from './graph.ts';
import type { OsmExtract, OsmWay } from './osm_extract.ts';
import type { EdgeSnap, EdgeSnapIndex } from './snap.ts';

/** Deterministic PRNG (mulberry32) so random tests are reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random street-like extract: n nodes scattered over ~sizeM metres near (103.8, 36.05), ways joining
 * each node to a few near neighbours, optional random elevations and oneway:foot ways.
 */
export function randomExtract(
  seed: number,
  n: number,
  options: { sizeM?: number; ele?: boolean; onewayShare?: number; stepsShare?: number } = {},
): OsmExtract {
  const r = rng(seed);
  const size = options.sizeM ?? 1000;
  const nodes = new Map<number, { lon: number; lat: number; ele?: number }>();
  const xy: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const x = r() * size;
    const y = r() * size;
    xy.push([x, y]);
    const node: { lon: number; lat: number; ele?: number } = {
      lon: 103.8 + x / 89_933,
      lat: 36.05 + y / 111_195,
    };
    if (options.ele) node.ele = 1500 + r() * 40;
    nodes.set(1000 + i, node);
  }
  const ways: OsmWay[] = [];
  let wid = 1;
  for (let i = 0; i < n; i++) {
    const [xi, yi] = xy[i] as [number, number];
    const near = xy
      .map(([x, y], j) => ({ j, d: Math.hypot(x - xi, y - yi) }))
      .filter((o) => o.j !== i)
      .sort((a, b) => a.d - b.d)
      .slice(0, 3);
    for (const { j } of near) {
      if (r() < 0.35) continue;
      const tags: Record<string, string> = { highway: r() < 0.5 ? 'footway' : 'residential' };
      if (options.onewayShare && r() < options.onewayShare) tags['oneway:foot'] = 'yes';
      if (options.stepsShare && r() < options.stepsShare) tags.highway = 'steps';
      ways.push({ id: wid++, nodeIds: [1000 + i, 1000 + j], tags });
    }
  }
  return { nodes, ways };
}

/** All-pairs shortest times by Floyd–Warshall (row-major n×n, Infinity when unreachable). */
export function floydWarshall(graph: WalkGraph, costs: Float32Array): Float64Array {
  const n = graph.nodeCount;
  const d = new Float64Array(n * n).fill(Infinity);
  for (let i = 0; i < n; i++) d[i * n + i] = 0;
  for (let u = 0; u < n; u++) {
    for (let e = graph.offsets[u] as number; e < (graph.offsets[u + 1] as number); e++) {
      const v = graph.target[e] as number;
      const c = costs[e] as number;
      if (c < (d[u * n + v] as number)) d[u * n + v] = c;
    }
  }
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      const dik = d[i * n + k] as number;
      if (dik === Infinity) continue;
      for (let j = 0; j < n; j++) {
        const via = dik + (d[k * n + j] as number);
        if (via < (d[i * n + j] as number)) d[i * n + j] = via;
      }
    }
  }
  return d;
}

/**
 * A jittered street grid whose blocks are `blockM` long with a shape node every `blockM / shapes`
 * metres (ways run the whole row or column, so inner points are degree-2 shape nodes). Rows are
 * residential, columns footways. Invented data for tests and benchmarks.
 */
export function shapedGrid(side: number, blockM: number, shapes: number, seed = 1): OsmExtract {
  const r = rng(seed);
  const lat0 = 36.0;
  const mpd = (6371008.8 * Math.PI) / 180;
  const kx = mpd * Math.cos((lat0 * Math.PI) / 180);
  const nodes = new Map<number, { lon: number; lat: number }>();
  const pts = (side - 1) * shapes + 1;
  const step = blockM / shapes;
  const jitter = step * 0.25;
  // Node (i, j) on the fine lattice; only lattice points on a row or column line are used.
  const id = (i: number, j: number) => 1 + j * pts + i;
  const node = (i: number, j: number) => {
    const k = id(i, j);
    if (!nodes.has(k))
      nodes.set(k, {
        lon: 103.6 + (i * step + (r() - 0.5) * jitter) / kx,
        lat: lat0 + (j * step + (r() - 0.5) * jitter) / mpd,
      });
    return k;
  };
  const ways: OsmWay[] = [];
  for (let row = 0; row < side; row++)
    ways.push({
      id: ways.length + 1,
      nodeIds: Array.from({ length: pts }, (_, i) => node(i, row * shapes)),
      tags: { highway: 'residential' },
    });
  for (let col = 0; col < side; col++)
    ways.push({
      id: ways.length + 1,
      nodeIds: Array.from({ length: pts }, (_, j) => node(col * shapes, j)),
      tags: { highway: 'footway' },
    });
  return { nodes, ways };
}

/**
 * The q-th random point pair of a point-to-point test: a and b at random places on random edges
 * (every tenth pair on one edge, to exercise the walk along the origin's own edge), snapped within
 * 5 m; b also as a one-facility set, for Dijkstra to a virtual target.
 */
export function randomSnapPair(
  graph: WalkGraph,
  index: EdgeSnapIndex,
  r: () => number,
  q: number,
): { a: EdgeSnap; b: EdgeSnap; fac: SnappedFacilities } {
  const e1 = Math.floor(r() * graph.edgeCount);
  const e2 = q % 10 === 0 ? e1 : Math.floor(r() * graph.edgeCount);
  const [alon, alat] = edgePointAt(graph, e1, r());
  const [blon, blat] = edgePointAt(graph, e2, r());
  const a = index.snap(alon, alat, 5) as EdgeSnap;
  const fac = snapFacilities(index, [{ id: 'b', lon: blon, lat: blat }], 5);
  return { a, b: fac.snaps[0] as EdgeSnap, fac };
}

/** Where a walk's pieces start and end, [lon, lat] each: a test checks they are its two points. */
export function walkEnds(
  graph: WalkGraph,
  pieces: readonly { edge: number; t0: number; t1: number }[],
): [[number, number], [number, number]] {
  const first = pieces[0] as { edge: number; t0: number };
  const last = pieces[pieces.length - 1] as { edge: number; t1: number };
  return [edgePointAt(graph, first.edge, first.t0), edgePointAt(graph, last.edge, last.t1)];
}
