// The playback clock of a tour: tour minutes shown per real second, play/pause, scrubbing, stop-to-stop jumps.

import type { TourPlan } from './schedule';

/** Speeds offered, tour minutes per real second. */
export const PLAYBACK_SPEEDS = [1, 5, 10, 30] as const;
/** 10 tour minutes per second: a four-hour evening plays in about 25 s. */
export const DEFAULT_PLAYBACK_SPEED = 10;

export interface PlaybackClock {
  /** Tour time shown, minutes since the plan's start (0 … duration). */
  minute: number;
  playing: boolean;
  /** Tour minutes per real second (> 0). */
  speed: number;
}

const MIN_MS = 60_000;

export function initialClock(speed: number = DEFAULT_PLAYBACK_SPEED): PlaybackClock {
  return { minute: 0, playing: false, speed };
}

/** Length of the tour, minutes from the start to the departure from the last stop. */
export function planDurationMin(plan: TourPlan): number {
  return Math.max(0, (plan.end.getTime() - plan.start.getTime()) / MIN_MS);
}

/** The instant shown at `minute`. */
export function clockDate(plan: TourPlan, minute: number): Date {
  return new Date(plan.start.getTime() + minute * MIN_MS);
}

const clamp = (v: number, duration: number) => Math.min(duration, Math.max(0, Number.isFinite(v) ? v : 0));

/**
 * Advances a playing clock by `elapsedMs` of real time; it stops (playing false) at the end.
 * A paused clock is returned unchanged.
 * @param elapsedMs real milliseconds since the last frame (negative values count as 0)
 */
export function advance(c: PlaybackClock, elapsedMs: number, durationMin: number): PlaybackClock {
  if (!c.playing) return c;
  const minute = clamp(c.minute + (Math.max(0, elapsedMs) / 1000) * c.speed, durationMin);
  return { ...c, minute, playing: minute < durationMin };
}

/** Play ↔ pause. Playing from the end starts over from the beginning. */
export function togglePlay(c: PlaybackClock, durationMin: number): PlaybackClock {
  if (c.playing) return { ...c, playing: false };
  if (durationMin <= 0) return { ...c, minute: 0, playing: false };
  return { ...c, minute: c.minute >= durationMin ? 0 : c.minute, playing: true };
}

/** Moves to `minute` (clamped to the tour); playing continues from there. */
export function seek(c: PlaybackClock, minute: number, durationMin: number): PlaybackClock {
  return { ...c, minute: clamp(minute, durationMin) };
}

/** Changes the speed; values ≤ 0 or not finite are ignored. */
export function withSpeed(c: PlaybackClock, speed: number): PlaybackClock {
  return speed > 0 && Number.isFinite(speed) ? { ...c, speed } : c;
}

/** Arrival at each stop, minutes since the start. */
export function stopMinutes(plan: TourPlan): number[] {
  return plan.stops.map((s) => (s.arrival.getTime() - plan.start.getTime()) / MIN_MS);
}

/** Index of the last stop reached at `minute` (0 before the first arrival). */
export function stopIndexAt(plan: TourPlan, minute: number): number {
  const arrivals = stopMinutes(plan);
  let index = 0;
  arrivals.forEach((m, i) => {
    if (m <= minute + 1e-9) index = i;
  });
  return index;
}

/**
 * The arrival minute of the previous (`dir` −1) or next (+1) stop from `minute`; null when there is none.
 * "Previous" skips the stop the clock is exactly at, so repeated presses keep stepping back.
 */
export function adjacentStopMinute(plan: TourPlan, minute: number, dir: -1 | 1): number | null {
  const arrivals = stopMinutes(plan);
  const eps = 1e-6;
  if (dir > 0) return arrivals.find((m) => m > minute + eps) ?? null;
  const before = arrivals.filter((m) => m < minute - eps);
  return before.length ? (before[before.length - 1] as number) : null;
}
