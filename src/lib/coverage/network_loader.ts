// Gets the street network for a coverage analysis: planned tiles from memory, the device cache or Overpass, then one graph in the worker.

import { type AreaCache, openAreaCache } from '../walk/online/cache';
import { isExtractFile } from '../walk/online/extract_file';
import { type FetchLike, fetchOverpass, OverpassError } from '../walk/online/fetcher';
import { type NetworkTile, type NetworkTilePlan, networkTileQuery } from './network_tiles';
import type { CoverageRequestBody, CoverageResults, NetworkResult } from './protocol';

/** The device cache of coverage tiles: its own database, so the nearby view's areas never mix with tiles. */
export const NETWORK_CACHE_DB = 'lym-coverage-network';
/** Room for the cap of tiles of dense city (extract files of ~1–3 MB each). */
export const NETWORK_CACHE_MAX_BYTES = 256 * 2 ** 20;
/** Downloads at once: Overpass gives a client about two slots. */
const CONCURRENCY = 2;

type Outcome<T> = { kind: 'result'; result: T } | { kind: 'cancelled' } | { kind: 'error'; message: string };

/** The part of CoverageClient the loader uses. */
export type CoverageRequester = <R extends CoverageRequestBody>(
  req: R,
) => { id: number; outcome: Promise<Outcome<CoverageResults[R['type']]>> };

/** Where the street network of the analysis stands. */
export interface CoverageNetState {
  phase: 'loading' | 'building' | 'done';
  endpoint: string;
  plan: NetworkTilePlan;
  /** Tiles obtained so far (from memory, cache or download). */
  done: number;
  /** Of them, read from the device cache or memory (not downloaded now). */
  cached: number;
  /** Oldest download time of the tiles in use, ms since the epoch. */
  oldestAt: number | null;
  /** Why the download stopped early (tiles obtained before it are still used), or null. */
  failure: OverpassError | null;
  /** The graph in use once done (null before, or when nothing was obtained). */
  network: NetworkResult | null;
  /** The download was stopped by About → clear (nothing it fetched was kept); a retry starts it again. */
  cleared: boolean;
}

export interface NetworkLoaderOptions {
  endpoint: string;
  request: CoverageRequester;
  /** Called on every state change (progress, done). */
  onChange: (state: CoverageNetState) => void;
  /** Called once the worker uses a new network: figures must be recomputed. */
  onNetwork: (result: NetworkResult) => void;
  /** Default: the device cache (IndexedDB database NETWORK_CACHE_DB, else memory); null: none. */
  cache?: AreaCache | null;
  fetch?: FetchLike;
  isOnline?: () => boolean;
  timeoutMs?: number;
  retries?: number;
  retryDelayMs?: number;
  maxBytes?: number;
  now?: () => number;
}

/** Loads the tiles of one plan at a time; a newer plan (other districts) cancels the running one. */
export class CoverageNetworkLoader {
  private key: string | null = null;
  private plan: NetworkTilePlan | null = null;
  private controller: AbortController | null = null;
  private state: CoverageNetState | null = null;
  /** Extract files already read this session, by tile key (reloading districts needs no storage read). */
  private readonly memo = new Map<string, { data: ArrayBuffer; savedAt: number }>();
  private cache: Promise<AreaCache | null> | null = null;

  constructor(private readonly options: NetworkLoaderOptions) {}

  /** The current state (null before the first plan). */
  get current(): CoverageNetState | null {
    return this.state;
  }

  /**
   * Loads the network for `key` (e.g. the districts analysed); `plan` is called only when the key is
   * new. The same key again does nothing, unless the last run stopped on a failure and `retry` is set.
   */
  load(key: string, plan: () => NetworkTilePlan, retry = false): void {
    if (key === this.key && !(retry && (this.state?.failure || this.state?.cleared))) return;
    this.controller?.abort();
    if (key !== this.key || !this.plan) this.plan = plan();
    this.key = key;
    const controller = new AbortController();
    this.controller = controller;
    void this.run(this.plan, controller.signal);
  }

  /** Loads the current plan again (after a failure: cached and memorised tiles are not downloaded again). */
  retry(): void {
    if (this.key && this.plan) {
      const p = this.plan;
      this.load(this.key, () => p, true);
    }
  }

  /** Stops any download (e.g. the app now has a city graph). */
  stop(): void {
    this.controller?.abort();
    this.controller = null;
    this.key = null;
  }

  /**
   * About → clear: stops a running download (tiles on their way are dropped: neither stored nor used) and
   * forgets the files read this session, so the next analysis reads or downloads them again.
   */
  clear(): void {
    this.memo.clear();
    const s = this.state;
    if (!s || s.phase === 'done') return;
    this.controller?.abort();
    this.controller = null;
    this.state = { ...s, phase: 'done', failure: null, cleared: true };
    this.options.onChange(this.state);
  }

  private openCache(): Promise<AreaCache | null> {
    if (this.options.cache !== undefined) return Promise.resolve(this.options.cache);
    // A generous open timeout: on a busy device a slow open would otherwise fall back to memory and
    // download every tile again on the next visit.
    this.cache ??= openAreaCache({
      dbName: NETWORK_CACHE_DB,
      maxBytes: NETWORK_CACHE_MAX_BYTES,
      openTimeoutMs: 10_000,
    });
    return this.cache;
  }

  private emit(patch: Partial<CoverageNetState>, signal: AbortSignal): void {
    if (signal.aborted || !this.state) return;
    this.state = { ...this.state, ...patch };
    this.options.onChange(this.state);
  }

  private async run(plan: NetworkTilePlan, signal: AbortSignal): Promise<void> {
    const { endpoint } = this.options;
    this.state = {
      phase: 'loading',
      endpoint,
      plan,
      done: 0,
      cached: 0,
      oldestAt: null,
      failure: null,
      network: null,
      cleared: false,
    };
    this.options.onChange(this.state);
    const cache = await this.openCache();
    const parts = new Array<ArrayBuffer | null>(plan.tiles.length).fill(null);
    let done = 0;
    let cached = 0;
    let oldestAt: number | null = null;
    let failure: OverpassError | null = null;
    const got = (k: number, data: ArrayBuffer, savedAt: number, fromCache: boolean) => {
      parts[k] = data;
      done++;
      if (fromCache) cached++;
      oldestAt = oldestAt === null ? savedAt : Math.min(oldestAt, savedAt);
      this.emit({ done, cached, oldestAt }, signal);
    };
    let next = 0;
    let halted = false;
    const worker = async () => {
      while (!halted && !signal.aborted && next < plan.tiles.length) {
        const k = next++;
        const tile = plan.tiles[k] as NetworkTile;
        try {
          const r = await this.tile(tile, cache, signal);
          if (!signal.aborted) got(k, r.data, r.savedAt, r.fromCache);
        } catch (e) {
          if (signal.aborted) return;
          failure ??= e instanceof OverpassError ? e : new OverpassError('bad_json', String(e));
          // One failure starts no more tiles (offline or busy would fail each, and every try costs a
          // slot); tiles already on their way still count.
          halted = true;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, plan.tiles.length) }, worker));
    if (signal.aborted) return;
    const ready = parts.filter((p): p is ArrayBuffer => p !== null);
    // Nothing obtained: the worker keeps what it has (estimates, or real streets of an earlier plan).
    if (ready.length === 0) {
      this.emit({ phase: 'done', failure }, signal);
      return;
    }
    this.emit({ phase: 'building', failure }, signal);
    const o = await this.options.request({ type: 'network', parts: ready, meta: { endpoint } }).outcome;
    if (signal.aborted) return;
    if (o.kind !== 'result') {
      this.emit(
        {
          phase: 'done',
          failure: failure ?? new OverpassError('bad_json', o.kind === 'error' ? o.message : 'cancelled'),
        },
        signal,
      );
      return;
    }
    this.emit({ phase: 'done', network: o.result }, signal);
    this.options.onNetwork(o.result);
  }

  /** One tile's extract file: from memory, the cache, or downloaded and read in the worker (then cached). */
  private async tile(
    tile: NetworkTile,
    cache: AreaCache | null,
    signal: AbortSignal,
  ): Promise<{ data: ArrayBuffer; savedAt: number; fromCache: boolean }> {
    const { endpoint } = this.options;
    const memo = this.memo.get(tile.key);
    if (memo) return { ...memo, fromCache: true };
    const hit = cache ? await cache.get(endpoint, tile) : null;
    if (hit && isExtractFile(hit.data)) {
      this.memo.set(tile.key, { data: hit.data, savedAt: hit.area.savedAt });
      return { data: hit.data, savedAt: hit.area.savedAt, fromCache: true };
    }
    const o = this.options;
    // Read before the request: a tile that arrives after About → clear is not stored.
    const since = cache?.generation();
    const body = await fetchOverpass(networkTileQuery(tile), {
      endpoint,
      signal,
      ...(o.fetch ? { fetch: o.fetch } : {}),
      ...(o.isOnline ? { isOnline: o.isOnline } : {}),
      ...(o.timeoutMs !== undefined ? { timeoutMs: o.timeoutMs } : {}),
      ...(o.retries !== undefined ? { retries: o.retries } : {}),
      ...(o.retryDelayMs !== undefined ? { retryDelayMs: o.retryDelayMs } : {}),
      ...(o.maxBytes !== undefined ? { maxBytes: o.maxBytes } : {}),
    });
    const savedAt = (o.now ?? Date.now)();
    const read = await o.request({ type: 'net_tile', body }).outcome;
    if (read.kind === 'cancelled') throw new OverpassError('aborted', 'cancelled');
    if (read.kind === 'error') throw new OverpassError('bad_json', read.message);
    const r = read.result;
    if (!r.ok) throw new OverpassError(r.kind, r.message);
    this.memo.set(tile.key, { data: r.extract, savedAt });
    // The cache keeps its own copy; storage failures only mean "not cached".
    if (cache) await cache.put(endpoint, tile, r.extract, savedAt, since);
    return { data: r.extract, savedAt, fromCache: false };
  }
}
