// The timetable of a tour: per-leg walking time, arrival and departure at every stop from a start time.

import { fromLanzhouWallClock, lanzhouWallClock } from './lanzhou_time';
import type { Leg, LegMethod, LegRouter, LonLat } from './legs';

/** What the schedule needs of a stop. */
export interface ScheduleStop {
  coord: LonLat;
  /** Time spent at the stop, minutes (≥ 0). */
  dwell_min: number;
}

/** A stop with its times. */
export interface ScheduledStop {
  index: number;
  arrival: Date;
  departure: Date;
  dwell_min: number;
}

/** A leg with its place in the timetable. */
export interface ScheduledLeg extends Leg {
  /** Index of the stop the leg starts from; it ends at `from + 1`. */
  from: number;
  /** Minutes the timetable allows for the leg (see ScheduleOptions.wholeMinutes). */
  plannedMinutes: number;
  depart: Date;
  arrive: Date;
}

/** A scheduled tour. */
export interface TourPlan {
  start: Date;
  /** Departure from the last stop. */
  end: Date;
  stops: ScheduledStop[];
  legs: ScheduledLeg[];
  /** Walking distance, metres. */
  totalMetres: number;
  /** Planned walking time, minutes. */
  walkMinutes: number;
  /** Time at the stops, minutes. */
  dwellMinutes: number;
  /** 'mixed' when some legs are network walks and some are estimates. */
  method: LegMethod | 'mixed' | 'none';
}

export interface ScheduleOptions {
  /**
   * Round each leg up to whole minutes in the timetable (default true), so that the leg minutes shown
   * add up to the clock times shown; the exact minutes stay in `Leg.minutes`.
   */
  wholeMinutes?: boolean;
}

const MIN_MS = 60_000;

/**
 * Walks the stops in order: arrival at stop 0 is `start`; each departure is arrival + dwell; each arrival
 * is the previous departure + the leg's planned minutes.
 * @param router computes each leg (network or schematic)
 */
export function scheduleTour(
  stops: readonly ScheduleStop[],
  router: LegRouter,
  start: Date,
  options: ScheduleOptions = {},
): TourPlan {
  if (!Number.isFinite(start.getTime())) throw new RangeError('start is not a valid date');
  const whole = options.wholeMinutes ?? true;
  const planned: ScheduledStop[] = [];
  const legs: ScheduledLeg[] = [];
  let clock = start.getTime();
  let totalMetres = 0;
  let walkMinutes = 0;
  let dwellMinutes = 0;
  stops.forEach((stop, index) => {
    if (!(stop.dwell_min >= 0 && Number.isFinite(stop.dwell_min))) {
      throw new RangeError(`dwell_min of stop ${index} must be a finite number ≥ 0`);
    }
    if (index > 0) {
      const prev = stops[index - 1] as ScheduleStop;
      const leg = router(prev.coord, stop.coord);
      // A tiny tolerance keeps 12.0000001 (floating-point noise) at 12 rather than 13.
      const minutes = whole ? Math.max(0, Math.ceil(leg.minutes - 1e-6)) : leg.minutes;
      const depart = new Date(clock);
      clock += minutes * MIN_MS;
      legs.push({ ...leg, from: index - 1, plannedMinutes: minutes, depart, arrive: new Date(clock) });
      totalMetres += leg.metres;
      walkMinutes += minutes;
    }
    const arrival = new Date(clock);
    clock += stop.dwell_min * MIN_MS;
    dwellMinutes += stop.dwell_min;
    planned.push({ index, arrival, departure: new Date(clock), dwell_min: stop.dwell_min });
  });
  const methods = new Set(legs.map((l) => l.method));
  const method = methods.size === 0 ? 'none' : methods.size > 1 ? 'mixed' : (legs[0] as ScheduledLeg).method;
  return {
    start,
    end: new Date(clock),
    stops: planned,
    legs,
    totalMetres,
    walkMinutes,
    dwellMinutes,
    method,
  };
}

/** Default start of a night tour, Lanzhou time ("tonight 19:30"). */
export const DEFAULT_START_MINUTES = 19 * 60 + 30;

/**
 * The next start time in Lanzhou: today at `minutesAfterMidnight` (default 19:30) when that is still
 * ahead of `now`, else the same time tomorrow.
 * @param minutesAfterMidnight Lanzhou wall-clock minutes
 */
export function defaultTourStart(now: Date, minutesAfterMidnight = DEFAULT_START_MINUTES): Date {
  const w = lanzhouWallClock(now);
  const today = fromLanzhouWallClock(w.year, w.month, w.day, 0, minutesAfterMidnight);
  return today.getTime() >= now.getTime()
    ? today
    : fromLanzhouWallClock(w.year, w.month, w.day + 1, 0, minutesAfterMidnight);
}
