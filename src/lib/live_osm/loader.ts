// Main-thread side of live facilities: each tile from the device cache or from Overpass (a second endpoint before giving up), parsed in the worker.

import type { DistrictCollectionLike } from '../districts.ts';
import { openTileCache, type TileCache, type TileKind } from '../overpass/tile_cache.ts';
import { type FetchLike, fetchOverpass, OverpassError } from '../walk/online/fetcher.ts';
import type { LiveTileData } from './parse.ts';
import type { LiveParseReply, LiveParseRequest } from './protocol.ts';
import { isLiveTile, type LiveTile, liveTileQuery } from './tiles.ts';

/**
 * Cached tiles are the raw answers, parsed again on every visit (a 50,000-element answer takes well
 * under a second), so a change of rules or district boundaries never serves stale classifications.
 * Bumped when the query changes what an answer contains.
 */
export const LIVE_CACHE_VERSION = 'live1';
/** Total size cap of the live-facility cache, bytes. */
export const LIVE_CACHE_MAX_BYTES = 128 * 2 ** 20;
/** Largest accepted answer of one tile, bytes (a dense city-centre tile is a few MB). */
export const LIVE_MAX_BYTES = 32 * 2 ** 20;
/** Per download attempt, ms: longer than the query's own 60 s server limit. */
export const LIVE_TIMEOUT_MS = 75_000;
/** Tiles downloaded at the same time (Overpass gives each client a couple of slots). */
export const LIVE_CONCURRENCY = 2;

export const LIVE_TILE_KIND: TileKind<LiveTile> = {
  dbName: 'lym-live-osm',
  version: LIVE_CACHE_VERSION,
  isTile: isLiveTile,
  copy: (t) => ({ key: t.key, bbox: [...t.bbox] }),
};

/** Opens the device cache of live tiles (IndexedDB, else memory). Never rejects. */
export function openLiveCache(indexedDB?: IDBFactory | null): Promise<TileCache<LiveTile>> {
  return openTileCache(LIVE_TILE_KIND, {
    maxBytes: LIVE_CACHE_MAX_BYTES,
    ...(indexedDB !== undefined ? { indexedDB } : {}),
  });
}

/** Parses answers (in the worker, or on this thread). */
export interface LiveParser {
  parse(body: Uint8Array, tile: string): Promise<LiveTileData>;
  close(): void;
}

/** The part of Worker the parser uses (a fake in tests). */
export interface LiveWorkerLike {
  postMessage(message: LiveParseRequest): void;
  terminate(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?: () => void }) => void) | null;
}

/** A parser on this thread (no worker support, or tests). */
export function inlineParser(districts: DistrictCollectionLike): LiveParser {
  let handler: Promise<import('./protocol.ts').LiveParseHandler> | null = null;
  let id = 0;
  return {
    async parse(body, tile) {
      const first = handler === null;
      handler ??= import('./protocol.ts').then((m) => new m.LiveParseHandler());
      const h = await handler;
      let reply: LiveParseReply | null = null;
      h.handle({ type: 'live_osm', id: ++id, tile, body, ...(first ? { districts } : {}) }, (r) => {
        reply = r;
      });
      return settle(reply as unknown as LiveParseReply);
    },
    close() {},
  };
}

function settle(reply: LiveParseReply): LiveTileData {
  if (reply.type === 'live_osm') return reply.data;
  throw new OverpassError(reply.kind, reply.message, undefined, reply.remark ? { remark: reply.remark } : {});
}

/**
 * A parser in the Overpass worker; one worker serves a whole download, and gets the district polygons
 * once. A worker that cannot start (blocked, unsupported) falls back to this thread.
 */
export function workerParser(districts: DistrictCollectionLike, create: () => LiveWorkerLike): LiveParser {
  let worker: LiveWorkerLike | null = null;
  let heard = false;
  let sentDistricts = false;
  let fallback: LiveParser | null = null;
  let nextId = 1;
  const waiting = new Map<
    number,
    { resolve: (d: LiveTileData) => void; reject: (e: unknown) => void; body: Uint8Array; tile: string }
  >();
  const useFallback = () => {
    fallback ??= inlineParser(districts);
    worker?.terminate();
    worker = null;
    const pending = [...waiting.values()];
    waiting.clear();
    for (const p of pending) fallback.parse(p.body, p.tile).then(p.resolve, p.reject);
  };
  const start = (): LiveWorkerLike | null => {
    try {
      const w = create();
      w.onmessage = (event) => {
        heard = true;
        const reply = event.data as LiveParseReply;
        const p = waiting.get(reply?.id);
        if (!p) return;
        waiting.delete(reply.id);
        try {
          p.resolve(settle(reply));
        } catch (e) {
          p.reject(e);
        }
      };
      w.onerror = (event) => {
        event.preventDefault?.();
        if (!heard) {
          useFallback();
          return;
        }
        const pending = [...waiting.values()];
        waiting.clear();
        for (const p of pending)
          p.reject(new OverpassError('bad_json', `the parsing worker failed (${event.message ?? 'error'})`));
      };
      return w;
    } catch {
      return null;
    }
  };
  return {
    parse(body, tile) {
      if (fallback) return fallback.parse(body, tile);
      worker ??= start();
      const w = worker;
      if (!w) {
        fallback = inlineParser(districts);
        return fallback.parse(body, tile);
      }
      return new Promise((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve, reject, body, tile });
        try {
          // Copied, not transferred: the same bytes go to the cache.
          w.postMessage({ type: 'live_osm', id, tile, body, ...(sentDistricts ? {} : { districts }) });
          sentDistricts = true;
        } catch {
          useFallback();
        }
      });
    },
    close() {
      worker?.terminate();
      worker = null;
    },
  };
}

/** Progress of a download, for the bar. */
export interface LiveProgress {
  /** Tiles finished (from the cache or the network). */
  done: number;
  total: number;
  /** Of those, read from the device cache. */
  fromCache: number;
  /** Facilities found so far (before objects shared by two tiles are counted once). */
  found: number;
}

/** Why a tile could not be loaded: the error of each endpoint tried, in order. */
export interface LiveFailure {
  tile: LiveTile;
  attempts: { endpoint: string; error: OverpassError }[];
}

export interface LoadLiveOptions {
  /** Overpass interpreters, tried in order for each tile (at least one, http/https). */
  endpoints: readonly string[];
  parser: LiveParser;
  /** The device cache; null: none. */
  cache: TileCache<LiveTile> | null;
  /** Skip cached answers (the refresh button); what is downloaded replaces them. */
  refresh?: boolean;
  fetch?: FetchLike;
  isOnline?: () => boolean;
  timeoutMs?: number;
  maxBytes?: number;
  retryDelayMs?: number;
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (p: LiveProgress) => void;
  /** Clock, ms since the epoch (tests). */
  now?: () => number;
}

export interface LiveLoadResult {
  /** Parsed tiles, in the order given (failed or skipped ones missing). */
  tiles: LiveTileData[];
  /** The first tile that failed on every endpoint; the download stopped there (null: complete). */
  failure: LiveFailure | null;
  fromCache: number;
  /** The oldest download time of the tiles used, ms since the epoch (null when none). */
  savedAt: number | null;
}

function asOverpassError(e: unknown): OverpassError {
  return e instanceof OverpassError ? e : new OverpassError('bad_json', String((e as Error)?.message ?? e));
}

/**
 * Loads tiles: each from the device cache when a fresh answer is held (any endpoint's), else from the
 * endpoints in order — the next one is tried when one fails (except when the browser itself is offline,
 * and on cancellation) — parsed by `parser`, and the answer cached. A tile that fails everywhere stops
 * the download (no further requests to a struggling server); tiles already loaded are kept.
 * @throws OverpassError aborted, only when `signal` aborts
 */
export async function loadLiveTiles(tiles: readonly LiveTile[], o: LoadLiveOptions): Promise<LiveLoadResult> {
  const now = o.now ?? Date.now;
  const results: (LiveTileData | undefined)[] = new Array(tiles.length);
  const saved: number[] = [];
  let failure: LiveFailure | null = null;
  let fromCache = 0;
  let done = 0;
  let found = 0;
  let next = 0;
  const report = () => o.onProgress?.({ done, total: tiles.length, fromCache, found });
  report();

  const fromStore = async (tile: LiveTile): Promise<LiveTileData | null> => {
    if (!o.cache || o.refresh) return null;
    for (const endpoint of o.endpoints) {
      const hit = await o.cache.get(endpoint, tile);
      if (!hit) continue;
      try {
        const data = await o.parser.parse(new Uint8Array(hit.data), tile.key);
        saved.push(hit.area.savedAt);
        return data;
      } catch {
        // A stored answer that no longer parses is downloaded again.
      }
    }
    return null;
  };

  const fromNetwork = async (tile: LiveTile): Promise<LiveTileData> => {
    const attempts: LiveFailure['attempts'] = [];
    for (const endpoint of o.endpoints) {
      // Read before the request: an answer that arrives after About → clear is not stored.
      const since = o.cache?.generation();
      try {
        const body = await fetchOverpass(liveTileQuery(tile), {
          endpoint,
          maxBytes: o.maxBytes ?? LIVE_MAX_BYTES,
          timeoutMs: o.timeoutMs ?? LIVE_TIMEOUT_MS,
          ...(o.fetch ? { fetch: o.fetch } : {}),
          ...(o.isOnline ? { isOnline: o.isOnline } : {}),
          ...(o.retryDelayMs !== undefined ? { retryDelayMs: o.retryDelayMs } : {}),
          ...(o.signal ? { signal: o.signal } : {}),
        });
        const data = await o.parser.parse(body, tile.key);
        const at = now();
        saved.push(at);
        const copy = body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer;
        if (o.cache) await o.cache.put(endpoint, tile, copy, at, since);
        return data;
      } catch (e) {
        const error = asOverpassError(e);
        if (error.kind === 'aborted') throw error;
        attempts.push({ endpoint, error });
        // The browser itself is offline: another server is no more reachable.
        if (error.kind === 'offline' && !(o.isOnline ?? (() => globalThis.navigator?.onLine !== false))())
          break;
      }
    }
    throw { tile, attempts } satisfies LiveFailure;
  };

  const run = async (): Promise<void> => {
    while (failure === null && next < tiles.length) {
      if (o.signal?.aborted) throw new OverpassError('aborted', 'cancelled');
      const i = next++;
      const tile = tiles[i]!;
      let data = await fromStore(tile);
      if (data) fromCache++;
      else {
        try {
          data = await fromNetwork(tile);
        } catch (e) {
          if (e instanceof OverpassError) throw e;
          failure ??= e as LiveFailure;
          return;
        }
      }
      results[i] = data;
      done++;
      found += data.candidates.length;
      report();
    }
  };
  const lanes = Math.max(1, Math.min(o.concurrency ?? LIVE_CONCURRENCY, tiles.length));
  await Promise.all(Array.from({ length: lanes }, run));
  return {
    tiles: results.filter((t): t is LiveTileData => t !== undefined),
    failure,
    fromCache,
    savedAt: saved.length ? Math.min(...saved) : null,
  };
}
