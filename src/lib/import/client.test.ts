import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatIssue } from '../validate';
import { importInWorker, type WorkerLike } from './client';
import type { ImportOptions, ImportProgress } from './import_file';
import { handleImportRequest, type ImportReply, type ImportRequest, isImportRequest } from './protocol';

const CSV =
  'name_zh,lon,lat,category,status,district\n测试点甲,103.8236,36.0611,checkin_spot,existing,城关区\n';
const file = (text = CSV) => new Blob([text]);
const opts = (over: Partial<ImportOptions> = {}): ImportOptions => ({
  name: 'f.csv',
  crs: 'WGS84',
  lang: 'en',
  ...over,
});

/**
 * A worker double that runs the real worker handler in-process, passing every message through
 * structuredClone as a real worker boundary would (so a non-cloneable option fails here too).
 */
class InProcessWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  onmessageerror: WorkerLike['onmessageerror'] = null;
  terminated = false;
  received: ImportRequest[] = [];
  constructor(private readonly crashAfterProgress = false) {}
  postMessage(message: ImportRequest): void {
    const cloned = structuredClone(message);
    this.received.push(cloned);
    queueMicrotask(() => {
      void handleImportRequest(cloned, (reply: ImportReply) => {
        if (this.terminated) return;
        if (this.crashAfterProgress && reply.type === 'result') {
          this.onerror?.({ message: 'RangeError: Array buffer allocation failed' });
          return;
        }
        this.onmessage?.({ data: structuredClone(reply) });
      });
    });
  }
  terminate(): void {
    this.terminated = true;
  }
}

afterEach(() => vi.unstubAllGlobals());

describe('importInWorker', () => {
  it('imports in the worker, relays progress, and terminates it', async () => {
    const worker = new InProcessWorker();
    const seen: ImportProgress[] = [];
    const r = await importInWorker(file(), opts({ checkOpeningHours: () => true }), (p) => seen.push(p), {
      createWorker: () => worker,
    });
    expect(r.features.map((f) => f.properties.name_zh)).toEqual(['测试点甲']);
    expect(worker.terminated).toBe(true);
    // The function option stays on the main thread; the File itself crosses, unread.
    expect(worker.received[0]?.opts).not.toHaveProperty('checkOpeningHours');
    expect(worker.received[0]?.file).toBeInstanceOf(Blob);
    expect(seen.map((p) => p.phase)).toContain('validate');
    expect(seen.at(-1)?.phase).toBe('done');
  });

  it('refuses a file over the limit before creating a worker or reading a byte', async () => {
    let created = 0;
    let reads = 0;
    const huge = {
      size: 150 * 2 ** 20,
      arrayBuffer: async () => {
        reads++;
        return new ArrayBuffer(0);
      },
    };
    const r = await importInWorker(huge, opts({ name: 'big.csv' }), undefined, {
      createWorker: () => {
        created++;
        return new InProcessWorker();
      },
    });
    expect([created, reads]).toEqual([0, 0]);
    expect(formatIssue(r.issues[0]!, 'en')).toBe('big.csv: the file is too large (150.0 MB, limit 100 MB)');
  });

  it('without Worker support, imports small files on the main thread and refuses large ones', async () => {
    vi.stubGlobal('Worker', undefined);
    const small = await importInWorker(file(), opts());
    expect(small.features).toHaveLength(1);
    const large = await importInWorker(file(CSV.repeat(20)), opts(), undefined, { mainThreadMaxBytes: 200 });
    expect(large.features).toEqual([]);
    expect(formatIssue(large.issues[0]!, 'zh')).toMatch(/^f\.csv：此浏览器无法在后台读取较大的文件/);
  });

  it('falls back to the main thread when the worker cannot start (e.g. blocked by CSP)', async () => {
    const blocked: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage() {
        queueMicrotask(() => this.onerror?.({ message: 'blocked' }));
      },
      terminate() {},
    };
    const r = await importInWorker(file(), opts(), undefined, { createWorker: () => blocked });
    expect(r.features).toHaveLength(1);
    const throwing = await importInWorker(file(), opts(), undefined, {
      createWorker: () => {
        throw new Error('SecurityError');
      },
    });
    expect(throwing.features).toHaveLength(1);
  });

  it('turns a worker crash mid-import into a message, not a rejection', async () => {
    const r = await importInWorker(file(), opts(), undefined, {
      createWorker: () => new InProcessWorker(true),
    });
    expect(r.features).toEqual([]);
    expect(formatIssue(r.issues[0]!, 'en')).toBe(
      'f.csv: reading the file failed (RangeError: Array buffer allocation failed); the data already loaded is unaffected',
    );
  });

  it('cancels: terminates the worker and says so', async () => {
    const worker = new InProcessWorker();
    const controller = new AbortController();
    const pending = importInWorker(file(), opts(), undefined, {
      createWorker: () => worker,
      signal: controller.signal,
    });
    controller.abort();
    const r = await pending;
    expect(worker.terminated).toBe(true);
    expect(r.issues.map((i) => i.key)).toEqual(['import.err.cancelled']);
    const already = await importInWorker(file(), opts(), undefined, { signal: AbortSignal.abort() });
    expect(already.issues.map((i) => i.key)).toEqual(['import.err.cancelled']);
  });
});

describe('protocol', () => {
  it('recognises requests and ignores anything else', async () => {
    expect(isImportRequest({ type: 'import', id: 1, file: new Uint8Array(), opts: { name: 'x' } })).toBe(
      true,
    );
    for (const junk of [
      null,
      1,
      'import',
      { type: 'import' },
      { type: 'import', id: '1', file: {}, opts: {} },
    ]) {
      expect(isImportRequest(junk)).toBe(false);
    }
    const post = vi.fn();
    await handleImportRequest({ type: 'evil' }, post);
    expect(post).not.toHaveBeenCalled();
  });

  it('throttles progress but always posts each new phase and exactly one result', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `p${i},103.82,36.06,checkin_spot`).join('\n');
    const replies: ImportReply[] = [];
    await handleImportRequest(
      {
        type: 'import',
        id: 7,
        file: new TextEncoder().encode(`name,lon,lat,category\n${rows}`),
        opts: opts({ name: 'p.csv' }),
      },
      (r) => replies.push(r),
    );
    const progress = replies.filter((r) => r.type === 'progress');
    expect(replies.filter((r) => r.type === 'result')).toHaveLength(1);
    expect(replies.at(-1)?.type).toBe('result');
    expect(replies.every((r) => r.id === 7)).toBe(true);
    expect(new Set(progress.map((r) => r.type === 'progress' && r.progress.phase))).toEqual(
      new Set(['read', 'decode', 'parse', 'validate', 'done']),
    );
    // ~100 validate callbacks arrive within far less than 100 × 50 ms, so most are dropped.
    expect(progress.length).toBeLessThan(60);
  });
});
