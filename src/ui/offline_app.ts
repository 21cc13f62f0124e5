// The app kept on the device, page side: registers sw.js, says when offline, announces a new version.

import { type Lang, type MessageKey, translate } from '../lib/i18n';
import type { SwMessage } from '../sw/cache_names';
import { h } from './dom';
import './offline.css';

export interface OfflineApp {
  /** Re-labels the badge and the update banner. */
  setLang(lang: Lang): void;
  /** A URL the map requests; noted until the worker controls the page, so it can be kept (first visit). */
  noteRequest(url: string): void;
}

/**
 * Shows an offline badge in `slot` while the browser is offline, and registers the service worker in
 * built apps (the dev server has no sw.js; `MODE`, not `PROD`: PROD follows NODE_ENV, which test runners
 * set). A new version is installed in the background and announced with a reload button; the page keeps
 * running the version it started with until the person reloads through that button (skipWaiting, then one
 * reload), so page and assets never come from two versions.
 *
 * @param ignoreUrl resource URLs never handed to the worker for caching (the Overpass endpoint)
 */
export function startOfflineApp(
  slot: HTMLElement,
  lang: Lang,
  ignoreUrl: (url: string) => boolean,
): OfflineApp {
  let current = lang;
  const t = (k: MessageKey) => translate(current, k);
  const badge = h('span', { class: 'offline-badge', role: 'status', hidden: true });
  const reload = h('button', { type: 'button', class: 'update-reload', id: 'update-reload' });
  const banner = h('div', { class: 'update-banner', role: 'alert', hidden: true }, h('span', {}), reload);
  slot.append(badge);
  document.body.append(banner);
  const label = () => {
    badge.textContent = t('offline.badge');
    (banner.firstChild as HTMLElement).textContent = t('offline.update');
    reload.textContent = t('offline.update.reload');
  };
  const online = () => {
    badge.hidden = navigator.onLine;
  };
  label();
  online();
  window.addEventListener('online', online);
  window.addEventListener('offline', online);

  // Noted only while nothing controls the page: afterwards the worker sees every request itself.
  const noted = new Set<string>();
  const noting = () =>
    'serviceWorker' in navigator && !navigator.serviceWorker.controller && noted.size < 5000;
  if ('serviceWorker' in navigator && import.meta.env.MODE !== 'development')
    void register(banner, reload, () => {
      // The page's own fetches (the style JSON) are in its resource timing; the map's tiles are noted.
      const fetched = performance.getEntriesByType('resource').map((e) => e.name);
      return [...new Set([...fetched, ...noted])].filter((u) => u.startsWith('https:') && !ignoreUrl(u));
    });
  return {
    setLang(l) {
      current = l;
      label();
    },
    noteRequest(url) {
      if (url.startsWith('https:') && noting()) noted.add(url);
    },
  };
}

async function register(banner: HTMLElement, reload: HTMLElement, fetchedUrls: () => string[]) {
  const sw = navigator.serviceWorker;
  const wasControlled = Boolean(sw.controller);
  let reg: ServiceWorkerRegistration | undefined;
  try {
    reg = await sw.register('./sw.js', { scope: './' });
  } catch {
    // No worker (private mode, blocked, or an insecure origin): the app works online as before.
  }
  // Automation that blocks workers resolves with no registration at all.
  if (!reg) return;
  let waiting: ServiceWorker | null = null;
  const announce = (worker: ServiceWorker) => {
    waiting = worker;
    banner.hidden = false;
  };
  reload.addEventListener('click', () => {
    if (!waiting) return;
    sw.addEventListener('controllerchange', () => location.reload(), { once: true });
    waiting.postMessage({ type: 'skip-waiting' } satisfies SwMessage);
  });
  // Only an update waits: the first install activates at once because nothing controls the page yet.
  if (reg.waiting && sw.controller) announce(reg.waiting);
  reg.addEventListener('updatefound', () => {
    const installing = reg.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed' && sw.controller) announce(installing);
    });
  });
  if (!wasControlled) {
    // First visit: what the map already fetched (style, tiles, glyphs) went past the worker; hand it the
    // list so the next offline visit draws the same map.
    const ready = await sw.ready;
    (sw.controller ?? ready.active)?.postMessage({ type: 'warm', urls: fetchedUrls() } satisfies SwMessage);
  }
}
