// A what-if site added to a layer in place: only the cells it can reach are touched (compute.ts times whole layers).

import { boundedDijkstra } from '../walk/dijkstra';
import type { FacilityPoint } from '../walk/facilities';
import type { CoverageLayer } from './compute';
import type { CoverageContext } from './context';
import { forEstimateCellsNear } from './estimate_cells';
import { markReach, networkTime, place, reachOnNetwork, timeOnNetwork } from './network_times';

/** Cells an incremental update changed, with their values before it. */
export interface LayerChange {
  cells: Int32Array;
  oldMinutes: Float32Array;
  oldReach: Uint8Array;
}

/**
 * Adds one facility (a proposed what-if site) to a layer in place, touching only the cells it can
 * reach: a bounded Dijkstra from the site alone, a breadth-first search that stops at nodes already
 * able to reach a facility, and a radius query for estimate cells. The result equals recomputing the
 * layer with the site appended (see the property test).
 * @param label source label recorded for cells the site now serves (conventionally pointCount)
 */
export function addFacility(
  ctx: CoverageContext,
  layer: CoverageLayer,
  site: FacilityPoint,
  label: number,
): LayerChange {
  const cells: number[] = [];
  const oldMinutes: number[] = [];
  const oldReach: number[] = [];
  ctx.cellGen++;
  if (ctx.cellGen === 0xffffffff) {
    ctx.cellStamp.fill(0);
    ctx.cellGen = 1;
  }
  const gen = ctx.cellGen;
  const record = (c: number) => {
    if (ctx.cellStamp[c] === gen) return;
    ctx.cellStamp[c] = gen;
    cells.push(c);
    oldMinutes.push(layer.minutes[c] as number);
    oldReach.push(layer.reach[c] as number);
  };
  const net = ctx.net;
  if (net) {
    const placed = place(net, [site], label);
    const snap = placed.snaps[0];
    if (!snap) layer.unsnapped.push(site.id);
    else {
      boundedDijkstra(net.graph, net.costs, placed.seeds, ctx.horizonMin, net.ws, 'to');
      const { nodeCellOffsets: off, nodeCells } = net;
      const touch = (v: number, fn: (c: number) => void) => {
        for (let k = off[v] as number, end = off[v + 1] as number; k < end; k++) fn(nodeCells[k] as number);
      };
      const time = (c: number) => {
        timeOnNetwork(net, c, placed);
        if (
          networkTime.minutes <= ctx.horizonMin &&
          Math.fround(networkTime.minutes) < (layer.minutes[c] as number)
        ) {
          record(c);
          layer.minutes[c] = networkTime.minutes;
          layer.source[c] = networkTime.source;
        }
      };
      for (let k = 0; k < net.ws.settledCount; k++) touch(net.ws.settled[k] as number, time);
      // Cells on the site's own edge can be near it even when both ends lie beyond the horizon.
      touch(snap.from, time);
      touch(snap.to, time);
      const nodeReach = layer.nodeReach as Uint8Array;
      const reachable = (c: number) => {
        if (layer.reach[c] === 1 || !reachOnNetwork(net, c, nodeReach, placed)) return;
        record(c);
        layer.reach[c] = 1;
      };
      for (const v of markReach(net, placed.seeds, nodeReach, true)) touch(v, reachable);
      touch(snap.from, reachable);
      touch(snap.to, reachable);
    }
  }
  forEstimateCellsNear(ctx, site.lon, site.lat, (c, m) => {
    if (Math.fround(m) < (layer.minutes[c] as number)) {
      record(c);
      layer.minutes[c] = m;
      layer.source[c] = label;
    }
  });
  if (layer.pointCount === 0) {
    for (const c of ctx.estimateCells) {
      if (layer.reach[c] === 1) continue;
      record(c);
      layer.reach[c] = 1;
    }
  }
  layer.pointCount++;
  return {
    cells: Int32Array.from(cells),
    oldMinutes: Float32Array.from(oldMinutes),
    oldReach: Uint8Array.from(oldReach),
  };
}
