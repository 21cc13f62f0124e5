// Names of the service worker's caches, shared by the worker and the page (storage line, keep-offline).

/** The app shell and shipped data of one build; one per version, the old one dropped on activation. */
export const SHELL_CACHE_PREFIX = 'lym-shell-';
/** Online basemap styles, tiles, glyphs and sprites as they were seen (kept across versions). */
export const RUNTIME_CACHE = 'lym-runtime';
/** What "keep Lanzhou offline" downloaded (the extract archive or the area's online tiles). */
export const KEEP_CACHE = 'lym-keep';
/** Entries the runtime cache keeps before dropping the oldest. */
export const RUNTIME_MAX_ENTRIES = 6000;

/** Message types the page sends to the worker. */
export type SwMessage =
  | { type: 'skip-waiting' }
  /** URLs the page fetched before the worker controlled it (the first visit), to cache now. */
  | { type: 'warm'; urls: string[] };

/**
 * Whether a cross-origin GET is a basemap resource the worker may keep: https only, never an Overpass
 * query (its answers are the walking/facility modules' own, in IndexedDB).
 */
export function isCacheableRemote(url: URL): boolean {
  return url.protocol === 'https:' && !/\/interpreter\b/.test(url.pathname);
}
