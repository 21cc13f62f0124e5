// Polite Overpass requests: one at a time per query, bounded in time and size, honest typed failures.

import { FlightGroup } from './flight.ts';

/**
 * Why a download failed:
 * - offline: the browser says it is offline, or the server could not be reached at all
 * - timeout: no complete answer within the time limit
 * - busy: the server refused for load (HTTP 429/503/504, or an Overpass "runtime error") after retrying
 * - http: any other HTTP status
 * - bad_json: the answer is not an Overpass JSON document
 * - too_large: the answer exceeded the size limit
 * - aborted: the caller cancelled
 */
export type OverpassErrorKind =
  | 'offline'
  | 'timeout'
  | 'busy'
  | 'http'
  | 'bad_json'
  | 'too_large'
  | 'aborted';

/** A failed Overpass download, with a kind the UI maps to a message. */
export class OverpassError extends Error {
  override name = 'OverpassError';
  constructor(
    readonly kind: OverpassErrorKind,
    message: string,
    /** HTTP status when there was one. */
    readonly status?: number,
    /** What the server said: its Retry-After (ms) on a busy answer, its `remark` on a runtime error. */
    readonly detail: { retryAfterMs?: number; remark?: string } = {},
  ) {
    super(message);
  }
}

/** Longest Retry-After the fetcher waits for before retrying, ms; a longer one ends the attempts. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * The wait an HTTP `Retry-After` header asks for, ms (delta-seconds or an HTTP date), or undefined.
 * @param now ms since the epoch, for the date form
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The part of `fetch` the fetcher uses (a fake in tests). */
export type FetchLike = (
  url: string,
  init: { method: 'POST'; body: URLSearchParams; signal: AbortSignal },
) => Promise<Response>;

/** Options of fetchOverpass; every field but `endpoint` has a default. */
export interface FetchOverpassOptions {
  /** Overpass interpreter URL (http/https). */
  endpoint: string;
  fetch?: FetchLike;
  /** Per attempt, ms (default 40,000: longer than the query's own 25 s server timeout). */
  timeoutMs?: number;
  /** Extra attempts after a 429/503/504 answer (default 1). Other failures are never retried. */
  retries?: number;
  /** Wait before the first retry, ms, doubled for each further one (default 5,000). */
  retryDelayMs?: number;
  /** Largest accepted answer, bytes (default 96 MiB). */
  maxBytes?: number;
  signal?: AbortSignal;
  /** Whether the browser believes it is online (default navigator.onLine, true when unknown). */
  isOnline?: () => boolean;
}

export const DEFAULT_TIMEOUT_MS = 40_000;
export const DEFAULT_RETRIES = 1;
export const DEFAULT_RETRY_DELAY_MS = 5_000;
export const DEFAULT_MAX_BYTES = 96 * 2 ** 20;

/** HTTP statuses Overpass uses for "too many requests / overloaded": worth one patient retry. */
const BUSY_STATUSES = new Set([429, 503, 504]);

const flights = new FlightGroup<Uint8Array>();

function browserOnline(): boolean {
  const nav = (globalThis as { navigator?: { onLine?: boolean } }).navigator;
  return nav?.onLine !== false;
}

/**
 * Sends one Overpass query (POST, form field `data`, a CORS "simple" request with no preflight) and
 * returns the raw answer bytes. Identical concurrent queries to the same endpoint share one request;
 * it is cancelled only when every caller has aborted. Retries only on the server's overload answers,
 * once by default, after a pause, because Overpass counts every request against the client's slots.
 * The bytes are checked to start like a JSON object; the full parse happens off the main thread
 * (`decodeOverpassBody`).
 * @throws OverpassError
 */
export function fetchOverpass(query: string, options: FetchOverpassOptions): Promise<Uint8Array> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(new OverpassError('aborted', 'cancelled'));
  if (!(options.isOnline ?? browserOnline)())
    return Promise.reject(new OverpassError('offline', 'the browser is offline'));
  return flights.run(
    `${options.endpoint}\n${query}`,
    (shared) => runAttempts(query, options, shared),
    signal,
    () => new OverpassError('aborted', 'cancelled'),
  );
}

async function runAttempts(
  query: string,
  options: FetchOverpassOptions,
  signal: AbortSignal,
): Promise<Uint8Array> {
  const retries = options.retries ?? DEFAULT_RETRIES;
  const delay = options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return await attemptOnce(query, options, signal);
    } catch (e) {
      const busy = e instanceof OverpassError && e.kind === 'busy';
      if (!busy || attempt >= retries) throw e;
      // The server's own Retry-After wins over our back-off; one longer than we would wait ends here.
      const asked = e.detail.retryAfterMs;
      if (asked !== undefined && asked > MAX_RETRY_AFTER_MS) throw e;
      await sleep(asked ?? delay * 2 ** attempt, signal);
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new OverpassError('aborted', 'cancelled'));
      return;
    }
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(new OverpassError('aborted', 'cancelled'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

async function attemptOnce(
  query: string,
  options: FetchOverpassOptions,
  outer: AbortSignal,
): Promise<Uint8Array> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const doFetch: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onOuter = () => controller.abort();
  outer.addEventListener('abort', onOuter, { once: true });
  const failure = (e: unknown): OverpassError => {
    if (e instanceof OverpassError) return e;
    if (timedOut)
      return new OverpassError('timeout', `no complete answer within ${Math.round(timeoutMs / 1000)} s`);
    if (outer.aborted) return new OverpassError('aborted', 'cancelled');
    // fetch rejects with a TypeError for DNS, connection, CORS and CSP failures alike: "unreachable".
    return new OverpassError('offline', `the server could not be reached (${(e as Error)?.message ?? e})`);
  };
  try {
    const res = await doFetch(options.endpoint, {
      method: 'POST',
      body: new URLSearchParams({ data: query }),
      signal: controller.signal,
    });
    if (!res.ok) {
      // Drain nothing: the body of an error page is not needed, and cancelling frees the connection.
      void res.body?.cancel().catch(() => undefined);
      if (BUSY_STATUSES.has(res.status)) {
        const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
        throw new OverpassError(
          'busy',
          `the server is busy (HTTP ${res.status})`,
          res.status,
          retryAfterMs === undefined ? {} : { retryAfterMs },
        );
      }
      throw new OverpassError('http', `the server answered HTTP ${res.status}`, res.status);
    }
    const bytes = await readCapped(res, maxBytes);
    if (!looksLikeJsonObject(bytes))
      throw new OverpassError('bad_json', 'the answer is not JSON (an error page?)', res.status);
    return bytes;
  } catch (e) {
    throw failure(e);
  } finally {
    clearTimeout(timer);
    outer.removeEventListener('abort', onOuter);
  }
}

async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length'));
  if (declared > maxBytes) {
    void res.body?.cancel().catch(() => undefined);
    throw new OverpassError('too_large', `the answer is larger than ${maxBytes} bytes`, res.status);
  }
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new OverpassError('too_large', `the answer is larger than ${maxBytes} bytes`, res.status);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Whether the first non-blank byte (after an optional UTF-8 BOM) is "{". */
function looksLikeJsonObject(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)
  )
    i++;
  return bytes[i] === 0x7b;
}

/**
 * Parses an Overpass answer. Overpass reports a query that ran out of time or memory with HTTP 200
 * and a `remark` starting "runtime error"; its elements are then incomplete, so it is an error
 * (kind busy), never a graph.
 * @throws OverpassError bad_json | busy
 */
export function decodeOverpassBody(bytes: Uint8Array): unknown {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    throw new OverpassError('bad_json', `the answer is not valid JSON (${(e as Error).message})`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    throw new OverpassError('bad_json', 'the answer is not a JSON object');
  const remark = (json as { remark?: unknown }).remark;
  if (typeof remark === 'string' && /runtime error/i.test(remark))
    throw new OverpassError('busy', `the server gave up: ${remark.slice(0, 200)}`, undefined, {
      remark: remark.slice(0, 200),
    });
  if (!Array.isArray((json as { elements?: unknown }).elements))
    throw new OverpassError('bad_json', 'the answer has no "elements" array');
  return json;
}

/** Requests currently in flight (tests and diagnostics). */
export function overpassRequestsInFlight(): number {
  return flights.size;
}
