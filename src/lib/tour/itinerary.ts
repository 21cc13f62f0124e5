// The printable itinerary as data: the stop list rows (zh/en) with Lanzhou arrival times, legs, opening
// states and the schematic/network label, ready for the print view and the route panel to render.

import { DETOUR_FACTOR, WALK_SPEED_M_PER_MIN } from '../../config';
import { type Lang, translate } from '../i18n';
import { formatClock, formatDistance, formatOpening } from './format';
import { formatLanzhouDate, formatLanzhouTime } from './lanzhou_time';
import type { LegMethod } from './legs';
import type { NearbyFeature } from './nearby';
import type { OpeningKind, OpeningStatus } from './opening';
import type { ResolvedStop, TourRoute } from './routes';
import type { TourPlan } from './schedule';

/** Evaluates opening hours at an instant (opening.ts `openingStatusAt`, injected so that this module stays light). */
export type OpeningEvaluator = (value: string | undefined, at: Date) => OpeningStatus;

export interface ItineraryInput {
  route: TourRoute;
  /** The route's stops resolved against the features (same order as `plan.stops`). */
  stops: readonly ResolvedStop[];
  plan: TourPlan;
  lang: Lang;
  /** Without it the opening column is left empty (e.g. while the parser is still loading). */
  openingStatus?: OpeningEvaluator;
  /** Features near each stop whose hours are shown too (nearby.ts `featuresNear`), by stop index. */
  nearby?: readonly (readonly NearbyFeature[])[];
  /** Of the schematic router, for the note (defaults from src/config.ts). */
  detourFactor?: number;
  speedMPerMin?: number;
}

export interface ItineraryOpening {
  kind: OpeningKind;
  text: string;
}

export interface ItineraryLeg {
  /** "Walk 1.2 km, about 15 min · schematic line (estimate)" */
  text: string;
  distance: string;
  /** Planned minutes (whole minutes, as in the timetable). */
  minutes: number;
  method: LegMethod;
  schematic: boolean;
}

export interface ItineraryRow {
  n: number;
  name: string;
  description: string;
  /** "19:42", or marked as next day. */
  arrival: string;
  departure: string;
  /** "20 min" */
  stay: string;
  /** The stop's own hours at arrival; null when no evaluator was given. */
  open: ItineraryOpening | null;
  /** Night-zone features near the stop and their state at arrival. */
  nearby: (ItineraryOpening & { name: string })[];
  /** "not built yet" when the feature is planned or under construction, else null. */
  warning: string | null;
  /** The leg to the next stop; null on the last row. */
  next: ItineraryLeg | null;
}

export interface Itinerary {
  lang: Lang;
  title: string;
  description: string;
  /** "Suggested by this map (not official)" or the official source. */
  suggestedBy: string;
  /** "Start: 2024-06-21 19:30" */
  start: string;
  /** Totals line. */
  summary: string;
  headers: { n: string; stop: string; arrive: string; stay: string; open: string; next: string };
  rows: ItineraryRow[];
  /** Footnotes: times are Lanzhou time; how schematic/network legs were computed. */
  notes: string[];
}

const pick = (lang: Lang, zh: string | undefined, en: string | undefined) =>
  (lang === 'zh' ? zh || en : en || zh) ?? '';

/** Builds the itinerary text model of a scheduled route in one language. */
export function buildItinerary(input: ItineraryInput): Itinerary {
  const { route, stops, plan, lang } = input;
  if (stops.length !== plan.stops.length) throw new RangeError('stops and plan.stops differ in length');
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
    translate(lang, key, params);
  const evaluate = (value: string | undefined, at: Date): ItineraryOpening | null => {
    if (!input.openingStatus) return null;
    const status = input.openingStatus(value, at);
    return { kind: status.kind, text: formatOpening(lang, status, at) };
  };
  const rows: ItineraryRow[] = plan.stops.map((s, i) => {
    const stop = stops[i] as ResolvedStop;
    const leg = plan.legs[i];
    const open = evaluate(stop.opening_hours, s.arrival);
    const nearby = input.openingStatus
      ? (input.nearby?.[i] ?? []).map(({ feature }) => ({
          name: pick(lang, feature.properties.name_zh, feature.properties.name_en),
          ...(evaluate(feature.properties.opening_hours, s.arrival) as ItineraryOpening),
        }))
      : [];
    return {
      n: i + 1,
      name: pick(lang, stop.name_zh, stop.name_en),
      description: pick(lang, stop.description_zh, stop.description_en),
      arrival: formatClock(lang, s.arrival, plan.start),
      departure: formatClock(lang, s.departure, plan.start),
      stay: t('tour.minutes', { n: s.dwell_min }),
      open,
      nearby,
      warning: stop.status === 'existing' ? null : t('tour.not_existing'),
      next: leg
        ? {
            text: t('tour.leg', {
              dist: formatDistance(lang, leg.metres),
              min: leg.plannedMinutes,
              method: t(leg.method === 'network' ? 'tour.method.network' : 'tour.method.estimate'),
            }),
            distance: formatDistance(lang, leg.metres),
            minutes: leg.plannedMinutes,
            method: leg.method,
            schematic: leg.method !== 'network',
          }
        : null,
    };
  });
  const notes = [t('tour.note.times')];
  if (plan.legs.some((l) => l.method !== 'network')) {
    notes.push(
      t('tour.note.estimate', {
        factor: input.detourFactor ?? DETOUR_FACTOR,
        speed: input.speedMPerMin ?? WALK_SPEED_M_PER_MIN,
      }),
    );
  }
  if (plan.legs.some((l) => l.method === 'network')) notes.push(t('tour.note.network'));
  return {
    lang,
    title: pick(lang, route.name_zh, route.name_en),
    description: pick(lang, route.description_zh, route.description_en),
    suggestedBy:
      route.suggested_by === 'this_map'
        ? t('tour.suggested.this_map')
        : t('tour.suggested.source', { source: route.suggested_by.source.title }),
    start: t('tour.start', { date: formatLanzhouDate(plan.start), time: formatLanzhouTime(plan.start) }),
    summary: t('tour.summary', {
      dist: formatDistance(lang, plan.totalMetres),
      walk: plan.walkMinutes,
      dwell: plan.dwellMinutes,
      end: formatClock(lang, plan.end, plan.start),
    }),
    headers: {
      n: t('tour.col.n'),
      stop: t('tour.col.stop'),
      arrive: t('tour.col.arrive'),
      stay: t('tour.col.stay'),
      open: t('tour.col.open'),
      next: t('tour.col.next_leg'),
    },
    rows,
    notes,
  };
}
