// Device cache of street networks built from Overpass: IndexedDB when available, else memory; aged and capped.

import { WALK_GRAPH_VERSION } from '../graph_binary.ts';
import { type AreaTile, isAreaTile } from './tiles.ts';

/**
 * Bumped when what is stored changes meaning (builder rules, query filter); older entries are then
 * ignored, because a graph built by old rules would silently give old answers.
 */
export const AREA_CACHE_SCHEMA = 1;

/** Default maximum age of a cached network: OSM streets change slowly, but they do change. */
export const DEFAULT_CACHE_MAX_AGE_MS = 14 * 24 * 3600 * 1000;
/** Default total size cap of cached networks, bytes. */
export const DEFAULT_CACHE_MAX_BYTES = 64 * 2 ** 20;

/** Description of one cached network (kept apart from its bytes so listing is cheap). */
export interface CachedArea {
  /** Storage key: endpoint + tile key + schema. */
  key: string;
  endpoint: string;
  tile: AreaTile;
  /** When downloaded, ms since the epoch. */
  savedAt: number;
  /** When last read, ms since the epoch (least recently used entries are evicted first). */
  usedAt: number;
  /** Size of the stored graph file, bytes. */
  bytes: number;
}

/** The cache the online client uses. Every method resolves; storage failures degrade to "not cached". */
export interface AreaCache {
  /** 'indexeddb' when persisted on the device, 'memory' when only for this page's lifetime. */
  readonly kind: 'indexeddb' | 'memory';
  /** Fresh entries of one endpoint. */
  list(endpoint: string): Promise<CachedArea[]>;
  /** A fresh entry and its graph file (walk graph binary format), or null. */
  get(endpoint: string, tile: AreaTile): Promise<{ area: CachedArea; data: ArrayBuffer } | null>;
  /**
   * Stores a graph file, evicting least recently used entries to stay under the size cap.
   * @param savedAt when the data were downloaded, ms since the epoch (default now)
   * @returns false when it could not be stored (larger than the cap, storage full or failing)
   */
  put(endpoint: string, tile: AreaTile, data: ArrayBuffer, savedAt?: number): Promise<boolean>;
  /** Removes every entry. */
  clear(): Promise<void>;
}

/** Options of openAreaCache / MemoryAreaCache. */
export interface AreaCacheOptions {
  /** The IndexedDB factory; default globalThis.indexedDB; null forces the in-memory cache. */
  indexedDB?: IDBFactory | null;
  /** Database name (default 'lym-walk-online'). */
  dbName?: string;
  maxAgeMs?: number;
  maxBytes?: number;
  /** Clock, ms since the epoch (tests). */
  now?: () => number;
  /** Opening the database longer than this falls back to memory, ms (default 3000). */
  openTimeoutMs?: number;
}

/** The storage key of an endpoint's tile. */
export function areaCacheKey(endpoint: string, tileKey: string): string {
  return `${endpoint}|${tileKey}|s${AREA_CACHE_SCHEMA}g${WALK_GRAPH_VERSION}`;
}

/** Raw storage the policy runs on (IndexedDB or a Map). */
interface AreaStore {
  allMeta(): Promise<CachedArea[]>;
  getData(key: string): Promise<ArrayBuffer | null>;
  putMeta(meta: CachedArea): Promise<void>;
  put(meta: CachedArea, data: ArrayBuffer): Promise<void>;
  remove(keys: readonly string[]): Promise<void>;
  clear(): Promise<void>;
}

function isCachedArea(v: unknown): v is CachedArea {
  const m = v as Partial<CachedArea> | null;
  return (
    m !== null &&
    typeof m === 'object' &&
    typeof m.key === 'string' &&
    typeof m.endpoint === 'string' &&
    typeof m.savedAt === 'number' &&
    typeof m.usedAt === 'number' &&
    typeof m.bytes === 'number' &&
    isAreaTile(m.tile)
  );
}

/** Age/size policy shared by both stores. */
class PolicyAreaCache implements AreaCache {
  private readonly maxAgeMs: number;
  private readonly maxBytes: number;
  private readonly now: () => number;

  constructor(
    readonly kind: 'indexeddb' | 'memory',
    private readonly store: AreaStore,
    options: AreaCacheOptions,
  ) {
    this.maxAgeMs = options.maxAgeMs ?? DEFAULT_CACHE_MAX_AGE_MS;
    this.maxBytes = options.maxBytes ?? DEFAULT_CACHE_MAX_BYTES;
    this.now = options.now ?? Date.now;
  }

  private fresh(m: CachedArea, t: number): boolean {
    // A clock set back must not make an entry live forever: future timestamps count as stale.
    return m.savedAt <= t && t - m.savedAt <= this.maxAgeMs;
  }

  /** All valid entries; stale, foreign-schema or malformed ones are deleted on the way. */
  private async sweep(): Promise<CachedArea[]> {
    let all: unknown[];
    try {
      all = await this.store.allMeta();
    } catch {
      return [];
    }
    const t = this.now();
    const keep: CachedArea[] = [];
    const drop: string[] = [];
    for (const m of all) {
      if (isCachedArea(m) && m.key === areaCacheKey(m.endpoint, m.tile.key) && this.fresh(m, t)) keep.push(m);
      else if (typeof (m as { key?: unknown })?.key === 'string') drop.push((m as { key: string }).key);
    }
    if (drop.length > 0) await this.store.remove(drop).catch(() => undefined);
    return keep;
  }

  async list(endpoint: string): Promise<CachedArea[]> {
    return (await this.sweep()).filter((m) => m.endpoint === endpoint);
  }

  async get(endpoint: string, tile: AreaTile): Promise<{ area: CachedArea; data: ArrayBuffer } | null> {
    const key = areaCacheKey(endpoint, tile.key);
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

  async put(endpoint: string, tile: AreaTile, data: ArrayBuffer, savedAt?: number): Promise<boolean> {
    if (data.byteLength > this.maxBytes) return false;
    const t = this.now();
    const saved = savedAt !== undefined && savedAt <= t ? savedAt : t;
    const key = areaCacheKey(endpoint, tile.key);
    const meta: CachedArea = {
      key,
      endpoint,
      tile: { lon: tile.lon, lat: tile.lat, radiusM: tile.radiusM, key: tile.key },
      savedAt: saved,
      usedAt: t,
      bytes: data.byteLength,
    };
    const others = (await this.sweep()).filter((m) => m.key !== key).sort((a, b) => a.usedAt - b.usedAt);
    let total = others.reduce((s, m) => s + m.bytes, 0) + data.byteLength;
    const evict: string[] = [];
    while (total > this.maxBytes && others.length > 0) {
      const m = others.shift() as CachedArea;
      evict.push(m.key);
      total -= m.bytes;
    }
    try {
      if (evict.length > 0) await this.store.remove(evict);
      await this.store.put(meta, data);
      return true;
    } catch {
      return false;
    }
  }

  async clear(): Promise<void> {
    await this.store.clear().catch(() => undefined);
  }
}

/** Map-backed store: the fallback when IndexedDB is missing (old browsers, some private modes). */
class MemoryStore implements AreaStore {
  private readonly meta = new Map<string, CachedArea>();
  private readonly data = new Map<string, ArrayBuffer>();
  async allMeta(): Promise<CachedArea[]> {
    return [...this.meta.values()].map((m) => ({ ...m, tile: { ...m.tile } }));
  }
  async getData(key: string): Promise<ArrayBuffer | null> {
    // A copy, so a caller that transfers or views the buffer cannot change what is cached.
    return this.data.get(key)?.slice(0) ?? null;
  }
  async putMeta(meta: CachedArea): Promise<void> {
    if (this.meta.has(meta.key)) this.meta.set(meta.key, { ...meta });
  }
  async put(meta: CachedArea, data: ArrayBuffer): Promise<void> {
    this.meta.set(meta.key, { ...meta });
    this.data.set(meta.key, data.slice(0));
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

const META = 'meta';
const DATA = 'data';

function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** IndexedDB store: metadata and graph files in two object stores, so listing never reads the files. */
class IdbStore implements AreaStore {
  constructor(private readonly db: IDBDatabase) {}

  async allMeta(): Promise<CachedArea[]> {
    const tx = this.db.transaction(META, 'readonly');
    const [all] = await Promise.all([req(tx.objectStore(META).getAll()), done(tx)]);
    return all as CachedArea[];
  }
  async getData(key: string): Promise<ArrayBuffer | null> {
    const tx = this.db.transaction(DATA, 'readonly');
    const [data] = await Promise.all([req(tx.objectStore(DATA).get(key)), done(tx)]);
    return data instanceof ArrayBuffer ? data : null;
  }
  async putMeta(meta: CachedArea): Promise<void> {
    const tx = this.db.transaction(META, 'readwrite');
    tx.objectStore(META).put(meta);
    await done(tx);
  }
  async put(meta: CachedArea, data: ArrayBuffer): Promise<void> {
    // One transaction: a quota error leaves neither half behind.
    const tx = this.db.transaction([META, DATA], 'readwrite');
    tx.objectStore(DATA).put(data, meta.key);
    tx.objectStore(META).put(meta);
    await done(tx);
  }
  async remove(keys: readonly string[]): Promise<void> {
    const tx = this.db.transaction([META, DATA], 'readwrite');
    for (const k of keys) {
      tx.objectStore(META).delete(k);
      tx.objectStore(DATA).delete(k);
    }
    await done(tx);
  }
  async clear(): Promise<void> {
    const tx = this.db.transaction([META, DATA], 'readwrite');
    tx.objectStore(META).clear();
    tx.objectStore(DATA).clear();
    await done(tx);
  }
}

function openDb(factory: IDBFactory, name: string, timeoutMs: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      reject(new Error('IndexedDB open timed out'));
    }, timeoutMs);
    const finish = (fn: () => void) => {
      clearTimeout(timer);
      if (!settled) {
        settled = true;
        fn();
      }
    };
    let r: IDBOpenDBRequest;
    try {
      r = factory.open(name, 1);
    } catch (e) {
      finish(() => reject(e));
      return;
    }
    r.onupgradeneeded = () => {
      const db = r.result;
      if (!db.objectStoreNames.contains(META)) db.createObjectStore(META, { keyPath: 'key' });
      if (!db.objectStoreNames.contains(DATA)) db.createObjectStore(DATA);
    };
    r.onsuccess = () => {
      const db = r.result;
      if (settled) {
        db.close();
        return;
      }
      // Another tab upgrading the schema must not be blocked by this one.
      db.onversionchange = () => db.close();
      finish(() => resolve(db));
    };
    r.onerror = () => finish(() => reject(r.error ?? new Error('IndexedDB open failed')));
    r.onblocked = () => finish(() => reject(new Error('IndexedDB open blocked')));
  });
}

/** A cache kept in memory only (lives as long as the page). */
export function memoryAreaCache(options: AreaCacheOptions = {}): AreaCache {
  return new PolicyAreaCache('memory', new MemoryStore(), options);
}

/**
 * Opens the device cache: IndexedDB when it exists and opens, else the in-memory cache (Firefox
 * private windows and some embedded browsers refuse IndexedDB). Never rejects.
 */
export async function openAreaCache(options: AreaCacheOptions = {}): Promise<AreaCache> {
  const factory =
    options.indexedDB === undefined
      ? ((globalThis as { indexedDB?: IDBFactory }).indexedDB ?? null)
      : options.indexedDB;
  if (factory) {
    try {
      const db = await openDb(factory, options.dbName ?? 'lym-walk-online', options.openTimeoutMs ?? 3000);
      return new PolicyAreaCache('indexeddb', new IdbStore(db), options);
    } catch {
      // fall through to memory
    }
  }
  return memoryAreaCache(options);
}
