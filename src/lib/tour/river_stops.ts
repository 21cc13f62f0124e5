// Stops placed beside the river: their bank and distance along it, which bridges span it, and whether a
// straight leg between two stops keeps to one bank (a crossing is allowed only at a spanning bridge).

import { locate, type RiverFrame, type RiverPosition, staysOnBank } from '../river/river_frame';
import type { LegMethod } from './legs';
import type { WalkPlace } from './suggest_places';

/** A bridge spans the river when its centre is this close to the centre line, or within its own half extent. */
const BRIDGE_SPAN_M = 40;

export interface Located extends WalkPlace {
  pos: RiverPosition;
  /** A bridge whose span covers the river (it can be crossed). */
  crossing: boolean;
}

/** The places within 5 km of the river, with their position beside it (others are left out). */
export function located(places: readonly WalkPlace[], river: RiverFrame): Located[] {
  const out: Located[] = [];
  for (const p of places) {
    const pos = locate(river, p.coord);
    if (!pos) continue;
    const crossing = p.kind === 'bridge' && pos.dist <= Math.max(BRIDGE_SPAN_M, p.accuracy_m);
    out.push({ ...p, pos, crossing });
  }
  return out;
}

/**
 * Whether the straight leg a → b keeps to one bank; near a spanning bridge at either end (its half
 * extent + 30 m) the leg may reach the water, since that is where it crosses.
 */
export function legAllowed(river: RiverFrame, a: Located, b: Located): boolean {
  const slack = (p: Located) => (p.crossing ? Math.max(p.accuracy_m, BRIDGE_SPAN_M) + 30 : 0);
  return staysOnBank(river, a.coord, b.coord, Math.max(slack(a), slack(b)));
}

/**
 * The legs of a walk drawn straight across the river away from a bridge: indexes of legs (stop i → i+1)
 * whose method is 'estimate' and that leave their bank. Network legs follow streets, which cross water
 * on bridges. Stops that are not walk places (or far from the river) are not judged.
 */
export function legsAcrossWater(
  stopIds: readonly string[],
  legs: readonly { method: LegMethod }[],
  places: readonly WalkPlace[],
  river: RiverFrame,
): number[] {
  const byId = new Map(located(places, river).map((p) => [p.id, p]));
  const out: number[] = [];
  legs.forEach((leg, i) => {
    const a = byId.get(stopIds[i] as string);
    const b = byId.get(stopIds[i + 1] as string);
    if (leg.method === 'estimate' && a && b && !legAllowed(river, a, b)) out.push(i);
  });
  return out;
}
