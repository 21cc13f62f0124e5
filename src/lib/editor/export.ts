// The editor's output: data/places.csv rows, GeoJSON as data/features/ takes it, and what changed vs the shipped data.

import distance from '@turf/distance';
import Papa from 'papaparse';
import { FACILITY_COLUMNS, type FacilityColumn } from '../csv_features';
import type { MapFeature, MapFeatureCollection } from '../feature';
import { type Lang, translate } from '../i18n';
import type { PlaceRow } from './place_row';

/** A point that moved less than this (metres) is not "moved": formatting, not an edit. */
export const MOVE_THRESHOLD_M = 0.5;

/**
 * Rows as `data/places.csv` text: the shipped column order, UTF-8, LF, a final newline, quoted where needed.
 * Excel opens it correctly only with a BOM; the build strips one, but the file is written without, like data/.
 */
export function rowsToCsv(rows: readonly PlaceRow[]): string {
  const text = Papa.unparse(
    { fields: [...FACILITY_COLUMNS], data: rows.map((r) => FACILITY_COLUMNS.map((c) => r[c])) },
    { newline: '\n' },
  );
  return `${text}\n`;
}

/** Validated features as a FeatureCollection for data/features/*.geojson (points, WGS-84, build's property shape). */
export function featuresToGeoJson(features: readonly MapFeature[]): string {
  const fc: MapFeatureCollection = {
    type: 'FeatureCollection',
    // The build reads `properties.id`; the top-level id is its copy.
    features: features.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: f.properties })),
  };
  return `${JSON.stringify(fc, null, 1)}\n`;
}

export interface ChangeSummary {
  added: string[];
  moved: string[];
  edited: string[];
  removed: string[];
}

const COORD_COLUMNS = new Set<FacilityColumn>(['lon', 'lat', 'crs']);

/**
 * What the working set changes against the shipped rows, by id: added, removed, moved (the point is more
 * than MOVE_THRESHOLD_M away), edited (any other cell differs). A row can be both moved and edited.
 */
export function changeSummary(base: readonly PlaceRow[], rows: readonly PlaceRow[]): ChangeSummary {
  const before = new Map(base.map((r) => [r.id, r]));
  const now = new Set(rows.map((r) => r.id));
  const out: ChangeSummary = { added: [], moved: [], edited: [], removed: [] };
  for (const r of rows) {
    const b = before.get(r.id);
    if (!b) {
      out.added.push(r.id);
      continue;
    }
    const p = [Number(r.lon), Number(r.lat)];
    const q = [Number(b.lon), Number(b.lat)];
    const moved =
      !p.every(Number.isFinite) ||
      !q.every(Number.isFinite) ||
      distance(p, q, { units: 'meters' }) > MOVE_THRESHOLD_M;
    if (moved && (r.lon !== b.lon || r.lat !== b.lat)) out.moved.push(r.id);
    if (FACILITY_COLUMNS.some((c) => !COORD_COLUMNS.has(c) && r[c].trim() !== b[c].trim()))
      out.edited.push(r.id);
  }
  for (const b of base) if (!now.has(b.id)) out.removed.push(b.id);
  return out;
}

/** The summary as a plain-text file (one section per kind, ids listed), in `lang`. */
export function summaryText(c: ChangeSummary, lang: Lang, when: string): string {
  const lines = [translate(lang, 'editor.summary.title', { when })];
  for (const kind of ['added', 'moved', 'edited', 'removed'] as const) {
    lines.push(
      '',
      translate(lang, `editor.summary.${kind}`, { n: c[kind].length }),
      ...c[kind].map((id) => `  - ${id}`),
    );
  }
  return `${lines.join('\n')}\n`;
}
