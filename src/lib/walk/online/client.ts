// Main-thread entry of the online street network: the graph around a point from the cache or from Overpass.

import { OVERPASS_ENDPOINT } from '../../../config.ts';
import type { BuildWalkGraphStats, WalkGraph } from '../graph.ts';
import { deserializeWalkGraph } from '../graph_binary.ts';
import { type AreaCache, openAreaCache } from './cache.ts';
import { httpUrl } from './endpoint.ts';
import { type FetchLike, fetchOverpass, OverpassError } from './fetcher.ts';
import { FlightGroup } from './flight.ts';
import type { OverpassBuildReply, OverpassBuildRequest } from './protocol.ts';
import { type AreaTile, chooseTile, DEFAULT_AREA_RADIUS_M, DEFAULT_TILE_GRID_M, tileQuery } from './tiles.ts';

/** The part of Worker the client uses (a fake in tests). */
export interface OverpassWorkerLike {
  postMessage(message: OverpassBuildRequest): void;
  terminate(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?: () => void }) => void) | null;
}

/** Options of getAreaGraph; all optional. */
export interface AreaGraphOptions {
  /** Metres the query needs around the point (default 2,000). */
  radiusM?: number;
  /** Overpass interpreter URL, http(s) only (default src/config.ts OVERPASS_ENDPOINT). */
  endpoint?: string;
  /** The cache; default the device cache (IndexedDB, else memory), opened once; null: no cache. */
  cache?: AreaCache | null;
  /** Creates the build worker; default src/workers/overpass_worker.ts; null builds on this thread. */
  createWorker?: (() => OverpassWorkerLike) | null;
  fetch?: FetchLike;
  isOnline?: () => boolean;
  /** Per download attempt, ms (default 40,000). */
  timeoutMs?: number;
  /** Extra attempts after 429/503/504 (default 1). */
  retries?: number;
  retryDelayMs?: number;
  maxBytes?: number;
  /** Cancels this caller's wait (a download shared with other callers continues for them). */
  signal?: AbortSignal;
  /** 'download' before the request is sent, 'build' before the graph is built (for a status line). */
  onPhase?: (phase: 'download' | 'build') => void;
  /** Grid of new area centres, metres (default 500). */
  gridM?: number;
}

/** A street network ready for createWalkEngine. */
export interface AreaGraphResult {
  /** May have no nodes (an area without mapped walkways): createWalkEngine then gives estimates. */
  graph: WalkGraph;
  source: 'cache' | 'network';
  /** The area(s) the graph covers (currently always one). */
  tiles: AreaTile[];
  endpoint: string;
  /** When the data were downloaded, ms since the epoch. */
  savedAt: number;
  /** Builder statistics, when built now. */
  stats: BuildWalkGraphStats | null;
}

let sharedCache: Promise<AreaCache> | null = null;
const builds = new FlightGroup<AreaGraphResult>();
/** The last results, so repeated queries in one area return the same graph object without re-reading. */
const recent: AreaGraphResult[] = [];
const RECENT_MAX = 2;
let nextId = 1;

function defaultWorker(): OverpassWorkerLike {
  // Written out literally so that Vite bundles the worker as its own file (no blob: URL, CSP-friendly).
  return new Worker(new URL('../../../workers/overpass_worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as OverpassWorkerLike;
}

function remember(r: AreaGraphResult): void {
  const i = recent.findIndex((x) => x.endpoint === r.endpoint && x.tiles[0]?.key === r.tiles[0]?.key);
  if (i >= 0) recent.splice(i, 1);
  recent.unshift(r);
  recent.length = Math.min(recent.length, RECENT_MAX);
}

/** Forgets the graphs held in memory (not the device cache). */
export function forgetRecentAreaGraphs(): void {
  recent.length = 0;
}

/**
 * The walking graph around a point: from memory or the device cache when an area there covers the
 * query circle, else downloaded from Overpass (one request for one area, shared by concurrent callers)
 * and built in a Web Worker, then cached. Without worker support (or when the worker cannot start) the
 * graph is built on this thread.
 * @param lon degrees (WGS-84)
 * @param lat degrees (WGS-84)
 * @throws OverpassError (offline, timeout, busy, http, bad_json, too_large, aborted); RangeError for
 *   an invalid point, radius or endpoint. Cache failures never throw: they only mean "not cached".
 */
export async function getAreaGraph(
  lon: number,
  lat: number,
  opts: AreaGraphOptions = {},
): Promise<AreaGraphResult> {
  const endpoint = httpUrl(opts.endpoint ?? OVERPASS_ENDPOINT);
  if (!endpoint) throw new RangeError('the Overpass endpoint must be an http(s) URL');
  const radiusM = opts.radiusM ?? DEFAULT_AREA_RADIUS_M;
  const gridM = opts.gridM ?? DEFAULT_TILE_GRID_M;
  if (opts.signal?.aborted) throw new OverpassError('aborted', 'cancelled');

  const held = chooseTile(
    lon,
    lat,
    radiusM,
    recent.filter((r) => r.endpoint === endpoint).flatMap((r) => r.tiles),
    gridM,
  );
  if (held.reused) {
    const r = recent.find((x) => x.endpoint === endpoint && x.tiles[0]?.key === held.tile.key);
    if (r) {
      remember(r);
      return { ...r, source: 'cache' };
    }
  }

  if (opts.cache === undefined && !sharedCache) sharedCache = openAreaCache();
  const cache = opts.cache === undefined ? await (sharedCache as Promise<AreaCache>) : opts.cache;
  const known = cache ? (await cache.list(endpoint)).map((a) => a.tile) : [];
  const { tile } = chooseTile(lon, lat, radiusM, known, gridM);

  return builds.run(
    `${endpoint}\n${tile.key}`,
    (signal) => loadTile(tile, endpoint, cache, { ...opts, signal }),
    opts.signal,
    () => new OverpassError('aborted', 'cancelled'),
  );
}

async function loadTile(
  tile: AreaTile,
  endpoint: string,
  cache: AreaCache | null,
  opts: AreaGraphOptions & { signal: AbortSignal },
): Promise<AreaGraphResult> {
  const hit = cache ? await cache.get(endpoint, tile) : null;
  if (hit) {
    try {
      const graph = deserializeWalkGraph(hit.data);
      const r: AreaGraphResult = {
        graph,
        source: 'cache',
        tiles: [tile],
        endpoint,
        savedAt: hit.area.savedAt,
        stats: null,
      };
      remember(r);
      return r;
    } catch {
      // A corrupt entry is downloaded again (and overwritten) below.
    }
  }
  opts.onPhase?.('download');
  // Read before the request: a graph whose data arrive after About → clear is not stored.
  const since = cache?.generation();
  const body = await fetchOverpass(tileQuery(tile), {
    endpoint,
    signal: opts.signal,
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    ...(opts.isOnline ? { isOnline: opts.isOnline } : {}),
    ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
    ...(opts.retries !== undefined ? { retries: opts.retries } : {}),
    ...(opts.retryDelayMs !== undefined ? { retryDelayMs: opts.retryDelayMs } : {}),
    ...(opts.maxBytes !== undefined ? { maxBytes: opts.maxBytes } : {}),
  });
  const savedAt = Date.now();
  opts.onPhase?.('build');
  const built = await buildOffThread(
    body,
    { endpoint, tile: tile.key, fetched: new Date(savedAt).toISOString() },
    opts.createWorker,
    opts.signal,
  );
  const graph = deserializeWalkGraph(built.graph);
  // The graph's arrays are views on built.graph; the cache keeps its own copy (clone or slice).
  if (cache) await cache.put(endpoint, tile, built.graph, savedAt, since);
  const r: AreaGraphResult = {
    graph,
    source: 'network',
    tiles: [tile],
    endpoint,
    savedAt,
    stats: built.stats,
  };
  remember(r);
  return r;
}

async function buildHere(
  body: Uint8Array,
  meta: Record<string, string | number>,
): Promise<{ graph: ArrayBuffer; stats: BuildWalkGraphStats }> {
  const { buildGraphFromOverpass } = await import('./protocol.ts');
  return buildGraphFromOverpass(body, meta);
}

function buildOffThread(
  body: Uint8Array,
  meta: Record<string, string | number>,
  createWorker: (() => OverpassWorkerLike) | null | undefined,
  signal: AbortSignal,
): Promise<{ graph: ArrayBuffer; stats: BuildWalkGraphStats }> {
  const create =
    createWorker === undefined ? (typeof Worker !== 'undefined' ? defaultWorker : null) : createWorker;
  if (!create) return buildHere(body, meta);
  let worker: OverpassWorkerLike;
  try {
    worker = create();
  } catch {
    return buildHere(body, meta);
  }
  return new Promise((resolve, reject) => {
    const id = nextId++;
    let heard = false;
    let done = false;
    const finish = (fn: () => void) => {
      if (done) return;
      done = true;
      worker.terminate();
      signal.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = () => finish(() => reject(new OverpassError('aborted', 'cancelled')));
    signal.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (event) => {
      heard = true;
      const reply = event.data as OverpassBuildReply;
      if (reply?.id !== id) return;
      if (reply.type === 'graph') finish(() => resolve({ graph: reply.graph, stats: reply.stats }));
      else finish(() => reject(new OverpassError(reply.kind, reply.message)));
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      // A worker that never started (blocked, unsupported) is not the data's fault: build here.
      if (!heard) finish(() => resolve(buildHere(body, meta)));
      else
        finish(() =>
          reject(new OverpassError('bad_json', `the build worker failed (${event.message ?? 'error'})`)),
        );
    };
    try {
      // Copied, not transferred: the fetcher may hand the same bytes to another caller.
      worker.postMessage({ type: 'build', id, body, meta });
    } catch {
      finish(() => resolve(buildHere(body, meta)));
    }
  });
}
