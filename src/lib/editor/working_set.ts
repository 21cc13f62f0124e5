// The editor's working set as immutable state: rows, undo/redo history, "not yet exported" — pure, no DOM.

import type { FacilityColumn } from '../csv_features';
import { formatDegrees, type PlaceRow } from './place_row';

/** What the geocoder said about a row (shown beside it; never exported). */
export interface GeocodeMark {
  provider: 'tianditu' | 'amap';
  /** 'ok': placed; 'none': the geocoder found nothing; 'failed': the request failed (see `error`). */
  outcome: 'ok' | 'none' | 'failed';
  /** The match level as the geocoder reports it (e.g. 门址, 道路, 区县). */
  level?: string;
  score?: number;
  /** Message key of a failure (key rejected, quota, timeout …). */
  error?: string;
}

export interface EditorRow {
  /** Stable within the working set (ids can be edited; keys cannot). */
  key: string;
  row: PlaceRow;
  /** No coordinates yet: needs the geocoder, a map click or typed numbers. */
  needsPlace?: boolean;
  geocode?: GeocodeMark;
}

export interface EditorState {
  /** The shipped rows the changes are counted against. */
  readonly base: readonly PlaceRow[];
  readonly rows: readonly EditorRow[];
  readonly past: readonly (readonly EditorRow[])[];
  readonly future: readonly (readonly EditorRow[])[];
  /** Changes made since the last export (or since the shipped data, when never exported). */
  readonly unexported: boolean;
  readonly nextKey: number;
}

/** Undo steps kept (each step shares unchanged rows with its neighbours). */
export const MAX_HISTORY = 200;

/** A working set holding the shipped rows, nothing changed. */
export function initialState(base: readonly PlaceRow[]): EditorState {
  return {
    base,
    rows: base.map((row, i) => ({ key: `k${i + 1}`, row })),
    past: [],
    future: [],
    unexported: false,
    nextKey: base.length + 1,
  };
}

function commit(s: EditorState, rows: readonly EditorRow[], nextKey = s.nextKey): EditorState {
  return {
    ...s,
    rows,
    past: [...s.past, s.rows].slice(-MAX_HISTORY),
    future: [],
    unexported: true,
    nextKey,
  };
}

/** Appends rows (a paste or a map click) as one undoable step; returns the state and the new keys. */
export function addRows(
  s: EditorState,
  rows: readonly Omit<EditorRow, 'key'>[],
): { state: EditorState; keys: string[] } {
  if (rows.length === 0) return { state: s, keys: [] };
  const keys = rows.map((_, i) => `k${s.nextKey + i}`);
  const added = rows.map((r, i) => ({ ...r, key: keys[i] as string }));
  return { state: commit(s, [...s.rows, ...added], s.nextKey + rows.length), keys };
}

/** Changes cells of one row. Unknown keys or a patch that changes nothing leave the state as it is. */
export function editRow(
  s: EditorState,
  key: string,
  patch: Partial<Record<FacilityColumn, string>>,
  extra: Partial<Pick<EditorRow, 'geocode' | 'needsPlace'>> = {},
): EditorState {
  const at = s.rows.findIndex((r) => r.key === key);
  const cur = s.rows[at];
  if (!cur) return s;
  const row = { ...cur.row, ...patch };
  const same = Object.keys(row).every((k) => row[k as FacilityColumn] === cur.row[k as FacilityColumn]);
  if (same && Object.keys(extra).length === 0) return s;
  const next = [...s.rows];
  next[at] = { ...cur, ...extra, row };
  return commit(s, next);
}

/** Moves a row's point to (lon, lat) in WGS-84 degrees (a drag or a click on the map); it then has a place. */
export function moveRow(s: EditorState, key: string, lon: number, lat: number): EditorState {
  return editRow(
    s,
    key,
    { lon: formatDegrees(lon), lat: formatDegrees(lat), crs: 'WGS84' },
    { needsPlace: false },
  );
}

export function removeRow(s: EditorState, key: string): EditorState {
  if (!s.rows.some((r) => r.key === key)) return s;
  return commit(
    s,
    s.rows.filter((r) => r.key !== key),
  );
}

/** Back to the shipped rows, as one undoable step ("discard all changes"). */
export function resetRows(s: EditorState): EditorState {
  return commit(
    s,
    s.base.map((row, i) => ({ key: `k${s.nextKey + i}`, row })),
    s.nextKey + s.base.length,
  );
}

export const canUndo = (s: EditorState) => s.past.length > 0;
export const canRedo = (s: EditorState) => s.future.length > 0;

export function undo(s: EditorState): EditorState {
  const prev = s.past[s.past.length - 1];
  if (!prev) return s;
  return { ...s, rows: prev, past: s.past.slice(0, -1), future: [s.rows, ...s.future], unexported: true };
}

export function redo(s: EditorState): EditorState {
  const next = s.future[0];
  if (!next) return s;
  return { ...s, rows: next, past: [...s.past, s.rows], future: s.future.slice(1), unexported: true };
}

/** After a successful export: the working set matches what the user holds in files. */
export function markExported(s: EditorState): EditorState {
  return { ...s, unexported: false };
}
