// Test-only: a tiny in-memory IndexedDB (the subset cache.ts uses), with switches for the failures browsers show.

type Listener = (() => void) | null;

class FakeRequest<T = unknown> {
  result: T = undefined as T;
  error: DOMException | null = null;
  onsuccess: Listener = null;
  onerror: Listener = null;
  onupgradeneeded: Listener = null;
  onblocked: Listener = null;
}

type Rows = Map<string, unknown>;

class FakeObjectStore {
  constructor(
    private readonly tx: FakeTransaction,
    private readonly name: string,
    private readonly keyPath: string | null,
  ) {}
  private op<T>(fn: (rows: Rows) => T): FakeRequest<T> {
    return this.tx.queue(this.name, fn);
  }
  get(key: string) {
    return this.op((rows) => structuredClone(rows.get(key)));
  }
  getAll() {
    return this.op((rows) => [...rows.values()].map((v) => structuredClone(v)));
  }
  put(value: unknown, key?: string) {
    const k = this.keyPath ? (value as Record<string, string>)[this.keyPath] : key;
    if (typeof k !== 'string') throw new DOMException('no key', 'DataError');
    if (this.tx.mode !== 'readwrite') throw new DOMException('read-only', 'ReadOnlyError');
    const copy = structuredClone(value);
    return this.op((rows) => {
      rows.set(k, copy);
      return k;
    });
  }
  delete(key: string) {
    return this.op((rows) => {
      rows.delete(key);
      return undefined;
    });
  }
  clear() {
    return this.op((rows) => {
      rows.clear();
      return undefined;
    });
  }
}

class FakeTransaction {
  error: DOMException | null = null;
  oncomplete: Listener = null;
  onerror: Listener = null;
  onabort: Listener = null;
  private readonly ops: { store: string; fn: (rows: Rows) => unknown; req: FakeRequest }[] = [];
  private scheduled = false;

  constructor(
    private readonly db: FakeDatabase,
    readonly names: string[],
    readonly mode: 'readonly' | 'readwrite',
  ) {}

  objectStore(name: string): FakeObjectStore {
    if (!this.names.includes(name)) throw new DOMException(`store ${name} not in scope`, 'NotFoundError');
    return new FakeObjectStore(this, name, this.db.keyPaths.get(name) ?? null);
  }

  queue<T>(store: string, fn: (rows: Rows) => T): FakeRequest<T> {
    const req = new FakeRequest<T>();
    this.ops.push({ store, fn, req: req as FakeRequest });
    if (!this.scheduled) {
      this.scheduled = true;
      setTimeout(() => this.run(), 0);
    }
    return req;
  }

  private run(): void {
    // Work on copies and commit at the end, so a failed transaction leaves nothing behind.
    const staged = new Map<string, Rows>();
    for (const n of this.names) staged.set(n, new Map(this.db.stores.get(n)));
    for (const { store, fn, req } of this.ops) {
      try {
        req.result = fn(staged.get(store) as Rows);
        req.onsuccess?.();
      } catch (e) {
        req.error = e as DOMException;
        this.error = e as DOMException;
        req.onerror?.();
        this.onerror?.();
        this.onabort?.();
        return;
      }
    }
    if (this.mode === 'readwrite') {
      const bytes = [...staged.values()].reduce((s, rows) => s + sizeOf(rows), 0);
      if (bytes > this.db.factory.quotaBytes) {
        this.error = new DOMException('quota exceeded', 'QuotaExceededError');
        this.onerror?.();
        this.onabort?.();
        return;
      }
      for (const [n, rows] of staged) this.db.stores.set(n, rows);
    }
    this.oncomplete?.();
  }
}

function sizeOf(rows: Rows): number {
  let s = 0;
  for (const v of rows.values()) s += v instanceof ArrayBuffer ? v.byteLength : 100;
  return s;
}

class FakeDatabase {
  readonly stores = new Map<string, Rows>();
  readonly keyPaths = new Map<string, string | null>();
  version = 0;
  closed = false;
  onversionchange: Listener = null;
  constructor(readonly factory: FakeIndexedDB) {}
  get objectStoreNames() {
    return { contains: (n: string) => this.stores.has(n) };
  }
  createObjectStore(name: string, opts: { keyPath?: string } = {}): void {
    this.stores.set(name, new Map());
    this.keyPaths.set(name, opts.keyPath ?? null);
  }
  transaction(names: string | string[], mode: 'readonly' | 'readwrite' = 'readonly'): FakeTransaction {
    if (this.closed) throw new DOMException('database closed', 'InvalidStateError');
    return new FakeTransaction(this, Array.isArray(names) ? names : [names], mode);
  }
  close(): void {
    this.closed = true;
  }
}

/** How open() should misbehave, like browsers sometimes do. */
export type FakeOpenFailure = 'none' | 'throw' | 'error' | 'blocked' | 'hang';

/** An in-memory IDBFactory stand-in; databases persist across open() calls on the same instance. */
export class FakeIndexedDB {
  readonly dbs = new Map<string, FakeDatabase>();
  openFailure: FakeOpenFailure = 'none';
  /** Total bytes a database may hold (ArrayBuffers count their length, other values 100). */
  quotaBytes = Number.POSITIVE_INFINITY;
  opens = 0;
  /** Every connection opened (closed ones included). */
  readonly connections: FakeDatabase[] = [];
  /** Connections that ignore a deletion's versionchange (keep it blocked). */
  holdOpen = false;

  /**
   * Like the real one: open connections get versionchange; when all have closed the database goes,
   * otherwise the request is blocked (and, here, never completes).
   */
  deleteDatabase(name: string): FakeRequest<undefined> {
    const req = new FakeRequest<undefined>();
    setTimeout(() => {
      const db = this.dbs.get(name);
      const open = this.connections.filter((c) => !c.closed && Object.getPrototypeOf(c) === db);
      if (!this.holdOpen) for (const c of open) c.onversionchange?.();
      if (open.some((c) => !c.closed)) {
        req.onblocked?.();
        return;
      }
      this.dbs.delete(name);
      req.onsuccess?.();
    }, 0);
    return req;
  }

  open(name: string, version: number): FakeRequest<FakeDatabase> {
    this.opens++;
    if (this.openFailure === 'throw') throw new DOMException('denied', 'SecurityError');
    const req = new FakeRequest<FakeDatabase>();
    setTimeout(() => {
      if (this.openFailure === 'hang') return;
      if (this.openFailure === 'blocked') {
        req.onblocked?.();
        return;
      }
      if (this.openFailure === 'error') {
        req.error = new DOMException('cannot open', 'InvalidStateError');
        req.onerror?.();
        return;
      }
      let db = this.dbs.get(name);
      if (!db) {
        db = new FakeDatabase(this);
        this.dbs.set(name, db);
      }
      // A new connection object per open, sharing the stored data.
      const conn = Object.create(db) as FakeDatabase;
      conn.closed = false;
      conn.onversionchange = null;
      this.connections.push(conn);
      req.result = conn;
      if (db.version < version) {
        db.version = version;
        req.onupgradeneeded?.();
      }
      req.onsuccess?.();
    }, 0);
    return req;
  }

  /** As the IDBFactory type the code under test expects. */
  asFactory(): IDBFactory {
    return this as unknown as IDBFactory;
  }
}
