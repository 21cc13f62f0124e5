// Runs the night-tour view: published routes and the user's own walk, the timetable with opening hours,
// the route on the map, playback with a following camera, the night style and the exports.

import type { Map as MlMap } from 'maplibre-gl';
import { layerName } from '../catalog';
import type { MapFeature } from '../lib/feature';
import { type Lang, type MessageKey, type Params, translate } from '../lib/i18n';
import { effectiveTheme, type Theme } from '../lib/theme';
import { formatClock, formatWhen } from '../lib/tour/format';
import { buildItinerary, type Itinerary, type OpeningEvaluator } from '../lib/tour/itinerary';
import { type LegRouter, type LonLat, walkEngineRouter } from '../lib/tour/legs';
import {
  legLines,
  type StopMark,
  stopMarks,
  type TimedPath,
  timedPaths,
  tourBounds,
} from '../lib/tour/map_marks';
import { featuresNear, type NearbyFeature } from '../lib/tour/nearby';
import { type NightStyleSetting, nightStyleAt } from '../lib/tour/night';
import { positionAt } from '../lib/tour/playback';
import {
  adjacentStopMinute,
  advance,
  clockDate,
  initialClock,
  type PlaybackClock,
  planDurationMin,
  seek,
  stopMinutes,
  togglePlay,
  withSpeed,
} from '../lib/tour/playback_clock';
import {
  featuresById,
  parseTourRoutesText,
  type ResolvedStop,
  resolveStops,
  type TourRoute,
  type TourStopRef,
} from '../lib/tour/routes';
import { scheduleTour, type TourPlan } from '../lib/tour/schedule';
import {
  formatTourStart,
  parseTourStart,
  TOUR_PANEL_ID,
  type TourViewState,
  tourStartDate,
} from '../lib/tour/tour_state';
import { applyWalkAction, ownWalkRoute, type WalkAction, walkCandidates } from '../lib/tour/walk_builder';
import { startAllowed, walkWarnings } from '../lib/tour/walk_checks';
import { formatIssue, type Issue } from '../lib/validate';
import type { WalkEngine } from '../lib/walk/engine';
import { centreIn, freePadding, nearMiddle, type Padding } from '../map/free_area';
import { type AnalysisCollection, EMPTY_ANALYSIS } from '../map/layers';
import { copyShareLink, downloadGpx, fillPrintSheet, routeSnapshot } from './tour_exports';
import { renderTourPanel, type TourPanelProps, type TourRowView } from './tour_panel';
import { REFUSAL_MAX, REFUSAL_MESSAGE, warningText } from './tour_wording';

/** Where the published routes are served (built from data/night_routes.json by `npm run data`). */
export const ROUTES_URL = 'data/night_routes.json';
const ROUTES_FILE = 'data/night_routes.json';

/**
 * What the controller reads of the app state (src/lib/url_state.ts ViewState satisfies it). `theme` is
 * the app's day/night setting (`th`): 'auto' turns the map to night after sunset while touring.
 */
export type TourState = TourViewState & { lang: Lang; panel: string | null; theme: NightStyleSetting };

export interface TourHost {
  /** Patch the app state (the tour fields and the day/night setting). */
  set(patch: Partial<TourViewState & { theme: NightStyleSetting }>): void;
  /** Show a transient message. */
  notice(text: string): void;
  /** Re-render the panel and the map overlays (routes or opening hours have loaded). */
  refresh(): void;
  /** The maplibre map, once it exists (null without WebGL). */
  map(): MlMap | null;
  /** Draw deck.gl layers over the map ([] clears them); MapView.setDeckLayers. */
  setDeckLayers(layers: unknown[]): unknown;
  /** Playback crossed sunset or sunrise: the basemap should follow (see themeInstant). */
  themeChanged?(): void;
}

export interface TourOptions {
  /** Whether a map can be shown at all (false: no WebGL, list-only app). */
  webgl: boolean;
  routesUrl?: string;
  fetchImpl?: typeof fetch;
}

interface TourView {
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

const pick = (lang: Lang, zh: string | undefined, en: string | undefined) =>
  (lang === 'zh' ? zh || en : en || zh) ?? '';
const sameTour = (a: TourState, b: TourState) =>
  a.panel === b.panel &&
  a.lang === b.lang &&
  a.tourRoute === b.tourRoute &&
  a.tourStart === b.tourStart &&
  a.theme === b.theme &&
  JSON.stringify(a.tourStops) === JSON.stringify(b.tourStops);
const reducedMotion = () =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

export class TourController {
  private router: LegRouter;
  private byId: Map<string, MapFeature>;
  private routes: TourRoute[] | null = null;
  private routeIssues: Issue[] = [];
  private routesError: string | null = null;
  private routesLoad: Promise<void> | null = null;
  private opening: OpeningEvaluator | null = null;
  private openingLoad: Promise<void> | null = null;
  /** The opening-hours chunk failed to load (offline after an update): the column stays empty, not "loading". */
  private openingFailed = false;
  private deck: typeof import('./playback') | null = null;
  private deckLoad: Promise<void> | null = null;
  private deckBusy = false;
  private deckPending: unknown[] | null = null;
  private cache: TourView | null = null;
  private itineraryCache: { key: string; value: Itinerary } | null = null;
  private last: TourState | null = null;
  private wasActive = false;
  private clock: PlaybackClock = initialClock();
  private clockKey = '';
  private follow = true;
  private frame = 0;
  private lastFrameAt = 0;
  private announcedStop = -1;
  private fittedShape = '';
  private hookedMap: MlMap | null = null;
  /** The last theme decision and the tour-time span [from, until) it holds for. */
  private theme: { key: string; theme: Theme; from: number; until: number } | null = null;
  /** The theme the playback layers were last drawn in (a change during playback restyles the basemap). */
  private drawnNight: boolean | null = null;
  private printLang: Lang | null = null;
  private root: HTMLElement | null = null;

  constructor(
    engine: WalkEngine,
    private features: readonly MapFeature[],
    private readonly host: TourHost,
    private readonly options: TourOptions,
  ) {
    this.router = walkEngineRouter(engine);
    this.byId = featuresById(features);
    if (typeof window !== 'undefined') {
      // Printing from the browser's menu still prints the itinerary (without the map snapshot).
      window.addEventListener('beforeprint', () => {
        const sheet = this.root?.querySelector('#tour-print-sheet');
        if (this.last && this.active(this.last) && sheet && sheet.childElementCount === 0)
          void this.fillPrintSheet(null);
      });
      // A later print must not reuse this snapshot of the map.
      window.addEventListener('afterprint', () =>
        this.root?.querySelector('#tour-print-sheet')?.replaceChildren(),
      );
    }
  }

  /** Use another walking engine (e.g. once a street network has loaded). */
  setEngine(engine: WalkEngine): void {
    this.router = walkEngineRouter(engine);
    this.cache = null;
    this.itineraryCache = null;
    if (this.last) this.host.refresh();
  }

  /** Use a new feature list (e.g. after the user imported places: they can then be added to a walk). */
  setFeatures(features: readonly MapFeature[]): void {
    this.features = features;
    this.byId = featuresById(features);
    this.cache = null;
    this.itineraryCache = null;
  }

  /** Whether the tour view is the open panel. */
  active(s: Pick<TourState, 'panel'>): boolean {
    return s.panel === TOUR_PANEL_ID;
  }

  /** Whether anything the tour draws or shows differs between two states (for redrawing the overlays). */
  changed(prev: TourState, s: TourState): boolean {
    return !sameTour(prev, s);
  }

  /**
   * The instant whose daylight decides the automatic night style: while touring, the tour's own time (the
   * minute being played, else the start), so a 20:15 walk looks like night even when planned at noon.
   */
  themeInstant(s: TourState, now: Date = new Date()): Date {
    if (!this.active(s)) return now;
    const v = this.view(s, now);
    this.resetClockFor(v);
    return v.plan ? clockDate(v.plan, this.clock.minute) : v.start;
  }

  /**
   * Whether the map is in the night style for this state: the tour is open and it is night in Lanzhou at
   * the tour's time (setting 'auto'), or the user chose night (src/lib/theme.ts, which the app's basemap
   * switch uses too). Cached until the next sunrise or sunset, since playback asks every frame.
   */
  wantsNight(s: TourState, now: Date = new Date()): boolean {
    const at = this.themeInstant(s, now).getTime();
    const key = `${s.theme}|${this.active(s)}`;
    const c = this.theme;
    if (c && c.key === key && at >= c.from && at < c.until) return c.theme === 'night';
    const r = effectiveTheme(s.theme, this.active(s), new Date(at));
    this.theme = {
      key,
      theme: r.theme,
      from: at,
      until: r.nextChange?.getTime() ?? Number.POSITIVE_INFINITY,
    };
    return r.theme === 'night';
  }

  // ---- data ------------------------------------------------------------------------------------------

  private loadRoutes(): void {
    this.routesLoad ??= (async () => {
      try {
        const res = await (this.options.fetchImpl ?? fetch)(this.options.routesUrl ?? ROUTES_URL);
        // A missing file (or a server's HTML fallback page) means that no route has been published.
        const html = (res.headers.get('content-type') ?? '').includes('text/html');
        if (res.status === 404 || (res.ok && html)) this.routes = [];
        else if (!res.ok) throw new Error(`HTTP ${res.status}`);
        else {
          const parsed = parseTourRoutesText(await res.text(), { file: ROUTES_FILE, features: this.byId });
          this.routes = parsed.routes;
          this.routeIssues = parsed.issues;
        }
      } catch (e) {
        this.routes = [];
        this.routesError = (e as Error).message.slice(0, 120);
      }
      this.cache = null;
      this.refresh();
    })();
  }

  private loadOpening(): void {
    this.openingLoad ??= import('../lib/tour/opening').then(
      (m) => {
        this.opening = (value, at) => m.openingStatusAt(value, at);
        this.itineraryCache = null;
        this.refresh();
      },
      () => {
        this.openingFailed = true;
        this.refresh();
      },
    );
  }

  private loadDeck(): void {
    this.deckLoad ??= import('./playback').then(
      (m) => {
        this.deck = m;
        this.drawDeck();
      },
      // Without deck.gl the route, stops and timetable still show (drawn by maplibre); only playback is lost.
      () => undefined,
    );
  }

  private refresh(): void {
    if (this.last && this.active(this.last)) this.host.refresh();
    if (this.last) this.sync(this.last);
  }

  // ---- the route shown -------------------------------------------------------------------------------

  private view(s: TourState, now: Date): TourView {
    const start = tourStartDate(s, now);
    let route: TourRoute | null = null;
    let notFound: string | null = null;
    if (s.tourRoute && this.routes) {
      route = this.routes.find((r) => r.id === s.tourRoute) ?? null;
      if (!route) notFound = s.tourRoute;
    }
    const refs = route ? route.stops : s.tourStops;
    const key = JSON.stringify([route?.id ?? null, notFound, refs, start.getTime()]);
    if (this.cache?.key === key) return this.cache;
    const { stops, missing } = resolveStops(route ?? ownWalkRoute(refs, s.lang), this.byId);
    const plan = missing.length === 0 && stops.length >= 2 ? scheduleTour(stops, this.router, start) : null;
    const coords = stops.map((x) => x.coord);
    this.cache = {
      key,
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
        featuresNear(x.coord, this.features, {
          categories: ['night_zone'],
          exclude: new Set([x.feature_id]),
        }),
      ),
      shape: JSON.stringify(plan ? plan.legs.map((l) => l.coordinates) : coords),
    };
    this.itineraryCache = null;
    return this.cache;
  }

  private itinerary(v: TourView, lang: Lang): Itinerary | null {
    if (!v.plan) return null;
    const key = `${v.key}|${lang}|${this.opening ? 1 : 0}`;
    if (this.itineraryCache?.key === key) return this.itineraryCache.value;
    const value = buildItinerary({
      route: v.route ?? ownWalkRoute(v.refs, lang),
      stops: v.stops,
      plan: v.plan,
      lang,
      ...(this.opening ? { openingStatus: this.opening } : {}),
      nearby: v.nearby,
    });
    this.itineraryCache = { key, value };
    return value;
  }

  /** "20:14 · walking to stop 2, …" for the clock's minute. */
  private positionText(v: TourView, lang: Lang): string {
    const plan = v.plan as TourPlan;
    const at = clockDate(plan, this.clock.minute);
    const time = formatClock(lang, at, plan.start);
    const pos = positionAt(plan, v.coords, at);
    const name = (i: number) => pick(lang, v.stops[i]?.name_zh, v.stops[i]?.name_en);
    const t = (k: MessageKey, p: Params) => translate(lang, k, p);
    if (!pos || pos.phase === 'finished') return t('tour.ui.pos.finished', { time });
    if (pos.phase === 'walking')
      return t('tour.ui.pos.walking', { time, n: pos.leg + 2, name: name(pos.leg + 1) });
    return t('tour.ui.pos.at_stop', { time, n: pos.stop + 1, name: name(pos.stop) });
  }

  // ---- panel -----------------------------------------------------------------------------------------

  /** The panel for state `s`. */
  panel(s: TourState, now: Date = new Date()): HTMLElement {
    this.last = s;
    this.loadRoutes();
    this.loadOpening();
    const lang = s.lang;
    const t = (k: MessageKey, p?: Params) => translate(lang, k, p);
    const v = this.view(s, now);
    this.resetClockFor(v);
    const it = this.itinerary(v, lang);
    const own = v.route === null;
    const rows: TourRowView[] = it
      ? it.rows.map((r, i) => ({
          name: r.name,
          missing: false,
          arrival: r.arrival,
          dwell: v.refs[i]?.dwell_min ?? 0,
          open: r.open,
          nearby: r.nearby,
          warning: r.warning,
          next: r.next,
        }))
      : v.refs.map((ref) => {
          const f = this.byId.get(ref.feature_id);
          return {
            name: f ? pick(lang, f.properties.name_zh, f.properties.name_en) : ref.feature_id,
            missing: !f,
            arrival: null,
            dwell: ref.dwell_min,
            open: null,
            nearby: [],
            warning: null,
            next: null,
          };
        });
    let status: string | null = null;
    if (!own && v.missing.length)
      status = t('tour.ui.route.incomplete', { n: v.missing.length, ids: v.missing.join(', ') });
    else if (own && v.missing.length) status = t('tour.ui.own.missing');
    else if (own && v.refs.length === 0) status = t('tour.ui.own.empty');
    else if (own && v.refs.length === 1) status = t('tour.ui.own.one_more');
    const routeMessages: string[] = [];
    if (this.routes && this.routesError)
      routeMessages.push(t('tour.ui.routes.error', { detail: this.routesError }));
    else if (this.routes && this.routes.length === 0) routeMessages.push(t('tour.ui.routes.none'));
    if (v.notFound) routeMessages.push(t('tour.ui.route.missing', { id: v.notFound }));
    const groups = new Map<string, { id: string; name: string }[]>();
    for (const f of walkCandidates(this.features, lang)) {
      const group = layerName(f.properties.category, lang);
      const list = groups.get(group) ?? [];
      list.push({ id: f.properties.id, name: pick(lang, f.properties.name_zh, f.properties.name_en) });
      groups.set(group, list);
    }
    const [date = '', time = ''] = formatTourStart(v.start).split('T');
    const sun = nightStyleAt('auto', now);
    const nightText = sun.nextChange
      ? t(sun.night ? 'tour.ui.night.is_night' : 'tour.ui.night.is_day', {
          when: formatWhen(lang, sun.nextChange, now),
        })
      : '';
    const props: TourPanelProps = {
      lang,
      routes: this.routes?.map((r) => ({ id: r.id, name: pick(lang, r.name_zh, r.name_en) })) ?? null,
      routeId: v.route?.id ?? null,
      routeMessages,
      routeIssues: this.routeIssues.map((i) => formatIssue(i, lang)),
      editable: own,
      rows,
      status,
      warnings: v.plan ? walkWarnings(v.plan, now).map((w) => warningText(lang, w)) : [],
      candidates: [...groups].map(([group, options]) => ({ group, options })),
      itinerary: it,
      openingLoading: this.opening === null && !this.openingFailed,
      start: { date, time, custom: s.tourStart !== null },
      night: { setting: s.theme, text: nightText },
      playback:
        v.plan && this.options.webgl
          ? {
              durationMin: planDurationMin(v.plan),
              minute: this.clock.minute,
              playing: this.clock.playing,
              speed: this.clock.speed,
              follow: this.follow,
              position: this.positionText(v, lang),
            }
          : null,
      hasMap: this.options.webgl,
      printLang: this.printLang ?? lang,
      onRoute: (id) => this.host.set({ tourRoute: id }),
      onAdd: (id) => this.edit(s, { type: 'add', featureId: id }, 'tour-add'),
      onMove: (i, by) =>
        this.edit(s, { type: 'move', index: i, by }, (j) => `tour-${by < 0 ? 'up' : 'down'}-${j}`),
      onRemove: (i) => this.edit(s, { type: 'remove', index: i }, (j) => `tour-remove-${j}`),
      onDwell: (i, minutes) =>
        this.edit(s, { type: 'dwell', index: i, dwellMin: minutes }, (j) => `tour-dwell-${j}`),
      onStart: (d, tm) => {
        const value = `${d}T${tm}`;
        const at = parseTourStart(value);
        if (!at) return;
        const current = new Date();
        if (startAllowed(at, current)) this.host.set({ tourStart: value });
        else {
          this.host.notice(t('tour.ui.start.past', { now: formatTourStart(current).replace('T', ' ') }));
          this.host.refresh();
        }
      },
      onStartDefault: () => this.host.set({ tourStart: null }),
      onNight: (setting: NightStyleSetting) => this.host.set({ theme: setting }),
      onPlay: () => this.togglePlay(),
      onStep: (dir) => this.step(dir),
      onScrub: (minute) => this.seekTo(minute),
      onSpeed: (speed) => {
        this.clock = withSpeed(this.clock, speed);
      },
      onFollow: (on) => {
        this.follow = on;
        if (on) this.followCamera(true);
      },
      onJump: (i) => {
        const v2 = this.cache;
        if (!v2?.plan) return;
        this.seekTo(stopMinutes(v2.plan)[i] ?? 0);
        this.followCamera(true);
      },
      onPrintLang: (l) => {
        this.printLang = l;
      },
      onPrint: () => void this.print(),
      onGpx: () => this.downloadGpx(),
      onShare: () => this.share(),
    };
    this.root = renderTourPanel(props);
    return this.root;
  }

  /** Applies a builder edit to the URL state, then keeps keyboard focus on the control that moved. */
  private edit(s: TourState, action: WalkAction, focus: string | ((index: number) => string)): void {
    const r = applyWalkAction(s.tourStops, action);
    if (r.refused) {
      this.host.notice(translate(s.lang, REFUSAL_MESSAGE[r.refused], { max: REFUSAL_MAX[r.refused] }));
      // The field still shows what was typed: put back the stay that stands.
      const field = r.index === null ? null : document.getElementById(`tour-dwell-${r.index}`);
      if (field instanceof HTMLInputElement)
        field.value = String(r.stops[r.index as number]?.dwell_min ?? '');
      return;
    }
    this.host.set({ tourStops: r.stops, tourRoute: null });
    // The store re-renders synchronously; the new controls exist now. A disabled target (first "up")
    // cannot take focus, so fall back to the stop's dwell field.
    const id = typeof focus === 'string' ? focus : r.index === null ? 'tour-add-select' : focus(r.index);
    const el = document.getElementById(id) as HTMLButtonElement | null;
    if (el && !el.disabled) el.focus();
    else document.getElementById(r.index === null ? 'tour-add-select' : `tour-dwell-${r.index}`)?.focus();
  }

  // ---- map -------------------------------------------------------------------------------------------

  /** The route for the map's analysis source: legs (solid network, dashed estimate) and stop markers. */
  analysis(s: TourState, now: Date = new Date()): AnalysisCollection {
    if (!this.active(s)) return EMPTY_ANALYSIS;
    const v = this.view(s, now);
    const features: AnalysisCollection['features'] = [];
    if (v.plan) {
      for (const leg of legLines(v.plan)) {
        features.push({
          type: 'Feature',
          geometry: { type: 'LineString', coordinates: leg.coordinates },
          properties: { kind: 'route', method: leg.method },
        });
      }
    }
    for (const m of v.marks) {
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: m.coord },
        properties: { kind: 'origin' },
      });
    }
    return { type: 'FeatureCollection', features };
  }

  /**
   * Keeps the map in step with the state: call on every state change and once the map exists. Draws the
   * playback layers, fits the camera to a new route, and stops playback and clears the layers when the
   * tour panel closes.
   */
  sync(s: TourState, now: Date = new Date()): void {
    this.last = s;
    if (!this.active(s)) {
      if (this.wasActive) {
        this.wasActive = false;
        this.stopFrames();
        this.clock = { ...this.clock, playing: false };
        this.pushDeck([]);
      }
      return;
    }
    this.wasActive = true;
    this.loadRoutes();
    const v = this.view(s, now);
    this.resetClockFor(v);
    const map = this.host.map();
    if (map && map !== this.hookedMap) {
      this.hookedMap = map;
      // Dragging the map during playback means "let me look around": stop following.
      map.on('dragstart', () => {
        if (!this.follow) return;
        this.follow = false;
        const box = this.root?.querySelector<HTMLInputElement>('#tour-follow');
        if (box) box.checked = false;
      });
    }
    if (map && v.stops.length > 0 && v.shape !== this.fittedShape) {
      this.fittedShape = v.shape;
      this.fit(map, v);
    }
    this.drawDeck();
  }

  private resetClockFor(v: TourView): void {
    if (v.key === this.clockKey) return;
    this.clockKey = v.key;
    this.stopFrames();
    this.clock = initialClock(this.clock.speed);
    this.announcedStop = -1;
  }

  /** The part of the map the side panel leaves free (left on wide screens, bottom on phones). */
  private freePadding(map: MlMap): Padding {
    return freePadding(map, [this.root?.parentElement]);
  }

  private fit(map: MlMap, v: TourView): void {
    const duration = reducedMotion() ? 0 : 600;
    const b = v.plan ? tourBounds(v.plan, v.coords) : null;
    if (b) map.fitBounds(b, { padding: this.freePadding(map), maxZoom: 16, duration });
    else if (v.coords[0] && !v.plan) centreIn(map, v.coords[0], this.freePadding(map), duration);
  }

  /** Pans when the walker nears the edge of the free area (or always with `force`), not every frame. */
  private followCamera(force = false): void {
    const map = this.host.map();
    const v = this.cache;
    if (!map || !v?.plan || (!this.follow && !force) || (!force && map.isMoving())) return;
    const pos = positionAt(v.plan, v.coords, clockDate(v.plan, this.clock.minute));
    if (!pos) return;
    const pad = this.freePadding(map);
    if (force || !nearMiddle(map, pos.coord, pad)) centreIn(map, pos.coord, pad, reducedMotion() ? 0 : 500);
  }

  private drawDeck(): void {
    const s = this.last;
    const v = this.cache;
    if (!s || !this.active(s) || !v || !this.options.webgl) return;
    if (v.stops.length === 0) {
      this.pushDeck([]);
      return;
    }
    if (!this.deck) {
      this.loadDeck();
      return;
    }
    const night = this.wantsNight(s);
    const walker = v.plan
      ? (positionAt(v.plan, v.coords, clockDate(v.plan, this.clock.minute))?.coord ?? null)
      : null;
    this.pushDeck(
      this.deck.playbackLayers({
        paths: v.paths,
        marks: v.marks,
        minute: this.clock.minute,
        walker,
        theme: night ? 'night' : 'day',
      }),
    );
    if (this.drawnNight !== null && this.drawnNight !== night) this.host.themeChanged?.();
    this.drawnNight = night;
  }

  /**
   * Hands layers to the map one call at a time: the first call loads deck.gl's overlay asynchronously,
   * and a second call made meanwhile would add a second overlay. Frames arriving during a call collapse
   * into the latest one.
   */
  private pushDeck(layers: unknown[]): void {
    if (this.deckBusy) {
      this.deckPending = layers;
      return;
    }
    const done = this.host.setDeckLayers(layers);
    if (!(done instanceof Promise)) return;
    this.deckBusy = true;
    const next = () => {
      this.deckBusy = false;
      const pending = this.deckPending;
      this.deckPending = null;
      if (pending) this.pushDeck(pending);
    };
    done.then(next, next);
  }

  // ---- playback --------------------------------------------------------------------------------------

  private togglePlay(): void {
    const v = this.cache;
    if (!v?.plan) return;
    this.clock = togglePlay(this.clock, planDurationMin(v.plan));
    if (this.clock.playing) {
      if (this.follow) this.followCamera();
      this.startFrames();
    } else this.stopFrames();
    this.updateControls();
  }

  private step(dir: -1 | 1): void {
    const v = this.cache;
    if (!v?.plan) return;
    const minute = adjacentStopMinute(v.plan, this.clock.minute, dir);
    if (minute === null) return;
    this.seekTo(minute);
    this.followCamera(true);
  }

  private seekTo(minute: number): void {
    const v = this.cache;
    if (!v?.plan) return;
    this.clock = seek(this.clock, minute, planDurationMin(v.plan));
    this.drawDeck();
    this.updateControls();
    if (this.clock.playing) this.followCamera();
  }

  private startFrames(): void {
    if (this.frame) return;
    this.lastFrameAt = 0;
    this.frame = requestAnimationFrame(this.onFrame);
  }

  private stopFrames(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.lastFrameAt = 0;
  }

  private readonly onFrame = (at: number): void => {
    this.frame = 0;
    const v = this.cache;
    if (!v?.plan || !this.clock.playing) return;
    // A hidden tab pauses frames: count at most a quarter second per frame, so nothing jumps on return.
    const elapsed = this.lastFrameAt ? Math.min(250, at - this.lastFrameAt) : 0;
    this.lastFrameAt = at;
    this.clock = advance(this.clock, elapsed, planDurationMin(v.plan));
    this.drawDeck();
    this.followCamera();
    this.updateControls();
    if (this.clock.playing) this.frame = requestAnimationFrame(this.onFrame);
  };

  /** Updates the playback controls in place (re-rendering the panel every frame would steal focus). */
  private updateControls(): void {
    const v = this.cache;
    const s = this.last;
    const root = this.root;
    if (!v?.plan || !s || !root) return;
    const text = this.positionText(v, s.lang);
    const position = root.querySelector('#tour-position');
    if (position) position.textContent = text;
    const scrub = root.querySelector<HTMLInputElement>('#tour-scrub');
    if (scrub) {
      scrub.value = String(Math.round(this.clock.minute));
      scrub.setAttribute('aria-valuetext', text);
    }
    const play = root.querySelector('#tour-play');
    if (play) play.textContent = translate(s.lang, this.clock.playing ? 'tour.ui.pause' : 'tour.ui.play');
    const pos = positionAt(v.plan, v.coords, clockDate(v.plan, this.clock.minute));
    if (pos?.phase === 'at_stop' && pos.stop !== this.announcedStop) {
      this.announcedStop = pos.stop;
      const live = root.querySelector('#tour-live');
      const name = pick(s.lang, v.stops[pos.stop]?.name_zh, v.stops[pos.stop]?.name_en);
      if (live && this.clock.playing)
        live.textContent = translate(s.lang, 'tour.ui.arrived', { n: pos.stop + 1, name });
    }
  }

  // ---- exports ---------------------------------------------------------------------------------------

  /** Fills the print-only sheet in the chosen language; returns when its map image (if any) has loaded. */
  private fillPrintSheet(mapImage: string | null): Promise<void> {
    const v = this.cache;
    const s = this.last;
    const sheet = this.root?.querySelector('#tour-print-sheet');
    const it = v && s ? this.itinerary(v, this.printLang ?? s.lang) : null;
    return sheet && it ? fillPrintSheet(sheet, it, mapImage) : Promise.resolve();
  }

  private async print(): Promise<void> {
    const v = this.cache;
    if (!v?.plan) return;
    if (this.clock.playing) this.togglePlay();
    const bounds = tourBounds(v.plan, v.coords);
    await this.fillPrintSheet(await routeSnapshot(this.host.map(), bounds, v.marks));
    window.print();
  }

  private downloadGpx(): void {
    const v = this.cache;
    const s = this.last;
    if (!v?.plan || !s) return;
    const route = v.route ?? ownWalkRoute(v.refs, s.lang);
    const file = downloadGpx({ route, stops: v.stops, plan: v.plan, byId: this.byId, lang: s.lang });
    this.host.notice(translate(s.lang, 'tour.ui.gpx.done', { file }));
  }

  private share(): void {
    const lang = this.last?.lang ?? 'zh';
    copyShareLink((ok) =>
      this.host.notice(translate(lang, ok ? 'tour.ui.share.copied' : 'tour.ui.share.failed')),
    );
  }
}
