// The About dialog's "kept on this device" part: storage used / clear, and "keep Lanzhou offline".

import type { Map as MlMap } from 'maplibre-gl';
import { formatBytes } from '../lib/format_bytes';
import { type Lang, type MessageKey, translate } from '../lib/i18n';
import { type Bbox, tileCountInBox, tileUrlsInBox } from '../lib/tile_range';
import type { BasemapExtract } from '../map/basemap_extract_loader';
import { KEEP_CACHE, RUNTIME_CACHE } from '../sw/cache_names';
import { h } from './dom';

/** Above this many tiles the area is refused: zooming in is cheaper than a download nobody wanted. */
export const MAX_KEEP_TILES = 4000;
/** Deepest zoom downloaded for an area (maplibre overzooms vector tiles past it). */
export const KEEP_MAX_ZOOM = 14;

export interface KeepOfflineContext {
  lang: Lang;
  /** The deployer's extract, when there is one: then it is what gets kept. */
  extract: BasemapExtract | null;
  map: () => MlMap | null;
  /** Clears the other device caches (street networks, live facilities); resolves when done. */
  clearOther: () => Promise<void>;
}

/** Online tile templates of the style shown (https only; our own PMTiles archives are kept with the app). */
export function onlineTileTemplates(map: MlMap): { templates: string[]; maxZoom: number } {
  const templates: string[] = [];
  let maxZoom = 0;
  for (const id of Object.keys(map.getStyle()?.sources ?? {})) {
    const src = map.getSource(id) as { tiles?: string[]; maxzoom?: number } | undefined;
    const tiles = (src?.tiles ?? []).filter((u) => u.startsWith('https:'));
    if (tiles.length === 0) continue;
    templates.push(tiles[0]!);
    maxZoom = Math.max(maxZoom, Math.min(src?.maxzoom ?? KEEP_MAX_ZOOM, KEEP_MAX_ZOOM));
  }
  return { templates, maxZoom };
}

/** Average size of up to 40 responses already in the runtime cache from these hosts, bytes; null when none. */
async function averageTileBytes(templates: string[]): Promise<number | null> {
  const hosts = new Set(templates.map((t) => new URL(t.replace(/[{}]/g, '')).host));
  const cache = await caches.open(RUNTIME_CACHE);
  const keys = (await cache.keys()).filter((r) => hosts.has(new URL(r.url).host)).slice(-40);
  let sum = 0;
  let n = 0;
  for (const k of keys) {
    const res = await cache.match(k);
    if (!res) continue;
    sum += (await res.blob()).size;
    n++;
  }
  return n ? sum / n : null;
}

/** Builds the section; it fills in the storage figure and the estimate asynchronously. */
export function renderKeepOffline(ctx: KeepOfflineContext): HTMLElement {
  const t = (k: MessageKey, p?: Record<string, string | number>) => translate(ctx.lang, k, p);
  const usage = h('p', { class: 'storage-used', id: 'storage-used' });
  const status = h('p', { class: 'keep-status', id: 'keep-status', role: 'status', 'aria-live': 'polite' });
  const progress = h('progress', {
    class: 'keep-progress',
    max: '1',
    value: '0',
    hidden: true,
    'aria-label': t('offline.keep'),
  });
  const keep = h('button', { type: 'button', id: 'keep-offline' }, t('offline.keep'));
  const clear = h('button', { type: 'button', id: 'storage-clear' }, t('offline.clear'));
  const section = h(
    'section',
    { class: 'about-offline' },
    h('h3', {}, t('offline.storage.title')),
    usage,
    h('div', { class: 'about-offline-actions' }, keep, clear),
    status,
    progress,
  );
  if (typeof caches === 'undefined' || !('storage' in navigator)) {
    usage.textContent = t('offline.storage.none');
    keep.hidden = true;
    clear.hidden = true;
    return section;
  }
  const showUsage = async () => {
    const e = await navigator.storage.estimate().catch(() => null);
    usage.textContent =
      e?.usage === undefined
        ? t('offline.storage.unknown')
        : t('offline.storage.used', {
            used: formatBytes(e.usage),
            quota: formatBytes(e.quota ?? Number.NaN),
          });
  };
  void showUsage();

  clear.addEventListener('click', async () => {
    await Promise.all([caches.delete(RUNTIME_CACHE), caches.delete(KEEP_CACHE), ctx.clearOther()]);
    status.textContent = t('offline.cleared');
    await showUsage();
  });

  let abort: AbortController | null = null;
  keep.addEventListener('click', async () => {
    const plan = await planDownload(ctx, t);
    status.textContent = plan.text;
    if (!plan.urls.length) return;
    // The estimate first; the download only on a second, explicit choice.
    const start = h('button', { type: 'button', id: 'keep-start' }, t('offline.keep.start'));
    const cancel = h('button', { type: 'button', id: 'keep-cancel' }, t('offline.keep.cancel'));
    status.append(' ', start, ' ', cancel);
    cancel.addEventListener('click', () => {
      abort?.abort();
      status.textContent = '';
      progress.hidden = true;
    });
    start.addEventListener('click', async () => {
      start.remove();
      abort = new AbortController();
      progress.hidden = false;
      try {
        await download(plan.urls, plan.whole, abort.signal, (done, total) => {
          progress.value = total ? done / total : 0;
          const fmt = plan.whole ? formatBytes : String;
          status.firstChild!.textContent = t('offline.keep.progress', { done: fmt(done), total: fmt(total) });
        });
        status.textContent = t('offline.keep.done');
      } catch (e) {
        if (!abort.signal.aborted)
          status.textContent = t('offline.keep.failed', { detail: (e as Error).message });
      }
      progress.hidden = true;
      await showUsage();
    });
  });
  return section;
}

interface DownloadPlan {
  text: string;
  urls: string[];
  /** One big file (the extract): progress in bytes instead of tiles. */
  whole: boolean;
}

async function planDownload(
  ctx: KeepOfflineContext,
  t: (k: MessageKey, p?: Record<string, string | number>) => string,
): Promise<DownloadPlan> {
  if (ctx.extract) {
    const m = ctx.extract.manifest;
    return {
      text: t('offline.keep.extract', {
        size: formatBytes(m.bytes),
        date: m.build_date ?? m.extracted_at.slice(0, 10),
      }),
      urls: [ctx.extract.url],
      whole: true,
    };
  }
  const map = ctx.map();
  const { templates, maxZoom } = map ? onlineTileTemplates(map) : { templates: [], maxZoom: 0 };
  if (!map || templates.length === 0) return { text: t('offline.keep.nothing'), urls: [], whole: false };
  const b = map.getBounds();
  const bbox: Bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  const n = templates.length * tileCountInBox(bbox, 0, maxZoom);
  if (n > MAX_KEEP_TILES) return { text: t('offline.keep.toomany', { n }), urls: [], whole: false };
  const avg = await averageTileBytes(templates);
  return {
    text:
      avg === null
        ? t('offline.keep.area.unknown', { n })
        : t('offline.keep.area', { n, size: formatBytes(avg * n) }),
    urls: tileUrlsInBox(templates, bbox, 0, maxZoom),
    whole: false,
  };
}

/** Fetches into the keep cache, four at a time; a whole file streams to the cache while bytes are counted. */
async function download(
  urls: string[],
  whole: boolean,
  signal: AbortSignal,
  onProgress: (done: number, total: number) => void,
): Promise<void> {
  const cache = await caches.open(KEEP_CACHE);
  if (whole) {
    const url = urls[0]!;
    const res = await fetch(url, { cache: 'no-store', signal });
    if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
    const total = Number(res.headers.get('content-length') ?? 0);
    const [toCache, toCount] = res.body.tee();
    let done = 0;
    const counting = (async () => {
      const reader = toCount.getReader();
      for (let r = await reader.read(); !r.done; r = await reader.read()) {
        done += r.value.byteLength;
        onProgress(done, total);
      }
    })();
    await Promise.all([cache.put(url, new Response(toCache, { headers: res.headers })), counting]);
    return;
  }
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (let i = next++; i < urls.length; i = next++) {
      if (signal.aborted) throw new Error('aborted');
      const res = await fetch(urls[i]!, { cache: 'no-store', mode: 'cors', signal });
      // A 204/404 is an empty tile (sea, desert): nothing to keep, not a failure.
      if (res.ok && res.status === 200) await cache.put(urls[i]!, res);
      onProgress(++done, urls.length);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}
