// Which Overpass endpoint the app talks to: the configured default, a build-time override, or a same-origin test URL.

import { OVERPASS_ENDPOINT } from '../../../config.ts';

/** The URL when it is an absolute http(s) URL without credentials, normalised; else null. */
export function httpUrl(value: string | null | undefined): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  let u: URL;
  try {
    u = new URL(value.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  // user:pass@ in a URL would end up in logs and cache keys.
  if (u.username !== '' || u.password !== '') return null;
  u.hash = '';
  return u.href;
}

/**
 * Resolves the Overpass endpoint.
 * - `env` (VITE_OVERPASS_ENDPOINT, fixed at build time by whoever deploys) may be any http(s) URL.
 * - `param` (e.g. `?overpass=` in the page URL) is honoured only when it is on the page's own origin:
 *   a link must not be able to send a visitor's chosen place to a third-party server, nor feed the app
 *   invented streets. That is enough for tests (a same-origin path answered by a route) and for a
 *   deployment that proxies Overpass under its own origin.
 * - otherwise the default (src/config.ts OVERPASS_ENDPOINT).
 * @param pageOrigin the page's origin, e.g. location.origin
 */
export function resolveOverpassEndpoint(
  sources: { env?: string | null; param?: string | null; pageOrigin?: string | null } = {},
): string {
  if (sources.param && sources.pageOrigin) {
    const origin = httpUrl(sources.pageOrigin);
    let candidate: string | null = null;
    try {
      // Relative values ("/overpass") resolve against the page.
      candidate = origin ? httpUrl(new URL(sources.param, origin).href) : null;
    } catch {
      candidate = null;
    }
    if (origin && candidate && new URL(candidate).origin === new URL(origin).origin) return candidate;
  }
  return httpUrl(sources.env) ?? OVERPASS_ENDPOINT;
}

/** Host name shown in messages ("overpass-api.de"). */
export function endpointHost(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}
