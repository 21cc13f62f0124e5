// Device cache of data downloaded from Overpass, one entry per tile: IndexedDB when available, else memory; aged and capped.

import { IdbStore, openDb } from './tile_store_idb';

/** Default maximum age of a cached tile: OSM changes slowly, but it does change. */
export const DEFAULT_CACHE_MAX_AGE_MS = 14 * 24 * 3600 * 1000;
/** Default total size cap of one cache, bytes. */
export const DEFAULT_CACHE_MAX_BYTES = 64 * 2 ** 20;

/** What a kind of cached tile is: how to recognise one read back, and the version of what is stored. */
export interface TileKind<T extends { key: string }> {
  /** IndexedDB database name, one per kind (e.g. 'lym-walk-online'). */
  dbName: string;
  /**
   * Appended to every storage key; bumped when what is stored changes meaning (rules, query, format),
   * so older entries are ignored instead of silently giving old answers.
   */
  version: string;
  /** Whether a value read back from storage is a well-formed tile. */
  isTile(value: unknown): value is T;
  /** A copy of the tile holding only its own fields (what is stored). */
  copy(tile: T): T;
}

/** Description of one cached tile (kept apart from its bytes so listing is cheap). */
export interface CachedTile<T> {
  /** Storage key: endpoint + tile key + version. */
  key: string;
  endpoint: string;
  tile: T;
  /** When downloaded, ms since the epoch. */
  savedAt: number;
  /** When last read, ms since the epoch (least recently used entries are evicted first). */
  usedAt: number;
  /** Size of the stored data, bytes. */
  bytes: number;
}

/** A tile cache. Every method resolves; storage failures degrade to "not cached". */
export interface TileCache<T> {
  /** 'indexeddb' when persisted on the device, 'memory' when only for this page's lifetime. */
  readonly kind: 'indexeddb' | 'memory';
  /** Fresh entries of one endpoint. */
  list(endpoint: string): Promise<CachedTile<T>[]>;
  /** A fresh entry and its data, or null. */
  get(endpoint: string, tile: T): Promise<{ area: CachedTile<T>; data: ArrayBuffer } | null>;
  /**
   * How many times this cache's database was cleared in this page (by any cache of that name). Read it
   * before a download and hand it to `put`, so that data fetched before a clear is never stored after it.
   */
  generation(): number;
  /**
   * Stores data, evicting least recently used entries to stay under the size cap.
   * @param savedAt when the data were downloaded, ms since the epoch (default now)
   * @param since `generation()` as read before the data were fetched; a clear since then refuses the write
   * @returns false when it could not be stored (larger than the cap, storage full or failing, or cleared
   *   since `since`)
   */
  put(endpoint: string, tile: T, data: ArrayBuffer, savedAt?: number, since?: number): Promise<boolean>;
  /** Removes every entry; writes of data fetched before now are refused from here on. */
  clear(): Promise<void>;
}

/**
 * Clears per database name in this page. Module state on purpose: the caches of one database are opened
 * by several owners (the download, About → clear), and each must see the others' clears.
 */
const clears = new Map<string, number>();
const clearsOf = (name: string): number => clears.get(name) ?? 0;

/** Options of openTileCache / memoryTileCache. */
export interface TileCacheOptions {
  /** The IndexedDB factory; default globalThis.indexedDB; null forces the in-memory cache. */
  indexedDB?: IDBFactory | null;
  /** Database name (default the kind's). */
  dbName?: string;
  maxAgeMs?: number;
  maxBytes?: number;
  /** Clock, ms since the epoch (tests). */
  now?: () => number;
  /** Opening the database longer than this falls back to memory, ms (default 3000). */
  openTimeoutMs?: number;
}

/** The storage key of an endpoint's tile. */
export function tileCacheKey(endpoint: string, tileKey: string, version: string): string {
  return `${endpoint}|${tileKey}|${version}`;
}

/** Raw storage the policy runs on (IndexedDB or a Map). */
export interface TileStore<T> {
  allMeta(): Promise<CachedTile<T>[]>;
  getData(key: string): Promise<ArrayBuffer | null>;
  putMeta(meta: CachedTile<T>): Promise<void>;
  /**
   * Writes one entry unless `allowed()` is false just before the write begins (checked after any wait for
   * a connection, so a clear that happens meanwhile is seen). Resolves false when refused.
   */
  put(meta: CachedTile<T>, data: ArrayBuffer, allowed: () => boolean): Promise<boolean>;
  remove(keys: readonly string[]): Promise<void>;
  clear(): Promise<void>;
}

/** Age/size policy shared by both stores. */
class PolicyTileCache<T extends { key: string }> implements TileCache<T> {
  private readonly maxAgeMs: number;
  private readonly maxBytes: number;
  private readonly now: () => number;
  private readonly name: string;
  /** The clears of this database already applied to a memory store. */
  private seen: number;

  constructor(
    readonly kind: 'indexeddb' | 'memory',
    private readonly spec: TileKind<T>,
    private readonly store: TileStore<T>,
    options: TileCacheOptions,
  ) {
    this.maxAgeMs = options.maxAgeMs ?? DEFAULT_CACHE_MAX_AGE_MS;
    this.maxBytes = options.maxBytes ?? DEFAULT_CACHE_MAX_BYTES;
    this.now = options.now ?? Date.now;
    this.name = options.dbName ?? spec.dbName;
    this.seen = clearsOf(this.name);
  }

  generation(): number {
    return clearsOf(this.name);
  }

  private keyOf(endpoint: string, tile: T): string {
    return tileCacheKey(endpoint, tile.key, this.spec.version);
  }

  private valid(v: unknown): v is CachedTile<T> {
    const m = v as Partial<CachedTile<T>> | null;
    return (
      m !== null &&
      typeof m === 'object' &&
      typeof m.key === 'string' &&
      typeof m.endpoint === 'string' &&
      typeof m.savedAt === 'number' &&
      typeof m.usedAt === 'number' &&
      typeof m.bytes === 'number' &&
      this.spec.isTile(m.tile) &&
      m.key === this.keyOf(m.endpoint, m.tile)
    );
  }

  private fresh(m: CachedTile<T>, t: number): boolean {
    // A clock set back must not make an entry live forever: future timestamps count as stale.
    return m.savedAt <= t && t - m.savedAt <= this.maxAgeMs;
  }

  /** All valid entries; stale, foreign-version or malformed ones are deleted on the way. */
  private async sweep(): Promise<CachedTile<T>[]> {
    // A memory store is this object's own: another cache of the same name cleared only its copy.
    if (this.kind === 'memory' && this.seen !== clearsOf(this.name)) {
      this.seen = clearsOf(this.name);
      await this.store.clear();
    }
    let all: unknown[];
    try {
      all = await this.store.allMeta();
    } catch {
      return [];
    }
    const t = this.now();
    const keep: CachedTile<T>[] = [];
    const drop: string[] = [];
    for (const m of all) {
      if (this.valid(m) && this.fresh(m, t)) keep.push(m);
      else if (typeof (m as { key?: unknown })?.key === 'string') drop.push((m as { key: string }).key);
    }
    if (drop.length > 0) await this.store.remove(drop).catch(() => undefined);
    return keep;
  }

  async list(endpoint: string): Promise<CachedTile<T>[]> {
    return (await this.sweep()).filter((m) => m.endpoint === endpoint);
  }

  async get(endpoint: string, tile: T): Promise<{ area: CachedTile<T>; data: ArrayBuffer } | null> {
    const key = this.keyOf(endpoint, tile);
    const area = (await this.sweep()).find((m) => m.key === key);
    if (!area) return null;
    let data: ArrayBuffer | null;
    try {
      data = await this.store.getData(key);
    } catch {
      return null;
    }
    if (!data || data.byteLength !== area.bytes) {
      await this.store.remove([key]).catch(() => undefined);
      return null;
    }
    const used = { ...area, usedAt: this.now() };
    await this.store.putMeta(used).catch(() => undefined);
    return { area: used, data };
  }

  async put(
    endpoint: string,
    tile: T,
    data: ArrayBuffer,
    savedAt?: number,
    since?: number,
  ): Promise<boolean> {
    const allowed = () => since === undefined || since === clearsOf(this.name);
    if (data.byteLength > this.maxBytes || !allowed()) return false;
    const t = this.now();
    const saved = savedAt !== undefined && savedAt <= t ? savedAt : t;
    const key = this.keyOf(endpoint, tile);
    const meta: CachedTile<T> = {
      key,
      endpoint,
      tile: this.spec.copy(tile),
      savedAt: saved,
      usedAt: t,
      bytes: data.byteLength,
    };
    const others = (await this.sweep()).filter((m) => m.key !== key).sort((a, b) => a.usedAt - b.usedAt);
    let total = others.reduce((s, m) => s + m.bytes, 0) + data.byteLength;
    const evict: string[] = [];
    while (total > this.maxBytes && others.length > 0) {
      const m = others.shift() as CachedTile<T>;
      evict.push(m.key);
      total -= m.bytes;
    }
    try {
      if (evict.length > 0) await this.store.remove(evict);
      return await this.store.put(meta, data, allowed);
    } catch {
      return false;
    }
  }

  async clear(): Promise<void> {
    // Counted before the deletion starts: a write that begins while it runs is already refused.
    clears.set(this.name, clearsOf(this.name) + 1);
    this.seen = clearsOf(this.name);
    await this.store.clear().catch(() => undefined);
  }
}

/** Map-backed store: the fallback when IndexedDB is missing (old browsers, some private modes). */
class MemoryStore<T> implements TileStore<T> {
  private readonly meta = new Map<string, CachedTile<T>>();
  private readonly data = new Map<string, ArrayBuffer>();
  constructor(private readonly copy: (tile: T) => T) {}
  async allMeta(): Promise<CachedTile<T>[]> {
    return [...this.meta.values()].map((m) => ({ ...m, tile: this.copy(m.tile) }));
  }
  async getData(key: string): Promise<ArrayBuffer | null> {
    // A copy, so a caller that transfers or views the buffer cannot change what is cached.
    return this.data.get(key)?.slice(0) ?? null;
  }
  async putMeta(meta: CachedTile<T>): Promise<void> {
    if (this.meta.has(meta.key)) this.meta.set(meta.key, { ...meta });
  }
  async put(meta: CachedTile<T>, data: ArrayBuffer, allowed: () => boolean): Promise<boolean> {
    if (!allowed()) return false;
    this.meta.set(meta.key, { ...meta });
    this.data.set(meta.key, data.slice(0));
    return true;
  }
  async remove(keys: readonly string[]): Promise<void> {
    for (const k of keys) {
      this.meta.delete(k);
      this.data.delete(k);
    }
  }
  async clear(): Promise<void> {
    this.meta.clear();
    this.data.clear();
  }
}

/** A cache kept in memory only (lives as long as the page). */
export function memoryTileCache<T extends { key: string }>(
  spec: TileKind<T>,
  options: TileCacheOptions = {},
): TileCache<T> {
  return new PolicyTileCache('memory', spec, new MemoryStore<T>(spec.copy), options);
}

/**
 * Opens the device cache of one kind: IndexedDB when it exists and opens, else the in-memory cache
 * (Firefox private windows and some embedded browsers refuse IndexedDB). Never rejects.
 */
export async function openTileCache<T extends { key: string }>(
  spec: TileKind<T>,
  options: TileCacheOptions = {},
): Promise<TileCache<T>> {
  const factory =
    options.indexedDB === undefined
      ? ((globalThis as { indexedDB?: IDBFactory }).indexedDB ?? null)
      : options.indexedDB;
  if (factory) {
    try {
      const name = options.dbName ?? spec.dbName;
      const timeoutMs = options.openTimeoutMs ?? 3000;
      const db = await openDb(factory, name, timeoutMs);
      return new PolicyTileCache('indexeddb', spec, new IdbStore<T>(db, factory, name, timeoutMs), options);
    } catch {
      // fall through to memory
    }
  }
  return memoryTileCache(spec, options);
}
