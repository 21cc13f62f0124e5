// Runs the night-tour view: published routes and the user's own walk, the timetable with opening hours,
// the route on the map, playback with a following camera, the night style and the exports.

import type { Map as MlMap } from 'maplibre-gl';
import type { MapFeature } from '../lib/feature';
import { type Lang, type MessageKey, type Params, translate } from '../lib/i18n';
import type { TourRiver } from '../lib/river/tour_river';
import type { OsmOrigin } from '../lib/tour/data_origin';
import { formatWhen } from '../lib/tour/format';
import type { Itinerary } from '../lib/tour/itinerary';
import { type LegRouter, walkEngineRouter } from '../lib/tour/legs';
import { type NightStyleSetting, nightStyleAt } from '../lib/tour/night';
import { clockDate, planDurationMin } from '../lib/tour/playback_clock';
import { featuresById, type TourRoute } from '../lib/tour/routes';
import { suggestedWalkRoute, walkSources } from '../lib/tour/suggest_route';
import {
  formatTourStart,
  parseTourStart,
  TOUR_PANEL_ID,
  type TourViewState,
  tourStartDate,
} from '../lib/tour/tour_state';
import { ownWalkRoute, type WalkAction } from '../lib/tour/walk_builder';
import { startAllowed, walkWarnings } from '../lib/tour/walk_checks';
import type { WalkEngine } from '../lib/walk/engine';
import { type AnalysisCollection, EMPTY_ANALYSIS } from '../map/layers';
import { TourActions } from './tour_actions';
import { editWalk } from './tour_edit';
import { NightDecision } from './tour_night';
import { renderTourPanel, type TourPanelProps } from './tour_panel';
import { TourPlayer } from './tour_player';
import { candidateGroups, tourAnalysis, tourRows, walkStatus } from './tour_rows';
import { type TourSourceOptions, TourSources } from './tour_sources';
import { TourSuggester } from './tour_suggest';
import { computeTourView, positionText, type TourView, tourItinerary, tourViewKey } from './tour_view';
import { warningText } from './tour_wording';

/**
 * What the controller reads of the app state (src/lib/url_state.ts ViewState satisfies it). `theme` is
 * the app's day/night setting (`th`): 'auto' turns the map to night after sunset while touring.
 */
export type TourState = TourViewState & {
  lang: Lang;
  panel: string | null;
  theme: NightStyleSetting;
  /** The place selected on the map (a picked start for a suggested walk). */
  selected?: string | null;
};

export interface TourHost {
  /** Patch the app state (the tour fields and the day/night setting). */
  set(patch: Partial<TourViewState & { theme: NightStyleSetting }>): void;
  /** Show a transient message. */
  notice(text: string): void;
  /** Re-render the panel and the map overlays (routes or opening hours have loaded). */
  refresh(): void;
  /** The maplibre map, once it exists (null without WebGL). */
  map(): MlMap | null;
  /** Where the app got a place's OpenStreetMap data (import, live download, cache); null or absent: unknown. */
  placeOrigin?(featureId: string): OsmOrigin | null;
  /** Draw deck.gl layers over the map ([] clears them); MapView.setDeckLayers. */
  setDeckLayers(layers: unknown[]): unknown;
  /** Playback crossed sunset or sunrise: the basemap should follow (see themeInstant). */
  themeChanged?(): void;
}

export interface TourOptions extends TourSourceOptions {
  /** Whether a map can be shown at all (false: no WebGL, list-only app). */
  webgl: boolean;
}

const sameTour = (a: TourState, b: TourState) =>
  a.panel === b.panel &&
  a.lang === b.lang &&
  a.tourRoute === b.tourRoute &&
  a.tourStart === b.tourStart &&
  a.theme === b.theme &&
  JSON.stringify(a.tourSuggest) === JSON.stringify(b.tourSuggest) &&
  JSON.stringify(a.tourStops) === JSON.stringify(b.tourStops);
export class TourController {
  private router: LegRouter;
  private byId: Map<string, MapFeature>;
  private readonly sources: TourSources;
  private readonly suggester: TourSuggester;
  private cache: TourView | null = null;
  private itineraryCache: { key: string; value: Itinerary } | null = null;
  private last: TourState | null = null;
  private wasActive = false;
  private readonly night = new NightDecision();
  private readonly player: TourPlayer;
  private readonly actions: TourActions;
  private root: HTMLElement | null = null;

  constructor(
    engine: WalkEngine,
    private features: readonly MapFeature[],
    private readonly host: TourHost,
    private readonly options: TourOptions,
  ) {
    this.router = walkEngineRouter(engine);
    this.byId = featuresById(features);
    this.suggester = new TourSuggester(features, {
      set: (patch) => host.set(patch),
      notice: (text) => host.notice(text),
      refresh: () => host.refresh(),
    });
    this.sources = new TourSources(options, (what) => {
      if (what === 'routes') this.cache = null;
      this.itineraryCache = null;
      this.refresh();
    });
    this.player = new TourPlayer(
      host,
      {
        view: () => this.cache,
        lang: () => (this.last && this.active(this.last) ? this.last.lang : null),
        root: () => this.root,
        night: () => (this.last ? this.wantsNight(this.last) : false),
      },
      options.webgl,
    );
    this.actions = new TourActions({
      view: () => this.cache,
      lang: () => (this.last && this.active(this.last) ? this.last.lang : null),
      root: () => this.root,
      itinerary: (v, lang) => this.itinerary(v, lang),
      walkRoute: (v, lang) => this.walkRoute(v, lang),
      sources: (v, lang) => walkSources(v.refs, this.byId, lang, this.originOf),
      map: () => host.map(),
      notice: (text) => host.notice(text),
      pause: () => {
        if (this.player.clock.playing) this.player.togglePlay();
      },
    });
  }

  private readonly originOf = (id: string): OsmOrigin | null => this.host.placeOrigin?.(id) ?? null;

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
    this.suggester.setFeatures(features);
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
    this.player.resetFor(v);
    return v.plan ? clockDate(v.plan, this.player.clock.minute) : v.start;
  }

  /**
   * Whether the map is in the night style for this state: the tour is open and it is night in Lanzhou at
   * the tour's time (setting 'auto'), or the user chose night (src/lib/theme.ts, which the app's basemap
   * switch uses too). Cached until the next sunrise or sunset, since playback asks every frame.
   */
  wantsNight(s: TourState, now: Date = new Date()): boolean {
    return this.night.night(s.theme, this.active(s), this.themeInstant(s, now));
  }

  private refresh(): void {
    if (this.last && this.active(this.last)) this.host.refresh();
    if (this.last) this.sync(this.last);
  }

  // ---- the route shown -------------------------------------------------------------------------------

  private view(s: TourState, now: Date): TourView {
    const ctx = {
      routes: this.sources.routes,
      byId: this.byId,
      features: this.features,
      router: this.router,
    };
    if (this.cache?.key === tourViewKey(s, ctx, now)) return this.cache;
    this.cache = computeTourView(s, ctx, now);
    this.itineraryCache = null;
    return this.cache;
  }

  private itinerary(v: TourView, lang: Lang): Itinerary | null {
    if (!v.plan) return null;
    const key = `${v.key}|${lang}|${this.sources.opening ? 1 : 0}|${this.last?.tourSuggest ? 1 : 0}`;
    if (this.itineraryCache?.key === key) return this.itineraryCache.value;
    const value = tourItinerary(v, lang, this.sources.opening, this.walkRoute(v, lang));
    if (value) this.itineraryCache = { key, value };
    return value;
  }

  /** The route of the view: the published one, else the suggested walk or the user's own, as a route. */
  private walkRoute(v: TourView, lang: Lang): TourRoute {
    if (v.route) return v.route;
    return this.last?.tourSuggest
      ? suggestedWalkRoute(v.refs, this.byId, this.originOf)
      : ownWalkRoute(v.refs, lang);
  }

  /**
   * The river centre lines (from the live OSM download, else the import; as `LiveOsmController.river()`
   * gives them); `named`: they carry the Yellow River's name.
   */
  setRiver(river: Pick<TourRiver, 'lines' | 'named' | 'origin'>): void {
    this.suggester.setRiver(river.lines, river.named, river.origin);
    if (this.last && this.active(this.last)) this.host.refresh();
  }

  private suggestSection(s: TourState, now: Date): HTMLElement {
    return this.suggester.section(s.lang, s.selected ?? null, {
      start: tourStartDate(s, now),
      router: this.router,
      opening: async () => {
        // Stops are timed by opening hours: wait for the evaluator (a lazy chunk) unless it cannot load.
        await this.sources.openingReady();
        return this.sources.opening;
      },
      byId: this.byId,
    });
  }

  // ---- panel -----------------------------------------------------------------------------------------

  /** The panel for state `s`. */
  panel(s: TourState, now: Date = new Date()): HTMLElement {
    this.last = s;
    this.sources.loadRoutes(this.byId);
    this.sources.loadOpening();
    const lang = s.lang;
    const t = (k: MessageKey, p?: Params) => translate(lang, k, p);
    const v = this.view(s, now);
    this.player.resetFor(v);
    const it = this.itinerary(v, lang);
    const own = v.route === null;
    const rows = tourRows(v, it, this.byId, lang, (i) =>
      s.tourSuggest ? this.suggester.swapFor(v.refs, i).length > 0 : null,
    );
    const status = walkStatus(v, lang);
    const loaded = this.sources.messages(lang);
    const routeMessages = loaded.routes;
    if (v.notFound) routeMessages.push(t('tour.ui.route.missing', { id: v.notFound }));
    const [date = '', time = ''] = formatTourStart(v.start).split('T');
    const sun = nightStyleAt('auto', now);
    const nightText = sun.nextChange
      ? t(sun.night ? 'tour.ui.night.is_night' : 'tour.ui.night.is_day', {
          when: formatWhen(lang, sun.nextChange, now),
        })
      : '';
    const props: TourPanelProps = {
      lang,
      routes: this.sources.chooser(lang),
      suggest: own ? this.suggestSection(s, now) : null,
      routeId: v.route?.id ?? null,
      routeMessages,
      routeIssues: loaded.issues,
      editable: own,
      rows,
      status,
      warnings: v.plan
        ? [
            ...walkWarnings(v.plan, now).map((w) => warningText(lang, w)),
            ...this.suggester.waterWarnings(v, lang),
          ]
        : [],
      candidates: candidateGroups(this.features, lang),
      itinerary: it,
      openingLoading: this.sources.opening === null && !this.sources.openingFailed,
      start: { date, time, custom: s.tourStart !== null },
      night: { setting: s.theme, text: nightText },
      playback:
        v.plan && this.options.webgl
          ? {
              durationMin: planDurationMin(v.plan),
              minute: this.player.clock.minute,
              playing: this.player.clock.playing,
              speed: this.player.clock.speed,
              follow: this.player.follow,
              position: positionText(v, lang, this.player.clock.minute),
            }
          : null,
      hasMap: this.options.webgl,
      printLang: this.actions.printLang ?? lang,
      onRoute: (id) => this.host.set({ tourRoute: id }),
      onAdd: (id) => this.edit(s, { type: 'add', featureId: id }, 'tour-add'),
      onMove: (i, by) =>
        this.edit(s, { type: 'move', index: i, by }, (j) => `tour-${by < 0 ? 'up' : 'down'}-${j}`),
      onRemove: (i) => this.edit(s, { type: 'remove', index: i }, (j) => `tour-remove-${j}`),
      onSwap: (i) => {
        const id = this.suggester.swapFor(s.tourStops, i)[0];
        if (id) this.edit(s, { type: 'replace', index: i, featureId: id }, (j) => `tour-swap-${j}`);
      },
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
      onPlay: () => this.player.togglePlay(),
      onStep: (dir) => this.player.step(dir),
      onScrub: (minute) => this.player.seekTo(minute),
      onSpeed: (speed) => this.player.setSpeed(speed),
      onFollow: (on) => this.player.setFollow(on),
      onJump: (i) => this.player.jump(i),
      onPrintLang: (l) => {
        this.actions.printLang = l;
      },
      onPrint: () => void this.actions.print(),
      onGpx: () => this.actions.gpx(this.last?.lang ?? lang),
      onShare: () => this.actions.share(this.last?.lang ?? 'zh'),
    };
    this.root = renderTourPanel(props);
    return this.root;
  }

  /** Applies a builder edit to the URL state, then keeps keyboard focus on the control that moved. */
  private edit(s: TourState, action: WalkAction, focus: string | ((index: number) => string)): void {
    editWalk(s.tourStops, s.lang, action, focus, {
      notice: (text) => this.host.notice(text),
      set: (patch) => {
        // The suggester's "suggested N stops" no longer describes the edited walk.
        this.suggester.message = null;
        this.host.set(patch);
      },
    });
  }

  // ---- map -------------------------------------------------------------------------------------------

  /** The route for the map's analysis source: legs (solid network, dashed estimate) and stop markers. */
  analysis(s: TourState, now: Date = new Date()): AnalysisCollection {
    return this.active(s) ? tourAnalysis(this.view(s, now), this.suggester.riverLines()) : EMPTY_ANALYSIS;
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
        this.player.close();
      }
      return;
    }
    this.wasActive = true;
    this.sources.loadRoutes(this.byId);
    const v = this.view(s, now);
    this.player.resetFor(v);
    this.player.show(v);
  }
}
