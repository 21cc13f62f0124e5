// Cells timed by the straight-line estimate near a point: a kdbush range query, then great-circle distance.

import { haversineM, METRES_PER_DEGREE } from '../walk/geo';
import type { CoverageContext } from './context';

/** Estimate radius of the horizon, metres (the engine's own cut-off: minutes × speed / detour). */
function estimateRadiusM(ctx: CoverageContext): number {
  return (ctx.horizonMin * ctx.speedMPerMin) / ctx.detourFactor;
}

/**
 * Calls visit(cell, minutes) for every estimate cell within the horizon of a point (lon/lat degrees),
 * with the engine's estimate (great-circle metres × detour / speed).
 */
export function forEstimateCellsNear(
  ctx: CoverageContext,
  lon: number,
  lat: number,
  visit: (cell: number, minutes: number) => void,
): void {
  if (ctx.estimateCells.length === 0) return;
  const r = estimateRadiusM(ctx);
  const dLat = r / METRES_PER_DEGREE;
  const latEdge = Math.min(89.9, Math.abs(lat) + dLat);
  const dLon = r / (METRES_PER_DEGREE * Math.cos((latEdge * Math.PI) / 180));
  const { grid } = ctx;
  for (const k of ctx.estimateIndex.range(lon - dLon, lat - dLat, lon + dLon, lat + dLat)) {
    const c = ctx.estimateCells[k] as number;
    const d = haversineM(lon, lat, grid.lon[c] as number, grid.lat[c] as number);
    if (d > r) continue;
    visit(c, (d * ctx.detourFactor) / ctx.speedMPerMin);
  }
}
