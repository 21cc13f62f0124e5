// What to tell the user about live OpenStreetMap facilities: message keys and parameters for each state.

import type { LIVE_OSM_MESSAGES } from '../messages/live_osm.ts';
import { endpointHost } from '../walk/online/endpoint.ts';
import type { OverpassError } from '../walk/online/fetcher.ts';
import type { LiveFailure } from './loader.ts';
import { LIVE_MAX_BYTES, LIVE_TIMEOUT_MS } from './loader.ts';

export type LiveMessageKey = keyof typeof LIVE_OSM_MESSAGES;

/** One line to show: translate(lang, key, params). */
export interface LiveLine {
  key: LiveMessageKey;
  params: Record<string, string | number>;
}

/** The kinds of failure the user is told apart. */
export type LiveFailureKind =
  | 'offline'
  | 'timeout'
  | 'rate_limited'
  | 'server'
  | 'remark'
  | 'http'
  | 'bad_json'
  | 'too_large';

/**
 * The kind of one error: HTTP 429 is "too many requests", 5xx (503/504 included) a server error, a
 * `remark` runtime error inside a 200 answer Overpass's own "gave up", any other status an HTTP error.
 */
export function failureKind(e: OverpassError): LiveFailureKind {
  if (e.kind === 'busy') {
    if (e.status === 429) return 'rate_limited';
    if (e.status !== undefined) return 'server';
    return 'remark';
  }
  if (e.kind === 'http') return e.status !== undefined && e.status >= 500 ? 'server' : 'http';
  if (e.kind === 'aborted') return 'offline';
  return e.kind;
}

/** How an endpoint is named: its host, with the path when another endpoint tried shares that host. */
function endpointLabel(endpoint: string, all: readonly string[]): string {
  const host = endpointHost(endpoint);
  if (!all.some((o) => o !== endpoint && endpointHost(o) === host)) return host;
  try {
    return `${host}${new URL(endpoint).pathname}`;
  } catch {
    return host;
  }
}

/**
 * The line naming one endpoint's failure.
 * @param all every endpoint tried (to tell apart two on one host)
 */
export function failureLine(
  endpoint: string,
  e: OverpassError,
  timeoutMs = LIVE_TIMEOUT_MS,
  all: readonly string[] = [endpoint],
): LiveLine {
  const host = endpointLabel(endpoint, all);
  const kind = failureKind(e);
  switch (kind) {
    case 'timeout':
      return { key: 'live.failed.timeout', params: { host, seconds: Math.round(timeoutMs / 1000) } };
    case 'rate_limited': {
      const wait = e.detail.retryAfterMs;
      return wait !== undefined
        ? { key: 'live.failed.rate_limited_wait', params: { host, seconds: Math.round(wait / 1000) } }
        : { key: 'live.failed.rate_limited', params: { host } };
    }
    case 'server':
    case 'http':
      return { key: `live.failed.${kind}`, params: { host, status: e.status ?? '?' } };
    case 'remark':
      return {
        key: 'live.failed.remark',
        params: { host, remark: (e.detail.remark ?? e.message).slice(0, 120) },
      };
    case 'too_large':
      return { key: 'live.failed.too_large', params: { host, mb: Math.round(LIVE_MAX_BYTES / 2 ** 20) } };
    default:
      return { key: `live.failed.${kind}`, params: { host } };
  }
}

/**
 * The lines for a failed download: the failure of each endpoint tried, in the order tried, then what
 * stays on screen.
 * @param loaded facilities loaded before the failure (kept)
 */
export function failureLines(failure: LiveFailure, loaded: number, timeoutMs?: number): LiveLine[] {
  const all = failure.attempts.map((a) => a.endpoint);
  const lines = failure.attempts.map((a) => failureLine(a.endpoint, a.error, timeoutMs, all));
  lines.push(
    loaded > 0
      ? { key: 'live.kept_partial', params: { n: loaded } }
      : { key: 'live.kept_shipped', params: {} },
  );
  return lines;
}
