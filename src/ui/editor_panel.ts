// The editor's side panel, built with h() from props: status, paste, geocoding, the row list, the form, export.

import { CATALOG } from '../catalog';
import { CRS_IDS, type Crs } from '../lib/crs';
import { FACILITY_COLUMNS, type FacilityColumn } from '../lib/csv_features';
import { changeSummary } from '../lib/editor/export';
import type { GeocodeProvider } from '../lib/editor/geocode';
import type { RowCheck } from '../lib/editor/place_row';
import { canRedo, canUndo, type EditorRow, type EditorState } from '../lib/editor/working_set';
import { districtName, LANZHOU_DISTRICTS, STATUSES } from '../lib/feature';
import { type Lang, type MessageKey, translate } from '../lib/i18n';
import { formatIssue, type Issue } from '../lib/validate';
import { h } from './dom';
import './editor.css';

/** A message to show: key and params, rendered in the panel's language. */
export interface Said {
  key: MessageKey;
  params?: Record<string, string | number>;
  /** Issues listed under it (rendered in the panel's language). */
  issues?: readonly Issue[];
  /** A second message (e.g. the counts after a failure). */
  also?: { key: MessageKey; params?: Record<string, string | number> };
  tone?: 'ok' | 'error';
}

export interface EditorPanelProps {
  lang: Lang;
  state: EditorState;
  /** One per row of `state.rows`. */
  checks: readonly RowCheck[];
  selected: string | null;
  memoryOnly: boolean;
  saveFailed: boolean;
  /** Kept by the controller so that typed or pasted text survives re-renders. */
  pasteArea: HTMLTextAreaElement;
  keyInput: HTMLInputElement;
  pasteCrs: Crs;
  armed: boolean;
  planTargets: readonly { id: string; label: string }[];
  provider: GeocodeProvider;
  geocoding: { done: number; total: number } | null;
  said: { paste?: Said; geocode?: Said; export?: Said };
  on: {
    paste(): void;
    pasteCrs(crs: Crs): void;
    arm(): void;
    undo(): void;
    redo(): void;
    reset(): void;
    select(key: string): void;
    edit(key: string, column: FacilityColumn, value: string): void;
    remove(key: string): void;
    exportCsv(): void;
    exportGeoJson(): void;
    exportSummary(): void;
    geocode(): void;
    cancelGeocode(): void;
    provider(p: GeocodeProvider): void;
  };
}

/** Categories a point can have: every stored (not derived) layer drawn as points. */
export const POINT_CATEGORIES = CATALOG.filter(
  (e) => !e.derived && (e.geometry === 'point' || e.geometry === 'point_or_polygon'),
);

const errorsOf = (c: RowCheck | undefined) => c?.issues.filter((i) => i.severity === 'error') ?? [];

function button(
  id: string,
  label: string,
  onClick: () => void,
  attrs: Record<string, string | boolean> = {},
) {
  const b = h('button', { type: 'button', id, class: 'editor-button', ...attrs }, label);
  b.addEventListener('click', onClick);
  return b;
}

function said(lang: Lang, id: string, s: Said | undefined): HTMLElement {
  const el = h('div', {
    id,
    class: `editor-said${s?.tone ? ` said-${s.tone}` : ''}`,
    role: 'status',
    'aria-live': 'polite',
  });
  if (!s) return el;
  el.append(h('p', {}, translate(lang, s.key, s.params)));
  if (s.also) el.append(h('p', {}, translate(lang, s.also.key, s.also.params)));
  if (s.issues?.length)
    el.append(
      h(
        'ul',
        { class: 'import-issues' },
        ...s.issues.map((i) => h('li', { class: `issue-${i.severity}` }, formatIssue(i, lang))),
      ),
    );
  return el;
}

function select(
  id: string,
  value: string,
  options: readonly { value: string; label: string }[],
  onChange: (v: string) => void,
): HTMLSelectElement {
  const known = options.some((o) => o.value === value);
  const el = h(
    'select',
    { id },
    // A value the lists do not know (a typo in the sheet) stays visible until it is replaced.
    ...(known ? [] : [h('option', { value, selected: true }, value === '' ? '—' : value)]),
    ...options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label)),
  );
  el.addEventListener('change', () => onChange(el.value));
  return el;
}

function rowLabel(r: EditorRow, lang: Lang): string {
  const name = (lang === 'zh' ? r.row.name_zh : r.row.name_en) || r.row.name_zh || r.row.id;
  const cat = CATALOG.find((e) => e.id === r.row.category);
  return `${name} · ${cat ? (lang === 'zh' ? cat.name_zh : cat.name_en) : r.row.category || '—'}`;
}

function rowBadge(r: EditorRow, check: RowCheck | undefined, lang: Lang): string {
  const t = (k: MessageKey, p?: Record<string, string | number>) => translate(lang, k, p);
  const parts: string[] = [];
  if (r.needsPlace) parts.push(t('editor.row.needs_place'));
  const n = errorsOf(check).length;
  parts.push(n ? t('editor.row.problems', { n }) : t('editor.row.ok'));
  if (r.geocode?.outcome === 'ok' && r.geocode.level)
    parts.push(t('editor.geocode.level', { level: r.geocode.level, m: r.row.accuracy_m }));
  if (r.geocode?.outcome === 'none') parts.push(t('editor.geocode.none'));
  return parts.join(' · ');
}

function renderForm(p: EditorPanelProps, r: EditorRow, check: RowCheck | undefined): HTMLElement {
  const t = (k: MessageKey, params?: Record<string, string | number>) => translate(p.lang, k, params);
  const field = (column: FacilityColumn) => {
    const id = `editor-f-${column}`;
    const value = r.row[column];
    const commit = (v: string) => p.on.edit(r.key, column, v);
    let input: HTMLElement;
    switch (column) {
      case 'category':
        input = select(
          id,
          value,
          POINT_CATEGORIES.map((e) => ({ value: e.id, label: p.lang === 'zh' ? e.name_zh : e.name_en })),
          commit,
        );
        break;
      case 'status':
        input = select(
          id,
          value,
          STATUSES.map((s) => ({ value: s, label: t(`status.${s}` as MessageKey) })),
          commit,
        );
        break;
      case 'district':
        input = select(
          id,
          value,
          Object.keys(LANZHOU_DISTRICTS).map((code) => ({
            value: code,
            label: `${districtName(code, p.lang)} ${code}`,
          })),
          commit,
        );
        break;
      case 'plan_target':
        input = select(
          id,
          value,
          [
            { value: '', label: t('editor.form.none') },
            ...p.planTargets.map((x) => ({ value: x.id, label: x.label })),
          ],
          commit,
        );
        break;
      default: {
        const long = column === 'description_zh' || column === 'description_en';
        const el = long
          ? h('textarea', { id, rows: 2 })
          : h('input', { id, type: 'text', autocomplete: 'off' });
        el.value = value;
        el.addEventListener('change', () => commit(el.value));
        input = el;
      }
    }
    return h(
      'div',
      { class: 'editor-field' },
      h('label', { for: id }, t(`editor.field.${column}` as MessageKey)),
      input,
    );
  };
  const errors = check?.issues ?? [];
  return h(
    'section',
    { id: 'editor-form', class: 'editor-form', 'aria-labelledby': 'editor-form-title' },
    h('h3', { id: 'editor-form-title' }, t('editor.form.title', { name: r.row.name_zh || r.row.id })),
    r.needsPlace ? h('p', { class: 'editor-hint' }, t('editor.click.place')) : null,
    errors.length
      ? h(
          'div',
          { class: 'editor-issues' },
          h('p', {}, t('editor.form.issues')),
          h(
            'ul',
            { id: 'editor-issues', class: 'import-issues' },
            ...errors.map((i) => h('li', { class: `issue-${i.severity}` }, formatIssue(i, p.lang))),
          ),
        )
      : null,
    ...FACILITY_COLUMNS.map(field),
    button('editor-delete', t('editor.delete'), () => p.on.remove(r.key), {
      class: 'editor-button editor-danger',
    }),
  );
}

/** The whole panel. Data reaches the page only as text nodes and attribute values. */
export function renderEditorPanel(p: EditorPanelProps): HTMLElement {
  const t = (k: MessageKey, params?: Record<string, string | number>) => translate(p.lang, k, params);
  const { rows } = p.state;
  const bad = p.checks.filter((c) => errorsOf(c).length > 0).length;
  const summary = changeSummary(
    p.state.base,
    rows.map((r) => r.row),
  );
  const counts = {
    added: summary.added.length,
    moved: summary.moved.length,
    edited: summary.edited.length,
    removed: summary.removed.length,
  };
  const status = h(
    'div',
    { id: 'editor-status', class: 'editor-status', role: 'status' },
    h('p', {}, t('editor.rows', { n: rows.length, bad })),
    h(
      'p',
      { id: 'editor-unsaved', class: p.state.unexported ? 'editor-dirty' : 'editor-clean' },
      t(p.state.unexported ? 'editor.unsaved' : 'editor.clean'),
    ),
    h('p', { id: 'editor-changes' }, t('editor.changes', counts)),
    p.memoryOnly ? h('p', { class: 'said-error' }, t('editor.memory_only')) : null,
    p.saveFailed ? h('p', { class: 'said-error' }, t('editor.save_failed')) : null,
  );
  const tools = h(
    'div',
    { class: 'editor-tools' },
    button('editor-undo', t('editor.undo'), p.on.undo, { disabled: !canUndo(p.state) }),
    button('editor-redo', t('editor.redo'), p.on.redo, { disabled: !canRedo(p.state) }),
    button('editor-add-click', t(p.armed ? 'editor.click.armed' : 'editor.click.add'), p.on.arm, {
      'aria-pressed': p.armed ? 'true' : 'false',
    }),
    button('editor-reset', t('editor.reset'), p.on.reset),
  );
  p.pasteArea.setAttribute('aria-describedby', 'editor-paste-hint');
  const paste = h(
    'section',
    { class: 'editor-paste', 'aria-labelledby': 'editor-paste-title' },
    h('h3', { id: 'editor-paste-title' }, t('editor.paste.title')),
    h('p', { id: 'editor-paste-hint', class: 'editor-hint' }, t('editor.paste.hint')),
    p.pasteArea,
    h('label', { for: 'editor-paste-crs' }, t('editor.paste.crs')),
    select(
      'editor-paste-crs',
      p.pasteCrs,
      CRS_IDS.map((c) => ({ value: c, label: t(`import.ui.crs.${c}` as MessageKey) })),
      (v) => p.on.pasteCrs(v as Crs),
    ),
    button('editor-paste-apply', t('editor.paste.apply'), p.on.paste),
    said(p.lang, 'editor-paste-message', p.said.paste),
  );
  const pending = rows.filter((r) => r.needsPlace && r.row.address_zh.trim() !== '').length;
  const geocode = h(
    'section',
    { class: 'editor-geocode', 'aria-labelledby': 'editor-geocode-title' },
    h('h3', { id: 'editor-geocode-title' }, t('editor.geocode.title')),
    h('label', { for: 'editor-geocoder' }, t('editor.geocode.provider')),
    select(
      'editor-geocoder',
      p.provider,
      (['tianditu', 'amap'] as const).map((v) => ({ value: v, label: t(`editor.geocode.provider.${v}`) })),
      (v) => p.on.provider(v as GeocodeProvider),
    ),
    h('label', { for: 'editor-geocode-key' }, t('editor.geocode.key')),
    p.keyInput,
    p.geocoding
      ? h(
          'div',
          {},
          h('progress', {
            id: 'editor-geocode-progress',
            max: Math.max(1, p.geocoding.total),
            value: p.geocoding.done,
          }),
          h('span', {}, t('editor.geocode.progress', p.geocoding)),
          button('editor-geocode-cancel', t('editor.geocode.cancel'), p.on.cancelGeocode),
        )
      : button('editor-geocode-run', t('editor.geocode.run', { n: pending }), p.on.geocode, {
          disabled: pending === 0,
        }),
    said(p.lang, 'editor-geocode-message', p.said.geocode),
  );
  const list = h(
    'ul',
    { id: 'editor-rows', class: 'editor-rows' },
    ...rows.map((r, i) => {
      const check = p.checks[i];
      const b = h(
        'button',
        {
          type: 'button',
          class: `editor-row${errorsOf(check).length ? ' row-bad' : ''}${r.key === p.selected ? ' row-selected' : ''}`,
          'data-key': r.key,
          'data-id': r.row.id,
          'aria-pressed': r.key === p.selected ? 'true' : 'false',
        },
        h('span', { class: 'editor-row-name' }, rowLabel(r, p.lang)),
        h('span', { class: 'editor-row-badge' }, rowBadge(r, check, p.lang)),
      );
      b.addEventListener('click', () => p.on.select(r.key));
      return h('li', {}, b);
    }),
  );
  const at = rows.findIndex((r) => r.key === p.selected);
  const selected = rows[at];
  const exporter = h(
    'section',
    { class: 'editor-export', 'aria-labelledby': 'editor-export-title' },
    h('h3', { id: 'editor-export-title' }, t('editor.export.title')),
    h('p', { class: 'editor-hint' }, t('editor.export.hint')),
    button('editor-export-csv', t('editor.export.csv'), p.on.exportCsv),
    button('editor-export-geojson', t('editor.export.geojson'), p.on.exportGeoJson),
    button('editor-export-summary', t('editor.export.summary'), p.on.exportSummary),
    said(p.lang, 'editor-export-message', p.said.export),
  );
  return h(
    'section',
    { class: 'editor-panel', 'aria-labelledby': 'editor-title' },
    h('h2', { id: 'editor-title' }, t('editor.title')),
    h('p', { class: 'editor-hint' }, t('editor.hint')),
    status,
    tools,
    paste,
    geocode,
    list,
    selected ? renderForm(p, selected, p.checks[at]) : null,
    exporter,
  );
}
