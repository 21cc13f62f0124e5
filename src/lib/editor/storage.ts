// The working set kept on the device (IndexedDB), so a reload or a crash loses nothing; memory when IDB is refused.

import type { EditorRow } from './working_set';

/** What is stored: the rows and the export state. Undo history lives as long as the page. */
export interface SavedWorkingSet {
  version: 1;
  /** ms since epoch. */
  savedAt: number;
  rows: EditorRow[];
  unexported: boolean;
  nextKey: number;
}

export interface WorkingSetStore {
  /** 'indexeddb', or 'memory' when the browser refuses IndexedDB (private windows): then say so. */
  readonly kind: 'indexeddb' | 'memory';
  load(): Promise<SavedWorkingSet | null>;
  /** Writes are serialised; the last one wins. Resolves false when the write failed (quota, closed). */
  save(value: SavedWorkingSet): Promise<boolean>;
  clear(): Promise<void>;
}

const STORE = 'state';
const KEY = 'working';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

function complete(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function openDb(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = factory.open(name, 1);
    r.onupgradeneeded = () => {
      if (!r.result.objectStoreNames.contains(STORE)) r.result.createObjectStore(STORE);
    };
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB open failed'));
    r.onblocked = () => reject(new Error('IndexedDB open blocked'));
  });
}

/** A value that survived a reload is trusted only in shape: a corrupted record reads as nothing saved. */
function isSaved(v: unknown): v is SavedWorkingSet {
  const s = v as SavedWorkingSet | null;
  return (
    s !== null &&
    typeof s === 'object' &&
    s.version === 1 &&
    Array.isArray(s.rows) &&
    s.rows.every((r) => r && typeof r.key === 'string' && r.row && typeof r.row === 'object')
  );
}

function memoryStore(): WorkingSetStore {
  let saved: SavedWorkingSet | null = null;
  return {
    kind: 'memory',
    load: async () => (saved ? structuredClone(saved) : null),
    save: async (v) => {
      saved = structuredClone(v);
      return true;
    },
    clear: async () => {
      saved = null;
    },
  };
}

/**
 * Opens the editor's store. Never rejects: without IndexedDB the working set lives in memory (and the
 * panel says it will not survive a reload).
 * @param factory default globalThis.indexedDB; null forces memory
 */
export async function openWorkingSetStore(
  factory: IDBFactory | null | undefined = (globalThis as { indexedDB?: IDBFactory }).indexedDB,
  name = 'lym-editor',
): Promise<WorkingSetStore> {
  if (!factory) return memoryStore();
  let db: IDBDatabase;
  try {
    db = await openDb(factory, name);
  } catch {
    return memoryStore();
  }
  let turn: Promise<unknown> = Promise.resolve();
  return {
    kind: 'indexeddb',
    async load() {
      try {
        const tx = db.transaction(STORE, 'readonly');
        const [v] = await Promise.all([request(tx.objectStore(STORE).get(KEY)), complete(tx)]);
        return isSaved(v) ? v : null;
      } catch {
        return null;
      }
    },
    save(value) {
      const write = turn.then(async () => {
        try {
          const tx = db.transaction(STORE, 'readwrite');
          tx.objectStore(STORE).put(value, KEY);
          await complete(tx);
          return true;
        } catch {
          return false;
        }
      });
      turn = write;
      return write;
    },
    async clear() {
      await turn;
      const tx = db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).delete(KEY);
      await complete(tx).catch(() => undefined);
    },
  };
}
