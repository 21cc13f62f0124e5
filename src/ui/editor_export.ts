// The editor's downloads: places.csv or places.geojson (refused while any row fails), or the change summary.

import { changeSummary, featuresToGeoJson, rowsToCsv, summaryText } from '../lib/editor/export';
import type { RowCheck } from '../lib/editor/place_row';
import type { EditorState } from '../lib/editor/working_set';
import type { MapFeature } from '../lib/feature';
import type { Lang } from '../lib/i18n';
import { downloadBlob } from './download';
import type { Said } from './editor_panel';

/**
 * Downloads the working set as `kind` and says how it went. CSV and GeoJSON are refused while any row
 * fails its check (the first 20 errors are listed); the summary counts changes against the shipped places.
 * @param checks one per row of `state.rows`
 * @returns what to tell, and whether the rows now count as exported
 */
export function exportPlaces(
  kind: 'csv' | 'geojson' | 'summary',
  state: EditorState,
  checks: readonly RowCheck[],
  lang: Lang,
): { said: Said; exported: boolean } {
  const rows = state.rows.map((r) => r.row);
  if (kind === 'summary') {
    const text = summaryText(changeSummary(state.base, rows), lang, new Date().toISOString());
    downloadBlob(new Blob([text], { type: 'text/plain;charset=utf-8' }), 'places_changes.txt');
    return {
      said: { key: 'editor.export.done', params: { file: 'places_changes.txt' }, tone: 'ok' },
      exported: false,
    };
  }
  const bad = checks.filter((c) => !c.feature);
  if (bad.length > 0) {
    return {
      said: {
        key: 'editor.export.blocked',
        params: { n: bad.length },
        issues: bad.flatMap((c) => c.issues.filter((i) => i.severity === 'error')).slice(0, 20),
        tone: 'error',
      },
      exported: false,
    };
  }
  const file = kind === 'csv' ? 'places.csv' : 'places.geojson';
  const body =
    kind === 'csv'
      ? rowsToCsv(rows)
      : featuresToGeoJson(checks.map((c) => c.feature).filter((f): f is MapFeature => f !== null));
  downloadBlob(
    new Blob([body], { type: kind === 'csv' ? 'text/csv;charset=utf-8' : 'application/geo+json' }),
    file,
  );
  return { said: { key: 'editor.export.done', params: { file }, tone: 'ok' }, exported: true };
}
