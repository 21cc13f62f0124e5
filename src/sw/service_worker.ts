// The service worker: app shell + shipped data precached per build, basemap resources kept as seen.
// Built on its own by scripts/lib/sw_plugin.ts (one classic script, sw.js), which defines __LYM_PRECACHE__.

import {
  isCacheableRemote,
  KEEP_CACHE,
  RUNTIME_CACHE,
  RUNTIME_MAX_ENTRIES,
  SHELL_CACHE_PREFIX,
  type SwMessage,
} from './cache_names';
import { rangeResponse } from './range';

declare const __LYM_PRECACHE__: { version: string; files: string[] };

const sw = self as unknown as ServiceWorkerGlobalScope;
const SHELL = `${SHELL_CACHE_PREFIX}${__LYM_PRECACHE__.version}`;
const scopeUrl = (path: string) => new URL(path, sw.registration.scope).href;

// Everything of this build or nothing: one failed file fails the install and the old version stays.
sw.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) =>
        cache.addAll(__LYM_PRECACHE__.files.map((f) => new Request(scopeUrl(f), { cache: 'reload' }))),
      ),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(SHELL_CACHE_PREFIX) && key !== SHELL) await caches.delete(key);
      }
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('message', (event) => {
  const msg = event.data as SwMessage;
  // The page asks only when the person chose to reload into the new version.
  if (msg?.type === 'skip-waiting') void sw.skipWaiting();
  if (msg?.type === 'warm') event.waitUntil(warm(msg.urls));
});

sw.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin === sw.location.origin) event.respondWith(sameOrigin(req, url));
  else if (isCacheableRemote(url)) event.respondWith(networkFirst(req));
});

/** Serves a cached whole file, sliced when the request asks for a range (PMTiles). */
async function fromCache(cacheName: string, key: string, req: Request): Promise<Response | undefined> {
  const hit = await (await caches.open(cacheName)).match(key, { ignoreSearch: true });
  if (!hit) return undefined;
  const range = req.headers.get('range');
  return range ? rangeResponse(hit, range) : hit;
}

async function sameOrigin(req: Request, url: URL): Promise<Response> {
  // Navigations get this build's page, so page and assets always come from one version.
  const key = req.mode === 'navigate' ? scopeUrl('index.html') : url.origin + url.pathname;
  const hit = (await fromCache(SHELL, key, req)) ?? (await fromCache(KEEP_CACHE, key, req));
  if (hit) return hit;
  try {
    const res = await fetch(req);
    if (res.status === 200 && !req.headers.has('range') && req.cache !== 'no-store')
      void keep(req, res.clone());
    return res;
  } catch {
    const saved = await fromCache(RUNTIME_CACHE, key, req);
    // Offline and never seen (an optional file such as a manifest the deployer did not make): an HTTP
    // answer, not a network error, so the page treats it as absent instead of reporting a failure.
    return (
      saved ??
      new Response('offline', {
        status: 504,
        statusText: 'Offline',
        headers: { 'content-type': 'text/plain' },
      })
    );
  }
}

/** Online first (fresh styles and tiles), the copy last seen when the network fails. */
async function networkFirst(req: Request): Promise<Response> {
  try {
    const res = await fetch(req);
    // "Keep Lanzhou offline" fetches with no-store and files the tiles in its own cache.
    if (res.status === 200 && req.cache !== 'no-store') void keep(req, res.clone());
    return res;
  } catch (e) {
    const saved =
      (await (await caches.open(RUNTIME_CACHE)).match(req)) ??
      (await (await caches.open(KEEP_CACHE)).match(req));
    if (saved) return saved;
    throw e;
  }
}

let puts = 0;
async function keep(req: Request, res: Response): Promise<void> {
  try {
    const cache = await caches.open(RUNTIME_CACHE);
    await cache.put(req, res);
    // Trimming now and then keeps the cost off most requests; keys come back oldest first.
    if (++puts % 200 === 0) {
      const keys = await cache.keys();
      for (const k of keys.slice(0, Math.max(0, keys.length - RUNTIME_MAX_ENTRIES))) await cache.delete(k);
    }
  } catch {
    // Storage full or refused: the response was still served; nothing else to do.
  }
}

async function warm(urls: string[]): Promise<void> {
  const cache = await caches.open(RUNTIME_CACHE);
  for (const u of urls) {
    const url = new URL(u);
    if (url.origin === sw.location.origin || !isCacheableRemote(url) || (await cache.match(u))) continue;
    try {
      const res = await fetch(u, { mode: 'cors', credentials: 'omit' });
      if (res.status === 200) await cache.put(u, res);
    } catch {
      // Gone offline meanwhile: the next online visit caches it.
    }
  }
}
