// Wiring of everything kept on the device: the Lanzhou extract, the service worker, the About storage part.

import type { Map as MlMap } from 'maplibre-gl';
import { NETWORK_CACHE_DB } from '../lib/coverage/network_loader';
import type { Lang } from '../lib/i18n';
import { openAreaCache } from '../lib/walk/online/cache';
import { type BasemapExtract, loadBasemapExtract } from '../map/basemap_extract_loader';
import { renderKeepOffline } from './keep_offline';
import { startOfflineApp } from './offline_app';

export interface DeviceOptions {
  /** Where the offline badge goes (the header controls). */
  slot: HTMLElement;
  lang: Lang;
  /** URLs the worker must not be asked to cache (the Overpass endpoint's). */
  ignoreUrl: (url: string) => boolean;
  map: () => MlMap | null;
  /** A malformed extract manifest: the reason, for a notice. */
  onExtractError: (detail: string) => void;
  /** Clears the live facilities' device cache and takes them off the map (LiveOsmController.clear). */
  clearLive: () => Promise<void>;
  /** Stops the street-network downloads (nearby, coverage) that are running, before their caches go. */
  stopDownloads: () => void;
}

export interface Device {
  /** Settles (never rejects) once the extract's manifest was looked for; the map waits for it. */
  ready: Promise<unknown>;
  /** basemaps.ts ResolveOptions: the extract, when there is one. */
  basemapOptions(): { extract?: { url: string; attribution: string[] } };
  setLang(lang: Lang): void;
  /** For MapView's onRequest: URLs the map fetches before the worker controls the page. */
  noteRequest(url: string): void;
  /** The About dialog's storage section, built fresh each time the dialog opens. */
  aboutSection(lang: Lang): HTMLElement;
}

/** Starts the offline badge, the service worker and the extract lookup. */
export function createDevice(o: DeviceOptions): Device {
  let extract: BasemapExtract | null = null;
  const ready = loadBasemapExtract(o.onExtractError).then((e) => {
    extract = e;
  });
  const app = startOfflineApp(o.slot, o.lang, o.ignoreUrl);
  return {
    ready,
    basemapOptions: () =>
      extract ? { extract: { url: extract.url, attribution: extract.attribution } } : {},
    setLang: (lang) => app.setLang(lang),
    noteRequest: (url) => app.noteRequest(url),
    aboutSection: (lang) =>
      renderKeepOffline({
        lang,
        extract,
        map: o.map,
        // Every IndexedDB tile cache: nearby street networks, coverage networks, live facilities.
        clearOther: async () => {
          o.stopDownloads();
          await Promise.all([
            openAreaCache().then((c) => c.clear()),
            openAreaCache({ dbName: NETWORK_CACHE_DB }).then((c) => c.clear()),
            o.clearLive(),
          ]);
        },
      }),
  };
}
