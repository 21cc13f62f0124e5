// Which Overpass endpoints live facilities are fetched from, in order: the deployer's list, a same-origin test list, or the defaults.

import { httpUrl, resolveOverpassEndpoint } from '../walk/online/endpoint.ts';

/** Tried when the first endpoint fails: another public Overpass instance on a different operator. */
export const SECOND_OVERPASS_ENDPOINT = 'https://overpass.private.coffee/api/interpreter';

/** `value` resolved against the page when it stays on the page's origin, else null. */
function sameOrigin(value: string, origin: string): string | null {
  try {
    const u = httpUrl(new URL(value.trim(), origin).href);
    return u && new URL(u).origin === new URL(origin).origin ? u : null;
  } catch {
    return null;
  }
}

/**
 * The endpoints to try, in order, without duplicates.
 * - `envList` (VITE_OVERPASS_ENDPOINTS, comma-separated, fixed at build time) wins when it names any
 *   http(s) URL;
 * - else `param` (the `?overpass=` URL parameter, comma-separated) — only URLs on the page's own origin,
 *   as for the street network (a link must not send visitors' requests to a third party);
 * - else the single endpoint (`env` VITE_OVERPASS_ENDPOINT or src/config.ts) followed by the second
 *   public one.
 * @param pageOrigin the page's origin, e.g. location.origin
 */
export function resolveOverpassEndpoints(
  sources: {
    envList?: string | null;
    env?: string | null;
    param?: string | null;
    pageOrigin?: string | null;
  } = {},
): string[] {
  const unique = (list: string[]) => [...new Set(list)];
  const fromEnv = (sources.envList ?? '')
    .split(',')
    .map((v) => httpUrl(v))
    .filter((v): v is string => v !== null);
  if (fromEnv.length > 0) return unique(fromEnv);
  const origin = httpUrl(sources.pageOrigin);
  if (sources.param && origin) {
    const own = sources.param
      .split(',')
      .map((p) => sameOrigin(p, origin))
      .filter((v): v is string => v !== null);
    if (own.length > 0) return unique(own);
  }
  return unique([resolveOverpassEndpoint({ env: sources.env ?? null }), SECOND_OVERPASS_ENDPOINT]);
}
