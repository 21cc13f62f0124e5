// The typed messages between the main thread and the import worker, and the worker-side handler.

import {
  type ImportOptions,
  type ImportProgress,
  type ImportResult,
  type ImportSource,
  importFile,
} from './import_file';

/** Import options that can cross a thread boundary (functions cannot be cloned; the worker has its own). */
export type WorkerImportOptions = Omit<ImportOptions, 'checkOpeningHours'>;

/** Main thread → worker. `file` is a File/Blob (cloned without reading it) or bytes. */
export interface ImportRequest {
  type: 'import';
  id: number;
  file: ImportSource;
  opts: WorkerImportOptions;
}

/** Worker → main thread: any number of progress messages, then exactly one result per request. */
export type ImportReply =
  | { type: 'progress'; id: number; progress: ImportProgress }
  | { type: 'result'; id: number; result: ImportResult };

/** Progress messages closer together than this are dropped (a phase change always gets through). */
export const PROGRESS_INTERVAL_MS = 50;

export function isImportRequest(value: unknown): value is ImportRequest {
  const v = value as Partial<ImportRequest> | null;
  return (
    v !== null &&
    typeof v === 'object' &&
    v.type === 'import' &&
    typeof v.id === 'number' &&
    v.file !== null &&
    typeof v.file === 'object' &&
    v.opts !== null &&
    typeof v.opts === 'object' &&
    typeof v.opts.name === 'string'
  );
}

/**
 * Runs one request and posts its replies. Messages that are not requests are ignored.
 * @param message whatever arrived on the worker's port
 * @param post sends a reply back
 * @param local worker-side helpers that cannot be sent across (the opening-hours parser)
 */
export async function handleImportRequest(
  message: unknown,
  post: (reply: ImportReply) => void,
  local: Pick<ImportOptions, 'checkOpeningHours'> = {},
): Promise<void> {
  if (!isImportRequest(message)) return;
  const { id, file, opts } = message;
  let last = Number.NEGATIVE_INFINITY;
  let lastPhase = '';
  const result = await importFile(file, { ...opts, ...local }, (progress) => {
    const t = typeof performance !== 'undefined' ? performance.now() : Date.now();
    if (progress.phase === lastPhase && t - last < PROGRESS_INTERVAL_MS) return;
    last = t;
    lastPhase = progress.phase;
    post({ type: 'progress', id, progress });
  });
  post({ type: 'result', id, result });
}
