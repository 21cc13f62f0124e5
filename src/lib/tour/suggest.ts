// Suggested Yellow River evening walks computed from the places on the map: along the river from a start,
// over bridges only, fitted to a chosen length, open on arrival, ending at a metro station or night market.

import { WALK_SPEED_M_PER_MIN } from '../../config';
import type { RiverFrame } from '../river/river_frame';
import { haversineM } from '../walk/geo';
import type { OpeningEvaluator } from './itinerary';
import type { LegRouter, LonLat } from './legs';
import { isOpenAt } from './open_check';
import { type Located, legAllowed, located } from './river_stops';
import type { TourStopRef } from './routes';
import { scheduleTour, type TourPlan } from './schedule';
import { STOP_KINDS, type WalkPlace } from './suggest_places';

/** The lengths offered, minutes (about 1, 2 or 3 hours). */
export const SUGGEST_LENGTHS_MIN = [60, 120, 180] as const;
/** A walk is accepted when it lasts the chosen length ± this share. */
export const LENGTH_TOLERANCE = 0.1;
/** Stops are places within this distance of the river's centre line, metres (a riverside promenade and the row behind it). */
export const RIVER_BUFFER_M = 400;
/** A start or an end (metro station, night market) may lie this far from the river, metres (a few blocks inland). */
export const END_REACH_M = 800;
/** Ends considered from a stop: straight distance, metres. */
const END_SEARCH_M = 2500;
/** How far ahead the bank with more places is judged at a bridge, metres along the river. */
const LOOKAHEAD_M = 1500;

export interface SuggestInput {
  places: readonly WalkPlace[];
  river: RiverFrame;
  /** Id of the place the walk starts at (a metro station or a place along the river). */
  startId: string;
  /** The chosen length, minutes. */
  lengthMin: number;
  start: Date;
  router: LegRouter;
  /** Opening hours evaluator; without it, hours are not checked (the lazy parser has not loaded). */
  opening?: OpeningEvaluator | null;
}

export interface SuggestedWalk {
  stops: TourStopRef[];
  plan: TourPlan;
  /** Start to the departure from the last stop, minutes. */
  minutes: number;
  lengthMin: number;
  /** Which way along the river's chain it runs (+1 with the chain's direction). */
  direction: 1 | -1;
}

/** Why no walk: no river mapped; the start is not a known place, or too far from the river; too few places. */
export type SuggestRefusal =
  | { reason: 'no_river' }
  | { reason: 'start_unknown' }
  | { reason: 'start_far'; metres: number }
  | { reason: 'too_short'; minutes: number };

export type SuggestResult = { ok: true; walk: SuggestedWalk } | ({ ok: false } & SuggestRefusal);

interface Draft {
  places: Located[];
  dwell: number[];
}

const MIN_MS = 60_000;
const kindOf = (p: WalkPlace) => STOP_KINDS[p.kind];

/** The bank a walk is on after a stop: a crossing bridge leaves either bank open (0). */
const bankAfter = (p: Located, before: number): number => (p.crossing ? before : p.pos.side || before);

function minutesOf(plan: TourPlan): number {
  return (plan.end.getTime() - plan.start.getTime()) / MIN_MS;
}

function schedule(d: Draft, input: SuggestInput): TourPlan {
  return scheduleTour(
    d.places.map((p, i) => ({ coord: p.coord, dwell_min: d.dwell[i] as number })),
    input.router,
    input.start,
  );
}

/** Spreads `delta` minutes over the stays within their bounds, a minute at a time, most valuable first. */
function fitStays(d: Draft, delta: number): void {
  const order = d.places
    .map((p, i) => ({ i, v: kindOf(p).value }))
    .filter(({ i }) => i > 0 || d.places.length === 1)
    .sort((a, b) => b.v - a.v || a.i - b.i);
  let left = Math.round(delta);
  let moved = true;
  while (left !== 0 && moved) {
    moved = false;
    for (const { i } of order) {
      if (left === 0) break;
      const k = kindOf(d.places[i] as Located);
      const cur = d.dwell[i] as number;
      if (left > 0 && cur < k.max) {
        d.dwell[i] = cur + 1;
        left--;
        moved = true;
      } else if (left < 0 && cur > k.min) {
        d.dwell[i] = cur - 1;
        left++;
        moved = true;
      }
    }
  }
}

/** The first stop (after the start) that is closed on arrival or closes before the stay ends, or -1. */
function closedStop(d: Draft, plan: TourPlan, opening: OpeningEvaluator): number {
  return d.places.findIndex((p, i) => {
    const s = plan.stops[i];
    return i > 0 && !!s && !isOpenAt(opening, p.opening_hours, s.arrival, s.departure);
  });
}

/** One direction's walk: greedy along the river, then fitted to the length. Null when nothing fits. */
function walkOneWay(
  input: SuggestInput,
  start: Located,
  all: readonly Located[],
  ends: readonly Located[],
  dir: 1 | -1,
): { draft: Draft; plan: TourPlan; score: number } | null {
  const budget = input.lengthMin;
  const pool = all.filter(
    (p) =>
      p.id !== start.id &&
      p.pos.chain === start.pos.chain &&
      p.kind !== 'metro' &&
      p.pos.dist <= RIVER_BUFFER_M,
  );
  // Legs are asked again and again while the walk grows: each pair is routed and checked once.
  const legs = new Map<string, number>();
  const banks = new Map<string, boolean>();
  const legMin = (a: Located, b: Located) => {
    const k = `${a.id}\n${b.id}`;
    const known = legs.get(k);
    if (known !== undefined) return known;
    const m = input.router(a.coord, b.coord).minutes;
    legs.set(k, m);
    return m;
  };
  const allowed = (a: Located, b: Located) => {
    const k = `${a.id}\n${b.id}`;
    const known = banks.get(k);
    if (known !== undefined) return known;
    const ok = legAllowed(input.river, a, b);
    banks.set(k, ok);
    return ok;
  };
  // No walk is faster than the straight line at twice the walking speed: a cheap bound before routing.
  const atLeastMin = (a: Located, b: Located) =>
    haversineM(a.coord[0], a.coord[1], b.coord[0], b.coord[1]) / (2 * WALK_SPEED_M_PER_MIN);
  const open = (p: Located, at: number, stay: number) =>
    !input.opening || isOpenAt(input.opening, p.opening_hours, new Date(at), new Date(at + stay * MIN_MS));
  /** Ends found closed when the walk was fitted (not chosen again). */
  const excluded = new Set<string>();
  // The cheapest way to finish from `p` on bank `bank`: minutes to an end plus its stay, and the end.
  const finish = (p: Located, bank: number, at: number): { min: number; end: Located } | null => {
    let best: { min: number; end: Located } | null = null;
    for (const e of ends) {
      if (excluded.has(e.id)) continue;
      if (e.id === p.id) return { min: 0, end: e };
      const far = haversineM(p.coord[0], p.coord[1], e.coord[0], e.coord[1]);
      if (far > END_SEARCH_M || (bank && e.pos.side && e.pos.side !== bank) || !allowed(p, e)) continue;
      const walk = legMin(p, e);
      // The shortest stay is reserved; fitting the length may stretch it afterwards.
      const stay = kindOf(e).min;
      if (!open(e, at + walk * MIN_MS, stay)) continue;
      const min = walk + stay;
      if (!best || min < best.min - 1e-9) best = { min, end: e };
    }
    return best;
  };
  const t0 = input.start.getTime();
  const chosen: Located[] = [start];
  /** The bank the walk is on after each chosen stop (0: either, just over a bridge). */
  const bankAt: number[] = [];
  const dwell: number[] = [start.kind === 'metro' ? 0 : kindOf(start).dwell];
  let used = dwell[0] as number;
  let bank: number = start.crossing ? 0 : start.pos.side;
  bankAt.push(bank);
  let way: number = dir;
  let turned = false;
  // Out along one bank; at a bridge, cross and go on, or cross and come back along the other bank (once).
  for (let pass = 0; pass < 2; pass++) {
    const from = chosen[chosen.length - 1] as Located;
    const rel = (p: Located) => (p.pos.along - from.pos.along) * way;
    const taken = new Set(chosen.map((p) => p.id));
    const list = pool
      .filter((p) => !taken.has(p.id) && rel(p) > 0)
      .sort((a, b) => rel(a) - rel(b) || a.id.localeCompare(b.id));
    let turnAt = -1;
    for (const c of list) {
      const last = chosen[chosen.length - 1] as Located;
      if (!c.crossing && bank && c.pos.side && c.pos.side !== bank) continue;
      if (used + atLeastMin(last, c) > budget || !allowed(last, c)) continue;
      const walk = legMin(last, c);
      const stay = kindOf(c).dwell;
      const at = t0 + (used + walk) * MIN_MS;
      if (!open(c, at, stay)) continue;
      let nextBank = bankAfter(c, bank);
      let turn = false;
      if (c.crossing) {
        const here = bank || 1;
        const unused = pool.filter((p) => !chosen.includes(p) && p !== c);
        const near = (p: Located, ahead: boolean) => {
          const d = (p.pos.along - c.pos.along) * way * (ahead ? 1 : -1);
          return d > 0 && d <= LOOKAHEAD_M;
        };
        const count = (side: number, ahead: boolean) =>
          unused.filter((p) => p.pos.side === side && near(p, ahead)).length;
        // Cross when the other bank has more ahead; turn back along it when it has more behind.
        if (!turned && count(-here, false) > Math.max(count(here, true), count(-here, true))) {
          nextBank = -here;
          turn = true;
        } else nextBank = count(-here, true) > count(here, true) ? -here : here;
      }
      const end = finish(c, nextBank, at + stay * MIN_MS);
      if (!end || used + walk + stay + end.min > budget) continue;
      chosen.push(c);
      dwell.push(stay);
      bankAt.push(nextBank);
      used += walk + stay;
      bank = nextBank;
      if (turn) {
        turnAt = chosen.length - 1;
        break;
      }
    }
    if (turnAt < 0) break;
    turned = true;
    way = -way;
  }
  const last = chosen[chosen.length - 1] as Located;
  const end = finish(last, bank, t0 + used * MIN_MS);
  if (!end) return null;
  if (end.end.id !== last.id) {
    chosen.push(end.end);
    dwell.push(kindOf(end.end).min);
    bankAt.push(bank);
  }
  const draft: Draft = { places: chosen, dwell };
  if (draft.places.length < 2) return null;
  // Fit: drop stops while too long, stretch or shorten the stays, drop a stop closed on arrival.
  for (let round = 0; round < 2 * chosen.length + 4; round++) {
    let plan = schedule(draft, input);
    fitStays(draft, budget - minutesOf(plan));
    plan = schedule(draft, input);
    const closed = input.opening ? closedStop(draft, plan, input.opening) : -1;
    const over = minutesOf(plan) > budget * (1 + LENGTH_TOLERANCE);
    if (closed < 0 && !over) {
      const score = draft.places.reduce((s, p, i) => s + (i > 0 ? kindOf(p).value : 0), 0);
      return { draft, plan, score };
    }
    // Remove the closed stop, else the last one before the end; when its neighbours cannot be joined on one
    // bank (or it was the end), the walk is cut there and a new end is chosen from the stop before.
    const drop = closed >= 0 ? closed : draft.places.length - 2;
    if (drop <= 0) return null;
    const gone = draft.places[drop] as Located;
    if (closed >= 0) excluded.add(gone.id);
    draft.places.splice(drop, 1);
    draft.dwell.splice(drop, 1);
    bankAt.splice(drop, 1);
    const prev = draft.places[drop - 1] as Located;
    const next = draft.places[drop];
    if (!next || !allowed(prev, next) || excluded.has(next.id)) {
      draft.places.length = drop;
      draft.dwell.length = drop;
      bankAt.length = drop;
      const cut = schedule(draft, input);
      const again = finish(prev, bankAt[drop - 1] ?? 0, cut.end.getTime());
      if (!again) return null;
      if (again.end.id !== prev.id) {
        draft.places.push(again.end);
        draft.dwell.push(kindOf(again.end).min);
        bankAt.push(bankAt[drop - 1] ?? 0);
      }
    }
    if (draft.places.length < 2) return null;
  }
  return null;
}

/**
 * Suggests an evening walk along the river from `startId`, for `lengthMin` minutes (± LENGTH_TOLERANCE):
 * stops in the order they lie along the river, the river crossed only on bridges (a straight leg must stay
 * on one bank, checked by sampling), each stop open from arrival to departure where its hours are known,
 * ending at a metro station or night market. Both directions are tried; the one with the more valuable
 * stops wins (ties: closer to the length, then with the chain's direction). Same input, same walk.
 */
export function suggestWalk(input: SuggestInput): SuggestResult {
  const steps = suggestWalkSteps(input);
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

/**
 * suggestWalk in steps, for a caller on the page's main thread: it pauses (yields) after each direction
 * tried, so the page can draw and answer input between them (with a street network each direction is
 * many A* walks). Returns what suggestWalk returns.
 */
export function* suggestWalkSteps(input: SuggestInput): Generator<void, SuggestResult, void> {
  if (input.river.chains.length === 0) return { ok: false, reason: 'no_river' };
  const all = located(input.places, input.river);
  const start = all.find((p) => p.id === input.startId);
  if (!start) {
    const known = input.places.some((p) => p.id === input.startId);
    return known
      ? { ok: false, reason: 'start_far', metres: Number.POSITIVE_INFINITY }
      : { ok: false, reason: 'start_unknown' };
  }
  if (start.pos.dist > END_REACH_M) return { ok: false, reason: 'start_far', metres: start.pos.dist };
  const ends = all.filter(
    (p) => (p.kind === 'metro' || p.kind === 'night_market') && p.pos.dist <= END_REACH_M,
  );
  let best: { draft: Draft; plan: TourPlan; score: number; dir: 1 | -1 } | null = null;
  let longest = 0;
  for (const dir of [1, -1] as const) {
    const w = walkOneWay(input, start, all, ends, dir);
    yield;
    if (!w) continue;
    const minutes = minutesOf(w.plan);
    longest = Math.max(longest, minutes);
    if (Math.abs(minutes - input.lengthMin) > input.lengthMin * LENGTH_TOLERANCE) continue;
    const better =
      !best ||
      w.score > best.score ||
      (w.score === best.score &&
        Math.abs(minutes - input.lengthMin) < Math.abs(minutesOf(best.plan) - input.lengthMin));
    if (better) best = { ...w, dir };
  }
  if (!best) return { ok: false, reason: 'too_short', minutes: Math.round(longest) };
  return {
    ok: true,
    walk: {
      stops: best.draft.places.map((p, i) => ({
        feature_id: p.id,
        dwell_min: best.draft.dwell[i] as number,
      })),
      plan: best.plan,
      minutes: minutesOf(best.plan),
      lengthMin: input.lengthMin,
      direction: best.dir,
    },
  };
}

/** Where a walk may start: metro stations and walk places within END_REACH_M of the river, nearest the river first. */
export function startPlaces(places: readonly WalkPlace[], river: RiverFrame): WalkPlace[] {
  return located(places, river)
    .filter((p) => p.pos.dist <= (p.kind === 'metro' ? END_REACH_M : RIVER_BUFFER_M))
    .sort((a, b) => a.pos.chain - b.pos.chain || a.pos.along - b.pos.along || a.id.localeCompare(b.id));
}

/** The start nearest to `at` (where I am), or null when none lies within `maxM` (default 3 km). */
export function nearestStart(starts: readonly WalkPlace[], at: LonLat, maxM = 3000): WalkPlace | null {
  let best: WalkPlace | null = null;
  let bestD = maxM;
  for (const p of starts) {
    const d = haversineM(at[0], at[1], p.coord[0], p.coord[1]);
    if (d <= bestD) {
      best = p;
      bestD = d;
    }
  }
  return best;
}
