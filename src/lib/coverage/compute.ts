// Walking time from every grid cell to the nearest facility of a category: one multi-source Dijkstra on
// the street graph (cells snapped to edges), or the straight-line estimate off the network / without one.

import { boundedDijkstra } from '../walk/dijkstra';
import type { FacilityPoint } from '../walk/facilities';
import type { CoverageContext } from './context';
import { forEstimateCellsNear } from './estimate_cells';
import { markReach, networkTime, place, reachOnNetwork, timeOnNetwork } from './network_times';

/** One category's times over a grid. Arrays are indexed by cell. */
export interface CoverageLayer {
  /** Minutes to the nearest facility; Infinity beyond the horizon (or unreachable: see `reach`). */
  minutes: Float32Array;
  /** Label of the nearest facility (its index in the list timed; what-if sites follow), -1 when none. */
  source: Int32Array;
  /** 1 when some facility can be walked to at all, however far; 0 when none can (or none exists). */
  reach: Uint8Array;
  /** Network only: 1 for nodes from which some facility can be reached. */
  nodeReach: Uint8Array | null;
  /** Facilities timed so far (including what-if sites applied). */
  pointCount: number;
  /** Ids of facilities off the street network (timed by the estimate only for off-network cells). */
  unsnapped: string[];
}

/**
 * Times every cell to the nearest of `points` (one category): network cells by one multi-source
 * Dijkstra towards the facilities cut at the horizon, estimate cells by a radius query per facility.
 * Equals asking the engine `nearest(cell centre, k = 1, horizon)` for every cell (see the tests).
 */
export function computeLayer(ctx: CoverageContext, points: readonly FacilityPoint[]): CoverageLayer {
  const n = ctx.grid.count;
  const minutes = new Float32Array(n).fill(Infinity);
  const source = new Int32Array(n).fill(-1);
  const reach = new Uint8Array(n);
  const net = ctx.net;
  let nodeReach: Uint8Array | null = null;
  const unsnapped: string[] = [];
  if (net) {
    const placed = place(net, points, 0);
    placed.snaps.forEach((s, i) => {
      if (!s) unsnapped.push((points[i] as FacilityPoint).id);
    });
    boundedDijkstra(net.graph, net.costs, placed.seeds, ctx.horizonMin, net.ws, 'to');
    nodeReach = new Uint8Array(net.graph.nodeCount);
    markReach(net, placed.seeds, nodeReach, false);
    for (let k = 0; k < net.cells.length; k++) {
      const c = net.cells[k] as number;
      timeOnNetwork(net, c, placed);
      if (networkTime.minutes <= ctx.horizonMin) {
        minutes[c] = networkTime.minutes;
        source[c] = networkTime.source;
      }
      if (reachOnNetwork(net, c, nodeReach, placed)) reach[c] = 1;
    }
  }
  points.forEach((p, i) => {
    forEstimateCellsNear(ctx, p.lon, p.lat, (c, m) => {
      if (m < (minutes[c] as number)) {
        minutes[c] = m;
        source[c] = i;
      }
    });
  });
  if (points.length > 0) for (const c of ctx.estimateCells) reach[c] = 1;
  return { minutes, source, reach, nodeReach, pointCount: points.length, unsnapped };
}

/** A deep copy of a layer (what-if scenarios start from a copy of the base). */
export function cloneLayer(layer: CoverageLayer): CoverageLayer {
  return {
    minutes: layer.minutes.slice(),
    source: layer.source.slice(),
    reach: layer.reach.slice(),
    nodeReach: layer.nodeReach?.slice() ?? null,
    pointCount: layer.pointCount,
    unsnapped: [...layer.unsnapped],
  };
}
