// The editor's geocoding glue: which geocoder, its key (deployer's or typed and kept on the device), the verdict.

import type { DistrictLookup } from '../lib/districts';
import {
  amapGeocoder,
  type BatchResult,
  type GeocodeAnswer,
  type GeocodeProvider,
  type Geocoder,
  tiandituGeocoder,
} from '../lib/editor/geocode';
import { type EditorState, editRow, moveRow } from '../lib/editor/working_set';
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

/**
 * The working set with one geocoder answer applied: a hit places the row (its accuracy, metres, and its
 * district where the row names none); any answer is recorded on the row. Null when the row is gone.
 * @param districts the district boundaries, when loaded
 */
export function withAnswer(
  state: EditorState,
  key: string,
  a: GeocodeAnswer,
  provider: GeocodeProvider,
  districts?: DistrictLookup,
): EditorState | null {
  const cur = state.rows.find((r) => r.key === key);
  if (!cur) return null;
  if (a.kind === 'hit') {
    const { lon, lat, level, score, accuracy_m } = a.hit;
    const district = cur.row.district || (districts?.districtAt(lon, lat) ?? '');
    return editRow(
      moveRow(state, key, lon, lat),
      key,
      { accuracy_m: String(accuracy_m), district },
      { geocode: { provider, outcome: 'ok', level, ...(score === undefined ? {} : { score }) } },
    );
  }
  const geocode =
    a.kind === 'none'
      ? { provider, outcome: 'none' as const }
      : { provider, outcome: 'failed' as const, error: a.error };
  return editRow(state, key, {}, { geocode });
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
