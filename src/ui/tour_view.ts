// The tour shown for a state: the route or own walk resolved, scheduled and prepared for the map, its
// itinerary, and the words of the playback position.

import type { MapFeature } from '../lib/feature';
import { type Lang, type MessageKey, type Params, translate } from '../lib/i18n';
import { formatClock } from '../lib/tour/format';
import { buildItinerary, type Itinerary, type OpeningEvaluator } from '../lib/tour/itinerary';
import type { LegRouter, LonLat } from '../lib/tour/legs';
import { type StopMark, stopMarks, type TimedPath, timedPaths } from '../lib/tour/map_marks';
import { featuresNear, type NearbyFeature } from '../lib/tour/nearby';
import { positionAt } from '../lib/tour/playback';
import { clockDate } from '../lib/tour/playback_clock';
import { type ResolvedStop, resolveStops, type TourRoute, type TourStopRef } from '../lib/tour/routes';
import { scheduleTour, type TourPlan } from '../lib/tour/schedule';
import { type TourViewState, tourStartDate } from '../lib/tour/tour_state';
import { ownWalkRoute } from '../lib/tour/walk_builder';

export interface TourView {
  key: string;
  /** The published route shown, or null for the user's own walk. */
  route: TourRoute | null;
  /** A route id from the link that is not among the published routes. */
  notFound: string | null;
  refs: TourStopRef[];
  stops: ResolvedStop[];
  missing: string[];
  start: Date;
  plan: TourPlan | null;
  coords: LonLat[];
  marks: StopMark[];
  paths: TimedPath[];
  nearby: NearbyFeature[][];
  /** Key of the drawn geometry (the camera fits the route again only when this changes). */
  shape: string;
}

/** What a view is computed from besides the state. */
export interface TourViewContext {
  routes: readonly TourRoute[] | null;
  byId: ReadonlyMap<string, MapFeature>;
  features: readonly MapFeature[];
  router: LegRouter;
}

/** A name in the reading language, else the other one. */
export const pick = (lang: Lang, zh: string | undefined, en: string | undefined) =>
  (lang === 'zh' ? zh || en : en || zh) ?? '';

/** The key a view is cached by: the route (or own stops) and the start instant. */
export function tourViewKey(s: TourViewState, ctx: Pick<TourViewContext, 'routes'>, now: Date): string {
  const start = tourStartDate(s, now);
  const route = s.tourRoute ? (ctx.routes?.find((r) => r.id === s.tourRoute) ?? null) : null;
  const notFound = s.tourRoute && ctx.routes && !route ? s.tourRoute : null;
  return JSON.stringify([route?.id ?? null, notFound, route ? route.stops : s.tourStops, start.getTime()]);
}

/** Resolves and schedules the tour of state `s` (the published route it names, else the own walk). */
export function computeTourView(
  s: TourViewState & { lang: Lang },
  ctx: TourViewContext,
  now: Date,
): TourView {
  const start = tourStartDate(s, now);
  let route: TourRoute | null = null;
  let notFound: string | null = null;
  if (s.tourRoute && ctx.routes) {
    route = ctx.routes.find((r) => r.id === s.tourRoute) ?? null;
    if (!route) notFound = s.tourRoute;
  }
  const refs = route ? route.stops : s.tourStops;
  const { stops, missing } = resolveStops(route ?? ownWalkRoute(refs, s.lang), ctx.byId);
  const plan = missing.length === 0 && stops.length >= 2 ? scheduleTour(stops, ctx.router, start) : null;
  const coords = stops.map((x) => x.coord);
  return {
    key: tourViewKey(s, ctx, now),
    route,
    notFound,
    refs,
    stops,
    missing,
    start,
    plan,
    coords,
    marks: stopMarks(coords),
    paths: plan ? timedPaths(plan) : [],
    nearby: stops.map((x) =>
      featuresNear(x.coord, ctx.features, {
        categories: ['night_zone'],
        exclude: new Set([x.feature_id]),
      }),
    ),
    shape: JSON.stringify(plan ? plan.legs.map((l) => l.coordinates) : coords),
  };
}

/** The itinerary of a scheduled view in `lang` (null without a timetable). */
export function tourItinerary(
  v: TourView,
  lang: Lang,
  opening: OpeningEvaluator | null,
  route: TourRoute = v.route ?? ownWalkRoute(v.refs, lang),
): Itinerary | null {
  if (!v.plan) return null;
  return buildItinerary({
    route,
    stops: v.stops,
    plan: v.plan,
    lang,
    ...(opening ? { openingStatus: opening } : {}),
    nearby: v.nearby,
  });
}

/** "20:14 · walking to stop 2, …" for minute `minute` of a scheduled view. */
export function positionText(v: TourView, lang: Lang, minute: number): string {
  const plan = v.plan as TourPlan;
  const at = clockDate(plan, minute);
  const time = formatClock(lang, at, plan.start);
  const pos = positionAt(plan, v.coords, at);
  const name = (i: number) => pick(lang, v.stops[i]?.name_zh, v.stops[i]?.name_en);
  const t = (k: MessageKey, p: Params) => translate(lang, k, p);
  if (!pos || pos.phase === 'finished') return t('tour.ui.pos.finished', { time });
  if (pos.phase === 'walking')
    return t('tour.ui.pos.walking', { time, n: pos.leg + 2, name: name(pos.leg + 1) });
  return t('tour.ui.pos.at_stop', { time, n: pos.stop + 1, name: name(pos.stop) });
}
