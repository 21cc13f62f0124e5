// The import section of the layer panel: file chooser, CRS choice, progress and every message of the last import.

import { CRS_IDS, type Crs } from '../lib/crs';
import { type Lang, type MessageKey, translate } from '../lib/i18n';
import type { ImportProgress, ImportResult } from '../lib/import/import_file';
import { formatIssue } from '../lib/validate';
import { h } from './dom';

export interface ImportPanelProps {
  lang: Lang;
  crs: Crs;
  progress: ImportProgress | null;
  result: ImportResult | null;
  onCrs(crs: Crs): void;
  onFile(file: File): void;
}

/** Render the section. Messages are built with formatIssue (text only), never as HTML. */
export function renderImportPanel(p: ImportPanelProps): HTMLElement {
  const t = (k: MessageKey, params?: Record<string, string | number>) => translate(p.lang, k, params);
  const input = h('input', {
    type: 'file',
    id: 'import-file',
    accept: '.csv,.txt,.geojson,.json,text/csv,application/geo+json',
  });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) p.onFile(file);
  });
  const crs = h(
    'select',
    { id: 'import-crs' },
    ...CRS_IDS.map((id) =>
      h('option', { value: id, selected: id === p.crs }, t(`import.ui.crs.${id}` as MessageKey)),
    ),
  );
  crs.addEventListener('change', () => p.onCrs(crs.value as Crs));
  const status = h('div', { class: 'import-status', role: 'status', 'aria-live': 'polite' });
  if (p.progress && p.progress.phase !== 'done') {
    status.append(
      t(`import.phase.${p.progress.phase}` as MessageKey, { done: p.progress.done, total: p.progress.total }),
      h('progress', { max: Math.max(1, p.progress.total), value: p.progress.done }),
    );
  } else if (p.result) {
    const s = p.result.stats;
    status.append(
      h(
        'p',
        {},
        t('import.ui.result', {
          file: s.file,
          records: s.records,
          accepted: s.accepted,
          rejected: s.rejected,
        }),
      ),
    );
    if (s.accepted === 0) status.append(h('p', { class: 'import-kept' }, t('import.ui.kept')));
    if (p.result.issues.length) {
      status.append(
        h(
          'ul',
          { class: 'import-issues' },
          ...p.result.issues.map((i) => h('li', { class: `issue-${i.severity}` }, formatIssue(i, p.lang))),
        ),
      );
    }
  }
  return h(
    'section',
    { class: 'import-panel', 'aria-labelledby': 'import-title' },
    h('h3', { id: 'import-title' }, t('import.ui.title')),
    h('p', { class: 'import-hint' }, t('import.ui.hint')),
    h('label', { for: 'import-crs' }, t('import.ui.crs')),
    crs,
    h('label', { for: 'import-file', class: 'import-file-label' }, t('import.ui.file')),
    input,
    status,
  );
}
