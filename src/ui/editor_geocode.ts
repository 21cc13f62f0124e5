// The editor's geocoding glue: which geocoder, its key (deployer's or typed and kept on the device), the verdict.

import {
  amapGeocoder,
  type BatchResult,
  type GeocodeAnswer,
  type GeocodeProvider,
  type Geocoder,
  tiandituGeocoder,
} from '../lib/editor/geocode';
import type { MessageKey } from '../lib/i18n';
import type { Said } from './editor_panel';

export type GeocodeFailure = Extract<GeocodeAnswer, { kind: 'error' }>;

const KEY_STORAGE = (p: GeocodeProvider) => `lym.geocoder.${p}.key`;
const ENV_KEY: Record<GeocodeProvider, string | undefined> = {
  tianditu: import.meta.env.VITE_TIANDITU_KEY,
  amap: import.meta.env.VITE_AMAP_KEY,
};

/** The key typed on this device, else the deployer's (VITE_TIANDITU_KEY / VITE_AMAP_KEY), else ''. */
export function storedKey(p: GeocodeProvider): string {
  try {
    return localStorage.getItem(KEY_STORAGE(p)) ?? ENV_KEY[p] ?? '';
  } catch {
    return ENV_KEY[p] ?? '';
  }
}

/** Keeps a typed key on this device (an empty one falls back to the deployer's). */
export function saveKey(p: GeocodeProvider, key: string): void {
  try {
    if (key.trim()) localStorage.setItem(KEY_STORAGE(p), key.trim());
    else localStorage.removeItem(KEY_STORAGE(p));
  } catch {
    // Private mode: the key lives as long as the page.
  }
}

export function makeGeocoder(p: GeocodeProvider, key: string): Geocoder {
  return p === 'tianditu' ? tiandituGeocoder({ key }) : amapGeocoder({ key });
}

/** What to tell after a batch: cancelled, the first failure (named), or the counts. */
export function batchSaid(r: BatchResult, total: number, failures: readonly GeocodeFailure[]): Said {
  let ok = 0;
  for (const a of r.answers.values()) if (a.kind === 'hit') ok++;
  const done = { key: 'editor.geocode.done' as const, params: { ok, none: total - ok } };
  const first = r.stoppedBy?.kind === 'error' ? r.stoppedBy : failures[0];
  if (r.cancelled) return { key: 'editor.geocode.cancelled', also: done };
  if (first)
    return {
      key: `editor.geocode.err.${first.error}` as MessageKey,
      params: { detail: first.detail },
      also: done,
      tone: 'error',
    };
  return { ...done, tone: 'ok' };
}
