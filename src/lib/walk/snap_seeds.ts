// Where a point-to-point search between two snapped points starts and ends: edge-end seeds, twins, the walk along one edge.

import type { EdgePiece } from './facilities.ts';
import { edgeTwins, type WalkGraph } from './graph.ts';
import type { EdgeSnap } from './snap.ts';

/** One query's seeds (reused: JS runs one query at a time; read it before the next snapSeeds call). */
export interface SnapSeeds {
  /** Twin (reverse edge) of a's edge and of b's edge, -1 when one-way. */
  aTwin: number;
  bTwin: number;
  /** Seed nodes in order: a.to, a.from (forward), b.from, b.to (backward). */
  readonly node: Int32Array;
  /** Minutes of each seed: a → a.to, a → a.from, b.from → b, b.to → b (Infinity: no twin to walk). */
  readonly minutes: Float64Array;
  /** The walk from a to b along a's own edge (or its twin) when b lies on it ahead; else null. */
  direct: EdgePiece | null;
  /** Minutes of `direct` (Infinity when null). */
  directMinutes: number;
}

const seeds: SnapSeeds = {
  aTwin: -1,
  bTwin: -1,
  node: new Int32Array(4),
  minutes: new Float64Array(4),
  direct: null,
  directMinutes: Infinity,
};

/**
 * Seeds of a point-to-point search from snapped point `a` to `b` (a forward search from a's edge
 * ends, a backward one from b's) and the walk along a's own edge when b lies ahead on it.
 * @param costs minutes per edge
 * @returns a reused object, overwritten by the next call
 */
export function snapSeeds(graph: WalkGraph, costs: Float32Array, a: EdgeSnap, b: EdgeSnap): SnapSeeds {
  const twins = edgeTwins(graph);
  const aTwin = twins[a.edge] as number;
  const bTwin = twins[b.edge] as number;
  const { node, minutes } = seeds;
  seeds.aTwin = aTwin;
  seeds.bTwin = bTwin;
  node[0] = a.to;
  node[1] = a.from;
  node[2] = b.from;
  node[3] = b.to;
  minutes[0] = (1 - a.fraction) * (costs[a.edge] as number);
  minutes[1] = aTwin >= 0 ? a.fraction * (costs[aTwin] as number) : Infinity;
  minutes[2] = b.fraction * (costs[b.edge] as number);
  minutes[3] = bTwin >= 0 ? (1 - b.fraction) * (costs[bTwin] as number) : Infinity;
  let direct: EdgePiece | null = null;
  let directMinutes = Infinity;
  const onA = b.edge === a.edge ? b.fraction : b.edge === aTwin ? 1 - b.fraction : -1;
  if (onA >= 0) {
    if (onA >= a.fraction) {
      directMinutes = (onA - a.fraction) * (costs[a.edge] as number);
      direct = { edge: a.edge, t0: a.fraction, t1: onA };
    } else if (aTwin >= 0) {
      directMinutes = (a.fraction - onA) * (costs[aTwin] as number);
      direct = { edge: aTwin, t0: 1 - a.fraction, t1: 1 - onA };
    }
  }
  seeds.direct = direct;
  seeds.directMinutes = directMinutes;
  return seeds;
}
