// Turning a walked sequence of edge pieces into a drawable route with its metres, minutes and features.

import { chainPointInto, shapeCumulativeM } from './edge_shape.ts';
import type { EdgePiece } from './facilities.ts';
import type { WalkGraph } from './graph.ts';
import { EDGE_FLAG } from './walkable.ts';

/** A notable stretch of a route (coordinates index range, inclusive). */
export interface RoutePart {
  kind: 'steps' | 'bridge' | 'tunnel';
  /** Index of the first and last coordinate of the stretch in the route's LineString. */
  from: number;
  to: number;
  metres: number;
  /** Way name when OSM has one. */
  name: string;
}

/** A walking route drawn along the network. */
export interface WalkPath {
  /** LineString coordinates [lon, lat]. */
  coordinates: [number, number][];
  /** Length along the network, metres. */
  metres: number;
  /** Walking time along the network, minutes. */
  minutes: number;
  /** Steps, bridges and tunnels used, in walking order. */
  parts: RoutePart[];
}

const KINDS: readonly RoutePart['kind'][] = ['steps', 'bridge', 'tunnel'];
const KIND_BITS: readonly number[] = [EDGE_FLAG.steps, EDGE_FLAG.bridge, EDGE_FLAG.tunnel];
const ends = new Float64Array(4);

/**
 * Builds the route geometry and totals of consecutive edge pieces (each walked from t0 to t1 along
 * its edge's direction). Consecutive pieces of the same kind and name merge into one part.
 * @param costs minutes per edge
 * @param into coordinates to append to (e.g. the start point of a walk); part indices count them, and
 *   the route's first point is never merged with them
 */
export function piecesToPath(
  graph: WalkGraph,
  costs: Float32Array,
  pieces: readonly EdgePiece[],
  into: [number, number][] = [],
): WalkPath {
  const { lengthM, flags, label, labels } = graph;
  const { chain, offsets, lon, lat } = graph.shape;
  const cum = shapeCumulativeM(graph);
  const coordinates = into;
  const parts: RoutePart[] = [];
  // The part of each kind that the previous piece extended, if any (merged while kind and name go on).
  const open: (RoutePart | null)[] = [null, null, null];
  let metres = 0;
  let minutes = 0;
  // Last point pushed (NaN: none yet, so a point already in `into` is never merged).
  let lx = Number.NaN;
  let ly = Number.NaN;
  const add = (x: number, y: number) => {
    if (x === lx && y === ly) return;
    coordinates.push([x, y]);
    lx = x;
    ly = y;
  };
  for (const p of pieces) {
    const span = p.t1 - p.t0;
    if (!(span > 0)) continue;
    const e = p.edge;
    const c = chain[e] as number;
    const reversed = c < 0;
    const ci = reversed ? ~c : c;
    const first = offsets[ci] as number;
    const last = (offsets[ci + 1] as number) - 1;
    const base = cum[first] as number;
    const total = (cum[last] as number) - base;
    const d0 = (reversed ? 1 - p.t0 : p.t0) * total;
    const d1 = (reversed ? 1 - p.t1 : p.t1) * total;
    chainPointInto(graph, cum, first, last, d0, ends, 0);
    chainPointInto(graph, cum, first, last, d1, ends, 2);
    // The piece's polyline: its start, the shape points strictly inside it, its end (as edgeSubline).
    add(ends[0] as number, ends[1] as number);
    const startIdx = coordinates.length - 1;
    if (!reversed) {
      for (let q = first + 1; q < last; q++) {
        const d = (cum[q] as number) - base;
        if (d > d0 && d < d1) add(lon[q] as number, lat[q] as number);
      }
    } else {
      for (let q = last - 1; q > first; q--) {
        const d = (cum[q] as number) - base;
        if (d < d0 && d > d1) add(lon[q] as number, lat[q] as number);
      }
    }
    add(ends[2] as number, ends[3] as number);
    const endIdx = coordinates.length - 1;
    const m = (lengthM[e] as number) * span;
    metres += m;
    minutes += (costs[e] as number) * span;
    const f = flags[e] as number;
    if (!(f & (EDGE_FLAG.steps | EDGE_FLAG.bridge | EDGE_FLAG.tunnel))) {
      open[0] = open[1] = open[2] = null;
      continue;
    }
    const lab = label[e] as number;
    const name = lab >= 0 ? (labels[lab] ?? '') : '';
    for (let k = 0; k < 3; k++) {
      const cur = open[k] as RoutePart | null;
      if (f & (KIND_BITS[k] as number)) {
        if (cur && cur.name === name && cur.to === startIdx) {
          cur.to = endIdx;
          cur.metres += m;
        } else {
          const part: RoutePart = {
            kind: KINDS[k] as RoutePart['kind'],
            from: startIdx,
            to: endIdx,
            metres: m,
            name,
          };
          parts.push(part);
          open[k] = part;
        }
      } else open[k] = null;
    }
  }
  return { coordinates, metres, minutes, parts };
}
