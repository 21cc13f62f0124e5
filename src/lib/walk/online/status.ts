// What to tell the user about the online street network: message keys and parameters for each state.

import type { NEARBY_MESSAGES } from '../../messages/nearby.ts';
import type { AreaGraphResult } from './client.ts';
import { endpointHost } from './endpoint.ts';
import { DEFAULT_TIMEOUT_MS, OverpassError } from './fetcher.ts';

/** Keys of the online-network messages (all in src/lib/messages/nearby.ts). */
export type NetMessageKey = Extract<keyof typeof NEARBY_MESSAGES, `nearby.net.${string}`>;

/** One line to show: translate(lang, key, params). */
export interface NetStatusLine {
  key: NetMessageKey;
  params: Record<string, string | number>;
}

/** The online network's state as the nearby panel sees it. */
export type NetState =
  | { phase: 'download'; endpoint: string }
  | { phase: 'build'; endpoint: string }
  | { phase: 'ready'; result: AreaGraphResult }
  | { phase: 'failed'; endpoint: string; error: unknown; timeoutMs?: number }
  /** About → clear stopped the download (nothing of it was stored). */
  | { phase: 'cleared'; endpoint: string };

/**
 * The lines to show for a state. A failure always ends with the "using estimates" line, and so does an
 * area without mapped walkways, because the times shown are then estimates. A cancelled request says
 * nothing (a newer request replaced it).
 * @param detourFactor the estimate's factor, shown with the fallback line
 */
export function netStatusLines(state: NetState, detourFactor: number): NetStatusLine[] {
  const estimate: NetStatusLine = { key: 'nearby.net.estimate', params: { factor: detourFactor } };
  if (state.phase === 'download')
    return [{ key: 'nearby.net.loading', params: { host: endpointHost(state.endpoint) } }];
  if (state.phase === 'build') return [{ key: 'nearby.net.building', params: {} }];
  if (state.phase === 'cleared') return [{ key: 'nearby.net.cleared', params: {} }, estimate];
  if (state.phase === 'ready') {
    const { result } = state;
    const host = endpointHost(result.endpoint);
    const where: NetStatusLine =
      result.source === 'cache'
        ? {
            key: 'nearby.net.from_cache',
            params: { date: new Date(result.savedAt).toISOString().slice(0, 10) },
          }
        : { key: 'nearby.net.from_network', params: { host } };
    return result.graph.nodeCount > 0 ? [where] : [where, { key: 'nearby.net.empty', params: {} }, estimate];
  }
  const host = endpointHost(state.endpoint);
  const e = state.error;
  const kind = e instanceof OverpassError ? e.kind : 'bad_json';
  switch (kind) {
    case 'aborted':
      return [];
    case 'offline':
      return [{ key: 'nearby.net.failed.offline', params: { host } }, estimate];
    case 'timeout':
      return [
        {
          key: 'nearby.net.failed.timeout',
          params: { host, seconds: Math.round((state.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000) },
        },
        estimate,
      ];
    case 'busy':
      return [{ key: 'nearby.net.failed.busy', params: { host } }, estimate];
    case 'http':
      return [
        { key: 'nearby.net.failed.http', params: { host, status: (e as OverpassError).status ?? '?' } },
        estimate,
      ];
    case 'too_large':
      return [{ key: 'nearby.net.failed.too_large', params: {} }, estimate];
    default:
      return [{ key: 'nearby.net.failed.bad_data', params: { host } }, estimate];
  }
}

/** Whether a failure or a cleared download is worth a "try again" button (not for cancellations). */
export function netCanRetry(state: NetState): boolean {
  if (state.phase === 'cleared') return true;
  return (
    state.phase === 'failed' && !(state.error instanceof OverpassError && state.error.kind === 'aborted')
  );
}
