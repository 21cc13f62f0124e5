// The IndexedDB side of the Overpass tile cache: metadata and data stores, one connection, open and delete with timeouts.

import type { CachedTile, TileStore } from './tile_cache';

const META = 'meta';
const DATA = 'data';

function req<R>(r: IDBRequest<R>): Promise<R> {
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

/**
 * IndexedDB store: metadata and data in two object stores, so listing never reads the data. It holds one
 * connection and opens a new one when that was closed (another connection deleted the database).
 */
export class IdbStore<T> implements TileStore<T> {
  private db: IDBDatabase | null;

  constructor(
    db: IDBDatabase,
    private readonly factory: IDBFactory,
    private readonly name: string,
    private readonly timeoutMs: number,
  ) {
    this.db = this.watch(db);
  }

  /** Close on a deletion or upgrade elsewhere (never block it), and reopen on the next use. */
  private watch(db: IDBDatabase): IDBDatabase {
    db.onversionchange = () => {
      db.close();
      if (this.db === db) this.db = null;
    };
    return db;
  }

  private async conn(): Promise<IDBDatabase> {
    this.db ??= this.watch(await openDb(this.factory, this.name, this.timeoutMs));
    return this.db;
  }

  async allMeta(): Promise<CachedTile<T>[]> {
    const tx = (await this.conn()).transaction(META, 'readonly');
    const [all] = await Promise.all([req(tx.objectStore(META).getAll()), done(tx)]);
    return all as CachedTile<T>[];
  }
  async getData(key: string): Promise<ArrayBuffer | null> {
    const tx = (await this.conn()).transaction(DATA, 'readonly');
    const [data] = await Promise.all([req(tx.objectStore(DATA).get(key)), done(tx)]);
    return data instanceof ArrayBuffer ? data : null;
  }
  async putMeta(meta: CachedTile<T>): Promise<void> {
    const tx = (await this.conn()).transaction(META, 'readwrite');
    tx.objectStore(META).put(meta);
    await done(tx);
  }
  async put(meta: CachedTile<T>, data: ArrayBuffer, allowed: () => boolean): Promise<boolean> {
    const db = await this.conn();
    // Checked with no wait before the transaction: a deletion requested later waits for it to finish.
    if (!allowed()) return false;
    // One transaction: a quota error leaves neither half behind.
    const tx = db.transaction([META, DATA], 'readwrite');
    tx.objectStore(DATA).put(data, meta.key);
    tx.objectStore(META).put(meta);
    await done(tx);
    return true;
  }
  async remove(keys: readonly string[]): Promise<void> {
    const tx = (await this.conn()).transaction([META, DATA], 'readwrite');
    for (const k of keys) {
      tx.objectStore(META).delete(k);
      tx.objectStore(DATA).delete(k);
    }
    await done(tx);
  }
  /**
   * Deletes the whole database: emptying its stores would leave the bytes on disk until the browser
   * compacts them, so the storage figure would not go down. Falls back to emptying the stores when the
   * deletion fails or is held up past the open timeout.
   */
  async clear(): Promise<void> {
    this.db?.close();
    this.db = null;
    try {
      await deleteDb(this.factory, this.name, this.timeoutMs);
    } catch {
      const tx = (await this.conn()).transaction([META, DATA], 'readwrite');
      tx.objectStore(META).clear();
      tx.objectStore(DATA).clear();
      await done(tx);
    }
  }
}

/** Delete database `name`; rejects on an error or when still not deleted after `timeoutMs`. */
function deleteDb(factory: IDBFactory, name: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('IndexedDB delete timed out')), timeoutMs);
    let r: IDBOpenDBRequest;
    try {
      r = factory.deleteDatabase(name);
    } catch (e) {
      clearTimeout(timer);
      reject(e);
      return;
    }
    r.onsuccess = () => {
      clearTimeout(timer);
      resolve();
    };
    r.onerror = () => {
      clearTimeout(timer);
      reject(r.error ?? new Error('IndexedDB delete failed'));
    };
  });
}

/** Open (creating when new) database `name` with its two stores; rejects on error, block or timeout. */
export function openDb(factory: IDBFactory, name: string, timeoutMs: number): Promise<IDBDatabase> {
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
      // Another tab upgrading the schema must not be blocked by this one (IdbStore also forgets it).
      db.onversionchange = () => db.close();
      finish(() => resolve(db));
    };
    r.onerror = () => finish(() => reject(r.error ?? new Error('IndexedDB open failed')));
    r.onblocked = () => finish(() => reject(new Error('IndexedDB open blocked')));
  });
}
