// Main-thread side of the import: sends a file to the import worker, relays progress, always resolves.

// Only types and constants are imported statically: the importer itself (papaparse, gcoord, turf) is
// loaded by the worker, or lazily here when a small file must be imported without one.
import type { BlobLike, ImportOptions, ImportProgress, ImportResult } from './import_file';
import { MAIN_THREAD_MAX_BYTES, MAX_IMPORT_BYTES } from './limits';
import type { ImportReply, ImportRequest } from './protocol';

export { MAIN_THREAD_MAX_BYTES };

/** The part of Worker the client uses (a fake in tests). */
export interface WorkerLike {
  postMessage(message: ImportRequest): void;
  terminate(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?: () => void }) => void) | null;
  onmessageerror?: ((event: unknown) => void) | null;
}

export interface ImportClientOptions {
  /** Cancels the import: the worker is terminated and the result is an `import.err.cancelled` issue. */
  signal?: AbortSignal;
  /** Creates the worker; the default loads src/workers/import_worker.ts as a module worker. */
  createWorker?: () => WorkerLike;
  mainThreadMaxBytes?: number;
}

let nextId = 1;

function defaultWorker(): WorkerLike {
  // Written out literally so that Vite bundles the worker as its own file (no blob: URL, CSP-friendly).
  return new Worker(new URL('../../workers/import_worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as WorkerLike;
}

function failure(opts: ImportOptions, size: number, key: ImportResult['issues'][number]['key'], params = {}) {
  return {
    features: [],
    issues: [{ severity: 'error' as const, key, params: { file: opts.name, ...params } }],
    stats: {
      file: opts.name,
      bytes: size,
      format: null,
      encoding: null,
      delimiter: null,
      crs: opts.crs,
      records: 0,
      accepted: 0,
      rejected: 0,
      errors: 1,
      warnings: 0,
      ms: 0,
    },
  } satisfies ImportResult;
}

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

/**
 * Imports a user file in a Web Worker so that a large file never freezes the page. The size limit is
 * checked first, without reading the file. Without worker support (or when the worker cannot start, e.g.
 * blocked by a Content-Security-Policy), files up to `mainThreadMaxBytes` are imported on the main thread
 * and larger ones are refused with a message. Never rejects: failures, crashes and cancellation are
 * issues in the result, and the result never touches data already loaded.
 * @param file a File (or any Blob-like with a size)
 * @param opts import options; `checkOpeningHours` is used only on the main-thread path (the worker
 *   brings its own parser)
 * @param onProgress receives progress from the worker (throttled to ~20 per second)
 */
export function importInWorker(
  file: BlobLike,
  opts: ImportOptions,
  onProgress?: (p: ImportProgress) => void,
  client: ImportClientOptions = {},
): Promise<ImportResult> {
  const max = opts.maxBytes ?? MAX_IMPORT_BYTES;
  if (file.size > max) {
    return Promise.resolve(
      failure(opts, file.size, 'err.too_large', { size: mb(file.size), max: Math.round(max / 2 ** 20) }),
    );
  }
  if (client.signal?.aborted) return Promise.resolve(failure(opts, file.size, 'import.err.cancelled'));
  const smallEnough = file.size <= (client.mainThreadMaxBytes ?? MAIN_THREAD_MAX_BYTES);
  const onMain = () =>
    smallEnough
      ? import('./import_file').then((m) => m.importFile(file, opts, onProgress))
      : Promise.resolve(
          failure(opts, file.size, 'import.err.no_worker', {
            size: mb(file.size),
            max: mb(client.mainThreadMaxBytes ?? MAIN_THREAD_MAX_BYTES),
          }),
        );

  const create = client.createWorker ?? (typeof Worker !== 'undefined' ? defaultWorker : null);
  if (!create) return onMain();
  let worker: WorkerLike;
  try {
    worker = create();
  } catch {
    return onMain();
  }

  return new Promise<ImportResult>((resolve) => {
    const id = nextId++;
    let heard = false;
    let done = false;
    const finish = (result: ImportResult | Promise<ImportResult>) => {
      if (done) return;
      done = true;
      worker.terminate();
      client.signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const onAbort = () => finish(failure(opts, file.size, 'import.err.cancelled'));
    client.signal?.addEventListener('abort', onAbort);
    worker.onmessage = (event) => {
      heard = true;
      const reply = event.data as ImportReply;
      if (reply?.id !== id) return;
      if (reply.type === 'progress') onProgress?.(reply.progress);
      else if (reply.type === 'result') finish(reply.result);
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      // A worker that never started (blocked, unsupported) is not the file's fault: try the main thread.
      if (!heard) finish(onMain());
      else
        finish(
          failure(opts, file.size, 'import.err.worker_failed', { detail: event.message ?? 'worker error' }),
        );
    };
    worker.onmessageerror = () =>
      finish(failure(opts, file.size, 'import.err.worker_failed', { detail: 'message could not be read' }));
    const { checkOpeningHours: _local, ...portable } = opts;
    try {
      worker.postMessage({ type: 'import', id, file, opts: portable });
    } catch {
      // e.g. a DataCloneError: nothing was sent, so the main thread can still try.
      finish(onMain());
    }
  });
}
