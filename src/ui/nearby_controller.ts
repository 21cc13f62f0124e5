// Runs "what is near" for the app: walking queries for the current state, opening hours, locate, copy, print.

import { DETOUR_FACTOR, TIME_BANDS_MIN } from '../config';
import type { MapFeature } from '../lib/feature';
import { translate } from '../lib/i18n';
import {
  fitnessCircleAnswer,
  type NearbyIndex,
  type NearbyRow,
  prepareNearby,
  rankNearby,
  summarise,
} from '../lib/nearby';
import { formatOpening } from '../lib/tour/format';
import type { OpeningStatus } from '../lib/tour/opening';
import type { ViewState } from '../lib/url_state';
import type { RouteResult, WalkEngine } from '../lib/walk/engine';
import { createWalkEngine } from '../lib/walk/engine';
import { type AreaGraphResult, getAreaGraph } from '../lib/walk/online/client';
import { type NetState, netCanRetry, netStatusLines } from '../lib/walk/online/status';
import { DEFAULT_AREA_RADIUS_M, tileCovers } from '../lib/walk/online/tiles';
import { type AnalysisCollection, analysisCollection, EMPTY_ANALYSIS } from '../map/layers';
import { renderNearbyPanel } from './nearby_panel';

/** The list reaches a little past the 15-minute circle so "just outside" is visible too. */
export const NEARBY_MAX_MINUTES = 30;
const LIST_LIMIT = 50;

type OpeningFn = (value: string | undefined, at: Date) => OpeningStatus;

export interface NearbyHost {
  /** Patch the app state (origin, categories, selection). */
  set(patch: Partial<ViewState>): void;
  notice(
    key:
      | 'nearby.locate.denied'
      | 'nearby.locate.outside'
      | 'nearby.centre.outside'
      | 'nearby.copied'
      | 'nearby.copy_failed',
  ): void;
  /** Whether [lon, lat] lies in Lanzhou. */
  inLanzhou(lon: number, lat: number): boolean;
  /** Re-render (e.g. after the opening-hours module loaded). */
  refresh(): void;
  /** The engine changed (a street network arrived): redraw the analysis and the panel. */
  engineChanged(): void;
  /** Ask again for the street network around the current place. */
  retryNetwork(): void;
}

interface Computed {
  key: string;
  rows: NearbyRow[];
  all: NearbyRow[];
  hiddenUnknown: number;
}

export class NearbyController {
  private index: NearbyIndex;
  private opening: OpeningFn | null = null;
  private openingLoad: Promise<void> | null = null;
  private openNow = false;
  private locating = false;
  private cache: Computed | null = null;
  private bands: { key: string; bands: ReturnType<WalkEngine['isochrones']> } | null = null;
  /** Bumped whenever the engine is replaced, so cached bands from another graph are never reused. */
  private engineVersion = 0;
  /** Street network state when it comes from Overpass around the chosen place (null: not used). */
  private net: NetState | null = null;
  private netArea: AreaGraphResult | null = null;
  private netAbort: AbortController | null = null;
  /** A whole-city graph is loaded: never ask Overpass. */
  private prebuilt = false;

  constructor(
    private engine: WalkEngine,
    private features: readonly MapFeature[],
    private readonly host: NearbyHost,
  ) {
    this.index = prepareNearby(engine, features);
  }

  /** Use another feature set (e.g. after a user import). */
  setFeatures(features: readonly MapFeature[]): void {
    this.features = features;
    this.index = prepareNearby(this.engine, features);
    this.cache = null;
  }

  /** Use the prebuilt whole-city graph (the OSM import): walking times never need Overpass then. */
  setCityEngine(engine: WalkEngine): void {
    this.prebuilt = true;
    this.netAbort?.abort();
    this.net = null;
    this.setEngine(engine);
  }

  /**
   * Without a prebuilt graph, fetch the streets around `origin` from Overpass (cached on the device) and
   * switch to network times when they arrive; meanwhile and on failure the list shows labelled estimates.
   */
  useAreaNetwork(origin: [number, number] | null, endpoint: string | null): void {
    if (this.prebuilt || !origin || !endpoint) return;
    const area = this.netArea?.tiles[0];
    if (area && tileCovers(area, origin[0], origin[1], DEFAULT_AREA_RADIUS_M)) return;
    this.netAbort?.abort();
    const abort = new AbortController();
    this.netAbort = abort;
    this.netArea = null;
    this.setEngine(createWalkEngine(null));
    this.net = { phase: 'download', endpoint };
    this.host.refresh();
    getAreaGraph(origin[0], origin[1], {
      endpoint,
      signal: abort.signal,
      onPhase: (phase) => {
        if (abort.signal.aborted) return;
        this.net = { phase, endpoint };
        this.host.refresh();
      },
    }).then(
      (result) => {
        if (abort.signal.aborted) return;
        this.netArea = result;
        this.net = { phase: 'ready', result };
        this.setEngine(createWalkEngine(result.graph));
        this.host.engineChanged();
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        this.net = { phase: 'failed', endpoint, error };
        this.host.refresh();
      },
    );
  }

  /**
   * About → clear: a street network still downloading stops (the tile cache refuses what it fetched) and
   * the panel says so, with a retry; a network already in use stays for this page.
   */
  clearDevice(): void {
    const net = this.net;
    if (!net || (net.phase !== 'download' && net.phase !== 'build')) return;
    this.netAbort?.abort();
    this.netAbort = null;
    this.net = { phase: 'cleared', endpoint: net.endpoint };
    this.host.refresh();
  }

  /** Use another engine (e.g. once a street network has loaded). */
  setEngine(engine: WalkEngine): void {
    this.engine = engine;
    this.engineVersion++;
    this.index = prepareNearby(engine, this.features);
    this.cache = null;
  }

  private loadOpening(): void {
    this.openingLoad ??= import('../lib/tour/opening').then((m) => {
      this.opening = (value, at) => m.openingStatusAt(value, at);
      this.cache = null;
      this.host.refresh();
    });
  }

  private compute(s: ViewState, now: Date): Computed | null {
    if (!s.origin) return null;
    const key = `${s.origin.join(',')}|${s.nearbyCats.join(',')}|${this.openNow}|${this.engine.method}|${this.opening ? 1 : 0}`;
    if (this.cache?.key === key) return this.cache;
    const all = rankNearby(this.index, s.origin, {
      categories: s.nearbyCats,
      maxMinutes: NEARBY_MAX_MINUTES,
      limit: Number.POSITIVE_INFINITY,
    });
    let rows = all;
    let hiddenUnknown = 0;
    if (this.openNow && this.opening) {
      const status = (r: NearbyRow) =>
        (this.opening as OpeningFn)(r.feature.properties.opening_hours, now).kind;
      hiddenUnknown = all.filter((r) => ['no_hours', 'unparseable', 'uncertain'].includes(status(r))).length;
      rows = all.filter((r) => ['open', 'closes_soon'].includes(status(r)));
    }
    this.cache = { key, rows: rows.slice(0, LIST_LIMIT), all, hiddenUnknown };
    return this.cache;
  }

  private routeFor(s: ViewState): RouteResult | null {
    if (!s.origin || !s.selected) return null;
    const index = this.index.features.findIndex((f) => f.properties.id === s.selected);
    return index < 0 ? null : this.engine.route(s.origin[0], s.origin[1], this.index.group, index);
  }

  /** The panel for state `s`. */
  panel(s: ViewState, now = new Date()): HTMLElement {
    this.loadOpening();
    const c = this.compute(s, now);
    const opening = new Map<string, string>();
    if (this.opening && c) {
      for (const r of c.rows) {
        opening.set(
          r.feature.properties.id,
          formatOpening(s.lang, this.opening(r.feature.properties.opening_hours, now), now),
        );
      }
    }
    return renderNearbyPanel({
      lang: s.lang,
      origin: s.origin,
      categories: s.nearbyCats,
      method: this.engine.method,
      maxMinutes: NEARBY_MAX_MINUTES,
      rows: c?.rows ?? null,
      hiddenUnknown: c?.hiddenUnknown ?? 0,
      openNow: this.openNow,
      opening,
      summary: c ? summarise(c.all, s.nearbyCats) : [],
      circle: fitnessCircleAnswer(c?.all ?? []),
      selected: s.selected,
      route: this.routeFor(s),
      locating: this.locating,
      net: this.net
        ? netStatusLines(this.net, DETOUR_FACTOR).map((l) => translate(s.lang, l.key, l.params))
        : [],
      onRetryNet:
        this.net && netCanRetry(this.net)
          ? () => {
              this.netArea = null;
              this.host.retryNetwork();
            }
          : null,
      onCategories: (nearbyCats) => this.host.set({ nearbyCats }),
      onOpenNow: (on) => {
        this.openNow = on;
        this.host.refresh();
      },
      onPick: (id) => this.host.set({ selected: id }),
      onLocate: () => this.locate(),
      onClear: () => this.host.set({ origin: null, selected: null }),
      onCentre: () => {
        const [lon, lat] = s.center;
        if (this.host.inLanzhou(lon, lat)) this.host.set({ origin: [lon, lat], selected: null });
        else this.host.notice('nearby.centre.outside');
      },
      onCopy: () => {
        if (!navigator.clipboard) {
          this.host.notice('nearby.copy_failed');
          return;
        }
        navigator.clipboard.writeText(location.href).then(
          () => this.host.notice('nearby.copied'),
          () => this.host.notice('nearby.copy_failed'),
        );
      },
      onPrint: () => window.print(),
    });
  }

  /** Isochrone bands, the walk to the selected result and the chosen place, for the map. */
  analysis(s: ViewState): AnalysisCollection {
    if (!s.origin) return EMPTY_ANALYSIS;
    // Bands depend on the place and the engine only: picking another result must not recompute them.
    const key = `${s.origin.join(',')}|${this.engine.method}|${this.engineVersion}`;
    if (this.bands?.key !== key) {
      this.bands = { key, bands: this.engine.isochrones(s.origin[0], s.origin[1], TIME_BANDS_MIN) };
    }
    return analysisCollection({ origin: s.origin, bands: this.bands.bands, route: this.routeFor(s) });
  }

  private locate(): void {
    if (!navigator.geolocation) {
      this.host.notice('nearby.locate.denied');
      return;
    }
    this.locating = true;
    this.host.refresh();
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        this.locating = false;
        const { longitude: lon, latitude: lat } = pos.coords;
        if (!this.host.inLanzhou(lon, lat)) {
          this.host.notice('nearby.locate.outside');
          this.host.refresh();
          return;
        }
        this.host.set({ origin: [lon, lat], selected: null, center: [lon, lat], zoom: 15 });
      },
      () => {
        this.locating = false;
        this.host.notice('nearby.locate.denied');
        this.host.refresh();
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }
}
