// The editor's state and side effects: working set ⇄ IndexedDB, draggable markers, map clicks, geocoding, downloads.

import type { Map as MlMap } from 'maplibre-gl';
import type { Crs } from '../lib/crs';
import type { FacilityColumn } from '../lib/csv_features';
import { createDistrictLookup, type DistrictLookup } from '../lib/districts';
import { type GeocodeProvider, geocodeBatch } from '../lib/editor/geocode';
import { parsePaste } from '../lib/editor/paste';
import {
  checkRows,
  emptyRow,
  featureToRow,
  formatDegrees,
  type PlaceRow,
  type RowCheck,
  type RowCheckContext,
} from '../lib/editor/place_row';
import { openWorkingSetStore, type WorkingSetStore } from '../lib/editor/storage';
import {
  addRows,
  type EditorState,
  editRow,
  initialState,
  markExported,
  moveRow,
  redo,
  removeRow,
  resetRows,
  undo,
} from '../lib/editor/working_set';
import type { MapFeature, MapFeatureCollection } from '../lib/feature';
import { type Lang, type MessageKey, translate } from '../lib/i18n';
import type { PlanTarget } from '../lib/plan_targets';
import type { ViewState } from '../lib/url_state';
import { h } from './dom';
import { rowCheckContext } from './editor_check_context';
import { exportPlaces } from './editor_export';
import {
  batchSaid,
  type GeocodeFailure,
  makeGeocoder,
  saveKey,
  storedKey,
  withAnswer,
} from './editor_geocode';
import { EditorMarkers, hasPoint } from './editor_markers';
import { renderEditorPanel, type Said } from './editor_panel';

export interface EditorHost {
  /** Render the page again (the panel reads this controller). */
  refresh(): void;
  map(): MlMap | null;
  lang(): Lang;
}

export class EditorController {
  private state: EditorState = initialState([]);
  private checks: RowCheck[] = [];
  private ctx: RowCheckContext = {};
  private districts: DistrictLookup | undefined;
  private targets: { id: string; label: string }[] = [];
  private store: WorkingSetStore | null = null;
  private ready = false;
  private saveFailed = false;
  private selected: string | null = null;
  private armed = false;
  private pasteCrs: Crs = 'WGS84';
  private provider: GeocodeProvider = 'tianditu';
  private geocoding: { done: number; total: number; abort: AbortController } | null = null;
  private said: { paste?: Said; geocode?: Said; export?: Said } = {};
  private readonly markers = new EditorMarkers({
    select: (key) => this.select(key),
    move: (key, lon, lat) => {
      this.selected = key;
      this.update(moveRow(this.state, key, lon, lat));
    },
  });
  private shown = false;
  private readonly pasteArea = h('textarea', {
    id: 'editor-paste',
    rows: 5,
    spellcheck: 'false',
    class: 'editor-paste-area',
  });
  private readonly keyInput = h('input', { id: 'editor-geocode-key', type: 'password', autocomplete: 'off' });

  constructor(private readonly host: EditorHost) {
    this.keyInput.value = storedKey(this.provider);
    this.keyInput.addEventListener('change', () => saveKey(this.provider, this.keyInput.value));
    document.addEventListener('keydown', (e) => {
      if (!this.shown || !(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'z') return;
      const target = e.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      e.preventDefault();
      this.update(e.shiftKey ? redo(this.state) : undo(this.state));
    });
  }

  private get t() {
    const lang = this.host.lang();
    return (k: MessageKey, p?: Record<string, string | number>) => translate(lang, k, p);
  }

  /**
   * The shipped places (the base changes are counted against), the boundaries and the plan targets; then the
   * working set saved on this device, if any, replaces the fresh one.
   */
  async setData(
    shipped: readonly MapFeature[],
    districts: MapFeatureCollection,
    targets: readonly PlanTarget[],
  ): Promise<void> {
    const base = shipped.map(featureToRow).filter((r): r is PlaceRow => r !== null);
    this.districts = districts.features.length ? createDistrictLookup(districts) : undefined;
    this.targets = targets.map((x) => ({
      id: x.id,
      label: `${x.id} · ${this.host.lang() === 'zh' ? x.summary_zh : x.summary_en}`,
    }));
    const [ctx, store] = await Promise.all([
      rowCheckContext(this.districts, new Set(targets.map((x) => x.id))),
      openWorkingSetStore(),
    ]);
    this.ctx = ctx;
    this.store = store;
    const saved = await store.load();
    this.state = saved
      ? { ...initialState(base), rows: saved.rows, unexported: saved.unexported, nextKey: saved.nextKey }
      : initialState(base);
    this.checks = checkRows(this.rows(), this.ctx);
    this.ready = true;
    this.syncMarkers();
    this.host.refresh();
  }

  private rows(): PlaceRow[] {
    return this.state.rows.map((r) => r.row);
  }

  private update(next: EditorState): void {
    if (next === this.state) return;
    this.state = next;
    // A refusal or a "done" no longer describes the changed rows.
    this.said.export = undefined;
    this.checks = checkRows(this.rows(), this.ctx);
    if (this.selected && !next.rows.some((r) => r.key === this.selected)) this.selected = null;
    const store = this.store;
    if (store)
      void store
        .save({
          version: 1,
          savedAt: Date.now(),
          rows: [...next.rows],
          unexported: next.unexported,
          nextKey: next.nextKey,
        })
        .then((ok) => {
          if (ok === !this.saveFailed) return;
          this.saveFailed = !ok;
          this.host.refresh();
        });
    this.syncMarkers();
    this.host.refresh();
  }

  private select(key: string | null): void {
    this.selected = key;
    this.syncMarkers();
    this.host.refresh();
  }

  /** The side panel (p=edit). */
  panel(s: ViewState): HTMLElement {
    if (!this.ready) return h('p', { class: 'editor-hint' }, translate(s.lang, 'editor.loading'));
    return renderEditorPanel({
      lang: s.lang,
      state: this.state,
      checks: this.checks,
      selected: this.selected,
      memoryOnly: this.store?.kind === 'memory',
      saveFailed: this.saveFailed,
      pasteArea: this.pasteArea,
      keyInput: this.keyInput,
      pasteCrs: this.pasteCrs,
      armed: this.armed,
      planTargets: this.targets,
      provider: this.provider,
      geocoding: this.geocoding ? { done: this.geocoding.done, total: this.geocoding.total } : null,
      said: this.said,
      on: {
        paste: () => this.paste(),
        pasteCrs: (crs) => {
          this.pasteCrs = crs;
        },
        arm: () => {
          this.armed = !this.armed;
          this.host.refresh();
        },
        undo: () => this.update(undo(this.state)),
        redo: () => this.update(redo(this.state)),
        reset: () => this.update(resetRows(this.state)),
        select: (key) => this.select(key === this.selected ? null : key),
        edit: (key, column, value) => this.edit(key, column, value),
        remove: (key) => this.update(removeRow(this.state, key)),
        exportCsv: () => this.export('csv'),
        exportGeoJson: () => this.export('geojson'),
        exportSummary: () => this.export('summary'),
        geocode: () => void this.geocode(),
        cancelGeocode: () => this.geocoding?.abort.abort(),
        provider: (p) => {
          this.provider = p;
          this.keyInput.value = storedKey(p);
          this.host.refresh();
        },
      },
    });
  }

  private edit(key: string, column: FacilityColumn, value: string): void {
    const patch: Partial<Record<FacilityColumn, string>> = { [column]: value.trim() };
    const row = this.state.rows.find((r) => r.key === key);
    if (!row) return;
    const placed = column === 'lon' || column === 'lat' ? hasPoint({ ...row.row, ...patch }) : undefined;
    this.update(editRow(this.state, key, patch, placed === undefined ? {} : { needsPlace: !placed }));
  }

  private paste(): void {
    const t = this.t;
    const r = parsePaste(this.pasteArea.value, {
      crs: this.pasteCrs,
      label: t('editor.paste.label'),
      existingIds: new Set(this.rows().map((x) => x.id)),
      districts: this.districts,
    });
    if (!r.ok) {
      // A refused paste changes nothing: the text stays for the user to fix.
      this.said.paste = { key: 'editor.paste.refused', issues: [r.issue], tone: 'error' };
      this.host.refresh();
      return;
    }
    const before = this.state.rows.length;
    const { state } = addRows(
      this.state,
      r.rows.map((p) => ({ row: p.row, needsPlace: p.row.lon === '' && p.row.lat === '' })),
    );
    const checks = checkRows(
      state.rows.map((x) => x.row),
      this.ctx,
    ).slice(before);
    this.said.paste = {
      key: 'editor.paste.added',
      params: {
        n: r.rows.length,
        bad: checks.filter((c) => c.issues.some((i) => i.severity === 'error')).length,
        geo: r.rows.filter((p) => p.needsGeocode).length,
      },
      issues: r.issues,
      tone: 'ok',
    };
    this.pasteArea.value = '';
    this.update(state);
    this.fitTo(r.rows.map((p) => p.row));
  }

  private fitTo(rows: readonly PlaceRow[]): void {
    const pts = rows.filter(hasPoint).map((r) => [Number(r.lon), Number(r.lat)] as [number, number]);
    const map = this.host.map();
    if (!map || pts.length === 0) return;
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    map.fitBounds(
      [
        [Math.min(...xs), Math.min(...ys)],
        [Math.max(...xs), Math.max(...ys)],
      ],
      // The side panel covers the map's left ~320 px on wide screens.
      {
        padding: { top: 60, bottom: 60, right: 60, left: map.getContainer().clientWidth >= 768 ? 360 : 40 },
        maxZoom: 15,
        duration: 0,
      },
    );
  }

  private export(kind: 'csv' | 'geojson' | 'summary'): void {
    const { said, exported } = exportPlaces(kind, this.state, this.checks, this.host.lang());
    if (exported) this.update(markExported(this.state));
    this.said.export = said;
    this.host.refresh();
  }

  private async geocode(): Promise<void> {
    if (this.geocoding) return;
    const key = this.keyInput.value.trim() || storedKey(this.provider);
    const geocoder = makeGeocoder(this.provider, key);
    const items = this.state.rows
      .filter((r) => r.needsPlace && r.row.address_zh.trim() !== '')
      .map((r) => ({ key: r.key, address: r.row.address_zh }));
    const abort = new AbortController();
    this.geocoding = { done: 0, total: items.length, abort };
    this.said.geocode = undefined;
    this.host.refresh();
    const errors: GeocodeFailure[] = [];
    const r = await geocodeBatch(items, geocoder, {
      signal: abort.signal,
      onProgress: (done, _total, rowKey, answer) => {
        if (this.geocoding) this.geocoding.done = done;
        if (answer.kind === 'error') errors.push(answer);
        const next = withAnswer(this.state, rowKey, answer, this.provider, this.districts);
        if (next) this.update(next);
      },
    });
    this.geocoding = null;
    this.said.geocode = batchSaid(r, items.length, errors);
    this.host.refresh();
  }

  /** In edit mode a click adds a place (after "click the map to add") or places the selected row without one. */
  mapClick(s: ViewState, lngLat: [number, number]): boolean {
    if (s.panel !== 'edit' || !this.ready) return false;
    const [lon, lat] = lngLat;
    const selected = this.state.rows.find((r) => r.key === this.selected);
    if (this.armed) {
      this.armed = false;
      const row = {
        ...emptyRow(),
        name_zh: this.t('editor.new_name'),
        district: this.districts?.districtAt(lon, lat) ?? '',
      };
      let n = this.state.rows.length + 1;
      const ids = new Set(this.rows().map((r) => r.id));
      while (ids.has(`ed-${n}`)) n++;
      row.id = `ed-${n}`;
      row.lon = formatDegrees(lon);
      row.lat = formatDegrees(lat);
      const added = addRows(this.state, [{ row }]);
      this.selected = added.keys[0] ?? null;
      this.update(added.state);
      return true;
    }
    if (selected?.needsPlace) {
      this.update(moveRow(this.state, selected.key, lon, lat));
      return true;
    }
    return false;
  }

  /** Shows the working set as draggable markers while the edit panel is open. */
  sync(s: ViewState): void {
    this.shown = s.panel === 'edit';
    this.syncMarkers();
  }

  private syncMarkers(): void {
    const rows = this.shown && this.ready ? this.state.rows : [];
    this.markers.sync(
      this.host.map(),
      rows.map((r, i) => ({ key: r.key, row: r.row, bad: !this.checks[i]?.feature })),
      this.selected,
    );
  }
}
