// Turning a walked sequence of edge pieces into a drawable route with its metres, minutes and features.

import { edgeSubline } from './edge_shape.ts';
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

const KINDS: [RoutePart['kind'], number][] = [
  ['steps', EDGE_FLAG.steps],
  ['bridge', EDGE_FLAG.bridge],
  ['tunnel', EDGE_FLAG.tunnel],
];

/**
 * Builds the route geometry and totals of consecutive edge pieces (each walked from t0 to t1 along
 * its edge's direction). Consecutive pieces of the same kind and name merge into one part.
 * @param costs minutes per edge
 */
export function piecesToPath(graph: WalkGraph, costs: Float32Array, pieces: readonly EdgePiece[]): WalkPath {
  const { lengthM, flags, label, labels } = graph;
  const coordinates: [number, number][] = [];
  const parts: RoutePart[] = [];
  const open = new Map<RoutePart['kind'], RoutePart>();
  let metres = 0;
  let minutes = 0;
  const pushPoint = (x: number, y: number): number => {
    const last = coordinates[coordinates.length - 1];
    if (!last || last[0] !== x || last[1] !== y) coordinates.push([x, y]);
    return coordinates.length - 1;
  };
  for (const p of pieces) {
    const span = p.t1 - p.t0;
    if (!(span > 0)) continue;
    let startIdx = -1;
    edgeSubline(graph, p.edge, p.t0, p.t1, (x, y) => {
      const i = pushPoint(x, y);
      if (startIdx < 0) startIdx = i;
    });
    const endIdx = coordinates.length - 1;
    const m = (lengthM[p.edge] as number) * span;
    metres += m;
    minutes += (costs[p.edge] as number) * span;
    const f = flags[p.edge] as number;
    const lab = label[p.edge] as number;
    const name = lab >= 0 ? (labels[lab] ?? '') : '';
    for (const [kind, bit] of KINDS) {
      const cur = open.get(kind);
      if (f & bit) {
        if (cur && cur.name === name && cur.to === startIdx) {
          cur.to = endIdx;
          cur.metres += m;
        } else {
          const part: RoutePart = { kind, from: startIdx, to: endIdx, metres: m, name };
          parts.push(part);
          open.set(kind, part);
        }
      } else if (cur) open.delete(kind);
    }
  }
  return { coordinates, metres, minutes, parts };
}
