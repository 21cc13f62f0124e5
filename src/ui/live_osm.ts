// Live OpenStreetMap facilities in the app: the first-visit download, its progress bar, its section in the layer panel.

import { createDistrictLookup, type DistrictCollectionLike, type DistrictLookup } from '../lib/districts';
import type { MapFeature } from '../lib/feature';
import { type Lang, translate } from '../lib/i18n';
import { assembleLive } from '../lib/live_osm/assemble';
import { osmDate } from '../lib/live_osm/centre';
import {
  LIVE_TIMEOUT_MS,
  type LiveProgress,
  type LiveWorkerLike,
  loadLiveTiles,
  openLiveCache,
  workerParser,
} from '../lib/live_osm/loader';
import { mergeLive, removeLive } from '../lib/live_osm/merge';
import { failureLines, type LiveLine } from '../lib/live_osm/status';
import { type LiveTile, liveTiles, OUTER_DISTRICTS, URBAN_DISTRICTS } from '../lib/live_osm/tiles';
import type { TileCache } from '../lib/overpass/tile_cache';
import { type TourRiver, tourRiver } from '../lib/river/tour_river';
import { dayOf, type OsmOrigin } from '../lib/tour/data_origin';
import { endpointHost } from '../lib/walk/online/endpoint';
import { OverpassError } from '../lib/walk/online/fetcher';
import type { ImportRiver } from './boot_data';
import { h } from './dom';

const OUTER_KEY = 'lym.live.outer';

export interface LiveOsmDeps {
  /** Overpass endpoints in the order to try. */
  endpoints: readonly string[];
  /** The places loaded now (shipped, imported, earlier live ones). */
  features(): MapFeature[];
  /** Replace the loaded places (counts, map, list, nearby, tour and coverage follow). */
  apply(features: MapFeature[]): void;
  /** Re-render the panels (the layer panel shows this module's section). */
  refresh(): void;
  /** Per download attempt, ms (default LIVE_TIMEOUT_MS; kept within 1–120 s). */
  timeoutMs?: number;
}

interface Summary {
  n: number;
  tiles: number;
  fromCache: number;
  savedAt: number | null;
  osmBase: string | null;
  river: 'named' | 'any' | 'none';
  /** When the download finished, ms. */
  at: number;
}

function storedOuter(): boolean {
  try {
    return localStorage.getItem(OUTER_KEY) === '1';
  } catch {
    return false;
  }
}

/** Owns the live download: its state, the thin bar over the map while loading, the panel section. */
export class LiveOsmController {
  /** A thin bar along the top of the map while a download runs (the panel has the words). */
  readonly bar: HTMLElement;
  private readonly barFill: HTMLElement;
  private districts: DistrictCollectionLike | null = null;
  private lookup: DistrictLookup | null = null;
  private cache: Promise<TileCache<LiveTile>> | null = null;
  private progress: LiveProgress | null = null;
  private summary: Summary | null = null;
  private failure: LiveLine[] = [];
  private liveIds = new Set<string>();
  /** The import's copies that live ones replaced (given back when the live places are cleared). */
  private readonly originals = new Map<string, MapFeature>();
  /** The device copy was cleared from About (and whether that stopped a download); shown until the next one. */
  private cleared: 'idle' | 'stopped' | null = null;
  /** Aborts the running download (About → clear). */
  private download: AbortController | null = null;
  /** Settles when the last download started has ended (its state reset), whatever its outcome. */
  private downloading: Promise<void> = Promise.resolve();
  private outer = storedOuter();
  /** River centre lines of the tiles loaded, by OSM way id (kept across a download that stopped part-way). */
  private rivers = new Map<number, [number, number][]>();
  private riverNamed = false;
  private importPresent = false;
  /** The OSM import's river lines (the tour follows them while no live river is loaded), or why not. */
  private importRiver: ImportRiver = null;
  /** The import's places (by id) and the extract's date: where the tour says its places came from. */
  private importIds: ReadonlySet<string> = new Set();
  private importDate: string | null = null;

  private readonly timeoutMs: number;

  constructor(private readonly deps: LiveOsmDeps) {
    this.timeoutMs = Math.min(120_000, Math.max(1000, deps.timeoutMs ?? LIVE_TIMEOUT_MS));
    this.barFill = h('div', { class: 'live-bar-fill' });
    this.bar = h('div', { class: 'live-bar', hidden: true, 'aria-hidden': 'true' }, this.barFill);
  }

  /**
   * Starts on first visit: automatically, unless the deployer ships an OSM import (then the import is
   * the city and the panel offers an update, merged by OSM id).
   */
  start(
    districts: DistrictCollectionLike,
    opts: { importPresent: boolean; importRiver?: ImportRiver; importPlaces?: readonly MapFeature[] },
  ): void {
    this.districts = districts;
    this.importPresent = opts.importPresent;
    this.importRiver = opts.importRiver ?? null;
    const places = opts.importPlaces ?? [];
    this.importIds = new Set(places.map((f) => f.properties.id));
    const river = this.importRiver && 'river' in this.importRiver ? this.importRiver.river : null;
    this.importDate =
      river?.date ?? places.find((f) => f.properties.source.date)?.properties.source.date ?? null;
    if (!opts.importPresent && districts.features.length > 0) this.begin(false);
    else this.deps.refresh();
  }

  private extra: number | null = null;
  /** Tiles the outer districts add (computed once: the panel re-renders often). */
  private extraTiles(): number {
    if (!this.districts) return 0;
    this.extra ??=
      liveTiles(this.districts, [...URBAN_DISTRICTS, ...OUTER_DISTRICTS]).length -
      liveTiles(this.districts, URBAN_DISTRICTS).length;
    return this.extra;
  }

  private tiles() {
    const codes = [...URBAN_DISTRICTS, ...(this.outer ? OUTER_DISTRICTS : [])];
    return this.districts ? liveTiles(this.districts, codes) : [];
  }

  private showBar(): void {
    const p = this.progress;
    this.bar.hidden = p === null;
    if (p) this.barFill.style.width = `${Math.round((100 * p.done) / Math.max(1, p.total))}%`;
  }

  private begin(refresh: boolean): void {
    if (this.progress || !this.districts) return;
    this.downloading = this.run(this.districts, refresh);
  }

  private async run(districts: DistrictCollectionLike, refresh: boolean): Promise<void> {
    const abort = new AbortController();
    this.download = abort;
    const tiles = this.tiles();
    this.failure = [];
    this.progress = { done: 0, total: tiles.length, fromCache: 0, found: 0 };
    this.showBar();
    this.deps.refresh();
    this.cache ??= openLiveCache();
    const parser = workerParser(
      districts,
      () =>
        // Written out literally so that Vite bundles the worker as its own file (no blob: URL, CSP-friendly).
        new Worker(new URL('../workers/overpass_worker.ts', import.meta.url), {
          type: 'module',
        }) as unknown as LiveWorkerLike,
    );
    try {
      const result = await loadLiveTiles(tiles, {
        endpoints: this.deps.endpoints,
        parser,
        cache: await this.cache,
        refresh,
        timeoutMs: this.timeoutMs,
        signal: abort.signal,
        onProgress: (p) => {
          this.progress = p;
          this.showBar();
          this.deps.refresh();
        },
      });
      // Built on first use: the main thread needs it only to place joined bridges.
      this.lookup ??= createDistrictLookup(districts);
      const live = assembleLive(result.tiles, this.lookup);
      // A download that stopped part-way keeps what an earlier one showed for the tiles it missed.
      const merged = mergeLive(
        this.deps.features(),
        live.features,
        result.failure ? new Set() : this.liveIds,
      );
      for (const f of merged.replacedCopies)
        if (!this.originals.has(f.properties.id)) this.originals.set(f.properties.id, f);
      this.cleared = null;
      if (!result.failure) this.rivers.clear();
      for (const r of live.rivers) this.rivers.set(r.id, r.coords);
      if (live.rivers.length) this.riverNamed = live.river === 'named';
      const ids = live.features.map((f) => f.properties.id);
      this.liveIds = result.failure ? new Set([...this.liveIds, ...ids]) : new Set(ids);
      this.summary = result.tiles.length
        ? {
            n: this.liveIds.size,
            tiles: result.tiles.length,
            fromCache: result.fromCache,
            savedAt: result.savedAt,
            osmBase: live.osmBase,
            river: live.river,
            at: Date.now(),
          }
        : this.summary;
      this.failure = result.failure ? failureLines(result.failure, this.liveIds.size, this.timeoutMs) : [];
      this.progress = null;
      this.showBar();
      this.deps.apply(merged.features);
    } catch (e) {
      // Stopped by clear(), which shows the cleared state; nothing of this download is applied.
      if (!(e instanceof OverpassError && e.kind === 'aborted')) throw e;
    } finally {
      if (this.download === abort) this.download = null;
      parser.close();
      this.progress = null;
      this.showBar();
      this.deps.refresh();
    }
  }

  /**
   * Clear the device copy (About → clear): a running download stops (its requests are aborted, and the
   * cache refuses any answer already on its way), the tiles leave IndexedDB and the live places leave the
   * map, so the map shows what this device keeps. Nothing downloads again until the person asks (the panel
   * offers it).
   */
  async clear(): Promise<void> {
    const stopped = this.download !== null;
    this.download?.abort();
    this.cache ??= openLiveCache();
    await (await this.cache).clear();
    await this.downloading.catch(() => undefined);
    if (this.liveIds.size) this.deps.apply(removeLive(this.deps.features(), this.liveIds, this.originals));
    this.liveIds = new Set();
    this.summary = null;
    this.failure = [];
    this.rivers.clear();
    this.cleared = stopped ? 'stopped' : 'idle';
    this.deps.refresh();
  }

  /**
   * The river the tour's suggested walks follow: the lines the live riverside rule measured to, else the
   * OSM import's (src/lib/river/tour_river.ts says why they are not merged).
   */
  river(): TourRiver {
    const imported = this.importRiver && 'river' in this.importRiver ? this.importRiver.river : null;
    const lines = [...this.rivers.values()];
    return tourRiver({ lines, named: this.riverNamed, origin: this.liveOrigin() }, imported);
  }

  /** Where the live places and river came from: Overpass, this device's cache or both (null: none loaded). */
  private liveOrigin(): OsmOrigin | null {
    const s = this.summary;
    if (!s) return null;
    return {
      kind: 'live',
      date: osmDate(s.osmBase) ?? null,
      day: dayOf(s.at),
      tiles: s.tiles,
      fromCache: s.fromCache,
      saved: s.savedAt ? dayOf(s.savedAt) : null,
    };
  }

  /** Where the app got a place's OpenStreetMap data: a live download, the deployer's import, or null. */
  placeOrigin(id: string): OsmOrigin | null {
    if (this.liveIds.has(id)) return this.liveOrigin();
    return this.importIds.has(id) ? { kind: 'import', date: this.importDate } : null;
  }

  /** The section of the layer panel: status, progress with counts, failures, refresh and the outer-districts option. */
  panel(lang: Lang): HTMLElement {
    const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) =>
      translate(lang, k, p);
    const status = h('div', { class: 'live-status', role: 'status', 'aria-live': 'polite' });
    const host = endpointHost(this.deps.endpoints[0] ?? '');
    const p = this.progress;
    if (p) {
      status.append(
        h(
          'p',
          { class: 'live-loading' },
          t('live.loading', { host, done: p.done, total: p.total, found: p.found }),
        ),
        h('progress', {
          class: 'live-progress',
          max: Math.max(1, p.total),
          value: p.done,
          'aria-label': t('live.progress'),
        }),
      );
    } else if (this.summary) {
      const s = this.summary;
      const date = osmDate(s.osmBase);
      status.append(
        h(
          'p',
          { class: 'live-done' },
          date
            ? t('live.done', { n: s.n, tiles: s.tiles, date })
            : t('live.done.nodate', { n: s.n, tiles: s.tiles }),
        ),
      );
      if (s.fromCache > 0)
        status.append(
          h(
            'p',
            { class: 'live-cache' },
            t('live.from_cache', {
              cached: s.fromCache,
              saved: s.savedAt ? new Date(s.savedAt).toISOString().slice(0, 10) : '—',
            }),
          ),
        );
      if (s.river === 'any') status.append(h('p', { class: 'live-note' }, t('live.river.any')));
    } else if (this.cleared) {
      status.append(
        h(
          'p',
          { class: 'live-cleared' },
          t(this.cleared === 'stopped' ? 'live.cleared.stopped' : 'live.cleared'),
        ),
      );
    } else if (this.failure.length === 0) {
      status.append(h('p', {}, t(this.importPresent ? 'live.import_present' : 'live.idle')));
    }
    if (this.importRiver && 'error' in this.importRiver)
      status.append(
        h('p', { class: 'live-note' }, t('live.import_river_error', { detail: this.importRiver.error })),
      );
    if (this.failure.length) {
      status.append(
        h('ul', { class: 'live-failure' }, ...this.failure.map((l) => h('li', {}, t(l.key, l.params)))),
      );
    }
    const button = h(
      'button',
      { type: 'button', id: 'live-refresh', disabled: p !== null },
      t(this.summary ? 'live.refresh' : this.failure.length ? 'live.retry' : 'live.start'),
    );
    button.addEventListener('click', () => this.begin(this.summary !== null));
    const extra = this.extraTiles();
    const outer = h('input', {
      type: 'checkbox',
      id: 'live-outer',
      checked: this.outer,
      disabled: p !== null,
    });
    outer.addEventListener('change', () => {
      this.outer = outer.checked;
      try {
        localStorage.setItem(OUTER_KEY, this.outer ? '1' : '0');
      } catch {
        // Private mode: the choice lasts for this page.
      }
      if (this.outer) this.begin(false);
      else this.deps.refresh();
    });
    return h(
      'section',
      { class: 'live-panel', 'aria-labelledby': 'live-title' },
      h('h3', { id: 'live-title' }, t('live.title')),
      status,
      h('div', { class: 'live-actions' }, button),
      h(
        'div',
        { class: 'live-outer' },
        outer,
        h('label', { for: 'live-outer' }, t('live.outer', { tiles: extra })),
      ),
      h('p', { class: 'live-attribution' }, t('live.attribution')),
    );
  }
}
