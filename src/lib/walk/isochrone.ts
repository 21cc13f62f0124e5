// Isochrone polygons from walking times: reached (partial) edges buffered and unioned on a raster.

import { type DijkstraWorkspace, reverseAdjacency, type SearchDirection } from './dijkstra.ts';
import { edgeSubline } from './edge_shape.ts';
import type { EdgePiece } from './facilities.ts';
import { METRES_PER_DEGREE, metresPerDegreeLon } from './geo.ts';
import { edgeSources, edgeTwins, type WalkGraph } from './graph.ts';
import { bufferSegments } from './raster_buffer.ts';
import type { EdgeSnap } from './snap.ts';

/**
 * Default buffer around reached streets, metres: about the depth of a street-side plot. The buffers of
 * two riverside paths merge only when the paths are < 80 m apart; the Yellow River in central Lanzhou
 * is about 200 m wide at its narrowest (金城关, Baidu Baike "兰州盆地"; the Zhongshan Bridge is 234 m
 * long), so the banks stay apart and the river is crossed only along bridges.
 */
export const DEFAULT_ISOCHRONE_BUFFER_M = 40;

/** GeoJSON MultiPolygon coordinates ([lon, lat] positions). */
export type MultiPolygonCoords = [number, number][][][];

/** Options of isochronePolygons. */
export interface IsochroneOptions {
  /** Buffer radius around reached edges, metres (default 40). */
  bufferM?: number;
  /** Raster cell, metres (default bufferM / 4). */
  cellM?: number;
  /** Largest raster size (default 4 M cells; the cell grows beyond it). */
  maxCells?: number;
}

/**
 * The parts of edges reachable within `minutes`, from the times of a finished search in `ws`,
 * including the partial edges at the cut-off and the pieces next to the snapped start points.
 * For 'from' searches a point is reached when walking to it takes ≤ minutes; for 'to' searches when
 * walking from it to a source does.
 * @param starts snapped points the search was seeded from (origin, or facilities)
 */
export function reachedPieces(
  graph: WalkGraph,
  costs: Float32Array,
  ws: DijkstraWorkspace,
  minutes: number,
  starts: readonly EdgeSnap[],
): EdgePiece[] {
  const pieces: EdgePiece[] = [];
  const direction: SearchDirection = ws.direction;
  const twins = edgeTwins(graph);
  if (direction === 'from') {
    const { offsets } = graph;
    for (let i = 0; i < ws.settledCount; i++) {
      const u = ws.settled[i] as number;
      const tu = ws.dist[u] as number;
      if (tu > minutes) continue;
      for (let e = offsets[u] as number, end = offsets[u + 1] as number; e < end; e++) {
        const c = costs[e] as number;
        const a = c > 0 ? (minutes - tu) / c : 1;
        if (a > 0) pieces.push({ edge: e, t0: 0, t1: Math.min(1, a) });
      }
    }
  } else {
    // Walking TO a source through v: the tail end of every edge entering v.
    const { offsets, edgeId } = reverseAdjacency(graph);
    for (let i = 0; i < ws.settledCount; i++) {
      const v = ws.settled[i] as number;
      const tv = ws.dist[v] as number;
      if (tv > minutes) continue;
      for (let k = offsets[v] as number, end = offsets[v + 1] as number; k < end; k++) {
        const e = (edgeId as Int32Array)[k] as number;
        const c = costs[e] as number;
        const b = c > 0 ? (minutes - tv) / c : 1;
        if (b > 0) pieces.push({ edge: e, t0: Math.max(0, 1 - b), t1: 1 });
      }
    }
  }
  for (const s of starts) {
    const tw = twins[s.edge] as number;
    const fwd = costs[s.edge] as number;
    const t = s.fraction;
    if (direction === 'from') {
      pieces.push({ edge: s.edge, t0: t, t1: Math.min(1, t + minutes / fwd) });
      if (tw >= 0)
        pieces.push({ edge: tw, t0: 1 - t, t1: Math.min(1, 1 - t + minutes / (costs[tw] as number)) });
    } else {
      pieces.push({ edge: s.edge, t0: Math.max(0, t - minutes / fwd), t1: t });
      if (tw >= 0)
        pieces.push({ edge: tw, t0: Math.max(0, 1 - t - minutes / (costs[tw] as number)), t1: 1 - t });
    }
  }
  return pieces;
}

/** Total length of edge pieces, metres. */
export function piecesLengthM(graph: WalkGraph, pieces: readonly EdgePiece[]): number {
  let m = 0;
  for (const p of pieces) m += (graph.lengthM[p.edge] as number) * (p.t1 - p.t0);
  return m;
}

/**
 * Polygons covering the buffered edge pieces (see bufferSegments), in WGS-84. A local equirectangular
 * frame centred on the pieces is used; over a city (±0.8° of latitude) its scale error stays < 2 %.
 */
export function piecesToPolygons(
  graph: WalkGraph,
  pieces: readonly EdgePiece[],
  options: IsochroneOptions = {},
): MultiPolygonCoords {
  if (pieces.length === 0) return [];
  const src = edgeSources(graph);
  const { lon, lat } = graph;
  let minLat = Infinity;
  let maxLat = -Infinity;
  let minLon = Infinity;
  for (const p of pieces) {
    const a = src[p.edge] as number;
    const la = lat[a] as number;
    if (la < minLat) minLat = la;
    if (la > maxLat) maxLat = la;
    if ((lon[a] as number) < minLon) minLon = lon[a] as number;
  }
  const lat0 = (minLat + maxLat) / 2;
  const lon0 = minLon;
  const kx = metresPerDegreeLon(lat0);
  const ky = METRES_PER_DEGREE;
  const coords: number[] = [];
  for (const p of pieces) {
    let px = Number.NaN;
    let py = 0;
    edgeSubline(graph, p.edge, p.t0, p.t1, (x, y) => {
      const mx = (x - lon0) * kx;
      const my = (y - lat0) * ky;
      if (!Number.isNaN(px)) coords.push(px, py, mx, my);
      px = mx;
      py = my;
    });
  }
  const segs = Float64Array.from(coords);
  const bufferM = options.bufferM ?? DEFAULT_ISOCHRONE_BUFFER_M;
  const polys = bufferSegments(segs, {
    radius: bufferM,
    cell: options.cellM ?? bufferM / 4,
    maxCells: options.maxCells ?? 4_000_000,
  });
  return polys.map((rings) =>
    rings.map((ring) =>
      ring.map(([x, y]) => [lon0 + (x as number) / kx, lat0 + (y as number) / ky] as [number, number]),
    ),
  );
}
