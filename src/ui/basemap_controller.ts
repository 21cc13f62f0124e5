// Which basemap is drawn: resolving the choice, falling back to offline, the day/night theme over time.

import { cachedFetch } from '../lib/cached_fetch';
import type { MessageKey } from '../lib/i18n';
import type { Store } from '../lib/store';
import { effectiveTheme, type Theme } from '../lib/theme';
import type { BasemapId, ViewState } from '../lib/url_state';
import { type ResolvedBasemap, resolveBasemap } from '../map/basemaps';
import type { MapView } from '../map/map_view';
import type { Device } from './device';

export interface BasemapDeps {
  store: Store<ViewState>;
  device: Device;
  /** The map, once created. */
  mapView(): MapView | null;
  /** The instant the tour is set at (automatic night follows it), or null when not touring. */
  tourInstant(s: ViewState): Date | null;
  /** Show a translated message; `aboutBasemap` lets a later good basemap clear it. */
  notice(key: MessageKey, aboutBasemap: boolean): void;
  /** A good basemap draws again: clear a basemap message still on screen. */
  clearNotice(): void;
  /** The basemap drawn changed (the layer panel's picker names it). */
  shownChanged(): void;
}

/** Owns the basemap request sequence, the shown basemap and theme, and the theme timer. */
export class BasemapController {
  /** The basemap drawn (the offline one after a fallback), which the picker names when it differs from the choice. */
  shown: BasemapId | undefined;
  private shownTheme: Theme = 'day';
  /** The OSM import's offline basemap, when the deployer built one (see docs/DATA.md). */
  private osmBasemapUrl: string | null = null;
  /** Online styles are fetched once a session, not again on every language or theme switch. */
  private readonly styleFetch = cachedFetch((input, init) => fetch(input, init));
  private request = 0;
  /** Set once the online basemap failed and the offline one replaced it (until the user picks again). */
  private fellBack = false;
  private themeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: BasemapDeps) {}

  /** Use the OSM import's archive as the offline basemap (set before the map starts). */
  setOsmBasemap(url: string | null): void {
    this.osmBasemapUrl = url;
  }

  /** The theme to draw now (automatic night applies while touring, after sunset at the tour's own time). */
  currentTheme(): Theme {
    const s = this.deps.store.get();
    return effectiveTheme(s.theme, s.panel === 'tour', this.deps.tourInstant(s) ?? new Date()).theme;
  }

  /** Whether the drawn theme is no longer the one to draw. */
  themeStale(): boolean {
    return this.currentTheme() !== this.shownTheme;
  }

  /** Resolve the basemap chosen in the state now. */
  resolve(id: BasemapId = this.deps.store.get().basemap): Promise<ResolvedBasemap> {
    const s = this.deps.store.get();
    return resolveBasemap(id, {
      lang: s.lang,
      customUrl: s.customUrl,
      env: import.meta.env,
      theme: this.currentTheme(),
      fetchImpl: this.styleFetch,
      ...(this.osmBasemapUrl ? { offlineUrl: this.osmBasemapUrl, hasOsmLayers: true } : {}),
      ...this.deps.device.basemapOptions(),
    });
  }

  /** Record what the map is created with (the first resolve). */
  created(resolved: ResolvedBasemap): void {
    this.shownTheme = resolved.theme;
    this.showBasemap(resolved.id);
    if (resolved.notice) this.deps.notice(resolved.notice, true);
  }

  /** Resolve and draw the chosen basemap; a later call wins over one still resolving. */
  async apply(): Promise<void> {
    const request = ++this.request;
    this.fellBack = false;
    const resolved = await this.resolve();
    const view = this.deps.mapView();
    if (request !== this.request || !view) return;
    if (resolved.notice) this.deps.notice(resolved.notice, true);
    else this.deps.clearNotice();
    this.draw(view, resolved);
  }

  /** The online basemap failed while drawing: replace it with the offline one, once, and say so. */
  baseError(): void {
    if (this.fellBack || this.deps.store.get().basemap === 'offline') return;
    this.fellBack = true;
    void this.resolve('offline').then((off) => {
      const view = this.deps.mapView();
      if (!view) return;
      this.deps.notice('basemap.fallback', true);
      this.draw(view, off);
    });
  }

  /** Re-check the automatic theme when the sun next rises or sets (one timer, no polling). */
  scheduleThemeCheck(): void {
    clearTimeout(this.themeTimer);
    const s = this.deps.store.get();
    const next = effectiveTheme(s.theme, s.panel === 'tour', new Date()).nextChange;
    if (!next) return;
    // Browsers clamp long timeouts; re-arm at most daily.
    const wait = Math.min(next.getTime() - Date.now() + 1000, 86_400_000);
    this.themeTimer = setTimeout(
      () => {
        if (this.themeStale()) void this.apply();
        this.scheduleThemeCheck();
      },
      Math.max(1000, wait),
    );
  }

  private draw(view: MapView, resolved: ResolvedBasemap): void {
    this.shownTheme = resolved.theme;
    this.showBasemap(resolved.id);
    view.setBase(resolved.style, resolved.theme);
    view.update(this.deps.store.get());
  }

  private showBasemap(id: BasemapId): void {
    if (id === this.shown) return;
    this.shown = id;
    // After the current call stack: this can run while the map itself is being created.
    queueMicrotask(() => this.deps.shownChanged());
  }
}
